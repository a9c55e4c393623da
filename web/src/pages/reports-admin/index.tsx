import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n';
import { BatchPanel } from './components/batch-panel';
import { IssuedTable } from './components/issued-table';
import { useWords } from './words';

/** 报告管理 (credit center): issued reports with their verifications and revocation; batch reports. */
export function ReportsAdminPage() {
  const t = useT();
  const w = useWords();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'batch' ? 'batch' : 'issued';
  return (
    <div>
      <Typography.Title level={2}>{t('menu.reports')}</Typography.Title>
      <Typography.Paragraph type="secondary">{w('intro')}</Typography.Paragraph>
      <Tabs activeKey={tab} onChange={(k) => setParams(k === 'batch' ? { tab: 'batch' } : {}, { replace: true })} destroyOnHidden={false}
        items={[
          { key: 'issued', label: w('tabIssued'), children: <IssuedTable /> },
          { key: 'batch', label: w('tabBatch'), children: <BatchPanel /> },
        ]} />
    </div>
  );
}
