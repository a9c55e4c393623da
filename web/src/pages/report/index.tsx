import { Button, Card, Descriptions, Form, Input, Radio, Result, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { dateTime } from '../../api/format';
import { LinkButton } from '../../components/link-button';
import { ApiErrorAlert } from '../../components/api-error';
import { useAction, useApi } from '../../components/use-api';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { useVerifyWords } from '../verify/words';
import { getDomains, requestReport, type IssuedReport, type ReportRequest } from './api';

/** Ask for a credit report (public or certificate version) and get its number and verification code. */
export function ReportRequestPage() {
  const t = useT();
  const vw = useVerifyWords();
  const { me } = useSession();
  const [params] = useSearchParams();
  const [issued, setIssued] = useState<IssuedReport | null>(null);
  const [kind, setKind] = useState<'public' | 'certificate'>('public');
  const domains = useApi((s) => getDomains(s), kind === 'certificate' ? 'domains' : null);
  const action = useAction(requestReport);
  const staff = me && ['admin', 'operator', 'department', 'lender'].includes(me.role);

  const onFinish = async (v: ReportRequest) => {
    const r = await action.run({ ...v, subject: v.subject.trim(), purpose: v.purpose?.trim() || undefined, domains: v.domains?.length ? v.domains : undefined });
    if (r) setIssued(r);
  };

  if (issued) {
    // `url` is absolute, built from PUBLIC_BASE_URL or http://localhost:<port> when that is unset: open
    // the same path on the origin this page came from, which is the server that issued the report.
    const pdf = new URL(issued.url, window.location.origin);
    const pdfPath = pdf.pathname + pdf.search;
    const verifyPath = `/reports/verify/${encodeURIComponent(issued.number)}?code=${encodeURIComponent(issued.verifyCode)}`;
    return (
      <div className="page narrow">
        <Result
          status="success"
          title={t('report.issued')}
          subTitle={t('report.issuedSub', { name: issued.subjectName })}
          extra={[
            <Button type="primary" key="pdf" href={pdfPath} target="_blank" rel="noopener" data-testid="report-pdf">{t('report.download')}</Button>,
            <LinkButton key="verify" to={verifyPath} data-testid="report-verify-link">{t('report.verifyIt')}</LinkButton>,
            <Button key="again" type="link" onClick={() => setIssued(null)}>{t('report.another')}</Button>,
          ]}
        />
        <Card size="small">
          <Descriptions column={1} size="small" items={[
            { key: 'n', label: t('report.number'), children: <span className="mono" data-testid="report-number">{issued.number}</span> },
            { key: 'c', label: t('report.verifyCode'), children: <span className="mono" data-testid="report-code">{issued.verifyCode}</span> },
            { key: 'i', label: t('report.issuedAt'), children: dateTime(issued.issuedAt) },
            { key: 'v', label: t('report.validUntil'), children: issued.validUntil },
            { key: 'h', label: vw('fingerprint'), children: <span className="mono small break" title={vw('fingerprintHint')}>{issued.pdfSha256}</span> },
          ]} />
          <Typography.Paragraph type="secondary" className="section">{t('report.keepCode')}</Typography.Paragraph>
        </Card>
      </div>
    );
  }

  return (
    <div className="page narrow">
      <Typography.Title level={2}>{t('nav.reports')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('report.intro')}</Typography.Paragraph>
      <Card>
        <Form layout="vertical" onFinish={onFinish} initialValues={{ subject: params.get('subject') ?? '', kind: 'public' }} requiredMark>
          <Form.Item name="subject" label={t('report.subject')} rules={[{ required: true, message: t('report.subjectRequired') }]} extra={t('report.subjectHint')}>
            <Input className="mono" data-testid="report-subject" autoComplete="off" />
          </Form.Item>
          <Form.Item name="kind" label={t('report.kind')}>
            <Radio.Group onChange={(e) => setKind(e.target.value as 'public' | 'certificate')}>
              <Space orientation="vertical">
                <Radio value="public">{t('report.kindPublic')}</Radio>
                <Radio value="certificate">{t('report.kindCertificate')}</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          {kind === 'certificate' && (
            <Form.Item name="domains" label={t('report.domains')} extra={t('report.domainsHint')}>
              <Select mode="multiple" allowClear loading={domains.loading} options={(domains.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))} />
            </Form.Item>
          )}
          {staff && (
            <Form.Item name="purpose" label={t('report.purpose')} rules={[{ required: true, message: t('report.purposeRequired') }]}>
              <Input />
            </Form.Item>
          )}
          {action.error && <div className="section"><ApiErrorAlert error={action.error} /></div>}
          <Button type="primary" htmlType="submit" loading={action.busy} data-testid="report-submit">{t('report.submit')}</Button>
        </Form>
      </Card>
    </div>
  );
}
