import { Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, type Page } from '../../api/client';
import { dateTime, dayOf } from '../../api/format';
import { ApiErrorAlert } from '../../components/api-error';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n';
import { useSession } from '../../session';

/** GET /grants (grantView in src/modules/access/grant-routes.ts); timestamps are ISO. */
interface Grant { id: number; subjectId: number; grantee: string; categories: string[]; purpose: string; expiresAt: string; createdAt: string; revokedAt: string | null }
/** GET /me/access-log (subjectAccessLog in src/modules/access/audit.ts): who read the subject's non-public data. */
interface AccessLogRow { at: string; actor: string | null; actorKind: string; departmentId: number | null; purpose: string | null; categories: string[] }

/** 我的账户 (subject, lender): grants given or held, and who read the subject's non-public data. */
export function AccountPage() {
  const t = useT();
  const { me } = useSession();
  const grants = useApi((s) => api.get<Page<Grant>>('/grants', undefined, s), 'grants');
  const [logPage, setLogPage] = useState(1);
  const log = useApi((s) => api.get<Page<AccessLogRow>>('/me/access-log', { page: logPage, pageSize: 20 }, s), me?.role === 'subject' ? `log|${logPage}` : null);
  return (
    <div>
      <Typography.Title level={2}>{t('menu.account')}</Typography.Title>
      <Card size="small" title={t('account.grants')}>
        {grants.error ? <ApiErrorAlert error={grants.error} /> : (
          <Table<Grant> rowKey="id" size="small" loading={grants.loading} dataSource={grants.data?.items ?? []} pagination={false} scroll={{ x: 'max-content' }}
            columns={[{ title: t('account.grantee'), dataIndex: 'grantee' }, { title: t('audit.purpose'), dataIndex: 'purpose' }, { title: t('keys.expires'), dataIndex: 'expiresAt', render: (v: string) => dayOf(v) }]} />
        )}
      </Card>
      {me?.role === 'subject' && (
        <Card size="small" title={t('account.accessLog')} className="section">
          {log.error ? <ApiErrorAlert error={log.error} /> : (
            <Table<AccessLogRow> rowKey={(r) => `${r.at}|${r.actor ?? r.actorKind}`} size="small" loading={log.loading} dataSource={log.data?.items ?? []} scroll={{ x: 'max-content' }}
              pagination={{ current: logPage, pageSize: 20, total: log.data?.total ?? 0, onChange: setLogPage, showSizeChanger: false }}
              columns={[{ title: t('audit.at'), dataIndex: 'at', render: (v: string) => dateTime(v) }, { title: t('audit.actor'), key: 'actor', render: (_, r) => r.actor ?? r.actorKind }, { title: t('audit.purpose'), dataIndex: 'purpose' }]} />
          )}
        </Card>
      )}
    </div>
  );
}
