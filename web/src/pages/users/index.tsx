import { Alert, Button, message, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { dateTime } from '../../api/format';
import { ApiErrorAlert } from '../../components/api-error';
import { useAction, useApi } from '../../components/use-api';
import { useT, type MessageKey } from '../../i18n';
import { useSession } from '../../session';
import { disableUser, enableUser, loadUsers, PAGE_SIZE, resetPassword, unlockUser, type UserRow } from './api';
import { CreateUserDrawer } from './components/create-drawer';
import { RoleModal } from './components/role-modal';

/** 用户管理 (admin): every account with its state; disable, unlock, reset a password, change a role, create accounts. */
export function UsersPage() {
  const t = useT();
  const { me } = useSession();
  const [tick, setTick] = useState(0);
  const reload = () => setTick((n) => n + 1);
  const [page, setPage] = useState(1);
  const users = useApi((s) => loadUsers(page, s), `u${tick}-${page}`);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [reset, setReset] = useState<{ username: string; password: string } | null>(null);
  const act = useAction(async (run: () => Promise<unknown>) => { await run(); reload(); return true; });
  const doReset = (u: UserRow) => act.run(async () => setReset({ username: u.username, password: (await resetPassword(u.id)).password }));

  const status = (u: UserRow) => (
    <Space size={4}>
      {u.disabled && <Tag color="red">{t('users.statusDisabled')}</Tag>}
      {u.locked && <Tag color="orange">{t('users.statusLocked')}</Tag>}
      {!u.disabled && !u.locked && <Tag color="green">{t('users.statusOk')}</Tag>}
    </Space>
  );
  const actions = (u: UserRow) => {
    const self = u.username === me?.username;
    return (
      <Space size={4} wrap>
        {u.disabled ? (
          <Button size="small" onClick={() => act.run(() => enableUser(u.id))}>{t('users.enable')}</Button>
        ) : !self && (
          <Popconfirm title={t('users.disableConfirm', { name: u.username })} onConfirm={() => act.run(() => disableUser(u.id))}>
            <Button size="small" danger>{t('users.disable')}</Button>
          </Popconfirm>
        )}
        {u.locked && <Button size="small" onClick={() => act.run(() => unlockUser(u.id))}>{t('users.unlock')}</Button>}
        {!self && (
          <Popconfirm title={t('users.resetConfirm', { name: u.username })} onConfirm={() => doReset(u)}>
            <Button size="small">{t('users.resetPassword')}</Button>
          </Popconfirm>
        )}
        {u.role !== 'subject' && !self && <Button size="small" onClick={() => setEditing(u)}>{t('users.changeRole')}</Button>}
      </Space>
    );
  };

  return (
    <div>
      <Space className="page-head" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2}>{t('menu.users')}</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)} data-testid="user-new">{t('users.new')}</Button>
      </Space>
      {act.error && <div className="section"><ApiErrorAlert error={act.error} /></div>}
      {users.error ? <ApiErrorAlert error={users.error} onRetry={users.reload} /> : (
        <Table<UserRow> rowKey="id" size="small" className="section" loading={users.loading} dataSource={users.data?.items ?? []} scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: users.data?.total ?? 0, onChange: setPage, showSizeChanger: false }} data-testid="user-table"
          columns={[
            { title: t('login.username'), dataIndex: 'username', render: (v: string) => <span className="mono">{v}</span> },
            { title: t('users.displayName'), dataIndex: 'displayName' },
            { title: t('users.role'), dataIndex: 'role', render: (v: string) => t(`role.${v}` as MessageKey) },
            { title: t('sub.department'), key: 'd', render: (_, u) => u.departmentName ?? (u.subjectId ? `${t('users.linkedSubject')} #${u.subjectId}` : '—') },
            { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', render: (v: string | null) => (v ? dateTime(v) : t('users.never')) },
            { title: t('users.status'), key: 's', render: (_, u) => status(u) },
            { title: t('common.actions'), key: 'a', render: (_, u) => actions(u) },
          ]} />
      )}
      <CreateUserDrawer open={creating} onClose={() => setCreating(false)} onCreated={(name) => {
        setCreating(false); setPage(1); reload(); void message.success(t('users.createdOne', { name }));
      }} />
      <RoleModal user={editing} onClose={() => setEditing(null)} onChanged={() => { setEditing(null); reload(); }} />
      <Modal open={Boolean(reset)} title={t('users.newPassword')} onCancel={() => setReset(null)} footer={<Button type="primary" onClick={() => setReset(null)}>{t('users.done')}</Button>}>
        <Alert type="warning" showIcon title={t('users.passwordOnce', { name: reset?.username ?? '' })} className="section" />
        <Typography.Paragraph copyable={{ text: reset?.password ?? '' }} className="mono break" data-testid="user-new-password">{reset?.password}</Typography.Paragraph>
      </Modal>
    </div>
  );
}
