import { Typography } from 'antd';
import { useT } from '../../i18n';

/** 双随机: items, inspectors, policies, plans, draws and results (issue 17 item 3). */
export function InspectionPage() {
  const t = useT();
  return <Typography.Title level={2}>{t('menu.inspection')}</Typography.Title>;
}
