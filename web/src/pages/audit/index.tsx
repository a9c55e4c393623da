import { AutoComplete, Button, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { dateTime } from '../../api/format';
import { ApiErrorAlert } from '../../components/api-error';
import { useApi } from '../../components/use-api';
import { useI18n, type MessageKey } from '../../i18n';
import { loadAudit, loadCodeNames, loadUserNames, PAGE_SIZE, type AuditFilters, type AuditRow } from './api';
import { AuditDetails } from './components/details';
import { actionLabel, GROUPS, groupActions, SCREEN, type Group } from './words';

type FormValues = { group?: Group; actor?: string; subject?: string; range?: [Dayjs, Dayjs] };

const ROLES = new Set(['admin', 'operator', 'department', 'lender', 'subject']);

/** 审计日志 (admin): every sign-in, change and non-public read, in words; by kind of action, actor, subject and date. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const s = SCREEN[lang === 'en-US' ? 'en' : 'zh'];
  const [form] = Form.useForm<FormValues>();
  const [f, setF] = useState<AuditFilters>({ page: 1 });
  const rows = useApi((sig) => loadAudit(f, sig), JSON.stringify(f));
  const users = useApi((sig) => loadUserNames(sig), 'users');
  const names = useApi(() => loadCodeNames(), 'names');
  const actorKind = (k: string) => (ROLES.has(k) ? t(`role.${k}` as MessageKey) : s.actorKinds[k] ?? null);
  const apply = (v: FormValues) => setF({
    page: 1, action: v.group ? groupActions(v.group) : undefined, actor: v.actor?.trim() || undefined, subject: v.subject?.trim() || undefined,
    from: v.range?.[0]?.format('YYYY-MM-DD'), to: v.range?.[1]?.format('YYYY-MM-DD'),
  });
  return (
    <div>
      <Typography.Title level={2}>{t('menu.audit')}</Typography.Title>
      <Form form={form} layout="inline" className="filters" onFinish={apply} data-testid="audit-filters">
        <Form.Item name="group" label={s.group}>
          <Select allowClear placeholder={s.groupAll} style={{ minWidth: 200 }} data-testid="audit-group"
            options={(Object.keys(GROUPS) as Group[]).map((g) => ({ value: g, label: lang === 'en-US' ? GROUPS[g].en : GROUPS[g].zh }))} />
        </Form.Item>
        <Form.Item name="actor" label={s.actor}>
          <AutoComplete allowClear placeholder={s.actorHint} style={{ minWidth: 180 }} data-testid="audit-actor"
            options={(users.data ?? []).map((u) => ({ value: u }))} showSearch={{ filterOption: (input, o) => String(o?.value ?? '').toLowerCase().includes(input.toLowerCase()) }} />
        </Form.Item>
        <Form.Item name="subject" label={s.subject}><Input className="mono" placeholder={t('audit.subjectHint')} allowClear /></Form.Item>
        <Form.Item name="range" label={s.date}><DatePicker.RangePicker data-testid="audit-dates" /></Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="audit-filter">{s.filter}</Button>
            <Button onClick={() => { form.resetFields(); setF({ page: 1 }); }}>{s.reset}</Button>
          </Space>
        </Form.Item>
      </Form>
      {rows.error ? <ApiErrorAlert error={rows.error} onRetry={rows.reload} /> : (
        <Table<AuditRow> rowKey="seq" size="small" className="section" loading={rows.loading} dataSource={rows.data?.items ?? []} scroll={{ x: 1000 }} data-testid="audit-table"
          pagination={{ current: f.page, pageSize: PAGE_SIZE, total: rows.data?.total ?? 0, onChange: (page) => setF({ ...f, page }), showSizeChanger: false, showTotal: (n) => s.total.replace('{n}', String(n)) }}
          columns={[
            {
              title: s.at, dataIndex: 'at', render: (v: string, r) => (
                <Space orientation="vertical" size={0}><span style={{ whiteSpace: 'nowrap' }}>{dateTime(v)}</span>{r.ip && <span className="mono muted">{r.ip}</span>}</Space>
              ),
            },
            { title: s.action, key: 'action', width: 150, render: (_, r) => <strong data-testid="audit-action">{actionLabel(r.action, lang)}</strong> },
            {
              title: s.actor, key: 'actor', render: (_, r) => {
                const kind = actorKind(r.actorKind);
                return <Space orientation="vertical" size={2}><span>{r.actorName ?? r.actorId ?? '—'}</span>{kind && <Tag>{kind}</Tag>}</Space>;
              },
            },
            {
              title: s.subject, key: 'subject', render: (_, r) => (r.subjectName ? (
                <Space orientation="vertical" size={0}><span>{r.subjectName}</span>{r.subjectCode && <span className="mono muted">{r.subjectCode}</span>}</Space>
              ) : r.subjectId ?? '—'),
            },
            { title: s.department, dataIndex: 'departmentName', render: (v: string | null) => v ?? '—' },
            { title: s.details, key: 'details', render: (_, r) => <AuditDetails details={r.details} purpose={r.purpose} lang={lang} names={names.data} category={r.categories[0]} /> },
          ]} />
      )}
    </div>
  );
}
