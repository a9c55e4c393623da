import { Form, Modal, Select } from 'antd';
import { loadDepartments } from '../../../api/catalog';
import { ROLES, type Role } from '../../../access';
import { ApiErrorAlert } from '../../../components/api-error';
import { useAction, useApi } from '../../../components/use-api';
import { useT } from '../../../i18n';
import { changeRole, type UserRow } from '../api';

interface Fields { role: Role; department?: string | null }

/** 修改角色: a staff account's role and department (subject accounts keep their role). */
export function RoleModal({ user, onClose, onChanged }: { user: UserRow | null; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Fields>();
  const role = Form.useWatch('role', form);
  const depts = useApi(() => loadDepartments(), user ? 'departments' : null);
  const action = useAction(changeRole);
  return (
    <Modal open={Boolean(user)} title={`${t('users.changeRole')}：${user?.username ?? ''}`} onCancel={onClose} destroyOnHidden
      okText={t('common.save')} onOk={() => form.submit()} confirmLoading={action.busy}>
      {user && (
        <Form form={form} layout="vertical" initialValues={{ role: user.role, department: user.departmentCode }} onFinish={async (v) => {
          const r = await action.run(user.id, { role: v.role, department: v.department ?? null });
          if (r) onChanged();
        }}>
          <Form.Item name="role" label={t('users.role')}>
            <Select options={ROLES.filter((r) => r !== 'subject').map((r) => ({ value: r, label: t(`role.${r}`) }))} data-testid="role-select" />
          </Form.Item>
          <Form.Item name="department" label={t('sub.department')} rules={[{ required: role === 'department', message: t('sub.departmentRequired') }]}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(depts.data ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} />
          </Form.Item>
          {action.error && <ApiErrorAlert error={action.error} />}
        </Form>
      )}
    </Modal>
  );
}
