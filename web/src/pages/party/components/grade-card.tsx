import { Card, Statistic } from 'antd';
import { useApi } from '../../../components/use-api';
import { useT } from '../../../i18n';
import { getEvaluation } from '../api';

/** The public credit grade, when the evaluation is published for this subject; nothing otherwise. */
export function GradeCard({ code }: { code: string }) {
  const t = useT();
  const state = useApi((s) => getEvaluation(code, s), code);
  // The server answers 200 with grade null when nobody has graded the subject yet or the model keeps
  // its grades private: nothing to show then (and no failed request in the browser).
  if (!state.data || state.data.grade === null || !state.data.model) return null;
  const { grade, score, model } = state.data;
  return (
    <Card size="small" className="grade-card" data-testid="grade-card">
      <Statistic title={t('party.grade')} value={grade} suffix={score === null ? undefined : <span className="muted small">{t('party.score', { score })}</span>} />
      <div className="muted small">{t('party.model', { model: model.name })}</div>
    </Card>
  );
}
