import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { loadDepartments } from '../../api/catalog';
import { dayOf } from '../../api/format';
import type { Body, Json } from '../../api/schema';
import { ApiErrorAlert } from '../../components/api-error';
import { useAction, useApi } from '../../components/use-api';
import { useI18n, useT } from '../../i18n';
import { SCOPE_WORDS, scopeWords } from './words';

const SCOPES = Object.keys(SCOPE_WORDS);
/** GET /keys: the key rows without their hash (listApiKeys in src/modules/access/keys.ts); timestamps are ISO. */
type ApiKeys = Json<'/api/v1/keys', 'get'>;
type ApiKey = ApiKeys['items'][number];

const createKey = (body: Body<'/api/v1/keys', 'post'>) => api.post('/api/v1/keys', body);
const revokeKey = (id: number) => api.del('/api/v1/keys/{id}', { params: { id } });

/** API 密钥: issue a key for a department system (shown once), list and revoke keys. */
export function KeysPage() {
  const t = useT();
  const { lang } = useI18n();
  const [tick, setTick] = useState(0);
  const keys = useApi((s) => api.get('/api/v1/keys', {}, s), `k${tick}`);
  const depts = useApi(() => loadDepartments(), 'departments');
  const create = useAction(createKey);
  const revoke = useAction(revokeKey);
  const [shown, setShown] = useState<string | null>(null);
  return (
    <div>
      <Typography.Title level={2}>{t('menu.keys')}</Typography.Title>
      <Card size="small" title={t('keys.new')} className="form-card">
        <Form layout="vertical" initialValues={{ scopes: ['records:write'] }} onFinish={async (v: { department: string; name?: string; scopes: string[]; expires?: Dayjs }) => {
          const r = await create.run({ department: v.department, name: v.name?.trim() || undefined, scopes: v.scopes, expiresAt: v.expires ? v.expires.format('YYYY-MM-DD') : null });
          if (r) { setShown(r.key); setTick((n) => n + 1); }
        }}>
          <Form.Item name="department" label={t('sub.department')} rules={[{ required: true, message: t('sub.departmentRequired') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={(depts.data ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} data-testid="key-department" />
          </Form.Item>
          <Form.Item name="name" label={t('keys.name')}><Input /></Form.Item>
          <Form.Item name="scopes" label={t('keys.scopes')} rules={[{ required: true }]}><Checkbox.Group options={SCOPES.map((s) => ({ value: s, label: <span>{scopeWords(s, lang)} <span className="mono muted">{s}</span></span> }))} /></Form.Item>
          <Form.Item name="expires" label={t('keys.expires')}><DatePicker /></Form.Item>
          {create.error && <div className="section"><ApiErrorAlert error={create.error} /></div>}
          <Button type="primary" htmlType="submit" loading={create.busy} data-testid="key-submit">{t('keys.create')}</Button>
        </Form>
      </Card>
      {shown && (
        <Alert className="section" type="warning" showIcon closable onClose={() => setShown(null)} title={t('keys.once')} data-testid="key-shown"
          description={<Typography.Paragraph copyable={{ text: shown }} className="mono break">{shown}</Typography.Paragraph>} />
      )}
      {revoke.error && <ApiErrorAlert error={revoke.error} />}
      {keys.error ? <ApiErrorAlert error={keys.error} onRetry={keys.reload} /> : (
        <Table<ApiKey> rowKey="id" size="small" className="section" loading={keys.loading} dataSource={keys.data?.items ?? []} scroll={{ x: 'max-content' }} data-testid="key-table"
          columns={[
            { title: '#', dataIndex: 'id' },
            { title: t('keys.name'), dataIndex: 'name' },
            { title: t('keys.prefix'), dataIndex: 'prefix', render: (v: string) => <span className="mono">{v}</span> },
            { title: t('sub.department'), dataIndex: 'departmentCode', render: (v: string) => <span>{depts.data?.find((d) => d.code === v)?.name ?? v} <span className="mono muted">{v}</span></span> },
            { title: t('keys.scopes'), dataIndex: 'scopes', render: (v: string[]) => v.map((s) => <Tag key={s} title={s}>{scopeWords(s, lang)}</Tag>) },
            { title: t('keys.expires'), dataIndex: 'expiresAt', render: (v: string | null) => (v ? dayOf(v) : '—') },
            { title: t('lists.state'), key: 's', render: (_, k) => (k.revokedAt ? <Tag>{t('keys.revoked')}</Tag> : <Tag color="green">{t('depts.active')}</Tag>) },
            {
              title: t('common.actions'), key: 'a', render: (_, k) => (k.revokedAt ? null : (
                <Popconfirm title={t('keys.revokeConfirm')} onConfirm={async () => { await revoke.run(k.id); setTick((n) => n + 1); }}>
                  <Button size="small" danger>{t('keys.revoke')}</Button>
                </Popconfirm>
              )),
            },
          ]} />
      )}
    </div>
  );
}
