import { Button, Card, DatePicker, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { loadCategories } from '../../api/catalog';
import { dateTime, dayOf } from '../../api/format';
import type { Body, Json } from '../../api/schema';
import { ApiErrorAlert } from '../../components/api-error';
import { GrantsHeld } from '../../components/grants-held';
import { useAction, useApi } from '../../components/use-api';
import { useT } from '../../i18n';
import { useSession } from '../../session';

/** GET /grants (grantView in src/modules/access/grant-routes.ts); timestamps are ISO. */
type Grants = Json<'/api/v1/grants', 'get'>;
type Grant = Grants['items'][number];
/** GET /me/access-log (subjectAccessLog in src/modules/access/audit.ts): who read the subject's non-public data. */
type AccessLog = Json<'/api/v1/me/access-log', 'get'>;
type AccessLogRow = AccessLog['items'][number];

/** `scope`: the authorised categories granted (every one when omitted). */
const createGrant = (body: Body<'/api/v1/grants', 'post'>) => api.post('/api/v1/grants', body);
const withdrawGrant = (id: number) => api.del('/api/v1/grants/{id}', { params: { id } });

/** A subject grants a lender or a department access to its authorised (B-class) data for a purpose and a period. */
function GrantForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ grantee: string; purpose: string; categories?: string[]; until: Dayjs }>();
  const cats = useApi(() => loadCategories(), 'categories');
  const action = useAction(createGrant);
  return (
    <Form form={form} layout="vertical" data-testid="grant-form"
      onFinish={async (v) => {
        if (await action.run({ grantee: v.grantee.trim(), purpose: v.purpose.trim(), scope: v.categories?.length ? v.categories : undefined, expiresAt: v.until.format('YYYY-MM-DD') })) onDone();
      }}>
      <Form.Item name="grantee" label={t('account.grantee')} extra={t('account.granteeHint')} rules={[{ required: true, message: t('account.granteeRequired') }]}>
        <Input data-testid="grant-grantee" />
      </Form.Item>
      <Form.Item name="purpose" label={t('audit.purpose')} rules={[{ required: true, message: t('account.purposeRequired') }]}>
        <Input placeholder={t('account.purposeHint')} data-testid="grant-purpose" />
      </Form.Item>
      <Form.Item name="categories" label={t('account.categories')} extra={t('account.categoriesHint')}>
        <Select mode="multiple" allowClear options={(cats.data ?? []).filter((c) => c.disclosure === 'authorised').map((c) => ({ value: c.code, label: c.name }))} data-testid="grant-categories" />
      </Form.Item>
      <Form.Item name="until" label={t('account.until')} extra={t('account.untilHint')} rules={[{ required: true, message: t('account.untilRequired') }]}>
        <DatePicker data-testid="grant-until" />
      </Form.Item>
      {action.error && <div className="section"><ApiErrorAlert error={action.error} /></div>}
      <Button type="primary" htmlType="submit" loading={action.busy} data-testid="grant-submit">{t('account.grant')}</Button>
    </Form>
  );
}

/** 我的账户 (subject, lender): grants given or held, and who read the subject's non-public data. */
export function AccountPage() {
  const t = useT();
  const { me } = useSession();
  const [tick, setTick] = useState(0);
  const grants = useApi((s) => api.get('/api/v1/grants', {}, s), me?.role === 'lender' ? null : `grants|${tick}`);
  const withdraw = useAction(withdrawGrant);
  const now = new Date().toISOString();
  const stateOf = (g: Grant) => (g.revokedAt ? <Tag>{t('account.withdrawn')}</Tag> : g.expiresAt <= now ? <Tag>{t('account.expired')}</Tag> : <Tag color="green">{t('account.live')}</Tag>);
  const [logPage, setLogPage] = useState(1);
  const log = useApi((s) => api.get('/api/v1/me/access-log', { query: { page: logPage, pageSize: 20 } }, s), me?.role === 'subject' ? `log|${logPage}` : null);
  return (
    <div>
      <Typography.Title level={2}>{t('menu.account')}</Typography.Title>
      {me?.role === 'lender' ? <GrantsHeld /> : (
        <Card size="small" title={t('account.grants')}>
          {grants.error ? <ApiErrorAlert error={grants.error} /> : (
            <Table<Grant> rowKey="id" size="small" loading={grants.loading} dataSource={grants.data?.items ?? []} pagination={false} scroll={{ x: 'max-content' }}
              data-testid="grants" columns={[
                { title: t('account.grantee'), dataIndex: 'grantee' }, { title: t('audit.purpose'), dataIndex: 'purpose' },
                { title: t('keys.expires'), dataIndex: 'expiresAt', render: (v: string) => dayOf(v) },
                { title: t('party.status'), key: 'state', render: (_, g) => stateOf(g) },
                ...(me?.role === 'subject' ? [{ title: t('common.actions'), key: 'a', render: (_: unknown, g: Grant) => (!g.revokedAt && g.expiresAt > now ? (
                  <Popconfirm title={t('account.withdrawConfirm')} onConfirm={async () => { await withdraw.run(g.id); setTick((n) => n + 1); }}>
                    <Button size="small" danger data-testid={`withdraw-${g.id}`}>{t('account.withdraw')}</Button>
                  </Popconfirm>
                ) : null) }] : []),
              ]} />
          )}
          {withdraw.error && <ApiErrorAlert error={withdraw.error} />}
        </Card>
      )}
      {me?.role === 'subject' && (
        // A fresh form (remounted by key) after each grant: no stale values or errors.
        <Card size="small" title={t('account.newGrant')} className="section"><GrantForm key={tick} onDone={() => setTick((n) => n + 1)} /></Card>
      )}
      {me?.role === 'subject' && (
        <Card size="small" title={t('account.accessLog')} className="section">
          {log.error ? <ApiErrorAlert error={log.error} /> : (
            <Table<AccessLogRow> data-testid="access-log" rowKey={(r) => `${r.at}|${r.actor ?? r.actorKind}`} size="small" loading={log.loading} dataSource={log.data?.items ?? []} scroll={{ x: 'max-content' }}
              pagination={{ current: logPage, pageSize: 20, total: log.data?.total ?? 0, onChange: setLogPage, showSizeChanger: false }}
              columns={[{ title: t('audit.at'), dataIndex: 'at', render: (v: string) => dateTime(v) }, { title: t('audit.actor'), key: 'actor', render: (_, r) => r.actor ?? r.actorKind }, { title: t('audit.purpose'), dataIndex: 'purpose' }]} />
          )}
        </Card>
      )}
    </div>
  );
}
