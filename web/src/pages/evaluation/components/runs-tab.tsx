import { Alert, Button, Card, Form, Progress, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { can } from '../../../access';
import { dateTime } from '../../../api/format';
import { ApiErrorAlert } from '../../../components/api-error';
import { Chart, type ChartOption } from '../../../components/chart';
import { useAction, useApi } from '../../../components/use-api';
import { useSession } from '../../../session';
import { definitionOf, getRun, latestCompletedRun, loadModels, loadRuns, RUN_PAGE_SIZE, startRun, type ModelRow, type Run } from '../api';
import { useWords, type Words } from '../words';

/** Grade names of a model version, best first (the order of its cut-offs). */
type GradeOrder = (run: Run) => string[];

function gradeOrder(models: ModelRow[] | undefined): GradeOrder {
  const byRef = new Map((models ?? []).map((m) => [`${m.code}@${m.version}`, definitionOf(m).grades.map((g) => g.grade)]));
  return (run) => {
    const known = byRef.get(`${run.model.code}@${run.model.version}`) ?? [];
    return [...known, ...Object.keys(run.gradeCounts).filter((g) => !known.includes(g))];
  };
}

const modeWord = (w: Words, mode: string) => w(mode === 'incremental' ? 'mode.incremental' : 'mode.full');
const STATUS_COLOR: Record<string, string> = { running: 'processing', completed: 'success', failed: 'error' };

function StatusTag({ run, w }: { run: Run; w: Words }) {
  const key = run.status === 'running' ? 'status.running' : run.status === 'completed' ? 'status.completed' : 'status.failed';
  return <Tag color={STATUS_COLOR[run.status]}>{w(key)}</Tag>;
}

/** Where a run stands while the screen polls it: preparing, n of m graded, finished or failed in words. */
function RunProgress({ run, w }: { run: Run; w: Words }) {
  if (run.status === 'completed') {
    return <Alert type="success" showIcon data-testid="run-progress" title={w('runs.completed', { id: run.id, n: run.subjects, s: ((run.ms ?? 0) / 1000).toFixed(1) })} />;
  }
  if (run.status === 'failed') return <Alert type="error" showIcon data-testid="run-progress" title={w('runs.failed', { id: run.id, error: run.error ?? '' })} />;
  const p = run.progress;
  return (
    <Card size="small" data-testid="run-progress">
      <div>{p && p.total > 0 ? w('runs.running', { model: run.model.name, done: p.done, total: p.total }) : w('runs.preparing', { id: run.id })}</div>
      <Progress percent={p && p.total > 0 ? Math.floor((p.done / p.total) * 100) : 0} status="active" />
    </Card>
  );
}

/** 发起评价: model and kind; the answer comes at once and the run is polled until it ends. */
function StartRun({ models, onEnded, w }: { models: ModelRow[]; onEnded: () => void; w: Words }) {
  const [form] = Form.useForm<{ model: string; incremental: boolean }>();
  const action = useAction(startRun);
  const [run, setRun] = useState<Run | null>(null);
  const latest = models.filter((m, i) => models.findIndex((x) => x.code === m.code) === i);
  // The platform's own models first: they are what the dashboard and the party pages show.
  const preset = latest.find((m) => m.createdBy === 'system') ?? latest[0];
  useEffect(() => {
    if (!run || run.status !== 'running') return;
    const timer = setTimeout(() => {
      getRun(run.id).then((r) => {
        setRun(r);
        if (r.status !== 'running') onEnded();
      }, () => setRun({ ...run }));
    }, 700);
    return () => clearTimeout(timer);
  }, [run, onEnded]);
  return (
    <Card size="small" title={w('runs.start')}>
      <Form form={form} layout="vertical" initialValues={{ model: preset?.code, incremental: false }} onFinish={async (v) => {
        const r = await action.run({ model: v.model, incremental: v.incremental });
        if (r) setRun(r);
      }}>
        <Form.Item name="model" label={w('runs.model')} rules={[{ required: true }]}>
          <Select style={{ maxWidth: 420 }} options={latest.map((m) => ({ value: m.code, label: `${m.name}（${w('version', { n: m.version })}）` }))} data-testid="run-model" />
        </Form.Item>
        <Form.Item name="incremental" label={w('runs.kind')}>
          <Radio.Group data-testid="run-kind" options={[{ value: false, label: w('runs.kind.full') }, { value: true, label: w('runs.kind.incremental') }]} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.busy || run?.status === 'running'} data-testid="run-start">{w('runs.go')}</Button>
      </Form>
      {action.error && <div className="section"><ApiErrorAlert error={action.error} /></div>}
      {run && <div className="section"><RunProgress run={run} w={w} /></div>}
    </Card>
  );
}

