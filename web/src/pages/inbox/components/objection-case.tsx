import { Button, Descriptions, Divider, Form, Input, Radio, Select, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { loadCategories } from '../../../api/catalog';
import { dateTime } from '../../../api/format';
import { ApiErrorAlert } from '../../../components/api-error';
import { AsyncView } from '../../../components/async-view';
import { DeadlineTag } from '../../../components/deadline-tag';
import { useAction, useApi } from '../../../components/use-api';
import { useT } from '../../../i18n';
import { decideObjection, extendObjection, getObjection, getRecord, type Decision } from '../api';

/** One objection's case file, and the answer form for the department (correct, revoke or maintain). */
export function ObjectionCase({ id, canDecide, onChanged }: { id: number; canDecide: boolean; onChanged: () => void }) {
  const t = useT();
  const [tick, setTick] = useState(0);
  const state = useApi((s) => getObjection(id, s), `${id}|${tick}`);
  const record = useApi((s) => getRecord(state.data!.record, s), state.data ? `r${state.data.record}|${tick}` : null);
  const cats = useApi(() => loadCategories(), 'categories');
  const [decision, setDecision] = useState<Decision>('correct');
  const decide = useAction(decideObjection);
  const extend = useAction(extendObjection);
  const [form] = Form.useForm();

  return (
    <AsyncView state={state} rows={8}>
      {(o) => {
        const fields = cats.data?.find((c) => c.code === o.category)?.fields ?? [];
        return (
          <div data-testid="objection-case">
            <Descriptions size="small" column={1} bordered items={[
              { key: 'no', label: t('objection.trackingNo'), children: <span className="mono">{o.trackingNo}</span> },
              { key: 'state', label: t('track.state'), children: o.stateLabel },
              { key: 'grounds', label: t('objection.grounds'), children: o.groundsLabel },
              { key: 'reason', label: t('objection.reason'), children: <Typography.Paragraph className="pre">{o.reason}</Typography.Paragraph> },
              { key: 'recv', label: t('track.receivedOn'), children: o.receivedOn },
              { key: 'due', label: t('track.dueOn'), children: <DeadlineTag due={o.dueOn} overdue={o.overdue} open={o.open} /> },
              { key: 'record', label: t('objection.record'), children: `#${o.record} · ${o.category}` },
              ...(o.files?.length ? [{ key: 'files', label: t('objection.evidence'), children: <Space orientation="vertical" size={2}>{o.files.map((f) => <a key={f.id} href={`/api/v1/objections/${o.id}/files/${f.id}`}>{f.name}</a>)}</Space> }] : []),
              ...(o.outcome ? [{ key: 'outcome', label: t('objection.answer'), children: `${o.outcome.reason}（${o.outcome.decidedOn} · ${o.outcome.decidedBy}）` }] : []),
            ]} />
            {record.data && (
              <>
                <Divider titlePlacement="start">{t('inbox.recordNow')}</Divider>
                <Descriptions size="small" column={1} items={Object.entries(record.data.fields).filter(([, v]) => v !== null && v !== '').slice(0, 14)
                  .map(([k, v]) => ({ key: k, label: fields.find((f) => f.code === k)?.label ?? k, children: String(v) }))} />
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
                <Form form={form} layout="vertical" onFinish={async (v: { reason: string; field?: string; value?: string }) => {
                  const body = { decision, reason: v.reason.trim(), ...(decision === 'correct' && v.field ? { fields: { [v.field]: v.value ?? '' } } : {}) };
                  if (await decide.run(o.id, body)) { setTick((n) => n + 1); onChanged(); }
                }}>
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
                        <Select style={{ minWidth: 220 }} showSearch={{ optionFilterProp: 'label' }} options={fields.map((f) => ({ value: f.code, label: `${f.label}（${f.code}）` }))} data-testid="correct-field" />
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
