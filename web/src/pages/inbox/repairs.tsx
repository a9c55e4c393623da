import { Button, Descriptions, Form, Input, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import { can } from '../../access';
import { ApiErrorAlert } from '../../components/api-error';
import { CaseInbox } from '../../components/case-inbox';
import { DeadlineTag } from '../../components/deadline-tag';
import { useAction, useApi } from '../../components/use-api';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { decideRepair, getRepair, isOpen, listRepairs, outcomeOf, stateLabelOf, type Repair, type RepairState } from '../repair/api';

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
  return (
    <CaseInbox<Repair, RepairState> title={t('menu.repairs')} testId="repair-inbox" load={listRepairs}
      states={{ open: ['returned', 'accepted', 'extended'], closed: ['approved', 'rejected', 'revoked'] }}
      overdue={(r) => r.overdue && isOpen(r)}
      columns={[
        { title: '#', dataIndex: 'id' },
        { title: t('repair.appliedOn'), dataIndex: 'appliedOn' },
        { title: t('track.department'), key: 'd', render: (_, r) => r.department?.name ?? '—' },
        { title: t('track.state'), key: 's', render: (_, r) => <Tag color={isOpen(r) ? 'blue' : 'green'}>{stateLabelOf(r)}</Tag> },
        { title: t('track.dueOn'), key: 'due', render: (_, r) => <DeadlineTag due={r.decisionDue} overdue={r.overdue} open={isOpen(r)} /> },
      ]}
      drawer={{ size: 560, title: (r) => (r ? t('repair.no', { id: r.id }) : '') }}
      detail={(r, on) => (
        <>
          <Descriptions size="small" column={1} bordered items={[
            { key: 's', label: t('track.state'), children: stateLabelOf(r) },
            { key: 'a', label: t('repair.appliedOn'), children: r.appliedOn },
            { key: 'st', label: t('repair.statement'), children: r.statement ?? '—' },
            { key: 'f', label: t('objection.evidence'), children: <Materials id={r.id} /> },
            { key: 'm', label: t('repair.missing'), children: r.materials.missing.map((m) => m.name).join('、') || '—' },
            ...(outcomeOf(r) ? [{ key: 'o', label: t('objection.answer'), children: outcomeOf(r) }] : []),
          ]} />
          {can(me?.role, 'repairDecide') && isOpen(r) && r.state !== 'returned' && (
            <div className="section"><Decide r={r} onDone={on.done} /></div>
          )}
        </>
      )} />
  );
}
