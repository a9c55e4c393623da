import { Alert, Button, Card, Form, Input, Result, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import { LinkButton } from '../../components/link-button';
import { ApiErrorAlert } from '../../components/api-error';
import { EvidenceUpload, type EvidenceFile } from '../../components/evidence-upload';
import { RecordPicker } from '../../components/record-picker';
import { useAction } from '../../components/use-api';
import { useT, type MessageKey } from '../../i18n';
import { useSession } from '../../session';
import { fileObjection, GROUNDS, type Grounds, type Objection } from './api';
import { MyObjections } from './components/my-objections';
import { TrackPanel } from './components/track-panel';

interface FormValues { subject: string; record: number; grounds: Grounds; reason: string; agentName?: string }

function ApplyForm() {
  const t = useT();
  const [params] = useSearchParams();
  const { me } = useSession();
  const [form] = Form.useForm<FormValues>();
  const subject = Form.useWatch('subject', form) ?? params.get('subject') ?? '';
  const [evidence, setEvidence] = useState<EvidenceFile[]>([]);
  const [attorney, setAttorney] = useState<EvidenceFile[]>([]);
  const [done, setDone] = useState<Objection | null>(null);
  const action = useAction(fileObjection);
  const agent = me?.role === 'admin' || me?.role === 'operator';

  if (done) {
    return (
      <Result status="success" title={t('objection.filed')} data-testid="objection-filed"
        subTitle={<span>{t('objection.trackingNo')}：<strong className="mono" data-testid="tracking-no">{done.trackingNo}</strong> · {t('objection.filedSub', { due: done.dueOn, dept: done.department.name })}</span>} />
    );
  }
  return (
    <Form form={form} layout="vertical" requiredMark
      initialValues={{ subject: params.get('subject') ?? '', record: params.get('record') ? Number(params.get('record')) : undefined, grounds: 'wrong' }}
      onFinish={async (v) => {
        const r = await action.run({
          record: v.record, grounds: v.grounds, reason: v.reason.trim(),
          ...(evidence.length ? { evidence } : {}),
          ...(agent ? { agentName: v.agentName?.trim(), powerOfAttorney: attorney[0] } : {}),
        });
        if (r) setDone(r);
      }}>
      <Form.Item name="subject" label={t('objection.subject')} rules={[{ required: true, message: t('report.subjectRequired') }]}>
        <Input className="mono" data-testid="objection-subject" />
      </Form.Item>
      <Form.Item name="record" label={t('objection.record')} rules={[{ required: true, message: t('objection.recordRequired') }]}>
        <RecordPicker subject={subject} filter={(_, state) => state === 'active'} testId="objection-record" />
      </Form.Item>
      <Form.Item name="grounds" label={t('objection.grounds')} rules={[{ required: true }]}>
        <Select options={GROUNDS.map((g) => ({ value: g, label: t(`grounds.${g}` as MessageKey) }))} data-testid="objection-grounds" />
      </Form.Item>
      <Form.Item name="reason" label={t('objection.reason')} rules={[{ required: true, message: t('objection.reasonRequired') }]} extra={t('objection.reasonHint')}>
        <Input.TextArea rows={4} maxLength={4000} showCount data-testid="objection-reason" />
      </Form.Item>
      <Form.Item label={t('objection.evidence')}><EvidenceUpload onChange={setEvidence} testId="objection-evidence" /></Form.Item>
      {agent && (
        <>
          <Form.Item name="agentName" label={t('objection.agentName')} rules={[{ required: true, message: t('objection.agentRequired') }]}><Input /></Form.Item>
          <Form.Item label={t('objection.attorney')} required><EvidenceUpload onChange={setAttorney} max={1} /></Form.Item>
        </>
      )}
      {action.error && <div className="section"><ApiErrorAlert error={action.error} /></div>}
      <Button type="primary" htmlType="submit" loading={action.busy} data-testid="objection-submit">{t('objection.submit')}</Button>
    </Form>
  );
}

/** 异议申诉: file an objection to a record (signed-in subject), follow it by tracking number. */
export function ObjectionPage() {
  const t = useT();
  const { me } = useSession();
  const { pathname, search } = useLocation();
  const [params] = useSearchParams();
  const mayFile = me?.role === 'subject' || me?.role === 'admin' || me?.role === 'operator';

  return (
    <div className="page narrow">
      <Typography.Title level={2}>{t('nav.objections')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('objection.intro')}</Typography.Paragraph>
      <Card>
        <Tabs defaultActiveKey={params.get('track') ? 'track' : 'apply'} items={[
          {
            key: 'apply', label: t('objection.apply'),
            children: mayFile ? <ApplyForm /> : (
              <Alert type="info" showIcon title={t('objection.loginFirst')} description={t('objection.loginWhy')}
                action={<LinkButton type="primary" to={`/console/login?next=${encodeURIComponent(pathname + search)}`} data-testid="login-first">{t('login.submit')}</LinkButton>} />
            ),
          },
          { key: 'track', label: t('objection.track'), children: <TrackPanel initial={params.get('track') ?? undefined} /> },
          ...(me?.role === 'subject' ? [{ key: 'mine', label: t('objection.mine'), children: <MyObjections /> }] : []),
        ]} />
      </Card>
    </div>
  );
}
