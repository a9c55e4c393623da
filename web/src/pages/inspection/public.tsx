import { Card, Result, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { ErrorAlert } from './components/error-alert';
import { useApi } from '../../components/use-api';
import { inputsOf, loadPlan, loadProblemRate, verifyPlan, type Plan } from './api';
import { Commitment } from './components/commitment';
import { describeMismatch } from './components/differences';
import { InputsPanel } from './components/inputs-panel';
import { RateCard } from './components/plan-detail';
import { PlanFacts } from './components/plan-facts';
import { TasksTable } from './components/tasks-table';
import { TiersTable } from './components/tiers-table';
import { useWords } from './words';

/** ✓ or ✗: the server draws again from the published inputs and the revealed seed and compares. */
function Verdict({ plan }: { plan: Plan }) {
  const w = useWords();
  const check = useApi((s) => verifyPlan(plan.id, s), plan.status === 'drawn' ? `v${plan.id}` : null);
  if (plan.status !== 'drawn') return <Result status="info" title={w('pub.notDrawn')} subTitle={w('pub.notDrawnSub')} data-testid="verify-verdict" data-verified="pending" />;
  if (check.error) return <ErrorAlert error={check.error} onRetry={check.reload} />;
  if (!check.data) return <Result icon={<Skeleton.Avatar active />} title={w('pub.verifying')} />;
  const v = check.data;
  if (v.verified) return <Result status="success" title={w('pub.ok')} subTitle={w('pub.okSub', { n: v.tasks })} data-testid="verify-verdict" data-verified="true" />;
  const inputs = inputsOf(plan);
  return (
    <Result status="error" title={w('pub.bad')} subTitle={w('pub.badSub')} data-testid="verify-verdict" data-verified="false">
      <ul className="error-details" data-testid="verify-differences">
        {v.mismatches.map((m, i) => <li key={i}>{describeMismatch(m, inputs, w)}</li>)}
      </ul>
    </Result>
  );
}

/** The public face of a random inspection plan (双随机一公开): its published inputs and the check that the draw is reproducible. */
export function InspectionVerifyPage() {
  const w = useWords();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const plan = useApi((s) => loadPlan(id, s), valid ? `p${id}` : null);
  const rate = useApi((s) => loadProblemRate(id, s), plan.data?.status === 'drawn' ? `r${id}` : null);
  const p = plan.data;
  const inputs = p ? inputsOf(p) : null;
  if (!valid || plan.error?.status === 404) return <div className="page"><Result status="404" title={w('pub.notFound')} /></div>;
  return (
    <div className="page">
      <Typography.Title level={2}>{w('pub.title')}</Typography.Title>
      {plan.error && <ErrorAlert error={plan.error} onRetry={plan.reload} />}
      {!p && plan.loading && <Skeleton active />}
      {p && (
        <>
          <Typography.Title level={3} data-testid="pub-plan-name">{p.name}</Typography.Title>
          <PlanFacts plan={p} />
          <Card className="section"><Verdict plan={p} /></Card>
          <Card size="small" title={w('commit.title')} className="section"><Commitment plan={p} /></Card>
          {rate.data && <div className="section"><RateCard rate={rate.data} /></div>}
          <Card size="small" title={w('tiers.title')} className="section"><TiersTable plan={p} rate={rate.data} /></Card>
          {p.status === 'drawn' && <Card size="small" title={w('tasks.title')} className="section"><TasksTable plan={p} /></Card>}
          {inputs && <Card size="small" title={w('inputs.title')} className="section"><InputsPanel inputs={inputs} /></Card>}
          <Card size="small" title={w('pub.method')} className="section"><Typography.Paragraph style={{ margin: 0 }}>{w('pub.methodText')}</Typography.Paragraph></Card>
        </>
      )}
    </div>
  );
}
