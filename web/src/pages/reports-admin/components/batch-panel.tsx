import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Radio, Segmented, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../../components/api-error';
import { useAction, useApi } from '../../../components/use-api';
import { loadDomains, startBatch, type BatchJob } from '../api';
import { codesFromFile, codesFromText, UnreadableListError, type ListRow } from '../parse-list';
import { useWords } from '../words';
import { BatchHistory } from './batch-history';
import { BatchProgress } from './batch-progress';

const MAX_PARTIES = 200;

interface Fields { kind: 'public' | 'certificate'; purpose: string; domains?: string[]; list?: string }

/** 批量出具: a list of parties (typed, pasted or uploaded) → a job with progress, row errors and the zip. */
export function BatchPanel() {
  const w = useWords();
  const [form] = Form.useForm<Fields>();
  const kind = Form.useWatch('kind', form);
  const [source, setSource] = useState<'paste' | 'file'>('paste');
  const [file, setFile] = useState<{ name: string; rows: ListRow[] } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [job, setJob] = useState<BatchJob | null>(null);
  const [historyTick, setHistoryTick] = useState(0);
  const domains = useApi((s) => loadDomains(s), kind === 'certificate' ? 'domains' : null);
  const start = useAction(startBatch);

  const readFile = async (f: File) => {
    setFileError(null);
    setFile(null);
    try {
      const rows = await codesFromFile(f);
      if (!rows.length) setFileError(w('fileEmpty'));
      else setFile({ name: f.name, rows });
    } catch (err) {
      if (!(err instanceof UnreadableListError)) throw err;
      setFileError(w('fileUnreadable'));
    }
  };

  const onFinish = async (v: Fields) => {
    setListError(null);
    const parties = source === 'file' ? (file?.rows ?? []) : codesFromText(v.list ?? '');
    if (!parties.length) return setListError(source === 'file' ? w('fileEmpty') : w('batchListRequired'));
    if (parties.length > MAX_PARTIES) return setListError(w('tooMany', { max: MAX_PARTIES, n: parties.length }));
    const r = await start.run({
      kind: v.kind, purpose: v.purpose.trim(), parties,
      ...(v.kind === 'certificate' && v.domains?.length ? { domains: v.domains } : {}),
    });
    if (r) {
      setJob(r);
      setHistoryTick((n) => n + 1);
    }
  };

  return (
    <div>
      <Typography.Paragraph type="secondary">{w('batchIntro')}</Typography.Paragraph>
      <Card size="small">
        <Form form={form} layout="vertical" initialValues={{ kind: 'public' }} onFinish={onFinish} requiredMark>
          <Form.Item name="kind" label={w('batchKind')}>
            <Radio.Group options={[{ value: 'public', label: w('kindPublic') }, { value: 'certificate', label: w('kindCertificate') }]} />
          </Form.Item>
          {kind === 'certificate' && (
            <Form.Item name="domains" label={w('batchDomains')} extra={w('batchDomainsHint')}>
              <Select mode="multiple" allowClear loading={domains.loading} options={(domains.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))} />
            </Form.Item>
          )}
          <Form.Item name="purpose" label={w('batchPurpose')} extra={w('batchPurposeHint')} rules={[{ required: true, whitespace: true, message: w('batchPurposeRequired') }]}>
            <Input maxLength={200} data-testid="batch-purpose" />
          </Form.Item>
          <Form.Item label={w('batchList')} required>
            <Segmented value={source} onChange={(v) => { setSource(v as 'paste' | 'file'); setListError(null); }} data-testid="batch-source"
              options={[{ value: 'paste', label: w('sourcePaste') }, { value: 'file', label: w('sourceFile') }]} />
          </Form.Item>
          {source === 'paste' ? (
            <Form.Item name="list" extra={w('batchListHint')}>
              <Input.TextArea rows={8} className="mono" data-testid="batch-list" />
            </Form.Item>
          ) : (
            <Form.Item extra={w('batchFileHint')}>
              <Upload accept=".csv,.txt,.xlsx" maxCount={1} showUploadList={false} beforeUpload={(f) => { void readFile(f); return false; }}>
                <Button icon={<UploadOutlined />} data-testid="batch-file">{w('batchFile')}</Button>
              </Upload>
              {file && <div className="section" data-testid="batch-file-read">{w('fileRead', { name: file.name, n: file.rows.length })}</div>}
              {fileError && <Alert className="section" type="error" showIcon title={fileError} />}
            </Form.Item>
          )}
          {listError && <Alert type="error" showIcon title={listError} className="section" data-testid="batch-list-error" />}
          {start.error && <div className="section"><ApiErrorAlert error={start.error} /></div>}
          <Space className="section">
            <Button type="primary" htmlType="submit" loading={start.busy} disabled={job?.status === 'running'} data-testid="batch-start">{w('batchStart')}</Button>
          </Space>
        </Form>
      </Card>
      {job && <BatchProgress job={job} onChange={(j) => { setJob(j); if (j.status !== 'running') setHistoryTick((n) => n + 1); }} />}
      <BatchHistory tick={historyTick} onOpen={setJob} />
    </div>
  );
}
