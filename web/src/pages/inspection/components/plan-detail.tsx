import { ArrowLeftOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Skeleton, Space, Statistic, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from './error-alert';
import { useAction, useApi } from '../../../components/use-api';
import { drawPlan, inputsOf, loadPlan, loadProblemRate, type ProblemRate, type Task } from '../api';
import { useWords } from '../words';
import { Commitment } from './commitment';
import { ratePct } from './format';
import { InputsPanel } from './inputs-panel';
import { PlanFacts } from './plan-facts';
import { STATUS_COLOR } from './plans-tab';
import { ResultModal } from './result-modal';
import { TasksTable } from './tasks-table';
import { TiersTable } from './tiers-table';

/** 问题发现率 of the whole plan, with how it is counted. */
export function RateCard({ rate }: { rate: ProblemRate }) {
  const w = useWords();
  return (
    <Card size="small">
      <Space wrap size="large" align="center">
        <Statistic title={w('rate.title')} value={ratePct(rate.rate)} valueStyle={{ color: rate.rate ? '#c0392b' : undefined }} data-testid="plan-rate" />
        <Typography.Text type="secondary">
          {rate.inspected ? w('rate.explain', { problems: rate.problemsFound + rate.unreachable, inspected: rate.inspected }) : w('rate.none')}
          {rate.pending > 0 && `；${w('rate.pending', { n: rate.pending })}`}
        </Typography.Text>
      </Space>
    </Card>
  );
}

/** One plan: what it is, its commitment, the draw, the tasks with their results and the 问题发现率 per tier. */
export function PlanDetail({ id, onBack }: { id: number; onBack: () => void }) {
  const w = useWords();
  const [tick, setTick] = useState(0);
  const reload = () => setTick((n) => n + 1);
  const plan = useApi((s) => loadPlan(id, s), `${id}|${tick}`);
  const rate = useApi((s) => loadProblemRate(id, s), `${id}|${tick}`);
  const draw = useAction(drawPlan);
  const [recording, setRecording] = useState<Task | null>(null);
  const p = plan.data;
  const inputs = p ? inputsOf(p) : null;

  return (
    <div data-testid="plan-detail">
      <Button icon={<ArrowLeftOutlined />} onClick={onBack} className="filters">{w('back')}</Button>
      {plan.error && <ErrorAlert error={plan.error} onRetry={plan.reload} />}
      {!p && plan.loading && <Skeleton active />}
      {p && (
        <>
          <Space wrap align="center" className="filters" style={{ justifyContent: 'space-between', width: '100%' }}>
            <Space wrap align="center">
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="plan-title">{p.name}</Typography.Title>
              <Tag color={STATUS_COLOR[p.status]} data-testid="plan-status">{w(p.status === 'drawn' ? 'plan.status.drawn' : 'plan.status.committed')}</Tag>
            </Space>
            <Space wrap>
              {p.status === 'committed' && (
                <Popconfirm title={w('draw.confirm')} onConfirm={async () => {
                  const r = await draw.run(p.id);
                  if (r) { void message.success(w('draw.done', { n: r.tasks.length })); reload(); }
                }}>
                  <Button type="primary" loading={draw.busy} data-testid="plan-draw">{w('draw.do')}</Button>
                </Popconfirm>
              )}
              <Button icon={<ExportOutlined />} href={`/inspection/${p.id}`} target="_blank" rel="noopener" title={w('draw.publicHint')} data-testid="plan-public">{w('draw.publicPage')}</Button>
            </Space>
          </Space>
          {draw.error && <div className="filters"><ErrorAlert error={draw.error} /></div>}
          <PlanFacts plan={p} />
          <Card size="small" title={w('commit.title')} className="section"><Commitment plan={p} /></Card>
          {rate.error && <div className="section"><ErrorAlert error={rate.error} onRetry={rate.reload} /></div>}
          {p.status === 'drawn' && rate.data && <div className="section"><RateCard rate={rate.data} /></div>}
          <Card size="small" title={w('tiers.title')} className="section"><TiersTable plan={p} rate={rate.data} /></Card>
          {p.status === 'drawn' && (
            <Card size="small" title={w('tasks.title')} className="section"><TasksTable plan={p} onRecord={setRecording} /></Card>
          )}
          {inputs && <Card size="small" title={w('inputs.title')} className="section"><InputsPanel inputs={inputs} /></Card>}
        </>
      )}
      <ResultModal task={recording} planMadeAt={p?.createdAt ?? ''} onClose={() => setRecording(null)} onSaved={() => { setRecording(null); reload(); }} />
    </div>
  );
}
