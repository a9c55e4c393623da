import { Empty, List, Tag } from 'antd';
import { AsyncView } from '../../../components/async-view';
import { useApi } from '../../../components/use-api';
import { useI18n } from '../../../i18n';
import { OBJECTION_GROUNDS, OBJECTION_STATES, wordOf } from '../../../i18n/words';
import { myObjections } from '../api';

/** The signed-in subject's own objections with their answers. */
export function MyObjections({ record }: { record?: number }) {
  const { t, lang } = useI18n();
  const state = useApi((s) => myObjections(s), 'mine');
  return (
    <AsyncView state={state} isEmpty={(d) => d.items.filter((o) => !record || o.record === record).length === 0} empty={<Empty description={t('objection.noneMine')} />}>
      {(d) => (
        <List
          data-testid="my-objections"
          dataSource={d.items.filter((o) => !record || o.record === record)}
          renderItem={(o) => (
            <List.Item>
              <List.Item.Meta
                title={<><span className="mono">{o.trackingNo}</span> <Tag color={o.open ? 'blue' : 'green'}>{wordOf(lang, OBJECTION_STATES, o.state, o.stateLabel)}</Tag>{o.overdue && <Tag color="red">{t('inbox.overdue')}</Tag>}</>}
                description={
                  <div>
                    <div>{wordOf(lang, OBJECTION_GROUNDS, o.grounds, o.groundsLabel)} · {o.department.name} · {t('track.dueOn')} {o.dueOn}</div>
                    {o.outcome && <div className="answer" data-testid="objection-answer">{t('objection.answer')}：{o.outcome.reason}（{o.outcome.decidedOn}）</div>}
                  </div>
                }
              />
            </List.Item>
          )}
        />
      )}
    </AsyncView>
  );
}
