import { Button, Collapse, Descriptions, Drawer, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../../../api/client';
import { loadCategories } from '../../../api/catalog';
import { dateTime } from '../../../api/format';
import { useApi } from '../../../components/use-api';
import { useT, type MessageKey } from '../../../i18n';
import { definitionOf, type Indicator, type ModelDefinition, type ModelRow } from '../api';
import { namesFrom, ruleInWords, scoringInWords, type Names } from '../describe';
import { useWords, type Words } from '../words';

/** The catalog's and the lists' names for the codes a model uses (loaded once per page). */
export function useNames(): Names {
  const cats = useApi(() => loadCategories(), 'categories');
  const lists = useApi((s) => api.get('/api/v1/lists', {}, s), 'lists');
  return useMemo(() => namesFrom(cats.data, lists.data?.items), [cats.data, lists.data]);
}

const pct = (part: number, whole: number) => `${whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0}%`;

/** The grade cut-offs, best first, as score ranges. */
export function GradesTable({ def, w }: { def: ModelDefinition; w: Words }) {
  const rows = def.grades.map((g, i) => ({
    ...g, range: i === 0 ? w('range.top', { min: g.minScore }) : w('range.mid', { min: g.minScore, next: def.grades[i - 1]!.minScore }),
  }));
  return (
    <Table rowKey="grade" size="small" pagination={false} dataSource={rows} data-testid="model-grades" columns={[
      { title: w('col.grade'), dataIndex: 'grade', render: (v: string) => <b>{v}</b> },
      { title: w('col.range'), dataIndex: 'range' },
      { title: w('col.meaning'), dataIndex: 'meaning', render: (v?: string) => v ?? '' },
    ]} />
  );
}

interface IndicatorRow extends Indicator { key: string; dimension: string; dimensionPoints: number; span: number }

/** Dimensions → indicators with their points, share of full marks, rule and scoring in words. */
export function IndicatorsTable({ def, names, w }: { def: ModelDefinition; names: Names; w: Words }) {
  const byCode = new Map(def.dimensions.flatMap((d) => d.indicators).map((i) => [i.code, i]));
  const rows: IndicatorRow[] = def.dimensions.flatMap((d) => d.indicators.map((ind, i) => ({
    ...ind, key: `${d.code}.${ind.code}`, dimension: d.name, dimensionPoints: d.points, span: i === 0 ? d.indicators.length : 0,
  })));
  return (
    <Table<IndicatorRow> rowKey="key" size="small" pagination={false} dataSource={rows} scroll={{ x: 900 }} data-testid="model-indicators" columns={[
      { title: w('col.dimension'), key: 'd', width: 120, onCell: (r) => ({ rowSpan: r.span }), render: (_, r) => w('dim.total', { name: r.dimension, points: r.dimensionPoints }) },
      { title: w('col.indicator'), dataIndex: 'name', width: 150 },
      { title: w('col.points'), dataIndex: 'points', align: 'right', width: 56 },
      { title: w('col.share'), key: 's', align: 'right', width: 64, render: (_, r) => pct(r.points, def.totalPoints) },
      { title: w('col.rule'), key: 'r', render: (_, r) => ruleInWords(w, names, r.rule, byCode) },
      { title: w('col.scoring'), key: 'c', render: (_, r) => scoringInWords(w, r) },
    ]} />
  );
}

/** One model version: summary, grade cut-offs, indicator tree as tables, and the stored text folded away. */
export function ModelDetail({ model, onClose, onDraft }: { model: ModelRow | null; onClose: () => void; onDraft?: (text: string) => void }) {
  const t = useT();
  const w = useWords();
  const names = useNames();
  const def = model ? definitionOf(model) : null;
  const raw = def ? JSON.stringify(def, null, 2) : '';
  return (
    <Drawer open={Boolean(model)} onClose={onClose} size={980} destroyOnHidden
      title={model ? `${model.name} · ${w('version', { n: model.version })}` : ''}
      extra={onDraft && model ? <Button onClick={() => onDraft(raw)} data-testid="model-draft">{w('detail.draft')}</Button> : undefined}>
      {model && def && (
        <div data-testid="model-detail">
          {def.description && <Typography.Paragraph>{def.description}</Typography.Paragraph>}
          <Typography.Paragraph data-testid="model-summary">{w('detail.summary', {
            total: def.totalPoints,
            kinds: def.subjectKinds.map((k) => t(`kind.${k}` as MessageKey)).join(w('sep')),
            public: w(def.gradesPublic ? 'detail.public.yes' : 'detail.public.no'),
          })}</Typography.Paragraph>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} className="section" items={[
            { key: 'by', label: w('col.by'), children: model.createdBy === 'system' ? w('system') : model.createdBy },
            { key: 'at', label: w('col.at'), children: dateTime(model.createdAt) },
          ]} />
          <Typography.Title level={5}>{w('detail.grades')}</Typography.Title>
          <GradesTable def={def} w={w} />
          <Typography.Title level={5} className="section">{w('detail.dimensions')}</Typography.Title>
          <IndicatorsTable def={def} names={names} w={w} />
          <Collapse className="section" items={[{
            key: 'raw', label: w('detail.raw'),
            children: <pre className="mono" style={{ maxHeight: 480, overflow: 'auto', fontSize: 12, margin: 0 }} data-testid="model-raw">{raw}</pre>,
          }]} />
        </div>
      )}
    </Drawer>
  );
}
