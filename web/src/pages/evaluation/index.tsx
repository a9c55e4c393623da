import { Typography } from 'antd';
import { useT } from '../../i18n';

/** 综合评价: models, runs and explanations (issue 17 item 2). */
export function EvaluationPage() {
  const t = useT();
  return <Typography.Title level={2}>{t('menu.evaluation')}</Typography.Title>;
}
