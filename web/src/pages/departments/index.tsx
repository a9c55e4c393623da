import { Button, Card, Form, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { loadDepartments } from '../../api/catalog';
import type { Body } from '../../api/schema';
import type { Department } from '../../api/types';
import { ApiErrorAlert } from '../../components/api-error';
import { useAction, useApi } from '../../components/use-api';
import { useT } from '../../i18n';

const addDepartment = (body: Body<'/api/v1/departments', 'post'>) => api.post('/api/v1/departments', body);

/** 部门管理: the source and user departments; the credit center registers new ones. */
export function DepartmentsPage() {
  const t = useT();
  const [tick, setTick] = useState(0);
  const list = useApi(() => loadDepartments(tick > 0), `d${tick}`);
  const action = useAction(addDepartment);
  const [form] = Form.useForm();
  return (
    <div>
      <Typography.Title level={2}>{t('menu.departments')}</Typography.Title>
      <Card size="small" title={t('depts.new')}>
        <Form form={form} layout="inline" className="filters" onFinish={async (v: { code: string; name: string; uscc?: string; region?: string }) => {
          const body = { code: v.code.trim(), name: v.name.trim(), ...(v.uscc?.trim() ? { uscc: v.uscc.trim() } : {}), ...(v.region?.trim() ? { region: v.region.trim() } : {}) };
          if (await action.run(body)) { form.resetFields(); setTick((n) => n + 1); }
        }}>
          <Form.Item name="code" label={t('depts.code')} rules={[{ required: true }]}><Input className="mono" data-testid="dept-code" /></Form.Item>
          <Form.Item name="name" label={t('depts.name')} rules={[{ required: true }]}><Input data-testid="dept-name" /></Form.Item>
          <Form.Item name="uscc" label={t('party.uscc')}><Input className="mono" /></Form.Item>
          <Form.Item name="region" label={t('depts.region')}><Input className="mono" placeholder="320600" /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" loading={action.busy} data-testid="dept-submit">{t('common.add')}</Button></Form.Item>
        </Form>
        {action.error && <div className="section"><ApiErrorAlert error={action.error} /></div>}
      </Card>
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : (
        <Table<Department> rowKey="id" size="small" className="section" loading={list.loading} dataSource={list.data ?? []} scroll={{ x: 'max-content' }} data-testid="dept-table"
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('depts.code'), dataIndex: 'code', render: (v: string) => <span className="mono">{v}</span> },
            { title: t('depts.name'), dataIndex: 'name' },
            { title: t('party.uscc'), dataIndex: 'uscc', render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
            { title: t('depts.region'), dataIndex: 'region' },
            { title: t('lists.state'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="green">{t('depts.active')}</Tag> : <Tag>{t('depts.inactive')}</Tag>) },
          ]} />
      )}
    </div>
  );
}
