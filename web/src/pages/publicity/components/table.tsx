import { Table, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n';
import type { PublicityItem, PublicityType } from '../api';
import { PublicityDetails } from './details';
import { contentOf, docOf } from './shape';

export interface ListProps {
  type: PublicityType;
  items: PublicityItem[];
  loading: boolean;
  labels: Map<string, string>;
  order: 'desc' | 'asc';
  onOrder: (o: 'desc' | 'asc') => void;
  pagination: { current: number; pageSize: number; total: number; onChange: (page: number) => void };
}

export function StateTag({ state }: { state: string }) {
  const t = useT();
  return state === 'disputed' ? <Tag color="orange">{t('party.disputedTag')}</Tag> : <Tag color="green">{t('publicity.inWindow')}</Tag>;
}

/**
 * Desktop and tablet: a fixed-layout table as wide as its container — long texts end in an ellipsis
 * (the full text is in the title and in the expanded row, which wraps inside the table).
 */
export function PublicityTable({ type, items, loading, labels, order, onOrder, pagination }: ListProps) {
  const t = useT();
  const clip = (s: string) => <Typography.Text ellipsis={{ tooltip: s }}>{s}</Typography.Text>;
  const columns = [
    {
      title: t('publicity.party'), key: 'party', width: '24%', render: (_: unknown, r: PublicityItem) => (
        <div className="party-cell" title={r.subject.name}>
          <div>{r.subject.uscc ? <Link to={`/subjects/${encodeURIComponent(r.subject.uscc)}`}>{r.subject.name}</Link> : r.subject.name}</div>
          <div className="muted mono small">{r.subject.uscc ?? r.subject.idNumberMasked}</div>
        </div>
      ),
    },
    { title: t('publicity.docNo'), key: 'doc', width: '18%', render: (_: unknown, r: PublicityItem) => clip(docOf(type, r)) },
    { title: t('publicity.content'), key: 'what', render: (_: unknown, r: PublicityItem) => clip(contentOf(type, r)) },
    {
      title: t('publicity.decidedOn'), dataIndex: 'decidedOn', key: 'decidedOn', width: 124,
      sorter: true, sortOrder: order === 'asc' ? ('ascend' as const) : ('descend' as const), sortDirections: ['descend' as const, 'ascend' as const, 'descend' as const],
      render: (d: string | null) => d ?? '—',
    },
    { title: t('publicity.department'), dataIndex: 'departmentName', key: 'dept', width: '15%', render: (d: string) => clip(d) },
    { title: t('publicity.state'), key: 'state', width: 96, render: (_: unknown, r: PublicityItem) => <StateTag state={r.state} /> },
  ];
  return (
    <Table<PublicityItem>
      className="publicity-table"
      rowKey="id"
      size="middle"
      tableLayout="fixed"
      loading={loading}
      dataSource={items}
      columns={columns}
      data-testid="publicity-table"
      locale={{ emptyText: t('publicity.empty') }}
      expandable={{ columnWidth: 44, expandedRowRender: (r) => <PublicityDetails item={r} labels={labels} /> }}
      onChange={(_p, _f, sorter, extra) => {
        if (extra.action !== 'sort') return;
        const s = sorter as SorterResult<PublicityItem>;
        onOrder(s.order === 'ascend' ? 'asc' : 'desc');
      }}
      pagination={{ ...pagination, showSizeChanger: false }}
    />
  );
}
