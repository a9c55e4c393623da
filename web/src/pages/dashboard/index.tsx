import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { AsyncView } from '../../components/async-view';
import { useApi, type ApiState } from '../../components/use-api';
import { useT } from '../../i18n';
import { getDistrictStats, getGradeStats, getListStats, getQuality, getRecordStats } from './api';
import { GradesChart, ListsChart, QualityChart, RecordsChart } from './components/charts';
import { DistrictMap } from './components/district-map';

function Panel<T>({ title, state, children, isEmpty, span = 12 }: { title: string; state: ApiState<T>; children: (d: T) => ReactNode; isEmpty?: (d: T) => boolean; span?: number }) {
  const t = useT();
  return (
    <Col xs={24} xl={span}>
      <Card title={title} size="small" className="chart-card">
        <AsyncView state={state} rows={6} isEmpty={isEmpty} empty={<Empty description={t('dash.noData')} />}>{children}</AsyncView>
      </Card>
    </Col>
  );
}

/** Leaders' dashboard: volumes, quality by department, grades by district and industry, list trends, map. */
export function DashboardPage() {
  const t = useT();
  const records = useApi((s) => getRecordStats(s), 'records');
  const quality = useApi((s) => getQuality(s), 'quality');
  const grades = useApi((s) => getGradeStats(s), 'grades');
  const lists = useApi((s) => getListStats(s), 'lists');
  const districts = useApi((s) => getDistrictStats(s), 'districts');
  const sum = (xs: number[] | undefined) => (xs ? xs.reduce((a, b) => a + b, 0) : undefined);

  return (
    <div>
      <Typography.Title level={2}>{t('menu.dashboard')}</Typography.Title>
      <Row gutter={[16, 16]} className="section">
        {[
          { key: 'subjects', label: t('dash.kpi.subjects'), value: sum(districts.data?.items.map((d) => d.subjects)) },
          { key: 'records', label: t('dash.kpi.records'), value: sum(districts.data?.items.map((d) => d.records)) },
          { key: 'year', label: t('dash.kpi.period'), value: sum(records.data?.items.map((r) => r.count)) },
          { key: 'listed', label: t('dash.kpi.listed'), value: sum(districts.data?.items.map((d) => d.listed)) },
        ].map((k) => (
          <Col xs={12} lg={6} key={k.key}>
            <Card size="small"><Statistic title={k.label} value={k.value ?? '—'} loading={k.value === undefined && (districts.loading || records.loading)} /></Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Panel title={t('dash.records')} state={records} isEmpty={(d) => d.items.length === 0}>{(d) => <RecordsChart data={d} />}</Panel>
        <Panel title={t('dash.map')} state={districts} isEmpty={(d) => d.items.length === 0}>{(d) => <DistrictMap data={d} />}</Panel>
        <Panel title={t('dash.quality')} state={quality} isEmpty={(d) => !d.departments.some((x) => x.received > 0)}>{(d) => <QualityChart data={d} />}</Panel>
        <Panel title={t('dash.lists')} state={lists} isEmpty={(d) => d.items.length === 0}>{(d) => <ListsChart data={d} />}</Panel>
        <Panel title={t('dash.gradesByDistrict')} state={grades} isEmpty={(d) => d.items.length === 0}>{(d) => <GradesChart data={d} by="region" />}</Panel>
        <Panel title={t('dash.gradesByIndustry')} state={grades} isEmpty={(d) => d.items.length === 0}>{(d) => <GradesChart data={d} by="industry" />}</Panel>
      </Row>
    </div>
  );
}
