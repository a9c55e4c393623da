import { Button, Card, Space, Table, Tag } from 'antd';
import { dateTime } from '../../../api/format';
import { ApiErrorAlert } from '../../../components/api-error';
import { useAction, useApi } from '../../../components/use-api';
import { batchZipUrl, loadBatch, loadBatches, type BatchJob } from '../api';
import { useWords, type WordKey } from '../words';

const STATUS: Record<string, { word: WordKey; color: string }> = {
  running: { word: 'statusRunning', color: 'processing' }, completed: { word: 'statusCompleted', color: 'green' },
  failed: { word: 'statusFailed', color: 'red' }, interrupted: { word: 'statusInterrupted', color: 'orange' },
};

/** 最近的批量任务: earlier batches, to see their errors again or download their reports. */
export function BatchHistory({ tick, onOpen }: { tick: number; onOpen: (j: BatchJob) => void }) {
  const w = useWords();
  const jobs = useApi((s) => loadBatches(s), `batches${tick}`);
  const open = useAction(async (id: number) => onOpen(await loadBatch(id)));
  return (
    <Card size="small" className="section" title={w('historyTitle')}>
      {jobs.error && <ApiErrorAlert error={jobs.error} onRetry={jobs.reload} />}
      {open.error && <ApiErrorAlert error={open.error} />}
      <Table<BatchJob> rowKey="id" size="small" loading={jobs.loading} dataSource={jobs.data?.items ?? []} pagination={false} scroll={{ x: 'max-content' }} data-testid="batch-history"
        columns={[
          { title: w('colSubmitted'), dataIndex: 'createdAt', render: (v: string) => dateTime(v) },
          { title: w('colKind'), dataIndex: 'kind', render: (v: string) => w(v === 'certificate' ? 'kindCertificate' : 'kindPublic') },
          { title: w('colPurpose'), dataIndex: 'purpose' },
          { title: w('colBy'), dataIndex: 'requesterName' },
          { title: w('colResult'), key: 'r', render: (_, j) => w('resultCounts', { ok: j.okCount, bad: j.errorCount, total: j.total }) },
          { title: w('colState'), dataIndex: 'status', render: (v: string) => <Tag color={STATUS[v]?.color}>{w(STATUS[v]?.word ?? 'statusFailed')}</Tag> },
          {
            title: w('colActions'), key: 'a', render: (_, j) => (
              <Space size={4}>
                <Button size="small" onClick={() => void open.run(j.id)}>{w('view')}</Button>
                {j.downloadable && <Button size="small" href={batchZipUrl(j.id)} download>{w('downloadShort')}</Button>}
              </Space>
            ),
          },
        ]} />
    </Card>
  );
}
