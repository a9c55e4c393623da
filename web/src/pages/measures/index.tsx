import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n';
import { Catalogue } from './components/catalogue';
import { Stats } from './components/stats';
import { useWords } from './words';

/** 联合奖惩: the measures catalogue (activation, correction, new measures for the credit centre) and 跟踪问效 statistics. */
export function MeasuresPage() {
  const t = useT();
  const { w } = useWords();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'stats' ? 'stats' : 'catalogue';
  return (
    <div>
      <Typography.Title level={2}>{t('menu.measures')}</Typography.Title>
      <Tabs activeKey={tab} onChange={(k) => setParams(k === 'stats' ? { tab: k } : {}, { replace: true })} destroyOnHidden items={[
        { key: 'catalogue', label: <span data-testid="measures-tab-catalogue">{w.tabCatalogue}</span>, children: <Catalogue /> },
        { key: 'stats', label: <span data-testid="measures-tab-stats">{w.tabStats}</span>, children: <Stats /> },
      ]} />
    </div>
  );
}
