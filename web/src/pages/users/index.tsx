import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { loadDepartments } from '../../api/catalog';
import { ROLES, type Role } from '../../access';
import { ApiErrorAlert } from '../../components/api-error';
import { useAction, useApi } from '../../components/use-api';
import { useT, type MessageKey } from '../../i18n';

interface NewUser { username: string; password: string; displayName?: string; role: Role; department?: string }
const createUser = (body: NewUser) => api.post('/api/v1/users', body);

/** 用户管理 (admin): create accounts; a department clerk belongs to one department. */
export function UsersPage() {
  const t = useT();
  const [form] = Form.useForm<NewUser>();
  const role = Form.useWatch('role', form);
  const depts = useApi(() => loadDepartments(), 'departments');
  const action = useAction(createUser);
  const [created, setCreated] = useState<string[]>([]);
  return (
    <div>
      <Typography.Title level={2}>{t('menu.users')}</Typography.Title>
      <Card size="small" title={t('users.new')} className="form-card">
        <Form form={form} layout="vertical" initialValues={{ role: 'department' }} onFinish={async (v) => {
          const r = await action.run({ ...v, username: v.username.trim(), department: v.role === 'department' ? v.department : undefined });
          if (r) { setCreated((c) => [`${r.username}（${t(`role.${r.role}` as MessageKey)}）`, ...c]); form.resetFields(); }
        }}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}><Input autoComplete="off" data-testid="user-name" /></Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')}><Input /></Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, min: 10, message: t('users.passwordRule') }]}><Input.Password autoComplete="new-password" data-testid="user-password" /></Form.Item>
          <Form.Item name="role" label={t('users.role')}><Select options={ROLES.filter((r) => r !== 'subject').map((r) => ({ value: r, label: t(`role.${r}`) }))} data-testid="user-role" /></Form.Item>
          {role === 'department' && (
            <Form.Item name="department" label={t('sub.department')} rules={[{ required: true, message: t('sub.departmentRequired') }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={(depts.data ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} data-testid="user-department" />
            </Form.Item>
          )}
          <Alert type="info" showIcon title={t('users.subjectNote')} className="section" />
          {action.error && <div className="section"><ApiErrorAlert error={action.error} /></div>}
          <Button type="primary" htmlType="submit" loading={action.busy} data-testid="user-submit">{t('users.create')}</Button>
        </Form>
      </Card>
      {created.length > 0 && <Card size="small" className="section" title={t('users.created')} data-testid="users-created">{created.map((c) => <div key={c}>{c}</div>)}</Card>}
    </div>
  );
}
