import { Card, Table, Typography } from 'antd';
import { api, type Page } from '../../api/client';
import { ApiErrorAlert } from '../../components/api-error';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n';
import { useSession } from '../../session';

interface Grant { id: number; grantee: string; purpose: string; expiresAt: string; revokedAt: string | null }

/** 我的账户 (subject, lender): grants given or held, and who read the subject's non-public data. */
export function AccountPage() {
  const t = useT();
  const { me } = useSession();
  const grants = useApi((s) => api.get<Page<Grant>>('/grants', undefined, s), 'grants');
  const log = useApi((s) => api.get<Page<Record<string, unknown>>>('/me/access-log', undefined, s), me?.role === 'subject' ? 'log' : null);
  return (
    <div>
      <Typography.Title level={2}>{t('menu.account')}</Typography.Title>
      <Card size="small" title={t('account.grants')}>
        {grants.error ? <ApiErrorAlert error={grants.error} /> : (
          <Table<Grant> rowKey="id" size="small" loading={grants.loading} dataSource={grants.data?.items ?? []} pagination={false} scroll={{ x: 'max-content' }}
            columns={[{ title: t('account.grantee'), dataIndex: 'grantee' }, { title: t('audit.purpose'), dataIndex: 'purpose' }, { title: t('keys.expires'), dataIndex: 'expiresAt', render: (v: string) => v.slice(0, 10) }]} />
        )}
      </Card>
      {me?.role === 'subject' && (
        <Card size="small" title={t('account.accessLog')} className="section">
          {log.error ? <ApiErrorAlert error={log.error} /> : (
            <Table rowKey={(r) => String(r.id ?? r.at)} size="small" loading={log.loading} dataSource={log.data?.items ?? []} scroll={{ x: 'max-content' }}
              columns={[{ title: t('audit.at'), dataIndex: 'at' }, { title: t('audit.actor'), dataIndex: 'actor' }, { title: t('audit.purpose'), dataIndex: 'purpose' }]} />
          )}
        </Card>
      )}
    </div>
  );
}
