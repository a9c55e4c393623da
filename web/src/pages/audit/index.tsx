import { Button, DatePicker, Form, Input, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { dateTime } from '../../api/format';
import type { Json } from '../../api/schema';
import { ApiErrorAlert } from '../../components/api-error';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n';

/** GET /audit: the hash-chained audit rows as stored (queryAudit in src/modules/access/audit-repo.ts). */
type AuditPage = Json<'/api/v1/audit', 'get'>;
type AuditRow = AuditPage['items'][number];
/** The querystring of GET /audit: `subject` is a USCC, ID number, legacy code or numeric id, `actor` a user name or id. */
interface Filters { actor?: string; subject?: string; from?: string; to?: string; page: number }

/** 审计日志 (admin): every non-public read and every administrative change, filterable. */
export function AuditPage() {
  const t = useT();
  const [f, setF] = useState<Filters>({ page: 1 });
  const rows = useApi((s) => api.get('/api/v1/audit', { query: { ...f, pageSize: 20 } }, s), JSON.stringify(f));
  return (
    <div>
      <Typography.Title level={2}>{t('menu.audit')}</Typography.Title>
      <Form layout="inline" className="filters" onFinish={(v: { actor?: string; subject?: string; range?: [Dayjs, Dayjs] }) => setF({
        page: 1, actor: v.actor?.trim() || undefined, subject: v.subject?.trim() || undefined,
        from: v.range?.[0]?.format('YYYY-MM-DD'), to: v.range?.[1]?.format('YYYY-MM-DD'),
      })}>
        <Form.Item name="actor" label={t('audit.actor')}><Input allowClear /></Form.Item>
        <Form.Item name="subject" label={t('audit.subjectFilter')}><Input className="mono" placeholder={t('audit.subjectHint')} allowClear /></Form.Item>
        <Form.Item name="range" label={t('publicity.dates')}><DatePicker.RangePicker /></Form.Item>
        <Form.Item><Button type="primary" htmlType="submit">{t('common.filter')}</Button></Form.Item>
      </Form>
      {rows.error ? <ApiErrorAlert error={rows.error} onRetry={rows.reload} /> : (
        <Table<AuditRow> rowKey="seq" size="small" className="section" loading={rows.loading} dataSource={rows.data?.items ?? []} scroll={{ x: 'max-content' }} data-testid="audit-table"
          pagination={{ current: f.page, pageSize: 20, total: rows.data?.total ?? 0, onChange: (page) => setF({ ...f, page }), showSizeChanger: false }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', render: (v: string) => dateTime(v) },
            { title: t('audit.actor'), key: 'actor', render: (_, r) => r.actorName ?? r.actorId ?? r.actorKind },
            { title: t('audit.action'), dataIndex: 'action' },
            { title: t('audit.subject'), dataIndex: 'subjectId' },
            { title: t('audit.purpose'), dataIndex: 'purpose' },
            { title: 'IP', dataIndex: 'ip' },
          ]} />
      )}
    </div>
  );
}
