import { Table, Typography } from 'antd';
import type { Plan, ProblemRate } from '../api';
import { useWords } from '../words';
import { gradeLabel, ratePct } from './format';

type Counts = Omit<ProblemRate, 'planId' | 'status' | 'tiers'>;
interface Row { tier: string; grades: (string | null)[]; ratios: number[]; directory: number; counts: Counts | undefined }

/** Plan tiers merged by name (as the problem rate counts them), in the plan's order. */
function rows(plan: Plan, rate: ProblemRate | undefined): Row[] {
  const byName = new Map<string, Row>();
  for (const t of plan.tiers) {
    const r = byName.get(t.tier) ?? { tier: t.tier, grades: [], ratios: [], directory: 0, counts: rate?.tiers.find((x) => x.tier === t.tier) };
    r.grades.push(t.grade);
    if (!r.ratios.includes(t.ratio)) r.ratios.push(t.ratio);
    r.directory += t.parties;
    byName.set(t.tier, r);
  }
  return [...byName.values()];
}

/** Per supervision tier: grades, ratio, parties in the directory, drawn, inspected, problems found and the 问题发现率. */
export function TiersTable({ plan, rate }: { plan: Plan; rate: ProblemRate | undefined }) {
  const w = useWords();
  const data = rows(plan, rate);
  // Before the draw nothing is drawn or inspected yet: a dash, not a count.
  const drawn = plan.status === 'drawn';
  const n = (c: Counts | undefined, k: keyof Counts) => (drawn ? c?.[k] ?? 0 : '—');
  return (
    <Table<Row> rowKey="tier" size="small" pagination={false} dataSource={data} scroll={{ x: 'max-content' }} data-testid="tiers-table"
      columns={[
        { title: w('tiers.tier'), dataIndex: 'tier' },
        { title: w('tiers.grades'), key: 'g', render: (_, r) => r.grades.map((g) => gradeLabel(w, g)).join('、') },
        { title: w('tiers.ratio'), key: 'r', render: (_, r) => r.ratios.map((x) => w('percent', { n: x })).join(' / ') },
        { title: w('tiers.directory'), dataIndex: 'directory', align: 'right' },
        { title: w('tiers.drawn'), key: 'd', align: 'right', render: (_, r) => n(r.counts, 'drawn') },
        { title: w('tiers.inspected'), key: 'i', align: 'right', render: (_, r) => n(r.counts, 'inspected') },
        { title: w('tiers.problems'), key: 'p', align: 'right', render: (_, r) => n(r.counts, 'problemsFound') },
        { title: w('tiers.unreachable'), key: 'u', align: 'right', render: (_, r) => n(r.counts, 'unreachable') },
        { title: w('tiers.rate'), key: 'rate', align: 'right', render: (_, r) => <span data-testid={`tier-rate-${r.tier}`}>{ratePct(r.counts?.rate)}</span> },
      ]}
      summary={() => rate && drawn && (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={3}><Typography.Text strong>{w('tiers.total')}</Typography.Text></Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">{data.reduce((s, r) => s + r.directory, 0)}</Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">{rate.drawn}</Table.Summary.Cell>
          <Table.Summary.Cell index={5} align="right">{rate.inspected}</Table.Summary.Cell>
          <Table.Summary.Cell index={6} align="right">{rate.problemsFound}</Table.Summary.Cell>
          <Table.Summary.Cell index={7} align="right">{rate.unreachable}</Table.Summary.Cell>
          <Table.Summary.Cell index={8} align="right"><Typography.Text strong data-testid="total-rate">{ratePct(rate.rate)}</Typography.Text></Table.Summary.Cell>
        </Table.Summary.Row>
      )} />
  );
}
