import { Card, Statistic } from 'antd';
import { useApi } from '../../../components/use-api';
import { useT } from '../../../i18n';
import { getEvaluation } from '../api';

/** The public credit grade, when the evaluation is published for this subject; nothing otherwise. */
export function GradeCard({ code }: { code: string }) {
  const t = useT();
  const state = useApi((s) => getEvaluation(code, s), code);
  if (!state.data) return null;
  const model = typeof state.data.model === 'string' ? state.data.model : state.data.model?.name;
  return (
    <Card size="small" className="grade-card" data-testid="grade-card">
      <Statistic title={t('party.grade')} value={state.data.grade} suffix={<span className="muted small">{t('party.score', { score: state.data.score })}</span>} />
      {model && <div className="muted small">{t('party.model', { model })}</div>}
    </Card>
  );
}
