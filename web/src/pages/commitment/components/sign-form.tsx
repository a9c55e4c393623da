import { Alert, Button, Checkbox, Form, Input, Result, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { loadDepartments } from '../../../api/catalog';
import { ApiErrorAlert } from '../../../components/api-error';
import { useAction, useApi } from '../../../components/use-api';
import { useI18n } from '../../../i18n';
import { COMMITMENT_STATES, COMMITMENT_TYPES, wordOf } from '../../../i18n/words';
import { previewCommitment, signCommitment, type Commitment, type CommitmentItem } from '../api';
import { word } from '../words';

/** A value that settles: the latest after `ms` without change (typing in the matter). */
function useSettled<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

interface Values { item: string; matter: string; department?: string; idNumber?: string; agree: boolean }

/**
 * A subject signs a commitment item: the matter, the accepting department when the item names
 * none, and the text as it will be signed — filled by the server with the subject's own data.
 */
export function SignForm({ items, initial }: { items: CommitmentItem[]; initial?: string }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const code = Form.useWatch('item', form) ?? initial;
  const matter = useSettled(Form.useWatch('matter', form) ?? '');
  const department = Form.useWatch('department', form);
  const item = items.find((i) => i.code === code);
  const needsDepartment = !!item && !item.department;
  const depts = useApi(() => loadDepartments(), needsDepartment || item?.department ? 'departments' : null);
  const preview = useApi(
    (s) => previewCommitment(code!, { ...(matter.trim() ? { matter: matter.trim() } : {}), ...(department ? { department } : {}) }, s),
    item ? JSON.stringify([code, matter.trim(), department ?? null]) : null,
  );
  const [done, setDone] = useState<Commitment | null>(null);
  const action = useAction(signCommitment);

  // A refusal naming the department marks the field as well as showing the message.
  useEffect(() => {
    const d = action.error?.details.find((x) => x.field === 'department');
    if (d) form.setFields([{ name: 'department', errors: [word(lang, 'departmentRequired')] }]);
  }, [action.error, form, lang]);

  if (done) {
    return (
      <Result status="success" title={t('commitment.signed')} data-testid="commitment-signed"
        subTitle={<span>{t('commitment.no', { id: done.id })} · {wordOf(lang, COMMITMENT_STATES, done.state, done.stateLabel)}{done.verificationDue ? ` · ${t('commitment.verifyBy', { date: done.verificationDue })}` : ''}</span>}
        extra={<Typography.Paragraph className="signed-text" data-testid="commitment-text">{done.signedText}</Typography.Paragraph>} />
    );
  }
  const fixedDept = item?.department ? (depts.data ?? []).find((d) => d.code === item.department)?.name : undefined;
  return (
    <Form form={form} layout="vertical" initialValues={{ item: initial, agree: false }}
      onFinish={async (v) => {
        const r = await action.run({
          item: v.item, matter: v.matter.trim(), ...(needsDepartment && v.department ? { department: v.department } : {}),
          ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim().toUpperCase() } : {}),
        });
        if (r) setDone(r);
      }}>
      <Form.Item name="item" label={t('commitment.item')} rules={[{ required: true, message: t('commitment.itemRequired') }]}>
        <Select options={items.map((i) => ({ value: i.code, label: `${i.name}（${wordOf(lang, COMMITMENT_TYPES, i.type, i.typeLabel)}）` }))} data-testid="commitment-item-select" />
      </Form.Item>
      {needsDepartment ? (
        <Form.Item name="department" label={word(lang, 'department')} extra={word(lang, 'departmentHint')} rules={[{ required: true, message: word(lang, 'departmentRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={depts.loading} data-testid="commitment-department"
            options={(depts.data ?? []).map((d) => ({ value: d.code, label: d.name }))} />
        </Form.Item>
      ) : item?.department && (
        <Typography.Paragraph type="secondary" data-testid="commitment-department-fixed">{word(lang, 'departmentFixed', { name: fixedDept ?? preview.data?.department?.name ?? '' })}</Typography.Paragraph>
      )}
      <Form.Item name="matter" label={t('commitment.matter')} extra={t('commitment.matterHint')} rules={[{ required: true, message: t('commitment.matterRequired') }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount data-testid="commitment-matter" />
      </Form.Item>
      <Form.Item name="idNumber" label={t('commitment.idNumber')} extra={t('commitment.idNumberHint')}>
        <Input className="mono" maxLength={18} autoComplete="off" />
      </Form.Item>
      {item && (
        <Alert type="info" className="section" title={t('commitment.preview')} data-testid="commitment-preview"
          description={preview.error ? <ApiErrorAlert error={preview.error} compact /> : preview.data?.text ?? word(lang, 'previewLoading')} />
      )}
      <Form.Item name="agree" valuePropName="checked" rules={[{ validator: (_, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(t('commitment.agreeRequired')))) }]}>
        <Checkbox data-testid="commitment-agree">{t('commitment.agree')}</Checkbox>
      </Form.Item>
      {action.error && <div className="section"><ApiErrorAlert error={action.error} /></div>}
      <Button type="primary" htmlType="submit" loading={action.busy} data-testid="commitment-submit">{t('commitment.submit')}</Button>
    </Form>
  );
}
