import { Checkbox, Drawer, Segmented, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiErrorAlert } from './api-error';
import { useApi } from './use-api';
import { useT } from '../i18n';

type Which = 'open' | 'closed';

/** What the inbox of one case kind (objections, repairs, commitments, …) shows and does. */
export interface CaseInboxProps<T extends { id: number }, S extends string> {
  /** The page title; omitted where the inbox sits in a page with its own. */
  title?: string;
  testId: string;
  /** The label of the open cases' tab (default: 待办). */
  openLabel?: string;
  /** The states each tab lists. */
  states: Record<Which, S[]>;
  load: (q: { state: S[]; overdue?: boolean; page: number }, signal: AbortSignal) => Promise<{ items: T[]; total: number }>;
  columns: TableColumnsType<T>;
  /** Rows to mark as overdue. */
  overdue: (row: T) => boolean;
  drawer: { size: number; title: (row: T | null) => ReactNode };
  /**
   * The case in the drawer with its actions: `changed` reloads the list and keeps the drawer open,
   * `done` reloads it and closes the drawer.
   */
  detail: (row: T, on: { changed: () => void; done: () => void }) => ReactNode;
}

/** A case inbox: open or closed cases, overdue only, a page at a time; a row opens the case in a drawer. */
export function CaseInbox<T extends { id: number }, S extends string>(p: CaseInboxProps<T, S>) {
  const t = useT();
  const [which, setWhich] = useState<Which>('open');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [tick, setTick] = useState(0);
  const [open, setOpen] = useState<T | null>(null);
  const list = useApi((s) => p.load({ state: p.states[which], overdue: overdueOnly || undefined, page }, s), `${which}|${overdueOnly}|${page}|${tick}`);
  const changed = () => setTick((n) => n + 1);
  return (
    <div>
      {p.title && <Typography.Title level={2}>{p.title}</Typography.Title>}
      <Space wrap className="section">
        <Segmented value={which} onChange={(v) => { setWhich(v as Which); setPage(1); }} options={[{ value: 'open', label: p.openLabel ?? t('inbox.open') }, { value: 'closed', label: t('inbox.closed') }]} />
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>{t('inbox.overdueOnly')}</Checkbox>
      </Space>
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : (
        <Table<T> rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items ?? []} scroll={{ x: 'max-content' }} data-testid={p.testId}
          locale={{ emptyText: t('inbox.empty') }} rowClassName={(r) => (p.overdue(r) ? 'row-overdue' : '')}
          onRow={(r) => ({ onClick: () => setOpen(r), onKeyDown: (e) => { if (e.key === 'Enter') setOpen(r); }, tabIndex: 0, className: 'clickable' })}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={p.columns} />
      )}
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={p.drawer.size} title={p.drawer.title(open)} destroyOnHidden>
        {open && p.detail(open, { changed, done: () => { setOpen(null); changed(); } })}
      </Drawer>
    </div>
  );
}
