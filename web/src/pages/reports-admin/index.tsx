import { Typography } from 'antd';
import { useT } from '../../i18n';

/** 报告管理: issued reports, batch reports, revocation (issue 17 item 4). */
export function ReportsAdminPage() {
  const t = useT();
  return <Typography.Title level={2}>{t('menu.reports')}</Typography.Title>;
}
