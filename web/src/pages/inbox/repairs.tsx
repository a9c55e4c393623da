import { Button, Checkbox, Descriptions, Drawer, Form, Input, Radio, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { can } from '../../access';
import { ApiErrorAlert } from '../../components/api-error';
import { DeadlineTag } from '../../components/deadline-tag';
import { useAction, useApi } from '../../components/use-api';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { decideRepair, getRepair, isOpen, listRepairs, outcomeOf, stateLabelOf, type Repair, type RepairState } from '../repair/api';

const OPEN: RepairState[] = ['returned', 'accepted', 'extended'];
const CLOSED: RepairState[] = ['approved', 'rejected', 'revoked'];

/** The uploaded materials: only GET /repairs/:id lists them (the inbox list does not). */
function Materials({ id }: { id: number }) {
  const full = useApi((s) => getRepair(id, s), `repair${id}`);
  if (full.error) return <ApiErrorAlert error={full.error} compact />;
  const files = full.data?.files ?? [];
  if (!files.length) return <span className="muted">{full.loading ? '…' : '—'}</span>;
  const names = new Map(full.data?.materials.required.map((m) => [m.code, m.name]));
  return (
    <Space orientation="vertical" size={2}>
      {files.map((f) => <a key={f.id} href={`/api/v1/repairs/${id}/files/${f.id}`}>{names.get(f.role) ?? f.role} · {f.name}</a>)}
    </Space>
  );
}

function Decide({ r, onDone }: { r: Repair; onDone: () => void }) {
  const t = useT();
  const action = useAction(decideRepair);
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  return (
    <Form layout="vertical" onFinish={async (v: { reason: string }) => { if (await action.run(r.id, { decision, reason: v.reason.trim() })) onDone(); }}>
      <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value as 'approve' | 'reject')} className="section">
        <Radio value="approve">{t('repair.approve')}</Radio>
        <Radio value="reject">{t('repair.reject')}</Radio>
      </Radio.Group>
      <Form.Item name="reason" label={t('inbox.reason')} rules={[{ required: true, message: t('inbox.reasonRequired') }]}><Input.TextArea rows={3} data-testid="repair-decision-reason" /></Form.Item>
      {action.error && <div className="section"><ApiErrorAlert error={action.error} /></div>}
      <Button type="primary" htmlType="submit" loading={action.busy} data-testid="repair-decision-submit">{t('inbox.submitAnswer')}</Button>
    </Form>
  );
}

/** 信用修复审核: applications with their decision deadlines and overdue flags. */
export function RepairInboxPage() {
  const t = useT();
  const { me } = useSession();
  const [which, setWhich] = useState<'open' | 'closed'>('open');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [tick, setTick] = useState(0);
  const [open, setOpen] = useState<Repair | null>(null);
  const list = useApi((s) => listRepairs({ state: which === 'open' ? OPEN : CLOSED, overdue: overdueOnly || undefined, page }, s), `${which}|${overdueOnly}|${page}|${tick}`);
  return (
    <div>
      <Typography.Title level={2}>{t('menu.repairs')}</Typography.Title>
      <Space wrap className="section">
        <Segmented value={which} onChange={(v) => { setWhich(v as 'open' | 'closed'); setPage(1); }} options={[{ value: 'open', label: t('inbox.open') }, { value: 'closed', label: t('inbox.closed') }]} />
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>{t('inbox.overdueOnly')}</Checkbox>
      </Space>
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : (
        <Table<Repair> rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items ?? []} scroll={{ x: 'max-content' }} data-testid="repair-inbox"
          locale={{ emptyText: t('inbox.empty') }} rowClassName={(r) => (r.overdue && isOpen(r) ? 'row-overdue' : '')}
          onRow={(r) => ({ onClick: () => setOpen(r), onKeyDown: (e) => { if (e.key === 'Enter') setOpen(r); }, tabIndex: 0, className: 'clickable' })}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: '#', dataIndex: 'id' },
            { title: t('repair.appliedOn'), dataIndex: 'appliedOn' },
            { title: t('track.department'), key: 'd', render: (_, r) => r.department?.name ?? '—' },
            { title: t('track.state'), key: 's', render: (_, r) => <Tag color={isOpen(r) ? 'blue' : 'green'}>{stateLabelOf(r)}</Tag> },
            { title: t('track.dueOn'), key: 'due', render: (_, r) => <DeadlineTag due={r.decisionDue} overdue={r.overdue} open={isOpen(r)} /> },
          ]} />
      )}
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={560} title={open ? t('repair.no', { id: open.id }) : ''} destroyOnHidden>
        {open && (
          <>
            <Descriptions size="small" column={1} bordered items={[
              { key: 's', label: t('track.state'), children: stateLabelOf(open) },
              { key: 'a', label: t('repair.appliedOn'), children: open.appliedOn },
              { key: 'st', label: t('repair.statement'), children: open.statement ?? '—' },
              { key: 'f', label: t('objection.evidence'), children: <Materials id={open.id} /> },
              { key: 'm', label: t('repair.missing'), children: open.materials.missing.map((m) => m.name).join('、') || '—' },
              ...(outcomeOf(open) ? [{ key: 'o', label: t('objection.answer'), children: outcomeOf(open) }] : []),
            ]} />
            {can(me?.role, 'repairDecide') && isOpen(open) && open.state !== 'returned' && (
              <div className="section"><Decide r={open} onDone={() => { setOpen(null); setTick((n) => n + 1); }} /></div>
            )}
          </>
        )}
      </Drawer>
    </div>
  );
}
