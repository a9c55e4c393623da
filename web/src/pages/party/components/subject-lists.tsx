import { Empty, List, Tag } from 'antd';
import { AsyncView } from '../../../components/async-view';
import { useApi } from '../../../components/use-api';
import { loadLists } from '../../../api/catalog';
import { localName } from '../../../api/format';
import { useI18n } from '../../../i18n';
import { getSubjectLists } from '../api';

const KIND_COLOR = { honour: 'red', blacklist: 'black', watch: 'orange' } as const;
/** The API sends the list kind as a plain string. */
const isListKind = (k: string): k is keyof typeof KIND_COLOR => Object.hasOwn(KIND_COLOR, k);

/** The subject's live entries on public honour, black and watch lists. */
export function SubjectLists({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const state = useApi((s) => getSubjectLists(code, s), code);
  const lists = useApi(() => loadLists(), 'lists');
  const listName = (e: { list: string; listName: string }) => {
    const l = lists.data?.find((x) => x.code === e.list);
    return l ? localName(lang, l) : e.listName;
  };
  return (
    <AsyncView state={state} rows={2} isEmpty={(d) => d.items.length === 0} empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('party.noLists')} />}>
      {(d) => (
        <List
          dataSource={d.items}
          data-testid="subject-lists"
          renderItem={(e) => (
            <List.Item>
              <List.Item.Meta
                title={<>{isListKind(e.listKind) && <Tag color={KIND_COLOR[e.listKind]}>{t(`listKind.${e.listKind}`)}</Tag>}{listName(e)}</>}
                description={`${e.reason} · ${e.decidedBy} · ${t('lists.listedOn')} ${e.listedOn}${e.plannedExpiry ? ` · ${t('lists.plannedExpiry')} ${e.plannedExpiry}` : ''}`}
              />
            </List.Item>
          )}
        />
      )}
    </AsyncView>
  );
}
