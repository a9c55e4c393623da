import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Statistic, Table } from 'antd';
import { useT } from '../../../i18n';
import { errorsCsvUrl, type SubmitResult } from '../api';

/** What became of an upload: the counts, the first row errors, and the error file to fix and re-submit. */
export function ResultCard({ r }: { r: SubmitResult }) {
  const t = useT();
  const c = r.counts;
  return (
    <Card title={t('sub.result', { id: r.id })} size="small" data-testid="sub-result">
      <Row gutter={[12, 12]}>
        {(['received', 'created', 'updated', 'unchanged', 'rejected'] as const).map((k) => (
          <Col xs={12} sm={8} md={4} key={k}><Statistic title={t(`sub.count.${k}`)} value={c[k]} valueStyle={k === 'rejected' && c[k] ? { color: '#c0392b' } : undefined} data-testid={`count-${k}`} /></Col>
        ))}
      </Row>
      {c.rejected > 0 ? (
        <>
          <Alert className="section" type="warning" showIcon title={t('sub.hasErrors', { n: c.rejected })}
            action={<Button icon={<DownloadOutlined />} href={errorsCsvUrl(r.id)} download data-testid="errors-csv">{t('sub.downloadErrors')}</Button>} />
          <Table size="small" className="section" rowKey={(e) => `${e.row}-${e.field}-${e.code}`} dataSource={r.errors} pagination={false} scroll={{ x: 'max-content' }}
            columns={[
              { title: t('sub.row'), dataIndex: 'row', width: 80 },
              { title: t('sub.field'), dataIndex: 'field', render: (f: string | null) => f ?? '—' },
              { title: t('sub.message'), dataIndex: 'message' },
            ]} />
        </>
      ) : <Alert className="section" type="success" showIcon title={t('sub.allGood')} />}
    </Card>
  );
}
