import { Button, Card, Col, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { dateTime } from '../../api/format';
import { useNames } from '../../components/use-names';
import { useApi } from '../../components/use-api';
import { ApiErrorAlert } from '../../components/api-error';
import { useI18n } from '../../i18n';
import { SUBMISSION_STATUSES, wordOf } from '../../i18n/words';
import { errorsCsvUrl, listSubmissions, type SubmissionStatus, type SubmitResult, type Submission } from './api';
import { ResultCard } from './components/result-card';
import { UploadForm } from './components/upload-form';

/** A submission's status colour; its words are SUBMISSION_STATUSES (interrupted: the server stopped mid-import; the file must be sent again). */
const STATUS_COLOR: Record<SubmissionStatus, string> = { received: 'blue', processing: 'blue', completed: 'green', failed: 'red', interrupted: 'orange' };

/** 数据报送: upload a file with progress, see and download its errors, and the history of submissions. */
export function SubmissionsPage() {
  const { t, lang } = useI18n();
  const [result, setResult] = useState<SubmitResult | null>(null);
  // The history names departments and categories by code: shown by name.
  const names = useNames();
  const [page, setPage] = useState(1);
  const history = useApi((s) => listSubmissions({ page }, s), `${page}|${result?.id ?? 0}`);
  return (
    <div>
      <Typography.Title level={2}>{t('menu.submissions')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}><UploadForm onDone={setResult} /></Col>
        <Col xs={24} lg={14}>{result ? <ResultCard r={result} /> : <Card size="small" className="placeholder-card">{t('sub.placeholder')}</Card>}</Col>
      </Row>
      <Card title={t('sub.history')} size="small" className="section">
        {history.error ? <ApiErrorAlert error={history.error} onRetry={history.reload} /> : (
          <Table<Submission> rowKey="id" size="small" loading={history.loading} dataSource={history.data?.items ?? []} scroll={{ x: 'max-content' }}
            data-testid="sub-history" locale={{ emptyText: t('sub.noHistory') }}
            pagination={{ current: page, pageSize: 10, total: history.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            columns={[
              { title: '#', dataIndex: 'id', width: 64 },
              { title: t('sub.submittedAt'), dataIndex: 'submittedAt', render: (v: string) => dateTime(v) },
              { title: t('sub.department'), dataIndex: 'department', render: (v: string) => names.department(v) },
              { title: t('sub.category'), dataIndex: 'category', render: (v: string) => names.category(v) },
              { title: t('sub.file'), key: 'file', render: (_, s) => s.fileName ?? s.format.toUpperCase() },
              { title: t('sub.status'), dataIndex: 'status', render: (v: SubmissionStatus) => <Tag color={STATUS_COLOR[v]}>{wordOf(lang, SUBMISSION_STATUSES, v)}</Tag> },
              { title: t('sub.count.received'), key: 'received', render: (_, s) => s.counts.received },
              { title: t('sub.count.rejected'), key: 'rejected', render: (_, s) => (s.counts.rejected ? <Button type="link" size="small" href={errorsCsvUrl(s.id)} download>{s.counts.rejected} ↓</Button> : 0) },
              { title: t('sub.by'), dataIndex: 'submittedBy' },
            ]} />
        )}
      </Card>
    </div>
  );
}
