import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Space, Statistic, Row, Col, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error';
import { useAction, useApi } from '../../components/use-api';
import { useT } from '../../i18n';
import { getScenarios, parseParties, runReview, type Review } from './api';
import { PartyRow } from './components/party-row';

/** 信用审查: paste or upload parties, see their hits and the measures for the scenario, give feedback. */
export function ReviewPage() {
  const t = useT();
  const scenarios = useApi((s) => getScenarios(s), 'scenarios');
  const [form] = Form.useForm<{ scenario: string; parties: string }>();
  const [result, setResult] = useState<Review | null>(null);
  const action = useAction(runReview);
  return (
    <div>
      <Typography.Title level={2}>{t('menu.review')}</Typography.Title>
      <Card size="small">
        <Form form={form} layout="vertical" initialValues={{ scenario: 'procurement' }} onFinish={async (v) => {
          const r = await action.run({ scenario: v.scenario, parties: parseParties(v.parties) });
          if (r) setResult(r);
        }}>
          <Form.Item name="scenario" label={t('review.scenario')} rules={[{ required: true }]}>
            <Select style={{ maxWidth: 320 }} loading={scenarios.loading} options={(scenarios.data?.scenarios ?? []).map((s) => ({ value: s.code, label: s.name }))} data-testid="review-scenario" />
          </Form.Item>
          <Form.Item name="parties" label={t('review.parties')} extra={t('review.partiesHint')} rules={[{ required: true, message: t('review.partiesRequired') }]}>
            <Input.TextArea rows={6} className="mono" data-testid="review-parties" />
          </Form.Item>
          <Space wrap>
            <Upload accept=".csv,.txt" showUploadList={false} beforeUpload={(file) => {
              void file.text().then((text) => form.setFieldValue('parties', text.replace(/^\uFEFF/, '')));
              return false;
            }}><Button icon={<UploadOutlined />}>{t('review.upload')}</Button></Upload>
            <Button type="primary" htmlType="submit" loading={action.busy} data-testid="review-submit">{t('review.run')}</Button>
          </Space>
          {action.error && <div className="section"><ApiErrorAlert error={action.error} /></div>}
        </Form>
      </Card>
      {result && (
        <Card size="small" className="section" title={t('review.result', { id: result.id })} data-testid="review-result">
          <Row gutter={16}>
            <Col xs={12} md={6}><Statistic title={t('review.count.parties')} value={result.counts.parties} /></Col>
            <Col xs={12} md={6}><Statistic title={t('review.count.matched')} value={result.counts.matched} /></Col>
            <Col xs={12} md={6}><Statistic title={t('review.count.hitParties')} value={result.counts.hitParties} /></Col>
            <Col xs={12} md={6}><Statistic title={t('review.count.hits')} value={result.counts.hits} /></Col>
          </Row>
          {result.parties.map((p, i) => <PartyRow key={i} reviewId={result.id} p={p} />)}
        </Card>
      )}
    </div>
  );
}
