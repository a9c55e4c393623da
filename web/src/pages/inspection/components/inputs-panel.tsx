import { Collapse, Table, Tag } from 'antd';
import type { DrawInputs } from '../api';
import { useWords } from '../words';
import { gradeLabel } from './format';

/** The published draw inputs: each tier's party directory in its published order, the inspectors, the excluded pairs. */
export function InputsPanel({ inputs }: { inputs: DrawInputs }) {
  const w = useWords();
  return (
    <Collapse size="small" data-testid="inputs-panel" items={[
      ...inputs.tiers.map((t, i) => ({
        key: `t${i}`, label: w('inputs.parties', { tier: t.tier, n: t.parties.length }),
        children: (
          <Table size="small" rowKey="id" dataSource={t.parties} pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }} scroll={{ x: 'max-content' }}
            columns={[
              { title: w('tasks.no'), key: 'n', render: (_, __, k) => k + 1 },
              { title: w('tasks.party'), dataIndex: 'name' },
              { title: w('inputs.code'), dataIndex: 'code', render: (v: string) => <span className="mono small">{v}</span> },
              { title: w('tiers.grades'), dataIndex: 'grade', render: (g: string | null) => gradeLabel(w, g) },
            ]} />
        ),
      })),
      {
        key: 'ins', label: w('inputs.inspectors', { n: inputs.inspectors.length }),
        children: inputs.inspectors.map((i) => <Tag key={i.id}>{i.name} · {i.unit}</Tag>),
      },
      { key: 'ex', label: w('inputs.excluded', { n: inputs.excluded.length }), collapsible: 'disabled', showArrow: false },
    ]} />
  );
}
