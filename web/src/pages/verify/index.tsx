import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Skeleton, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { dateTime, dayOf } from '../../api/format';
import { ApiErrorAlert } from '../../components/api-error';
import { useAction, useApi } from '../../components/use-api';
import { useT } from '../../i18n';
import { pdfUrl, verifyFile, verifyReport, type VerifyResult } from './api';
import { useVerifyWords } from './words';

function Outcome({ r, code }: { r: VerifyResult; code: string | null }) {
  const t = useT();
  const w = useVerifyWords();
  if (!r.genuine) {
    return <Result status="error" title={t('verify.notGenuine')} subTitle={r.message} data-testid="verify-result" data-genuine="false" />;
  }
  if (r.revoked) {
    return (
      <div data-testid="verify-result" data-genuine="true" data-revoked="true">
        <Result status="error" title={w('revoked')} subTitle={w('revokedDetail', { date: dayOf(r.revokedAt), reason: r.revokedReason ?? '' })} />
        <Descriptions bordered size="small" column={1} items={[
          { key: 'rd', label: w('revokedOn'), children: dayOf(r.revokedAt) },
          { key: 'rr', label: w('revokedReason'), children: r.revokedReason },
          { key: 'n', label: t('report.number'), children: <span className="mono">{r.number}</span> },
          { key: 's', label: t('verify.subject'), children: `${r.subjectName} ${r.subjectCode ?? ''}` },
          { key: 'i', label: t('verify.issuer'), children: r.issuer },
          { key: 'a', label: t('report.issuedAt'), children: dateTime(r.issuedAt) },
        ]} />
      </div>
    );
  }
  return (
    <div data-testid="verify-result" data-genuine="true">
      <Result status="success" title={t('verify.genuine')} subTitle={r.kindName} />
      {r.expired && <Alert type="warning" showIcon title={t('verify.expired')} className="section" />}
      {r.factsChanged && <Alert type="warning" showIcon title={t('verify.factsChanged')} className="section" data-testid="facts-changed" />}
      <Descriptions bordered size="small" column={1} items={[
        { key: 'n', label: t('report.number'), children: <span className="mono">{r.number}</span> },
        { key: 's', label: t('verify.subject'), children: `${r.subjectName} ${r.subjectCode ?? ''}` },
        { key: 'i', label: t('verify.issuer'), children: r.issuer },
        { key: 'a', label: t('report.issuedAt'), children: dateTime(r.issuedAt) },
        { key: 'v', label: t('report.validUntil'), children: r.validUntil },
        { key: 'h', label: w('fingerprint'), children: <span className="mono small break" title={w('fingerprintHint')}>{r.pdfSha256}</span> },
      ]} />
      {code && <Button className="section" href={pdfUrl(r.number, code)} target="_blank" rel="noopener">{t('verify.openPdf')}</Button>}
    </div>
  );
}

/** Check a report by its number and verification code (the QR code lands here) or by the PDF file. */
export function VerifyPage() {
  const t = useT();
  const w = useVerifyWords();
  const nav = useNavigate();
  const number = useParams().number ?? '';
  const [params] = useSearchParams();
  const code = params.get('code') ?? '';
  const check = useApi((s) => verifyReport(number, code, s), number && code ? `${number}|${code}` : null);
  const [fileResult, setFileResult] = useState<VerifyResult | null>(null);
  const byFile = useAction(verifyFile);

  return (
    <div className="page narrow">
      <Typography.Title level={2}>{t('nav.verify')}</Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="verify-howto">{w('howTo')}</Typography.Paragraph>
      <Card>
        <Form layout="vertical" initialValues={{ number, code }} key={`${number}|${code}`}
          onFinish={(v: { number: string; code: string }) => nav(`/reports/verify/${encodeURIComponent(v.number.trim())}?code=${encodeURIComponent(v.code.trim())}`)}>
          <Form.Item name="number" label={t('report.number')} rules={[{ required: true, message: t('verify.numberRequired') }]}><Input className="mono" data-testid="verify-number" /></Form.Item>
          <Form.Item name="code" label={t('report.verifyCode')} rules={[{ required: true, message: t('verify.codeRequired') }]}><Input className="mono" data-testid="verify-code" /></Form.Item>
          <Button type="primary" htmlType="submit" data-testid="verify-submit">{t('verify.submit')}</Button>
        </Form>
      </Card>
      <div className="section">
        {check.loading && <Skeleton active />}
        {check.error && <ApiErrorAlert error={check.error} onRetry={check.reload} />}
        {check.data && <Outcome r={check.data} code={code} />}
      </div>
      <Card size="small" title={t('verify.byFile')} className="section">
        <Upload accept="application/pdf,.pdf" maxCount={1} showUploadList={false}
          beforeUpload={(file) => { void byFile.run(file).then((r) => r && setFileResult(r)); return false; }}>
          <Button icon={<UploadOutlined />} loading={byFile.busy}>{t('verify.chooseFile')}</Button>
        </Upload>
        {byFile.error && <div className="section"><ApiErrorAlert error={byFile.error} /></div>}
        {fileResult && <div className="section"><Outcome r={fileResult} code={null} /></div>}
      </Card>
    </div>
  );
}
