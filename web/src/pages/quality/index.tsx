import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n';
import { CalendarTab } from './components/calendar-tab';
import { QualityReportView } from './components/quality-report';

/** 数据质量: the collection (归集) quality indicators, and the working-day calendar their deadlines count on. */
export function QualityPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'calendar' ? 'calendar' : 'report';
  return (
    <div>
      <Typography.Title level={2}>{t('menu.quality')}</Typography.Title>
      <Tabs activeKey={tab} onChange={(k) => setParams(k === 'calendar' ? { tab: k } : {}, { replace: true })} items={[
        { key: 'report', label: <span data-testid="quality-tab">{t('quality.tab.report')}</span>, children: <QualityReportView /> },
        { key: 'calendar', label: <span data-testid="calendar-tab">{t('quality.tab.calendar')}</span>, children: <CalendarTab /> },
      ]} />
    </div>
  );
}
