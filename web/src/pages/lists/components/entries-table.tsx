import { Table, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { PublicListEntry } from '../../../api/types';
import { ApiErrorAlert } from '../../../components/api-error';
import { useApi } from '../../../components/use-api';
import { useT } from '../../../i18n';
import { getEntries } from '../api';

/** Entries of one list, paged; `actions` adds a column (the console's 移出 button). */
export function EntriesTable({ code, state = 'listed', actions, reloadKey = 0 }: {
  code: string;
  state?: 'listed' | 'exited' | 'all';
  actions?: (e: PublicListEntry) => ReactNode;
  reloadKey?: number;
}) {
  const t = useT();
  const [page, setPage] = useState(1);
  const entries = useApi((s) => getEntries(code, { page, pageSize: 20, state }, s), `${code}|${page}|${state}|${reloadKey}`);
  if (entries.error) return <ApiErrorAlert error={entries.error} onRetry={entries.reload} />;
  return (
    <Table<PublicListEntry>
      rowKey="id"
      size="middle"
      loading={entries.loading}
      dataSource={entries.data?.items ?? []}
      scroll={{ x: 'max-content' }}
      data-testid="list-entries"
      locale={{ emptyText: t('lists.empty') }}
      pagination={{ current: page, pageSize: 20, total: entries.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
      columns={[
        {
          title: t('publicity.party'), key: 'party',
          render: (_, e) => (
            <div>{e.subject.uscc ? <Link to={`/subjects/${encodeURIComponent(e.subject.uscc)}`}>{e.subject.name}</Link> : e.subject.name}
              <div className="muted mono small">{e.subject.uscc ?? e.subject.idNumberMasked}</div></div>
          ),
        },
        { title: t('lists.reason'), dataIndex: 'reason', key: 'reason' },
        { title: t('lists.decidedBy'), dataIndex: 'decidedBy', key: 'decidedBy', responsive: ['md'] },
        { title: t('lists.documentNo'), dataIndex: 'documentNo', key: 'doc', responsive: ['lg'] },
        { title: t('lists.listedOn'), dataIndex: 'listedOn', key: 'listedOn', width: 120 },
        { title: t('lists.plannedExpiry'), dataIndex: 'plannedExpiry', key: 'exp', width: 120, responsive: ['sm'] },
        ...(state !== 'listed' ? [{ title: t('lists.state'), key: 'state', render: (_: unknown, e: PublicListEntry) => <Tag>{e.state === 'listed' ? t('lists.listed') : t('lists.exited')}</Tag> }] : []),
        ...(actions ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, e: PublicListEntry) => actions(e) }] : []),
      ]}
    />
  );
}
