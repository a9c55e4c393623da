import { Descriptions, Tag } from 'antd';
import { useApi } from '../../../components/use-api';
import { useT, type MessageKey } from '../../../i18n';
import { inputsOf, loadModels, type Plan } from '../api';
import { useWords } from '../words';

/** What a plan is: department, period, items, scope, tiers by which model, how inspectors are assigned. */
export function PlanFacts({ plan }: { plan: Plan }) {
  const t = useT();
  const w = useWords();
  const models = useApi((s) => loadModels(s), 'models');
  const modelName = models.data?.items.find((m) => m.code === plan.model)?.name ?? plan.model;
  const scope = inputsOf(plan)?.scope;
  const scopeText = scope && [
    (scope.kinds ?? []).map((k) => t(`kind.${k}` as MessageKey)).join('、'),
    scope.regionPrefix ? `${w('plan.region')} ${scope.regionPrefix}` : '',
    scope.industries?.length ? scope.industries.map((c) => t(`industry.${c}` as MessageKey)).join('、') : '',
  ].filter(Boolean).join('；');
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="plan-facts" items={[
      { key: 'd', label: w('detail.department'), children: plan.department.name },
      { key: 'p', label: w('plan.period'), children: `${plan.period.from} ~ ${plan.period.to}` },
      { key: 'i', label: w('plan.items'), span: 2, children: plan.items.map((i) => <Tag key={i.id}>{i.name}</Tag>) },
      ...(scopeText ? [{ key: 's', label: w('inputs.scope'), span: 2, children: scopeText }] : []),
      { key: 'm', label: w('detail.model'), children: modelName },
      { key: 'n', label: w('detail.perTask'), children: w('detail.persons', { n: plan.inspectorsPerTask }) },
      { key: 'r', label: w('detail.repeat'), children: plan.repeatMonths ? w('detail.months', { n: plan.repeatMonths }) : w('detail.noRepeat') },
      { key: 'u', label: w('detail.distinct'), children: t(plan.distinctUnits ? 'common.yes' : 'common.no') },
    ]} />
  );
}
