import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n';
import { ExplainTab } from './components/explain-tab';
import { ModelsTab } from './components/models-tab';
import { RunsTab } from './components/runs-tab';
import { useWords } from './words';

const TABS = ['models', 'runs', 'explain'] as const;
type Tab = (typeof TABS)[number];

/** 综合评价: the evaluation models, the runs with their grade counts, and one party's evaluation explained. */
export function EvaluationPage() {
  const t = useT();
  const w = useWords();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'models';
  return (
    <div>
      <Typography.Title level={2}>{t('menu.evaluation')}</Typography.Title>
      <Typography.Paragraph type="secondary">{w('intro')}</Typography.Paragraph>
      <Tabs activeKey={tab} onChange={(k) => setParams(k === 'models' ? {} : { tab: k }, { replace: true })} destroyOnHidden items={[
        { key: 'models', label: <span data-testid="eval-tab-models">{w('tab.models')}</span>, children: <ModelsTab /> },
        { key: 'runs', label: <span data-testid="eval-tab-runs">{w('tab.runs')}</span>, children: <RunsTab /> },
        { key: 'explain', label: <span data-testid="eval-tab-explain">{w('tab.explain')}</span>, children: <ExplainTab /> },
      ]} />
    </div>
  );
}
