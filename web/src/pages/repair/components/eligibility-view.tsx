import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, List } from 'antd';
import { loadCategories, loadLists } from '../../../api/catalog';
import { localName } from '../../../api/format';
import { useApi } from '../../../components/use-api';
import { useI18n } from '../../../i18n';
import type { Eligibility } from '../api';
import { reasonText, ruleBasis, type Names } from '../words';

/** Whether a record can be repaired now: each condition in words, and which version of the rules decided it. */
export function EligibilityView({ e }: { e: Eligibility }) {
  const { t, lang } = useI18n();
  const cats = useApi(() => loadCategories(), 'categories');
  const lists = useApi(() => loadLists(), 'lists');
  const names: Names = {
    category: (code) => { const c = cats.data?.find((x) => x.code === code); return c ? localName(lang, c) : ''; },
    list: (code) => { const l = lists.data?.find((x) => x.code === code); return l ? localName(lang, l) : ''; },
  };
  return (
    <div data-testid="eligibility">
      <Alert type={e.eligible ? 'success' : 'warning'} showIcon title={e.eligible ? t('repair.eligible') : t('repair.notEligible')}
        description={!e.eligible && e.earliestDate ? t('repair.earliest', { date: e.earliestDate }) : undefined} />
      <List size="small" dataSource={e.reasons} footer={<span className="muted small" data-testid="eligibility-basis">{ruleBasis(lang, e.rule.version)}</span>} renderItem={(r) => (
        <List.Item data-testid={`eligibility-${r.check}`}>
          <span>{r.ok === false ? <CloseCircleTwoTone twoToneColor="#c0392b" /> : <CheckCircleTwoTone twoToneColor="#2e8b57" />} {reasonText(lang, r, names)}</span>
        </List.Item>
      )} />
    </div>
  );
}
