import { Empty, List, Tag } from 'antd';
import { AsyncView } from '../../../components/async-view';
import { DeadlineTag } from '../../../components/deadline-tag';
import { useApi } from '../../../components/use-api';
import { useT } from '../../../i18n';
import { isOpen, listRepairs, outcomeOf, stateLabelOf } from '../api';

/** The signed-in subject's repair applications, by application number, with progress and answers. */
export function MyRepairs() {
  const t = useT();
  const state = useApi((s) => listRepairs({ page: 1 }, s), 'mine');
  return (
    <AsyncView state={state} isEmpty={(d) => d.items.length === 0} empty={<Empty description={t('repair.noneMine')} />}>
      {(d) => (
        <List data-testid="my-repairs" dataSource={d.items} renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={<><span className="mono">{t('repair.no', { id: r.id })}</span> <Tag color={isOpen(r) ? 'blue' : 'green'}>{stateLabelOf(r)}</Tag></>}
              description={<div>{t('repair.appliedOn')} {r.appliedOn} · {t('track.dueOn')} <DeadlineTag due={r.decisionDue} overdue={r.overdue} open={isOpen(r)} />
                {r.materials.missing.length > 0 && isOpen(r) && <div className="field-error">{t('repair.missing')}：{r.materials.missing.map((m) => m.name).join('、')}</div>}
                {outcomeOf(r) && <div className="answer">{t('objection.answer')}：{outcomeOf(r)}</div>}</div>}
            />
          </List.Item>
        )} />
      )}
    </AsyncView>
  );
}
