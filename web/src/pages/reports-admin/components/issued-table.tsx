import { Button, DatePicker, Form, Input, message, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { dateTime, dayOf } from '../../../api/format';
import { ApiErrorAlert } from '../../../components/api-error';
import { useApi } from '../../../components/use-api';
import { loadIssued, PAGE_SIZE, reportPdfUrl, type IssuedFilters, type IssuedRow } from '../api';
import { useWords, type WordKey } from '../words';
import { RevokeModal } from './revoke-modal';

interface FilterFields { q?: string; kind?: IssuedFilters['kind']; state?: IssuedFilters['state']; requester?: IssuedFilters['requester']; range?: [Dayjs, Dayjs] | null }

const REQUESTER_WORDS: Record<string, WordKey> = {
  public: 'reqPublic', subject: 'reqSubject', department: 'reqDepartment', admin: 'reqCenter', operator: 'reqCenter', lender: 'reqLender',
};

function StateTag({ r }: { r: IssuedRow }) {
  const w = useWords();
  if (r.revoked) {
    return (
      <Tooltip title={w('revokedOn', { date: dayOf(r.revokedAt), reason: r.revokedReason ?? '' })}>
        <Tag color="red" data-testid="state-revoked">{w('stateRevoked')}</Tag>
        <div className="small muted">{dayOf(r.revokedAt)}</div>
      </Tooltip>
    );
  }
  return r.expired ? <Tag>{w('stateExpired')}</Tag> : <Tooltip title={w('validUntil', { date: r.validUntil })}><Tag color="green">{w('stateValid')}</Tag></Tooltip>;
}

/** 已出具报告: every issued report, filterable, with its verifications and revocation. */
export function IssuedTable() {
  const w = useWords();
  const [form] = Form.useForm<FilterFields>();
  const [f, setF] = useState<IssuedFilters>({ page: 1 });
  const [tick, setTick] = useState(0);
  const rows = useApi((s) => loadIssued(f, s), `${JSON.stringify(f)}|${tick}`);
  const [revoking, setRevoking] = useState<IssuedRow | null>(null);
  const apply = (v: FilterFields) => setF({
    page: 1, q: v.q?.trim() || undefined, kind: v.kind, state: v.state, requester: v.requester,
    from: v.range?.[0]?.format('YYYY-MM-DD'), to: v.range?.[1]?.format('YYYY-MM-DD'),
  });

  return (
    <div>
      <Form form={form} layout="inline" className="filters" onFinish={apply}>
        <Form.Item name="q"><Input.Search placeholder={w('search')} allowClear onSearch={() => form.submit()} style={{ width: 280 }} data-testid="reports-q" /></Form.Item>
        <Form.Item name="kind"><Select allowClear placeholder={w('kind')} style={{ width: 180 }} options={[{ value: 'public', label: w('kindPublic') }, { value: 'certificate', label: w('kindCertificate') }]} /></Form.Item>
        <Form.Item name="state"><Select allowClear placeholder={w('state')} style={{ width: 120 }} data-testid="reports-state"
          options={[{ value: 'valid', label: w('stateValid') }, { value: 'expired', label: w('stateExpired') }, { value: 'revoked', label: w('stateRevoked') }]} /></Form.Item>
        <Form.Item name="requester"><Select allowClear placeholder={w('requester')} style={{ width: 140 }}
          options={(['public', 'subject', 'department', 'center', 'lender'] as const).map((k) => ({ value: k, label: w(REQUESTER_WORDS[k === 'center' ? 'admin' : k]!) }))} /></Form.Item>
        <Form.Item name="range" label={w('issuedOn')}><DatePicker.RangePicker /></Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="reports-filter">{w('filter')}</Button>
            <Button onClick={() => { form.resetFields(); setF({ page: 1 }); }}>{w('reset')}</Button>
          </Space>
        </Form.Item>
      </Form>
      {rows.error ? <ApiErrorAlert error={rows.error} onRetry={rows.reload} /> : (
        <Table<IssuedRow> rowKey="number" size="small" className="section" loading={rows.loading} dataSource={rows.data?.items ?? []} scroll={{ x: 'max-content' }}
          data-testid="reports-table"
          pagination={{ current: f.page, pageSize: PAGE_SIZE, total: rows.data?.total ?? 0, onChange: (page) => setF({ ...f, page }), showSizeChanger: false, showTotal: (n) => w('total', { n }) }}
          columns={[
            { title: w('colNumber'), dataIndex: 'number', render: (v: string) => <span className="mono">{v}</span> },
            { title: w('colSubject'), key: 's', render: (_, r) => <div><div>{r.subjectName}</div><div className="mono small muted">{r.subjectCode}</div></div> },
            { title: w('colKind'), dataIndex: 'kind', render: (v: string) => w(v === 'certificate' ? 'kindCertificate' : 'kindPublic') },
            { title: w('colPurpose'), dataIndex: 'purpose', render: (v: string | null) => v ?? <Typography.Text type="secondary">{w('noPurpose')}</Typography.Text> },
            {
              title: w('colRequester'), key: 'q', render: (_, r) => (
                <div><div>{w(REQUESTER_WORDS[r.requesterRole] ?? 'reqPublic')}</div>
                  {(r.departmentName || r.requesterName) && <div className="small muted">{[r.departmentName, r.requesterName].filter(Boolean).join(' · ')}</div>}</div>
              ),
            },
            { title: w('colIssued'), dataIndex: 'issuedAt', render: (v: string) => dateTime(v) },
            {
              title: w('colVerified'), dataIndex: 'verifiedCount', align: 'right', render: (n: number, r) => (
                <Tooltip title={r.lastVerifiedAt ? w('lastVerified', { at: dateTime(r.lastVerifiedAt) }) : w('neverVerified')}>
                  <span data-testid="verified-count">{w('verifiedTimes', { n })}</span>
                </Tooltip>
              ),
            },
            { title: w('colState'), key: 'st', render: (_, r) => <StateTag r={r} /> },
            {
              title: w('colActions'), key: 'a', render: (_, r) => (
                <Space size={4}>
                  <Button size="small" href={reportPdfUrl(r.number)} target="_blank" rel="noopener">{w('openPdf')}</Button>
                  {!r.revoked && <Button size="small" danger onClick={() => setRevoking(r)} data-testid="revoke-open">{w('revoke')}</Button>}
                </Space>
              ),
            },
          ]} />
      )}
      <RevokeModal report={revoking} onClose={() => setRevoking(null)} onRevoked={(r) => {
        setRevoking(null);
        setTick((n) => n + 1);
        void message.success(w('revoked', { number: r.number }));
      }} />
    </div>
  );
}
