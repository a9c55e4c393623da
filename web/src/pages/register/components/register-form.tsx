import { Alert, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { ApiErrorAlert } from '../../../components/api-error';
import { EvidenceUpload, type EvidenceFile } from '../../../components/evidence-upload';
import { useAction } from '../../../components/use-api';
import { useWords } from '../../../components/use-words';
import { submitRegistration, type RegistrationReceipt } from '../api';
import { words } from '../words';

type Kind = 'enterprise' | 'person';
interface Values {
  uscc?: string; name: string; legalRep?: string; idNumber?: string; contactPhone?: string; contactEmail?: string;
  username: string; password: string; password2: string; documentKind?: 'licence' | 'authorisation';
}

/** Fields of the form the server's error details may name. */
const FORM_FIELDS = ['uscc', 'name', 'legalRep', 'idNumber', 'contactPhone', 'contactEmail', 'username', 'password'] as const;
function fieldErrors(err: ApiError) {
  const byField = new Map<(typeof FORM_FIELDS)[number], string[]>();
  for (const d of err.details) {
    const field = FORM_FIELDS.find((f) => f === d.field);
    if (field) byField.set(field, [...(byField.get(field) ?? []), d.message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}

/** One application: an enterprise (USCC, legal representative, licence or letter) or a person (ID number, name). */
export function RegisterForm({ kind, onDone }: { kind: Kind; onDone: (r: RegistrationReceipt) => void }) {
  const w = useWords(words);
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const [missingFile, setMissingFile] = useState(false);
  // The server names each wrong field: its words go under that field as well as in the summary.
  const action = useAction(async (body: Parameters<typeof submitRegistration>[0]) => {
    try {
      return await submitRegistration(body);
    } catch (err) {
      if (err instanceof ApiError) form.setFields(fieldErrors(err));
      throw err;
    }
  });
  const enterprise = kind === 'enterprise';
  const tid = (name: string) => `reg-${kind}-${name}`;

  const submit = async (v: Values) => {
    if (enterprise && !files.length) { setMissingFile(true); return; }
    const r = await action.run({
      kind, username: v.username.trim(), password: v.password, name: v.name.trim(),
      ...(enterprise ? { uscc: v.uscc?.trim().toUpperCase(), legalRep: v.legalRep?.trim(), documentKind: v.documentKind ?? 'licence' } : { idNumber: v.idNumber?.trim().toUpperCase() }),
      ...(!enterprise && files.length ? { documentKind: 'id_card' as const } : {}),
      ...(v.contactPhone?.trim() ? { contactPhone: v.contactPhone.trim() } : {}),
      ...(v.contactEmail?.trim() ? { contactEmail: v.contactEmail.trim() } : {}),
      ...(files[0] ? { document: files[0] } : {}),
    });
    if (r) onDone(r);
  };

  return (
    <Form form={form} layout="vertical" requiredMark onFinish={submit} initialValues={{ documentKind: 'licence' }} data-testid={tid('form')}
      onValuesChange={() => { if (action.error) action.clear(); }}>
      {enterprise ? (
        <>
          <Form.Item name="uscc" label={w('uscc')} extra={w('usccHint')} rules={[{ required: true, message: w('usccRequired') }]}>
            <Input className="mono" maxLength={18} autoComplete="off" data-testid={tid('uscc')} />
          </Form.Item>
          <Form.Item name="name" label={w('entName')} extra={w('entNameHint')} rules={[{ required: true, whitespace: true, message: w('entNameRequired') }]}>
            <Input maxLength={200} data-testid={tid('name')} />
          </Form.Item>
          <Form.Item name="legalRep" label={w('legalRep')} rules={[{ required: true, whitespace: true, message: w('legalRepRequired') }]}>
            <Input maxLength={100} data-testid={tid('legal-rep')} />
          </Form.Item>
        </>
      ) : (
        <>
          <Alert type="info" showIcon className="section" title={w('personVerify')} style={{ marginBottom: 16 }} />
          <Form.Item name="name" label={w('personName')} rules={[{ required: true, whitespace: true, message: w('personNameRequired') }]}>
            <Input maxLength={100} data-testid={tid('name')} />
          </Form.Item>
          <Form.Item name="idNumber" label={w('idNumber')} extra={w('idNumberHint')} rules={[{ required: true, message: w('idNumberRequired') }]}>
            <Input className="mono" maxLength={18} autoComplete="off" data-testid={tid('id-number')} />
          </Form.Item>
        </>
      )}
      <Form.Item name="contactPhone" label={w('phone')} extra={w('contactHint')}>
        <Input maxLength={20} inputMode="tel" data-testid={tid('phone')} />
      </Form.Item>
      <Form.Item name="contactEmail" label={w('email')}>
        <Input maxLength={200} inputMode="email" data-testid={tid('email')} />
      </Form.Item>
      <Form.Item name="username" label={w('username')} extra={w('usernameHint')} rules={[{ required: true, message: w('usernameRequired') }]}>
        <Input maxLength={40} autoComplete="username" data-testid={tid('username')} />
      </Form.Item>
      <Form.Item name="password" label={w('password')} extra={w('passwordHint')} rules={[{ required: true, min: 10, message: w('passwordRequired') }]}>
        <Input.Password maxLength={200} autoComplete="new-password" data-testid={tid('password')} />
      </Form.Item>
      <Form.Item name="password2" label={w('password2')} dependencies={['password']} rules={[
        { required: true, message: w('passwordRequired') },
        ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(w('passwordMismatch')))) }),
      ]}>
        <Input.Password maxLength={200} autoComplete="new-password" data-testid={tid('password2')} />
      </Form.Item>
      {enterprise && (
        <Form.Item name="documentKind" label={w('documentKind')}>
          <Radio.Group options={[{ value: 'licence', label: w('licence') }, { value: 'authorisation', label: w('authorisation') }]} />
        </Form.Item>
      )}
      <Form.Item label={enterprise ? w('document') : w('idCard')} required={enterprise} extra={enterprise ? w('documentHint') : w('idCardHint')}
        validateStatus={missingFile ? 'error' : undefined} help={missingFile ? w('documentRequired') : undefined}>
        <EvidenceUpload max={1} onChange={(f) => { setFiles(f); if (f.length) setMissingFile(false); }} testId={tid('document')} />
      </Form.Item>
      {action.error && <div className="section"><ApiErrorAlert error={action.error} compact /></div>}
      <Button type="primary" htmlType="submit" size="large" block loading={action.busy} data-testid={tid('submit')}>{w('submit')}</Button>
    </Form>
  );
}
