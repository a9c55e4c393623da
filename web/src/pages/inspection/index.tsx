import { Alert, Select, Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { loadDepartments } from '../../api/catalog';
import { ErrorAlert } from './components/error-alert';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { InspectorsTab } from './components/inspectors-tab';
import { ItemsTab } from './components/items-tab';
import { PlanDetail } from './components/plan-detail';
import { PlansTab } from './components/plans-tab';
import { PolicyTab } from './components/policy-tab';
import { useWords } from './words';

const TABS = ['plans', 'items', 'inspectors', 'policy'] as const;
type Tab = (typeof TABS)[number];

/**
 * 双随机抽查: a department's inspection items, inspectors (with conflicts of interest), tier
 * sampling ratios and plans, each plan's draw and results. A department clerk manages their own
 * department (the server allows nothing else); the credit centre picks the department.
 */
export function InspectionPage() {
  const t = useT();
  const w = useWords();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const depts = useApi(() => loadDepartments(), 'departments');
  const clerk = me?.role === 'department';
  const department = clerk ? depts.data?.find((d) => d.id === me.departmentId)?.code : params.get('dept') ?? undefined;
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'plans';
  const planId = Number(params.get('plan')) || null;
  const go = (next: { tab?: Tab; plan?: number | null; dept?: string }) => {
    const p = new URLSearchParams(params);
    if (next.tab) p.set('tab', next.tab);
    if (next.dept) { p.set('dept', next.dept); p.delete('plan'); }
    if (next.plan !== undefined) { if (next.plan) p.set('plan', String(next.plan)); else p.delete('plan'); }
    setParams(p, { replace: next.plan === undefined });
  };

  const picker = !clerk && (
    <Space wrap>
      <Typography.Text>{w('dept.label')}</Typography.Text>
      <Select style={{ minWidth: 260 }} value={department} placeholder={w('dept.pick')} showSearch={{ optionFilterProp: 'label' }} loading={depts.loading}
        options={(depts.data ?? []).filter((d) => d.active).map((d) => ({ value: d.code, label: d.name }))} onChange={(v: string) => go({ dept: v })} data-testid="insp-dept" />
    </Space>
  );
  const body = (key: Tab) => {
    if (!department) return null;
    if (key === 'items') return <ItemsTab department={department} />;
    if (key === 'inspectors') return <InspectorsTab department={department} />;
    if (key === 'policy') return <PolicyTab department={department} />;
    return planId ? <PlanDetail id={planId} onBack={() => go({ plan: null })} /> : <PlansTab department={department} onOpen={(id) => go({ plan: id })} />;
  };

  return (
    <div>
      <Space className="page-head" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2}>{t('menu.inspection')}</Typography.Title>
        {picker}
      </Space>
      {depts.error && <ErrorAlert error={depts.error} onRetry={depts.reload} />}
      {!department && !clerk && <Alert type="info" showIcon title={w('dept.pick')} description={w('dept.pickHint')} className="section" />}
      {department && (
        <Tabs activeKey={tab} onChange={(k) => go({ tab: k as Tab, plan: null })} items={TABS.map((key) => ({
          key, label: <span data-testid={`insp-tab-${key}`}>{w(`tab.${key}`)}</span>, children: body(key),
        }))} destroyOnHidden />
      )}
    </div>
  );
}
