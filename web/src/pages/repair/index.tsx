import { Alert, Button, Card, Form, Input, Result, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import { loadCategories } from '../../api/catalog';
import { ApiErrorAlert } from '../../components/api-error';
import { AsyncView } from '../../components/async-view';
import { EvidenceUpload, type EvidenceFile } from '../../components/evidence-upload';
import { LinkButton } from '../../components/link-button';
import { RecordPicker } from '../../components/record-picker';
import { useAction, useApi } from '../../components/use-api';
import { useI18n, useT } from '../../i18n';
import { useSession } from '../../session';
import { applyForRepair, checkEligibility, stateLabelOf, type Repair } from './api';
import { EligibilityView } from './components/eligibility-view';
import { MyRepairs } from './components/my-repairs';

function ApplyForm() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ subject: string; record?: number; statement?: string }>();
  const subject = Form.useWatch('subject', form) ?? params.get('subject') ?? '';
  const record = Form.useWatch('record', form) ?? (params.get('record') ? Number(params.get('record')) : undefined);
  const cats = useApi(() => loadCategories(), 'categories');
  const adverse = new Set((cats.data ?? []).filter((c) => c.adverse && c.repairable).map((c) => c.code));
  const eligibility = useApi((s) => checkEligibility(record!, s), record ? `e${record}` : null);
  const [materials, setMaterials] = useState<Record<string, EvidenceFile[]>>({});
  const [done, setDone] = useState<Repair | null>(null);
  const action = useAction(applyForRepair);

  if (done) {
    return <Result status="success" title={t('repair.filed')} data-testid="repair-filed"
      subTitle={<span><span data-testid="repair-no">{t('repair.no', { id: done.id })}</span> · {stateLabelOf(done, lang)}{done.decisionDue ? ` · ${t('track.dueOn')} ${done.decisionDue}` : ''}</span>} />;
  }
  return (
    <Form form={form} layout="vertical" initialValues={{ subject: params.get('subject') ?? '', record: params.get('record') ? Number(params.get('record')) : undefined }}
      onFinish={async (v) => {
        const list = Object.entries(materials).flatMap(([code, files]) => files.map((file) => ({ code, file })));
        const r = await action.run({ record: v.record!, statement: v.statement?.trim() || undefined, materials: list });
        if (r) setDone(r);
      }}>
      <Form.Item name="subject" label={t('objection.subject')} rules={[{ required: true, message: t('report.subjectRequired') }]}><Input className="mono" /></Form.Item>
      <Form.Item name="record" label={t('repair.record')} rules={[{ required: true, message: t('objection.recordRequired') }]}>
        <RecordPicker subject={subject} filter={(c, s) => adverse.has(c) && s === 'active'} testId="repair-record" />
      </Form.Item>
      {record && (
        <div className="section">
          <AsyncView state={eligibility} rows={2}>
            {(e) => (
              <>
                <EligibilityView e={e} />
                {e.eligible && e.materials.required.map((m) => (
                  <Form.Item key={m.code} label={m.name} required>
                    <EvidenceUpload max={3} testId={`repair-material-${m.code}`} onChange={(files) => setMaterials((prev) => ({ ...prev, [m.code]: files }))} />
                  </Form.Item>
                ))}
              </>
            )}
          </AsyncView>
        </div>
      )}
      <Form.Item name="statement" label={t('repair.statement')}><Input.TextArea rows={3} maxLength={4000} data-testid="repair-statement" /></Form.Item>
      {action.error && <div className="section"><ApiErrorAlert error={action.error} /></div>}
      <Button type="primary" htmlType="submit" loading={action.busy} disabled={eligibility.data ? !eligibility.data.eligible : false} data-testid="repair-submit">{t('repair.submit')}</Button>
    </Form>
  );
}

/** 信用修复: a signed-in subject applies to repair an adverse record and follows the application. */
export function RepairPage() {
  const t = useT();
  const { me } = useSession();
  const { pathname, search } = useLocation();
  const mayFile = me?.role === 'subject';
  return (
    <div className="page narrow">
      <Typography.Title level={2}>{t('nav.repairs')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('repair.intro')}</Typography.Paragraph>
      <Card>
        <Tabs items={[
          {
            key: 'apply', label: t('repair.apply'),
            children: mayFile ? <ApplyForm /> : (
              <Alert type="info" showIcon title={t('repair.loginFirst')} description={t('objection.loginWhy')}
                action={<LinkButton type="primary" to={`/console/login?next=${encodeURIComponent(pathname + search)}`}>{t('login.submit')}</LinkButton>} />
            ),
          },
          { key: 'mine', label: t('repair.mine'), children: mayFile ? <MyRepairs /> : <Typography.Text type="secondary">{t('repair.loginToTrack')}</Typography.Text> },
        ]} />
      </Card>
    </div>
  );
}
