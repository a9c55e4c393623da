import { Col, Empty, Row, Table, Typography } from 'antd';
import { useNames } from '../../../components/use-names';
import { useT } from '../../../i18n';
import type { QualityItem } from '../api';
import { percent, reasonText } from './format';

type Field = QualityItem['completeness']['fields'][number];
type Reason = QualityItem['rejectedByReason'][number];

/** The expanded row of a department × category: how often each optional item is filled, and rejected rows by reason. */
export function ItemDetail({ item }: { item: QualityItem }) {
  const t = useT();
  const names = useNames();
  return (
    <div data-testid="quality-item-detail">
      <Typography.Paragraph className="small muted">
        {t('quality.changes', { created: item.created, updated: item.updated, unchanged: item.unchanged, revoked: item.revoked })}
        {' · '}
        {t('quality.usccCounts', { rows: item.uscc.rows, wrong: item.uscc.wrong, conflicts: item.uscc.conflicts })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Typography.Text strong>{t('quality.reasons')}</Typography.Text>
          <Table<Reason> rowKey="code" size="small" pagination={false} dataSource={item.rejectedByReason} data-testid="quality-reasons"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('quality.noRejections')} /> }}
            columns={[
              { title: t('quality.reason'), dataIndex: 'code', render: (code: string) => <span title={code}>{reasonText(t, code)}</span> },
              { title: t('quality.rows'), dataIndex: 'rows', align: 'right' },
            ]} />
        </Col>
        <Col xs={24} lg={14}>
          <Typography.Text strong>{t('quality.fields', { rate: percent(item.completeness.rate) })}</Typography.Text>
          <Table<Field> rowKey="code" size="small" pagination={false} dataSource={item.completeness.fields} scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('quality.noOptional')} /> }}
            columns={[
              { title: t('quality.field'), dataIndex: 'label', render: (v: string, f) => <>{names.field(item.category.code, f.code, v)} <span className="mono muted small">{f.code}</span></> },
              { title: t('quality.filled'), dataIndex: 'filled', align: 'right' },
              { title: t('quality.fillRate'), dataIndex: 'rate', align: 'right', render: (r: Field['rate']) => percent(r) },
            ]} />
        </Col>
      </Row>
    </div>
  );
}
