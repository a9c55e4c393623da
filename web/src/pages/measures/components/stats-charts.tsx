import { Chart, type ChartOption } from '../../../components/chart';
import type { MeasureStats } from '../api';
import { useWords } from '../words';

const COLORS = ['#1554ad', '#d4880f', '#2e8b57', '#8c8c8c', '#c0392b'];
type Row = MeasureStats['months'][number];
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** Every month from the first to the last with figures, the empty ones as zeros, so the axis has no holes. */
export function continuousMonths(rows: Row[]): { month: string; row: Row | null }[] {
  if (!rows.length) return [];
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const out: { month: string; row: Row | null }[] = [];
  let [y, m] = rows[0]!.month.split('-').map(Number) as [number, number];
  const last = rows[rows.length - 1]!.month;
  for (let guard = 0; guard < 600; guard += 1) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ month, row: byMonth.get(month) ?? null });
    if (month >= last) break;
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

/** Reviews, hits, measures applied and list entries initiated per department, as horizontal bars with the departments' full names. */
export function DepartmentChart({ data }: { data: MeasureStats }) {
  const { w } = useWords();
  const rows = [...data.departments].sort((a, b) => a.reviews - b.reviews || a.hits - b.hits);
  const option: ChartOption = {
    color: COLORS, tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((d) => d.departmentName ?? w.centre) },
    series: [
      { name: w.reviews, type: 'bar', data: rows.map((d) => d.reviews) },
      { name: w.hits, type: 'bar', data: rows.map((d) => d.hits) },
      { name: w.applied, type: 'bar', data: rows.map((d) => d.hitsApplied) },
      { name: w.initiations, type: 'bar', data: rows.map((d) => d.initiations) },
    ],
  };
  return <Chart option={option} label={w.chartDepartments} height={Math.max(240, rows.length * 80 + 60)} testId="chart-measures-departments" />;
}

/** Reviews, hits, measures applied and list entries initiated per month as bars, the feedback rate as a line on its own axis. */
export function MonthChart({ data }: { data: MeasureStats }) {
  const { w } = useWords();
  const months = continuousMonths(data.months);
  const of = (k: 'reviews' | 'hits' | 'hitsApplied' | 'initiations') => months.map((m) => m.row?.[k] ?? 0);
  const option: ChartOption = {
    color: COLORS, legend: { bottom: 0 },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, top: 24, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: w.reviews, type: 'bar', data: of('reviews') },
      { name: w.hits, type: 'bar', data: of('hits') },
      { name: w.applied, type: 'bar', data: of('hitsApplied') },
      { name: w.initiations, type: 'bar', data: of('initiations') },
      {
        name: w.feedbackRate, type: 'line', yAxisIndex: 1, connectNulls: true, data: months.map((m) => pct(m.row?.feedbackRate ?? null)),
        tooltip: { valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
      },
    ],
  };
  return <Chart option={option} label={w.chartMonths} testId="chart-measures-months" />;
}
