import { Chart, type ChartOption } from '../../../components/chart';
import { useNames } from '../../../components/use-names';
import { useT, type MessageKey } from '../../../i18n';
import type { DistrictStats, GradeStats, ListStats, QualityReport, RecordStats } from '../api';

const PALETTE = ['#1554ad', '#c0392b', '#2e8b57', '#d4880f', '#6a4fb3', '#1a8c9c', '#8c8c8c'];
const GRADE_COLORS: Record<string, string> = { A: '#2e8b57', B: '#1554ad', C: '#d4880f', D: '#c0392b' };
const uniq = <T,>(xs: T[]) => [...new Set(xs)];

/**
 * A department's name without its city (南通市市场监督管理局 → 市场监督管理局), so the axis stays
 * short; the city is two or three characters before its 市, and a name that is all city is kept.
 */
export const withoutCity = (name: string): string => name.replace(/^[^市]{2,3}市(?=.{2,})/, '');

export function RecordsChart({ data: raw }: { data: RecordStats }) {
  const t = useT();
  const names = useNames();
  // Categories by their name in the page's language.
  const data = { ...raw, items: raw.items.map((r) => ({ ...r, categoryName: names.category(r.category, r.categoryName) })) };
  const months = uniq(data.items.map((r) => r.month)).sort();
  const totals = new Map<string, number>();
  data.items.forEach((r) => totals.set(r.categoryName, (totals.get(r.categoryName) ?? 0) + r.count));
  const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n]) => n);
  const other = t('dash.other');
  const series = [...top, ...(totals.size > top.length ? [other] : [])].map((name) => ({
    name, type: 'bar', stack: 'all', emphasis: { focus: 'series' },
    data: months.map((m) => data.items.filter((r) => r.month === m && (name === other ? !top.includes(r.categoryName) : r.categoryName === name)).reduce((s, r) => s + r.count, 0)),
  }));
  const option: ChartOption = {
    color: PALETTE, tooltip: { trigger: 'axis' }, legend: { type: 'scroll', bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 56 }, xAxis: { type: 'category', data: months }, yAxis: { type: 'value' }, series,
  };
  return <Chart option={option} label={t('dash.records')} testId="chart-records" svg />;
}

export function QualityChart({ data }: { data: QualityReport }) {
  const t = useT();
  const rows = [...data.departments].filter((d) => d.received > 0).sort((a, b) => b.received - a.received).slice(0, 12).reverse();
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  const option: ChartOption = {
    color: ['#1554ad', '#2e8b57'], tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
    legend: { bottom: 0 }, grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((d) => withoutCity(d.department.name)) },
    series: [
      { name: t('dash.compliance'), type: 'bar', data: rows.map((d) => pct(d.complianceRate)) },
      { name: t('dash.timeliness'), type: 'bar', data: rows.map((d) => pct(d.timelyRate)) },
    ],
  };
  return <Chart option={option} label={t('dash.quality')} height={Math.max(260, rows.length * 34 + 60)} testId="chart-quality" svg />;
}

export function GradesChart({ data, by }: { data: GradeStats; by: 'region' | 'industry' }) {
  const t = useT();
  const keyOf = (r: GradeStats['items'][number]) => (by === 'region' ? (r.region.name ?? t('dash.unknown')) : (r.industry ? t(`industry.${r.industry}` as MessageKey) : t('dash.unknown')));
  const cats = uniq(data.items.map(keyOf)).sort();
  const grades = uniq(data.items.map((r) => r.grade)).sort();
  const option: ChartOption = {
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: cats, axisLabel: { interval: 0, rotate: cats.length > 8 ? 40 : 0 } }, yAxis: { type: 'value' },
    series: grades.map((g, i) => ({
      name: g, type: 'bar', stack: 'g', itemStyle: { color: GRADE_COLORS[g] ?? PALETTE[i % PALETTE.length] },
      data: cats.map((c) => data.items.filter((r) => keyOf(r) === c && r.grade === g).reduce((s, r) => s + r.count, 0)),
    })),
  };
  return <Chart option={option} label={by === 'region' ? t('dash.gradesByDistrict') : t('dash.gradesByIndustry')} testId={`chart-grades-${by}`} svg />;
}

export function ListsChart({ data }: { data: ListStats }) {
  const t = useT();
  const months = uniq(data.items.map((r) => r.month)).sort();
  const kinds = ['honour', 'blacklist', 'watch'] as const;
  const option: ChartOption = {
    color: ['#c0392b', '#262626', '#d4880f'], tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: months }, yAxis: { type: 'value', minInterval: 1 },
    series: kinds.map((k) => ({ name: t(`listKind.${k}`), type: 'line', smooth: true, data: months.map((m) => data.items.find((r) => r.month === m && r.kind === k)?.entered ?? 0) })),
  };
  return <Chart option={option} label={t('dash.lists')} testId="chart-lists" svg />;
}

export type { DistrictStats };
