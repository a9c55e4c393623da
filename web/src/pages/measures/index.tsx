import { Typography } from 'antd';
import { useT } from '../../i18n';

/** 联合奖惩: measures catalogue, activation and statistics (issue 17 item 1). */
export function MeasuresPage() {
  const t = useT();
  return <Typography.Title level={2}>{t('menu.measures')}</Typography.Title>;
}
