import { Alert, Button, Form, Input, InputNumber, message, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from './error-alert';
import { useAction, useApi } from '../../../components/use-api';
import { loadModels, loadPolicy, savePolicy, type Policy } from '../api';
import { useWords } from '../words';

interface Fields { tiers: { grade: string; tier: string; ratio: number }[]; ungraded: { tier: string; ratio: number } }
interface ModelInfo { code: string; name: string; meanings: Map<string, string> }

/** The latest version of each model, with what each grade means. */
async function models(signal: AbortSignal): Promise<ModelInfo[]> {
  const latest = new Map<string, ModelInfo & { version: number }>();
  for (const m of (await loadModels(signal)).items) {
    if ((latest.get(m.code)?.version ?? 0) >= m.version) continue;
    const grades = (m.definition as { grades?: { grade: string; meaning?: string }[] } | null)?.grades ?? [];
    latest.set(m.code, { code: m.code, name: m.name, version: m.version, meanings: new Map(grades.map((g) => [g.grade, g.meaning ?? ''])) });
  }
  return [...latest.values()];
}

/** 分级分类监管: each credit grade of a model → a supervision tier and its sampling ratio; parties not evaluated get their own. */
export function PolicyTab({ department }: { department: string }) {
  const w = useWords();
  const [model, setModel] = useState<string | undefined>(undefined);
  const [tick, setTick] = useState(0);
  const saved = useApi((s) => loadPolicy(department, undefined, s), `${department}|${tick}`);
  const shown = useApi((s) => loadPolicy(department, model, s), model ? `${department}|${model}|${tick}` : null);
  const modelList = useApi(models, 'models');
  const policy: Policy | undefined = model && model !== saved.data?.model ? shown.data : saved.data;
  const info = modelList.data?.find((m) => m.code === policy?.model);
  const modelName = (code: string | undefined) => modelList.data?.find((m) => m.code === code)?.name ?? code ?? '';
  const action = useAction(savePolicy);
  const error = saved.error ?? shown.error;
  const ratioRule = [{ required: true, message: w('policy.ratioRequired') }];
  const tierRule = [{ required: true, whitespace: true, message: w('policy.tierRequired') }];

  return (
    <>
      <Space className="filters" wrap>
        <Typography.Text>{w('policy.model')}</Typography.Text>
        <Select style={{ minWidth: 260 }} value={model ?? saved.data?.model} onChange={setModel} loading={modelList.loading}
          options={(modelList.data ?? []).map((m) => ({ value: m.code, label: m.name }))} data-testid="policy-model" />
      </Space>
      {error && <ErrorAlert error={error} onRetry={() => setTick((n) => n + 1)} />}
      {policy && (
        <>
          <Alert type={policy.isDefault ? 'warning' : 'info'} showIcon className="filters" data-testid="policy-state"
            title={policy.isDefault && saved.data && !saved.data.isDefault ? w('policy.otherModel', { model: modelName(saved.data.model) }) : w(policy.isDefault ? 'policy.default' : 'policy.own')}
            description={w('policy.note')} />
          <Form<Fields> key={`${policy.model}|${tick}|${policy.isDefault}`} layout="vertical" initialValues={{ tiers: policy.tiers, ungraded: policy.ungraded }} onFinish={async (v) => {
            const tiers = v.tiers.map((x, i) => ({ grade: policy.tiers[i]!.grade, tier: x.tier.trim(), ratio: x.ratio }));
            const r = await action.run(department, { model: policy.model, tiers, ungraded: { tier: v.ungraded.tier.trim(), ratio: v.ungraded.ratio } });
            if (r) { void message.success(w('policy.saved')); setModel(undefined); setTick((n) => n + 1); }
          }}>
            <Table size="small" pagination={false} rowKey="grade" dataSource={policy.tiers} scroll={{ x: 'max-content' }} data-testid="policy-table"
              columns={[
                {
                  title: w('policy.grade'), key: 'g', render: (_, r) => {
                    const meaning = info?.meanings.get(r.grade);
                    return <span>{r.grade}{meaning ? <span className="muted small">（{meaning}）</span> : null}</span>;
                  },
                },
                { title: w('policy.tier'), key: 't', render: (_, __, i) => <Form.Item name={['tiers', i, 'tier']} style={{ margin: 0 }} rules={tierRule}><Input style={{ width: 220 }} /></Form.Item> },
                { title: w('policy.ratio'), key: 'r', render: (_, __, i) => <Form.Item name={['tiers', i, 'ratio']} style={{ margin: 0 }} rules={ratioRule}><InputNumber min={0} max={100} step={0.5} precision={2} style={{ width: 140 }} data-testid={`policy-ratio-${i}`} /></Form.Item> },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{w('policy.ungraded')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1}><Form.Item name={['ungraded', 'tier']} style={{ margin: 0 }} rules={tierRule}><Input style={{ width: 220 }} /></Form.Item></Table.Summary.Cell>
                  <Table.Summary.Cell index={2}><Form.Item name={['ungraded', 'ratio']} style={{ margin: 0 }} rules={ratioRule}><InputNumber min={0} max={100} step={0.5} precision={2} style={{ width: 140 }} data-testid="policy-ratio-ungraded" /></Form.Item></Table.Summary.Cell>
                </Table.Summary.Row>
              )} />
            {action.error && <div className="section"><ErrorAlert error={action.error} /></div>}
            <Button type="primary" htmlType="submit" className="section" loading={action.busy} data-testid="policy-save">{w('save')}</Button>
          </Form>
        </>
      )}
    </>
  );
}
