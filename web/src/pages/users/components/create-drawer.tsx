import { Button, Drawer, Form, Input, Select } from 'antd';
import { loadDepartments } from '../../../api/catalog';
import { ROLES, type Role } from '../../../access';
import { ApiErrorAlert } from '../../../components/api-error';
import { useAction, useApi } from '../../../components/use-api';
import { useT } from '../../../i18n';
import { createUser } from '../api';

interface Fields { username: string; password: string; displayName?: string; role: Role; department?: string; subject?: string }

/** 新建账号 in a drawer: a department clerk names a department, a subject account its subject's USCC or ID number. */
export function CreateUserDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (username: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<Fields>();
  const role = Form.useWatch('role', form);
  const depts = useApi(() => loadDepartments(), open ? 'departments' : null);
  const action = useAction(createUser);
  return (
    <Drawer open={open} onClose={onClose} title={t('users.new')} size={480} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ role: 'department' }} onFinish={async (v) => {
        const r = await action.run({
          username: v.username.trim(), password: v.password, displayName: v.displayName?.trim() || undefined, role: v.role,
          department: v.role === 'department' ? v.department : undefined, subject: v.role === 'subject' ? v.subject?.trim() : undefined,
        });
        if (r) { form.resetFields(); onCreated(r.username); }
      }}>
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}><Input autoComplete="off" data-testid="user-name" /></Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')}><Input /></Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, min: 10, message: t('users.passwordRule') }]}><Input.Password autoComplete="new-password" data-testid="user-password" /></Form.Item>
        <Form.Item name="role" label={t('users.role')}><Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} data-testid="user-role" /></Form.Item>
        {role === 'department' && (
          <Form.Item name="department" label={t('sub.department')} rules={[{ required: true, message: t('sub.departmentRequired') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={(depts.data ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} data-testid="user-department" />
          </Form.Item>
        )}
        {role === 'subject' && (
          <Form.Item name="subject" label={t('users.subjectCode')} extra={t('users.subjectNote')} rules={[{ required: true, message: t('users.subjectRequired') }]}>
            <Input className="mono" autoComplete="off" data-testid="user-subject" />
          </Form.Item>
        )}
        {action.error && <div className="section"><ApiErrorAlert error={action.error} /></div>}
        <Button type="primary" htmlType="submit" loading={action.busy} data-testid="user-submit">{t('users.create')}</Button>
      </Form>
    </Drawer>
  );
}
