import { Checkbox, Drawer, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { can } from '../../access';
import { ApiErrorAlert } from '../../components/api-error';
import { DeadlineTag } from '../../components/deadline-tag';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { listObjections, type Objection, type ObjectionState } from './api';
import { ObjectionCase } from './components/objection-case';

const OPEN: ObjectionState[] = ['received', 'extended', 'escalated'];
const CLOSED: ObjectionState[] = ['corrected', 'revoked', 'maintained'];

/** 异议处理: the department's (or the credit center's) objections with deadlines and overdue flags. */
export function ObjectionInboxPage() {
  const t = useT();
  const { me } = useSession();
  const [which, setWhich] = useState<'open' | 'closed'>('open');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [tick, setTick] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const list = useApi((s) => listObjections({ state: which === 'open' ? OPEN : CLOSED, overdue: overdueOnly || undefined, page }, s), `${which}|${overdueOnly}|${page}|${tick}`);

  return (
    <div>
      <Typography.Title level={2}>{t('menu.objections')}</Typography.Title>
      <Space wrap className="section">
        <Segmented value={which} onChange={(v) => { setWhich(v as 'open' | 'closed'); setPage(1); }} options={[{ value: 'open', label: t('inbox.open') }, { value: 'closed', label: t('inbox.closed') }]} />
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>{t('inbox.overdueOnly')}</Checkbox>
      </Space>
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : (
        <Table<Objection> rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items ?? []} scroll={{ x: 'max-content' }} data-testid="objection-inbox"
          locale={{ emptyText: t('inbox.empty') }}
          rowClassName={(o) => (o.overdue && o.open ? 'row-overdue' : '')}
          onRow={(o) => ({ onClick: () => setOpen(o.id), onKeyDown: (e) => { if (e.key === 'Enter') setOpen(o.id); }, tabIndex: 0, className: 'clickable' })}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('objection.trackingNo'), dataIndex: 'trackingNo', render: (v: string) => <span className="mono">{v}</span> },
            { title: t('track.receivedOn'), dataIndex: 'receivedOn' },
            { title: t('track.department'), key: 'dept', render: (_, o) => o.department.name },
            { title: t('objection.grounds'), dataIndex: 'groundsLabel' },
            { title: t('track.state'), dataIndex: 'stateLabel', render: (v: string, o) => <Tag color={o.open ? 'blue' : 'green'}>{v}</Tag> },
            { title: t('track.dueOn'), key: 'due', render: (_, o) => <DeadlineTag due={o.dueOn} overdue={o.overdue} open={o.open} /> },
          ]} />
      )}
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={640} title={t('inbox.case')} destroyOnHidden>
        {open !== null && <ObjectionCase id={open} canDecide={can(me?.role, 'objectionDecide')} onChanged={() => setTick((n) => n + 1)} />}
      </Drawer>
    </div>
  );
}
