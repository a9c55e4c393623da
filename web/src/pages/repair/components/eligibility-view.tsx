import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, List } from 'antd';
import { useT } from '../../../i18n';
import type { Eligibility } from '../api';

/** Whether a record can be repaired now, each condition with its rule. */
export function EligibilityView({ e }: { e: Eligibility }) {
  const t = useT();
  return (
    <div data-testid="eligibility">
      <Alert type={e.eligible ? 'success' : 'warning'} showIcon title={e.eligible ? t('repair.eligible') : t('repair.notEligible')}
        description={!e.eligible && e.earliestDate ? t('repair.earliest', { date: e.earliestDate }) : undefined} />
      <List size="small" dataSource={e.reasons} renderItem={(r) => (
        <List.Item>
          <span>{r.ok === false ? <CloseCircleTwoTone twoToneColor="#c0392b" /> : <CheckCircleTwoTone twoToneColor="#2e8b57" />} {r.message}{r.until ? `（${r.until}）` : ''}</span>
          {r.rule && <span className="muted small">{r.rule}</span>}
        </List.Item>
      )} />
    </div>
  );
}
