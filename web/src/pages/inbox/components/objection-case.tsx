import { Button, Descriptions, Divider, Form, Input, Modal, Radio, Select, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { loadCategories } from '../../../api/catalog';
import { dateTime } from '../../../api/format';
import { ApiErrorAlert } from '../../../components/api-error';
import { AsyncView } from '../../../components/async-view';
import { DeadlineTag } from '../../../components/deadline-tag';
import { useAction, useApi } from '../../../components/use-api';
import { useT } from '../../../i18n';
import { decideObjection, extendObjection, getObjection, type Decision, type Objection } from '../api';
import { fill, useWords } from '../words';
import { CaseContextView, describeTarget } from './case-context';

type Answer = { reason: string; field?: string; value?: string };

/** One objection's case file with what it is about, and the answer form for the department (correct, revoke or maintain). */
export function ObjectionCase({ id, canDecide, onChanged }: { id: number; canDecide: boolean; onChanged: () => void }) {
  const t = useT();
  const w = useWords();
  const [tick, setTick] = useState(0);
  const state = useApi((s) => getObjection(id, s), `${id}|${tick}`);
  const cats = useApi(() => loadCategories(), 'categories');
  const [decision, setDecision] = useState<Decision>('correct');
  const decide = useAction(decideObjection);
  const extend = useAction(extendObjection);
  const [form] = Form.useForm();
  const [modal, confirmHolder] = Modal.useModal();

  /** Correcting or revoking changes the record: the clerk confirms, reading what will happen to which record. */
  const answer = (o: Objection, v: Answer) => {
    const body = { decision, reason: v.reason.trim(), ...(decision === 'correct' && v.field ? { fields: { [v.field]: v.value ?? '' } } : {}) };
    const submit = async () => { if (await decide.run(o.id, body)) { setTick((n) => n + 1); onChanged(); } };
    if (decision === 'maintain') return void submit();
    const what = describeTarget(o.context, w.lang, w.what) || `#${o.record}`;
    const field = o.context?.record?.fields.find((f) => f.code === v.field);
    const label = field?.label ?? cats.data?.find((c) => c.code === o.category)?.fields.find((f) => f.code === v.field)?.label ?? v.field ?? '';
    modal.confirm({
      title: decision === 'revoke' ? w.confirmRevokeTitle : w.confirmCorrectTitle,
      content: <span data-testid="decision-confirm">{decision === 'revoke' ? fill(w.confirmRevoke, { what }) : fill(w.confirmCorrect, { what, field: label, from: field?.value ?? w.empty, to: v.value ?? '' })}</span>,
      okText: w.confirmOk, cancelText: w.confirmCancel, okButtonProps: { danger: decision === 'revoke', ...{ 'data-testid': 'decision-confirm-ok' } },
      onOk: submit,
    });
  };

  return (
    <AsyncView state={state} rows={8}>
      {(o) => {
        const fields = cats.data?.find((c) => c.code === o.category)?.fields ?? [];
        return (
          <div data-testid="objection-case">
            {confirmHolder}
            <Descriptions size="small" column={1} bordered items={[
              { key: 'no', label: t('objection.trackingNo'), children: <span className="mono">{o.trackingNo}</span> },
              { key: 'state', label: t('track.state'), children: <span data-testid="objection-state">{w.objectionStates[o.state] ?? o.stateLabel}</span> },
              { key: 'grounds', label: t('objection.grounds'), children: w.grounds[o.grounds] ?? o.groundsLabel },
              { key: 'reason', label: t('objection.reason'), children: <Typography.Paragraph className="pre">{o.reason}</Typography.Paragraph> },
              ...(o.agentName ? [{ key: 'agent', label: w.agent, children: o.agentName }] : []),
              { key: 'recv', label: t('track.receivedOn'), children: o.receivedOn },
              { key: 'due', label: t('track.dueOn'), children: <DeadlineTag due={o.dueOn} overdue={o.overdue} open={o.open} /> },
              ...(o.files?.length ? [{ key: 'files', label: t('objection.evidence'), children: <Space orientation="vertical" size={2}>{o.files.map((f) => <a key={f.id} href={`/api/v1/objections/${o.id}/files/${f.id}`}>{w.fileRoles[f.role] ?? f.role} · {f.name}</a>)}</Space> }] : []),
              ...(o.outcome ? [{ key: 'outcome', label: t('objection.answer'), children: `${o.outcome.reason}（${o.outcome.decidedOn} · ${o.outcome.decidedBy}）` }] : []),
            ]} />
            {o.context && (
              <>
                <Divider titlePlacement="start">{w.record}</Divider>
                <CaseContextView context={o.context} />
              </>
            )}
            {o.events && (
              <>
                <Divider titlePlacement="start">{t('inbox.history')}</Divider>
                <Timeline items={o.events.map((e) => ({ children: `${dateTime(e.at).slice(0, 16)} ${e.label} · ${e.actor.name}${e.note ? ` · ${e.note}` : ''}` }))} />
              </>
            )}
            {canDecide && o.open && (
              <>
                <Divider titlePlacement="start">{t('inbox.answer')}</Divider>
                <Form form={form} layout="vertical" onFinish={(v: Answer) => answer(o, v)}>
                  <Form.Item label={t('inbox.decision')}>
                    <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value as Decision)} data-testid="decision">
                      <Radio value="correct">{t('inbox.correct')}</Radio>
                      <Radio value="revoke">{t('inbox.revoke')}</Radio>
                      <Radio value="maintain">{t('inbox.maintain')}</Radio>
                    </Radio.Group>
                  </Form.Item>
                  {decision === 'correct' && (
                    <Space wrap align="start">
                      <Form.Item name="field" label={t('inbox.field')} rules={[{ required: true, message: t('inbox.fieldRequired') }]}>
                        <Select style={{ minWidth: 220 }} showSearch={{ optionFilterProp: 'label' }} options={fields.map((f) => ({ value: f.code, label: f.label }))} data-testid="correct-field" />
                      </Form.Item>
                      <Form.Item name="value" label={t('inbox.newValue')} rules={[{ required: true, message: t('inbox.valueRequired') }]}><Input data-testid="correct-value" /></Form.Item>
                    </Space>
                  )}
                  <Form.Item name="reason" label={t('inbox.reason')} rules={[{ required: true, message: t('inbox.reasonRequired') }]}>
                    <Input.TextArea rows={3} data-testid="decision-reason" />
                  </Form.Item>
                  {(decide.error ?? extend.error) && <div className="section"><ApiErrorAlert error={(decide.error ?? extend.error)!} /></div>}
                  <Space wrap>
                    <Button type="primary" htmlType="submit" loading={decide.busy} data-testid="decision-submit">{t('inbox.submitAnswer')}</Button>
                    {o.extensions === 0 && (
                      <Button loading={extend.busy} onClick={async () => {
                        const reason = String(form.getFieldValue('reason') ?? '').trim();
                        if (!reason) { form.validateFields(['reason']).catch(() => undefined); return; }
                        if (await extend.run(o.id, reason)) { setTick((n) => n + 1); onChanged(); }
                      }}>{t('inbox.extend')}</Button>
                    )}
                  </Space>
                </Form>
              </>
            )}
          </div>
        );
      }}
    </AsyncView>
  );
}
