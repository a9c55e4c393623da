import { Alert, Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useApi } from '../../../components/use-api';
import { definitionOf, loadModel, type Explanation, type ModelDefinition } from '../api';
import { valueInWords } from '../describe';
import { useWords, type Words } from '../words';

const r2 = (n: number) => Math.round(n * 100) / 100;
type Item = Explanation['breakdown'][number];

/** The score's place among the grade cut-offs: the gap to the next grade up, or a veto that set a lower grade. */
function gradeNotes(w: Words, def: ModelDefinition, score: number, grade: string): string[] {
  const notes: string[] = [];
  const byScore = def.grades.find((g) => score >= g.minScore)?.grade ?? def.grades.at(-1)?.grade;
  if (byScore && byScore !== grade) notes.push(w('explain.veto', { byScore, grade }));
  const i = def.grades.findIndex((g) => g.grade === grade);
  const up = i > 0 ? def.grades[i - 1] : undefined;
  if (i === 0) notes.push(w('explain.top'));
  else if (up && up.minScore > score) notes.push(w('explain.next', { grade: up.grade, min: up.minScore, gap: r2(up.minScore - score) }));
  return notes;
}

function DimensionBlock({ dim, items, def, w }: { dim: ModelDefinition['dimensions'][number]; items: Item[]; def: ModelDefinition; w: Words }) {
  const byCode = new Map(def.dimensions.flatMap((d) => d.indicators).map((i) => [i.code, i]));
  const withheld = items.some((b) => b.withheld);
  const got = r2(items.reduce((s, b) => s + (b.points ?? 0), 0));
  const lost = r2(dim.points - got);
  return (
    <Card size="small" className="section" data-testid="explain-dimension">
      <div><b>{withheld
        ? w('explain.dimWithheld', { name: dim.name, max: dim.points })
        : w('explain.dim', { name: dim.name, max: dim.points, got, lost: lost > 0 ? w('explain.dimLost', { n: lost }) : w('explain.dimFull') })}</b></div>
      {!withheld && <Progress percent={dim.points > 0 ? Math.round((got / dim.points) * 100) : 100} size="small" showInfo={false} />}
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {items.map((b) => (
          <li key={b.indicator}>
            {b.withheld || b.points === null
              ? w('explain.withheld', { name: b.name })
              : <>{w('explain.item', { name: b.name, value: valueInWords(w, byCode.get(b.indicator), b.value), got: r2(b.points), max: b.maxPoints })}
                {b.delta !== null && b.delta < 0 && <span className="muted">{w('explain.itemLost', { n: r2(-b.delta) })}</span>}</>}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** A party's latest evaluation in words: grade, score, each dimension's contribution, where points went, how to gain them back. */
export function ExplanationView({ e }: { e: Explanation }) {
  const w = useWords();
  const ref = e.model ? `${e.model.code}@${e.model.version}` : null;
  const model = useApi((s) => loadModel(ref!, s), ref);
  if (!e.evaluated || !e.model || !e.run) {
    return <Alert type="info" showIcon data-testid="explain-none" title={w('explain.notEvaluated', { name: e.subject.name })} />;
  }
  const def = model.data ? definitionOf(model.data) : null;
  const m = e.model;
  // Records whose repair or fulfilment alone would raise the score (the server sorts them by gain).
  const gains = e.whatIf.filter((x) => x.scoreDelta > 0);
  return (
    <Card size="small" data-testid="explain-result" title={e.subject.name}>
      <Row gutter={16}>
        <Col xs={12} md={6}><Statistic title={w('explain.grade')} value={e.grade ?? '—'} styles={{ content: { color: '#1677ff' } }} data-testid="explain-grade" /></Col>
        {e.score !== null && <Col xs={12} md={6}><Statistic title={w('explain.score')} value={e.score} suffix={`/ ${m.totalPoints}`} data-testid="explain-score" /></Col>}
      </Row>
      {e.score !== null && e.grade !== null && (
        <Typography.Paragraph className="section" data-testid="explain-summary">
          {w('explain.summary', { name: e.subject.name, model: m.name, version: m.version, asOf: e.run.asOf, score: e.score, total: m.totalPoints, grade: e.grade })}
          {def && ` ${gradeNotes(w, def, e.score, e.grade).join(' ')}`}
        </Typography.Paragraph>
      )}
      {e.notice && <Alert type="info" showIcon className="section" title={w('explain.notice', { notice: e.notice })} />}
      {def && e.disclosure === 'full' && (
        <>
          {def.dimensions.map((d) => <DimensionBlock key={d.code} dim={d} def={def} w={w} items={e.breakdown.filter((b) => b.dimension === d.code)} />)}
          <Typography.Title level={5} className="section">{w('explain.lost')}</Typography.Title>
          {e.moved.length === 0 ? <Typography.Paragraph>{w('explain.noLoss')}</Typography.Paragraph> : (
            <ul data-testid="explain-lost">{e.moved.map((x) => <li key={x.indicator}>{w('explain.lostItem', { name: x.name, n: r2(-x.delta) })}</li>)}</ul>
          )}
          <Typography.Title level={5}>{w('explain.whatIf')}</Typography.Title>
          {gains.length === 0 ? <Typography.Paragraph>{e.whatIf.length ? w('explain.whatIfNoSingle', { n: e.whatIf.length }) : w('explain.whatIfNone')}</Typography.Paragraph> : (
            <ul data-testid="explain-whatif">
              {gains.map((x) => (
                <li key={`${x.action}${x.recordId}`}>{w('explain.whatIfItem', {
                  description: x.description, delta: x.scoreDelta > 0 ? `+${x.scoreDelta}` : String(x.scoreDelta),
                  grade: x.grade === e.grade ? w('explain.stays', { g: x.grade }) : w('explain.becomes', { g: x.grade }),
                })}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </Card>
  );
}
