import { Alert, Button, Card, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { AsyncView } from '../../../components/async-view';
import { useAction, useApi } from '../../../components/use-api';
import { ApiErrorAlert } from '../../../components/api-error';
import { useT, type MessageKey } from '../../../i18n';
import { findSubjects, getExplanation, loadModels, type SubjectHit } from '../api';
import { useWords } from '../words';
import { ExplanationView } from './explanation';

/** A USCC, citizen ID, organisation code or registration number rather than a name. */
const looksLikeCode = (q: string) => /^[0-9A-Za-z-]{8,20}$/.test(q) && /\d/.test(q);

/** 主体评价说明: find the party by code or name, state the purpose (audited), read its evaluation explained. */
export function ExplainTab() {
  const t = useT();
  const w = useWords();
  const [form] = Form.useForm<{ q: string; purpose: string; model?: string }>();
  const [query, setQuery] = useState<{ code: string; purpose: string; model?: string } | null>(null);
  const models = useApi((s) => loadModels(s), 'models');
  const codes = (models.data?.items ?? []).filter((m, i, all) => all.findIndex((x) => x.code === m.code) === i);
  const [hits, setHits] = useState<{ q: string; items: SubjectHit[] } | null>(null);
  const search = useAction(findSubjects);
  const explanation = useApi((s) => getExplanation(query!.code, query!.purpose, query!.model, s), query ? JSON.stringify(query) : null);

  const pick = (code: string) => {
    setHits(null);
    setQuery({ code, purpose: (form.getFieldValue('purpose') as string).trim(), model: form.getFieldValue('model') as string | undefined });
  };

  return (
    <div>
      <Typography.Paragraph type="secondary">{w('explain.intro')}</Typography.Paragraph>
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={async (v) => {
          const q = v.q.trim();
          if (looksLikeCode(q)) return pick(q.toUpperCase());
          setQuery(null);
          const r = await search.run(q);
          if (r) setHits({ q, items: r.items });
        }}>
          <Space wrap align="start">
            <Form.Item name="q" label={w('explain.query')} rules={[{ required: true, whitespace: true, message: w('explain.queryRequired') }]}>
              <Input placeholder={w('explain.queryHint')} style={{ width: 340, maxWidth: '100%' }} allowClear data-testid="explain-query" />
            </Form.Item>
            <Form.Item name="purpose" label={w('explain.purpose')} rules={[{ required: true, whitespace: true, message: w('explain.purposeRequired') }]}>
              <Input placeholder={w('explain.purposeHint')} style={{ width: 260, maxWidth: '100%' }} data-testid="explain-purpose" />
            </Form.Item>
            <Form.Item name="model" label={w('runs.model')}>
              <Select allowClear placeholder={w('explain.anyModel')} style={{ width: 300, maxWidth: '100%' }} data-testid="explain-model"
                options={codes.map((m) => ({ value: m.code, label: m.name }))} />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" loading={search.busy} data-testid="explain-submit">{w('explain.search')}</Button>
        </Form>
        {search.error && <div className="section"><ApiErrorAlert error={search.error} /></div>}
      </Card>
      {hits && (hits.items.length === 0 ? <Alert type="warning" showIcon className="section" title={w('explain.noMatch', { q: hits.q })} /> : (
        <Card size="small" className="section" title={w('explain.pick', { n: hits.items.length })} data-testid="explain-hits">
          <List size="small" dataSource={hits.items} renderItem={(s) => (
            <List.Item actions={[s.uscc
              ? <Button size="small" type="link" onClick={() => pick(s.uscc!)} data-testid="explain-pick">{w('view')}</Button>
              : <span className="muted small">{w('explain.personHint')}</span>]}>
              <Space wrap>
                <span>{s.name}</span>
                <Tag>{t(`kind.${s.kind}` as MessageKey)}</Tag>
                <span className="mono muted">{s.uscc ?? s.idNumberMasked}</span>
              </Space>
            </List.Item>
          )} />
        </Card>
      ))}
      {query && <div className="section"><AsyncView state={explanation} rows={6}>{(e) => <ExplanationView e={e} />}</AsyncView></div>}
    </div>
  );
}
