import { Table, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useNames } from '../../../components/use-names';
import { useT } from '../../../i18n';
import type { QualityItem } from '../api';
import { percent } from './format';
import { ItemDetail } from './item-detail';

const itemKey = (i: QualityItem) => `${i.department.code}:${i.category.code}`;

/** One line per department × category; an obliged category with nothing delivered is flagged 未报送. Expands to the detail. */
export function ItemsTable({ rows, loading }: { rows: QualityItem[]; loading: boolean }) {
  const t = useT();
  const names = useNames();
  return (
    <Table<QualityItem> rowKey={itemKey} size="small" loading={loading} dataSource={rows} scroll={{ x: 'max-content' }} data-testid="quality-items"
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }} locale={{ emptyText: t('quality.empty') }}
      onRow={(i) => ({ 'data-testid': `quality-item-${i.department.code}-${i.category.code}` }) as HTMLAttributes<HTMLElement>}
      expandable={{ expandedRowRender: (i) => <ItemDetail item={i} />, rowExpandable: (i) => i.reported }}
      columns={[
        { title: t('quality.department'), key: 'dept', render: (_, i) => <>{i.department.name} <span className="mono muted">{i.department.code}</span></> },
        { title: t('quality.category'), key: 'cat', render: (_, i) => names.category(i.category.code, i.category.name) },
        {
          title: t('quality.status'), key: 'status',
          render: (_, i) => {
            if (i.obliged && !i.reported) return <Tag color="red" data-testid="quality-unreported">{t('quality.notReported')}</Tag>;
            return (
              <>
                {i.obliged ? <Tag color="blue">{t('quality.obliged')}</Tag> : <Tag>{t('quality.voluntary')}</Tag>}
                <span className="small muted">{t('quality.batches', { n: i.submissions })}</span>
              </>
            );
          },
        },
        { title: t('quality.received'), dataIndex: 'received', align: 'right' },
        { title: t('quality.accepted'), dataIndex: 'accepted', align: 'right' },
        { title: t('quality.rejected'), dataIndex: 'rejected', align: 'right', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
        { title: t('quality.complianceRate'), key: 'compliance', align: 'right', render: (_, i) => percent(i.complianceRate) },
        {
          title: t('quality.timelyRate'), key: 'timely', align: 'right',
          render: (_, i) => {
            const tl = i.timeliness;
            const hint = tl.deadlineWorkingDays === null ? t('quality.noDeadline') : t('quality.deadline', { n: tl.deadlineWorkingDays });
            return (
              <Tooltip title={`${hint}${tl.provisional ? ` · ${t('quality.provisionalHint')}` : ''}`}>
                {percent(tl.timelyRate)}{tl.provisional && <Tag style={{ marginInlineStart: 4 }}>{t('quality.provisional')}</Tag>}
              </Tooltip>
            );
          },
        },
        { title: t('quality.late'), key: 'late', align: 'right', render: (_, i) => i.timeliness.late },
        { title: t('quality.completeness'), key: 'completeness', align: 'right', render: (_, i) => percent(i.completeness.rate) },
        { title: t('quality.usccErrorRate'), key: 'uscc', align: 'right', render: (_, i) => percent(i.uscc.errorRate) },
        { title: t('quality.warnings'), dataIndex: 'warnings', align: 'right' },
      ]} />
  );
}
