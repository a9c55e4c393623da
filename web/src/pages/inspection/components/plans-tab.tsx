import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { dateTime } from '../../../api/format';
import { ErrorAlert } from './error-alert';
import { useApi } from '../../../components/use-api';
import { useT } from '../../../i18n';
import { loadPlans, type PlanSummary } from '../api';
import { useWords } from '../words';
import { PlanDrawer } from './plan-drawer';

export const STATUS_COLOR: Record<string, string> = { committed: 'blue', drawn: 'green' };

/** The department's plans, newest first; make a new one. */
export function PlansTab({ department, onOpen }: { department: string; onOpen: (id: number) => void }) {
  const t = useT();
  const w = useWords();
  const plans = useApi((s) => loadPlans(department, s), department);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Space className="filters" wrap>
        <Button type="primary" onClick={() => setCreating(true)} data-testid="plan-new">{w('plan.new')}</Button>
      </Space>
      {plans.error ? <ErrorAlert error={plans.error} onRetry={plans.reload} /> : (
        <Table<PlanSummary> rowKey="id" size="small" loading={plans.loading} dataSource={plans.data?.items ?? []} scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} locale={{ emptyText: w('plan.empty') }} data-testid="plan-table"
          columns={[
            { title: w('plan.name'), dataIndex: 'name', render: (v: string, p) => <a onClick={() => onOpen(p.id)}>{v}</a> },
            { title: w('plan.period'), key: 'p', render: (_, p) => `${p.period.from} ~ ${p.period.to}` },
            { title: w('plan.status'), dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLOR[v]}>{w(v === 'drawn' ? 'plan.status.drawn' : 'plan.status.committed')}</Tag> },
            { title: w('plan.createdAt'), dataIndex: 'createdAt', render: (v: string) => dateTime(v) },
            { title: w('plan.drawnAt'), dataIndex: 'drawnAt', render: (v: string | null) => dateTime(v) },
            { title: t('common.actions'), key: 'a', render: (_, p) => <Button size="small" onClick={() => onOpen(p.id)} data-testid={`plan-open-${p.id}`}>{w('plan.open')}</Button> },
          ]} />
      )}
      <PlanDrawer department={department} open={creating} onClose={() => setCreating(false)} onCreated={(id) => { setCreating(false); onOpen(id); }} />
    </>
  );
}
