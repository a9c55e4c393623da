import { Card, Col, DatePicker, Empty, Form, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { can } from '../../../access';
import { loadDepartments } from '../../../api/catalog';
import { AsyncView } from '../../../components/async-view';
import { useApi } from '../../../components/use-api';
import { useSession } from '../../../session';
import { loadStats, type MeasureStats, type StatsFilter } from '../api';
import { useWords } from '../words';
import { DepartmentChart, MonthChart } from './stats-charts';

type MeasureRow = MeasureStats['measures'][number];
const percent = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`);

/** 跟踪问效: reviews, parties, hits, measures applied and the feedback rate, per department and per month; a clerk sees their own department. */
export function Stats() {
  const { w } = useWords();
  const { me } = useSession();
  const centre = can(me?.role, 'measureManage');
  const [f, setF] = useState<StatsFilter>({});
  const stats = useApi((s) => loadStats(f, s), JSON.stringify(f));
  const depts = useApi(() => loadDepartments(), 'departments');
  const own = depts.data?.find((d) => d.id === me?.departmentId);

  return (
    <div>
      <Form layout="inline" className="filters">
        <Form.Item label={w.period}>
          <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[w.allPeriod, w.allPeriod]} data-testid="stats-period"
            onChange={(r: [Dayjs | null, Dayjs | null] | null) => setF({ ...f, from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })} />
        </Form.Item>
        {centre ? (
          <Form.Item label={w.statsDepartment}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={w.everyDepartment} style={{ width: 240 }} data-testid="stats-department"
              value={f.department} onChange={(department?: string) => setF({ ...f, department })}
              options={(depts.data ?? []).map((d) => ({ value: d.code, label: d.name }))} />
          </Form.Item>
        ) : own && <Form.Item><Tag color="blue" data-testid="stats-own-department">{w.ownDepartment(own.name)}</Tag></Form.Item>}
      </Form>
      <AsyncView state={stats} rows={8}>{(d) => <Figures data={d} />}</AsyncView>
    </div>
  );
}

function Figures({ data }: { data: MeasureStats }) {
  const { w } = useWords();
  const t = data.totals;
  const cards = [
    { key: 'reviews', title: w.reviews, value: String(t.reviews) },
    { key: 'parties', title: w.parties, value: String(t.parties) },
    { key: 'hits', title: w.hits, value: String(t.hits) },
    { key: 'applied', title: w.applied, value: String(t.hitsApplied) },
    { key: 'feedback', title: w.feedbackRate, value: percent(t.feedbackRate) },
    { key: 'initiations', title: w.initiations, value: String(t.initiations) },
  ];
  const empty = data.departments.length === 0 && data.months.length === 0;
  return (
    <div>
      <Row gutter={[16, 16]}>
        {cards.map((c) => (
          <Col xs={12} md={8} xl={4} key={c.key}>
            <Card size="small"><Statistic title={c.title} value={c.value} data-testid={`stat-${c.key}`} /></Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" className="section">{w.statsNote}</Typography.Paragraph>
      {empty ? <Empty description={w.noStats} /> : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}><Card size="small" title={w.byDepartment} className="chart-card"><DepartmentChart data={data} /></Card></Col>
            <Col xs={24} xl={12}><Card size="small" title={w.byMonth} className="chart-card"><MonthChart data={data} /></Card></Col>
          </Row>
          <Card size="small" title={w.byMeasure} className="section">
            <Table<MeasureRow> rowKey="measure" size="small" dataSource={data.measures} pagination={false} scroll={{ x: 'max-content' }} data-testid="stats-measures"
              columns={[
                { title: w.name, dataIndex: 'name' },
                { title: w.applicable, dataIndex: 'applicable', align: 'right' },
                { title: w.withFeedback, dataIndex: 'withFeedback', align: 'right' },
                { title: w.applied, dataIndex: 'applied', align: 'right' },
                { title: w.notApplied, dataIndex: 'notApplied', align: 'right' },
                { title: w.applicationRate, dataIndex: 'applicationRate', align: 'right', render: percent },
              ]} />
          </Card>
        </>
      )}
    </div>
  );
}
