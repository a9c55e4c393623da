import { Button, message, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { dateTime } from '../../api/format';
import { ApiErrorAlert } from '../../components/api-error';
import { useApi } from '../../components/use-api';
import { useWords } from '../../components/use-words';
import { loadRegistrations, PAGE_SIZE, type Registration, type RegistrationState } from './api';
import { RegistrationDrawer } from './components/registration-detail';
import { words } from './words';

const STATE_COLOR: Record<string, string> = { pending: 'blue', approved: 'green', rejected: 'default' };

/** 注册审核 (credit centre): applications for accounts made on the portal; open one, check it, approve or reject. */
export function RegistrationsPage() {
  const w = useWords(words);
  const [state, setState] = useState<RegistrationState | 'all'>('pending');
  const [page, setPage] = useState(1);
  const [tick, setTick] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const list = useApi((s) => loadRegistrations(state === 'all' ? null : state, page, s), `${state}|${page}|${tick}`);

  return (
    <div>
      <Typography.Title level={2}>{w('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{w('intro')}</Typography.Paragraph>
      <Segmented value={state} onChange={(v) => { setState(v as typeof state); setPage(1); }} data-testid="reg-state"
        options={(['pending', 'approved', 'rejected', 'all'] as const).map((s) => ({ value: s, label: w(s) }))} />
      {list.error ? <div className="section"><ApiErrorAlert error={list.error} onRetry={list.reload} /></div> : (
        <Table<Registration> rowKey="id" size="small" className="section" loading={list.loading} dataSource={list.data?.items ?? []} scroll={{ x: 'max-content' }}
          locale={{ emptyText: w('empty') }} data-testid="reg-table"
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: w('filedAt'), dataIndex: 'filedAt', render: (v: string) => dateTime(v) },
            { title: w('kind'), dataIndex: 'kind', render: (v: string) => (v === 'enterprise' ? w('enterprise') : w('person')) },
            { title: w('name'), dataIndex: 'name' },
            { title: w('code'), key: 'code', render: (_, r) => <span className="mono">{r.uscc ?? r.idNumberMasked}</span> },
            { title: w('username'), dataIndex: 'username', render: (v: string) => <span className="mono">{v}</span> },
            { title: w('contact'), key: 'contact', render: (_, r) => [r.contactPhone, r.contactEmail].filter(Boolean).join(' / ') },
            { title: w('state'), dataIndex: 'state', render: (v: string) => <Tag color={STATE_COLOR[v]}>{w(v as RegistrationState)}</Tag> },
            { title: w('actions'), key: 'a', render: (_, r) => <Button size="small" type={r.state === 'pending' ? 'primary' : 'default'} onClick={() => setOpen(r.id)} data-testid={`reg-open-${r.id}`}>{r.state === 'pending' ? w('open') : w('view')}</Button> },
          ]} />
      )}
      <RegistrationDrawer id={open} onClose={() => setOpen(null)} onDecided={(what, username) => {
        setOpen(null);
        setTick((n) => n + 1);
        void message.success(what === 'approved' ? w('approvedMsg', { username }) : w('rejectedMsg'));
      }} />
    </div>
  );
}
