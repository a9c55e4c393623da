import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Progress, Table, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { batchZipUrl, loadBatch, type BatchJob } from '../api';
import { useWords } from '../words';

type ResultRow = BatchJob['rows'][number];
const POLL_MS = 800;

/** One batch: its progress while it runs (polled), then the download and the rows without a report. */
export function BatchProgress({ job, onChange }: { job: BatchJob; onChange: (j: BatchJob) => void }) {
  const w = useWords();
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    if (job.status !== 'running') return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      // A failed poll is tried again on the next tick: the job runs on regardless.
      loadBatch(job.id, ctl.signal).then((j) => latest.current(j), () => latest.current({ ...job }));
    }, POLL_MS);
    return () => { clearTimeout(timer); ctl.abort(); };
  }, [job]);

  const failed = job.rows.filter((r) => !r.ok);
  const percent = job.total ? Math.round((job.done / job.total) * 100) : 0;
  const status = job.status === 'running' ? 'active' : job.status === 'completed' ? (failed.length ? 'normal' : 'success') : 'exception';
  return (
    <Card size="small" className="section" data-testid="batch-job" data-status={job.status}
      title={job.status === 'running' ? w('progress', { done: job.done, total: job.total }) : job.status === 'completed' ? w('finished', { ok: job.okCount, bad: job.errorCount }) : w(job.status === 'failed' ? 'statusFailed' : 'statusInterrupted')}>
      <Progress percent={percent} status={status} data-testid="batch-progress" />
      {(job.status === 'failed' || job.status === 'interrupted') && <Alert type="error" showIcon className="section" title={w('failedJob', { error: job.error ?? '' })} />}
      {job.downloadable && (
        <Button type="primary" className="section" icon={<DownloadOutlined />} href={batchZipUrl(job.id)} download data-testid="batch-download">
          {w('download', { n: job.okCount })}
        </Button>
      )}
      {failed.length > 0 && (
        <div className="section">
          <Typography.Text strong>{w('errorsTitle', { n: failed.length })}</Typography.Text>
          <Table<ResultRow> rowKey="row" size="small" className="section" pagination={false} dataSource={failed} data-testid="batch-errors"
            columns={[
              { title: w('colRow'), dataIndex: 'row', width: 100, render: (n: number) => w('rowN', { n }) },
              { title: w('colInput'), dataIndex: 'input', render: (v: string) => <span className="mono">{v}</span> },
              { title: w('colReason'), dataIndex: 'error' },
            ]} />
        </div>
      )}
    </Card>
  );
}
