import { Button, Table, Tag, Tooltip } from 'antd';
import type { Plan, Task } from '../api';
import { useWords } from '../words';

const OUTCOME_COLOR: Record<string, string> = { passed: 'green', problems_found: 'red', not_found: 'orange' };

/** The drawn parties in draw order with their inspectors and results; `onRecord` adds the clerk's button. */
export function TasksTable({ plan, onRecord }: { plan: Plan; onRecord?: (task: Task) => void }) {
  const w = useWords();
  const outcome = (o: string) => w(o === 'passed' ? 'outcome.passed' : o === 'problems_found' ? 'outcome.problems_found' : 'outcome.not_found');
  return (
    <Table<Task> rowKey="id" size="small" dataSource={plan.tasks} scroll={{ x: 'max-content' }} data-testid="task-table"
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        { title: w('tasks.no'), dataIndex: 'ordinal', render: (v: number) => v + 1 },
        { title: w('tasks.party'), key: 'p', render: (_, t) => <span>{t.party.name} <span className="mono small muted">{t.party.code}</span></span> },
        { title: w('tasks.tier'), dataIndex: 'tier' },
        { title: w('tasks.inspectors'), key: 'i', render: (_, t) => t.inspectors.map((i) => <Tooltip key={i.id} title={i.unit}><Tag>{i.name}</Tag></Tooltip>) },
        {
          title: w('tasks.result'), key: 'r', render: (_, t) => (t.status === 'done' && t.outcome
            ? <span><Tag color={OUTCOME_COLOR[t.outcome]}>{outcome(t.outcome)}</Tag><span className="small muted">{t.inspectedOn}</span></span>
            : <Tag>{w('tasks.assigned')}</Tag>),
        },
        ...(onRecord ? [{
          title: w('tasks.record'), key: 'a',
          render: (_: unknown, t: Task) => t.status !== 'done' && <Button size="small" type="primary" ghost onClick={() => onRecord(t)} data-testid={`task-record-${t.ordinal + 1}`}>{w('tasks.record')}</Button>,
        }] : []),
      ]} />
  );
}