function GradeChart({ run, order, w }: { run: Run; order: GradeOrder; w: Words }) {
  const grades = order(run);
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: grades },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: grades.map((g) => run.gradeCounts[g] ?? 0), label: { show: true, position: 'top' }, itemStyle: { color: '#1677ff' }, barMaxWidth: 64 }],
  }), [run, grades]);
  const total = run.subjects;
  return (
    <Card size="small" title={w('runs.chart')} data-testid="run-chart-card">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {w('runs.chartOf', { model: run.model.name, version: run.model.version, mode: modeWord(w, run.mode), asOf: run.asOf, n: total })}
        {run.mode === 'incremental' && ` ${w('runs.chartIncremental')}`}
      </Typography.Paragraph>
      <Chart option={option} height={260} label={`${w('runs.chart')}: ${grades.map((g) => `${g} ${run.gradeCounts[g] ?? 0}`).join(', ')}`} testId="run-chart" />
    </Card>
  );
}

/** 评价运行: start a run and watch it, the latest run's grade distribution, and every run with its grade counts. */
export function RunsTab() {
  const w = useWords();
  const { me } = useSession();
  const manage = can(me?.role, 'evaluationManage');
  const [tick, setTick] = useState(0);
  const [page, setPage] = useState(1);
  const models = useApi((s) => loadModels(s), 'models');
  const runs = useApi((s) => loadRuns(page, s), `runs${tick}-${page}`);
  const latest = useApi((s) => latestCompletedRun(s), `latest${tick}`);
  const order = useMemo(() => gradeOrder(models.data?.items), [models.data]);
  const onEnded = useCallback(() => setTick((n) => n + 1), []);

  return (
    <div>
      <div className="party-grid">
        {manage && models.data ? <StartRun models={models.data.items} onEnded={onEnded} w={w} /> : !manage && <Alert type="info" showIcon title={w('runs.onlyCenter')} />}
        {latest.data && <GradeChart run={latest.data} order={order} w={w} />}
      </div>
      <Typography.Title level={4} className="section">{w('runs.history')}</Typography.Title>
      {runs.error ? <ApiErrorAlert error={runs.error} onRetry={runs.reload} /> : (
        <Table<Run> rowKey="id" size="small" loading={runs.loading} dataSource={runs.data?.items ?? []} scroll={{ x: 'max-content' }} data-testid="run-table"
          locale={{ emptyText: w('runs.none') }}
          pagination={{ current: page, pageSize: RUN_PAGE_SIZE, total: runs.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: w('col.run'), dataIndex: 'id' },
            { title: w('col.model'), key: 'm', render: (_, r) => `${r.model.name}（${w('version', { n: r.model.version })}）` },
            { title: w('col.kind'), dataIndex: 'mode', render: (v: string) => modeWord(w, v) },
            { title: w('col.asOf'), dataIndex: 'asOf' },
            { title: w('col.status'), key: 's', render: (_, r) => <StatusTag run={r} w={w} /> },
            { title: w('col.subjects'), dataIndex: 'subjects', align: 'right' },
            {
              title: w('col.grades'), key: 'g', render: (_, r) => (
                <Space size={4} wrap data-testid="run-grades">
                  {order(r).filter((g) => r.gradeCounts[g] !== undefined).map((g) => <Tag key={g}>{g} {r.gradeCounts[g]}</Tag>)}
                </Space>
              ),
            },
            { title: w('col.started'), dataIndex: 'startedAt', render: (v: string) => dateTime(v) },
            { title: w('col.finished'), dataIndex: 'finishedAt', render: (v: string | null) => dateTime(v) },
            { title: w('col.startedBy'), dataIndex: 'startedBy', render: (v: string) => (v === 'system' ? w('runs.bySystem') : v) },
          ]} />
      )}
    </div>
  );
}
