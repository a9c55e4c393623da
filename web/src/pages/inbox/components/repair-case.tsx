import { Button, Descriptions, Divider, Form, Input, Modal, Radio, Space, Timeline } from 'antd';
import { useState } from 'react';
import { dateTime } from '../../../api/format';
import { ApiErrorAlert } from '../../../components/api-error';
import { AsyncView } from '../../../components/async-view';
import { DeadlineTag } from '../../../components/deadline-tag';
import { useAction, useApi } from '../../../components/use-api';
import { useT } from '../../../i18n';
import { decideRepair, getRepair, outcomeOf, type Repair } from '../../repair/api';
import { fill, useWords } from '../words';
import { CaseContextView, describeTarget } from './case-context';
import { EligibilityCheck } from './eligibility-check';

/** Approving takes the record (or entry) off publication: the reviewer confirms, reading what will happen to which. */
function Decide({ r, onDone }: { r: Repair; onDone: () => void }) {
  const t = useT();
  const w = useWords();
  const action = useAction(decideRepair);
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [modal, confirmHolder] = Modal.useModal();
  const submit = async (reason: string) => { if (await action.run(r.id, { decision, reason })) onDone(); };
  const onFinish = (v: { reason: string }) => {
    const reason = v.reason.trim();
    if (decision === 'reject') return void submit(reason);
    const entry = r.context?.listEntry;
    const content = r.context?.record
      ? fill(w.confirmApprove, { what: describeTarget(r.context, w.lang, w.what) })
      : entry ? fill(w.confirmApproveEntry, { id: entry.id, list: entry.list.name, party: r.context!.party.name }) : '';
    modal.confirm({
      title: w.confirmApproveTitle, content: <span data-testid="repair-confirm">{content}</span>,
      okText: w.confirmOk, cancelText: w.confirmCancel, okButtonProps: { ...{ 'data-testid': 'repair-confirm-ok' } },
      onOk: () => submit(reason),
    });
  };
  return (
    <Form layout="vertical" onFinish={onFinish}>
      {confirmHolder}
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

/** One repair application as the reviewer reads it: the application, what it is about, the conditions, the history, the decision. */
export function RepairCase({ id, canDecide, onDone }: { id: number; canDecide: boolean; onDone: () => void }) {
  const t = useT();
  const w = useWords();
  const full = useApi((s) => getRepair(id, s), `repair${id}`);
  return (
    <AsyncView state={full} rows={8}>
      {(r) => {
        const names = new Map(r.materials.required.map((m) => [m.code, m.name]));
        const outcome = outcomeOf(r);
        return (
          <div data-testid="repair-case">
            <Descriptions size="small" column={1} bordered items={[
              { key: 's', label: t('track.state'), children: <span data-testid="repair-state">{w.repairStates[r.state] ?? r.stateLabel}</span> },
              { key: 'a', label: t('repair.appliedOn'), children: r.appliedOn },
              ...(r.decisionDue ? [{ key: 'due', label: t('track.dueOn'), children: <DeadlineTag due={r.decisionDue} overdue={r.overdue} open={r.open} /> }] : []),
              ...(r.agentName ? [{ key: 'agent', label: w.agent, children: r.agentName }] : []),
              { key: 'st', label: t('repair.statement'), children: r.statement ?? '—' },
              {
                key: 'f', label: t('objection.evidence'), children: r.files?.length ? (
                  <Space orientation="vertical" size={2}>{r.files.map((f) => <a key={f.id} href={`/api/v1/repairs/${r.id}/files/${f.id}`}>{names.get(f.role) ?? w.fileRoles[f.role] ?? f.role} · {f.name}</a>)}</Space>
                ) : '—',
              },
              { key: 'm', label: t('repair.missing'), children: r.materials.missing.map((m) => m.name).join('、') || '—' },
              ...(outcome ? [{ key: 'o', label: t('objection.answer'), children: outcome }] : []),
            ]} />
            {r.check && (
              <>
                <Divider titlePlacement="start">{w.eligibility}</Divider>
                <EligibilityCheck check={r.check} />
              </>
            )}
            {r.context && (
              <>
                <Divider titlePlacement="start">{r.context.record ? w.record : w.listEntry}</Divider>
                <CaseContextView context={r.context} />
              </>
            )}
            {r.events && (
              <>
                <Divider titlePlacement="start">{t('inbox.history')}</Divider>
                <Timeline items={r.events.map((e) => ({ children: `${dateTime(e.at).slice(0, 16)} ${e.label} · ${e.actor.name}${e.note ? ` · ${e.note}` : ''}` }))} />
              </>
            )}
            {canDecide && r.open && r.state !== 'returned' && <div className="section"><Decide r={r} onDone={onDone} /></div>}
          </div>
        );
      }}
    </AsyncView>
  );
}
