import { Button, Form, Input, Popover, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../../components/api-error';
import { useAction } from '../../../components/use-api';
import { useNames } from '../../../components/use-names';
import { useT } from '../../../i18n';
import { giveFeedback, type Hit, type Match, type PartyResult } from '../api';

function Feedback({ reviewId, hit, names }: { reviewId: number; hit: Hit; names: Map<string, string> }) {
  const t = useT();
  const [done, setDone] = useState(false);
  const [applied, setApplied] = useState(true);
  const action = useAction(giveFeedback);
  if (done) return <Tag color="green" data-testid="feedback-done">{t('review.fedBack')}</Tag>;
  return (
    <Popover trigger="click" title={t('review.feedback')} content={
      <Form layout="vertical" style={{ width: 300 }} initialValues={{ measure: hit.measures[0] }} onFinish={async (v: { measure?: string; reason: string }) => {
        if (await action.run(reviewId, hit.id, { applied, measure: v.measure, reason: v.reason.trim() })) setDone(true);
      }}>
        <Form.Item label={t('review.applied')}><Switch checked={applied} onChange={setApplied} /></Form.Item>
        <Form.Item name="measure" label={t('review.measure')}><Select allowClear options={hit.measures.map((m) => ({ value: m, label: names.get(m) ?? m }))} /></Form.Item>
        <Form.Item name="reason" label={t('inbox.reason')} rules={[{ required: true, message: t('inbox.reasonRequired') }]}><Input.TextArea rows={2} data-testid="feedback-reason" /></Form.Item>
        {action.error && <ApiErrorAlert error={action.error} compact />}
        <Button type="primary" htmlType="submit" loading={action.busy} size="small" data-testid="feedback-save">{t('common.save')}</Button>
      </Form>
    }>
      <Button size="small" data-testid="feedback-open">{t('review.feedback')}</Button>
    </Popover>
  );
}

/** One reviewed party: its match (or candidates), its hits with feedback buttons, and the measures that apply. */
export function PartyRow({ reviewId, p }: { reviewId: number; p: PartyResult }) {
  const t = useT();
  const words = useNames();
  const names = new Map(p.measures.map((m) => [m.code, m.name]));
  const codeOf = (m: Match) => m.uscc ?? m.idNumberMasked ?? '';
  return (
    <div className="review-party" data-testid="review-party">
      <Space wrap>
        <Typography.Text strong>{p.input.name ?? p.input.code}</Typography.Text>
        {p.matched ? <Tag color="blue">{p.matched.name} · <span className="mono">{codeOf(p.matched)}</span></Tag>
          : p.candidates.length ? <Tag color="gold">{t('review.candidates', { n: p.candidates.length })}</Tag> : <Tag>{t('review.noMatch')}</Tag>}
        {p.hits.length > 0 ? <Tag color="red" data-testid="review-hit">{t('review.hits', { n: p.hits.length })}</Tag> : p.matched && <Tag color="green">{t('review.clean')}</Tag>}
      </Space>
      {p.errors.map((e, i) => <div key={i} className="field-error">{e.message}</div>)}
      {!p.matched && p.candidates.length > 0 && (
        <div className="muted small">{p.candidates.slice(0, 3).map((c) => `${c.name}（${codeOf(c)}，${Math.round(c.score * 100)}%）`).join('；')}</div>
      )}
      {p.hits.map((h) => (
        <div key={h.id} className="review-hit">
          <span>{h.list ? words.list(h.list.code, h.list.name) : h.category} · {h.decidedBy}{h.documentNo ? ` · ${h.documentNo}` : ''}{h.since ? ` · ${h.since}` : ''}</span>
          <Feedback reviewId={reviewId} hit={h} names={names} />
        </div>
      ))}
      {p.measures.length > 0 && (
        <ul className="measures">{p.measures.map((m) => <li key={m.code}><Tag color={m.kind === 'reward' ? 'green' : 'volcano'}>{m.name}</Tag><span className="muted small">{m.legalBasis}</span></li>)}</ul>
      )}
    </div>
  );
}
