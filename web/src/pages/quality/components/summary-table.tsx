import { Table, Tooltip } from 'antd';
import { useT } from '../../../i18n';
import type { DepartmentQuality } from '../api';
import { percent } from './format';

/** One line per department: 上报率, 合规率, 及时率 and late rows, 重错码率, rows received / accepted / rejected. */
export function SummaryTable({ rows, loading }: { rows: DepartmentQuality[]; loading: boolean }) {
  const t = useT();
  return (
    <Table<DepartmentQuality> rowKey={(d) => d.department.code} size="small" loading={loading} dataSource={rows} scroll={{ x: 'max-content' }}
      pagination={false} data-testid="quality-summary" locale={{ emptyText: t('quality.empty') }}
      columns={[
        { title: t('quality.department'), key: 'dept', fixed: 'left', render: (_, d) => <>{d.department.name} <span className="mono muted">{d.department.code}</span></> },
        {
          title: t('quality.reportingRate'), key: 'reporting', align: 'right',
          render: (_, d) => <Tooltip title={t('quality.reportedOf', { reported: d.reportedCategories, obliged: d.obligedCategories })}>{percent(d.reportingRate)}</Tooltip>,
        },
        { title: t('quality.complianceRate'), key: 'compliance', align: 'right', render: (_, d) => percent(d.complianceRate) },
        {
          title: t('quality.timelyRate'), key: 'timely', align: 'right',
          render: (_, d) => <Tooltip title={t('quality.evaluated', { n: d.evaluated })}>{percent(d.timelyRate)}</Tooltip>,
        },
        { title: t('quality.late'), dataIndex: 'late', align: 'right' },
        { title: t('quality.usccErrorRate'), key: 'uscc', align: 'right', render: (_, d) => percent(d.usccErrorRate) },
        { title: t('quality.received'), dataIndex: 'received', align: 'right' },
        { title: t('quality.accepted'), dataIndex: 'accepted', align: 'right' },
        { title: t('quality.rejected'), dataIndex: 'rejected', align: 'right' },
      ]} />
  );
}
