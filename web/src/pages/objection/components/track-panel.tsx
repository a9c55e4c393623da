import { Alert, Descriptions, Input, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { dayOf } from '../../../api/format';
import { AsyncView } from '../../../components/async-view';
import { useApi } from '../../../components/use-api';
import { useI18n } from '../../../i18n';
import { CASE_EVENTS, codeOfLabel, OBJECTION_GROUNDS, OBJECTION_STATES, wordOf } from '../../../i18n/words';
import { trackObjection } from '../api';

/** Follow an objection by its tracking number: state, deadline and steps, without personal details. */
export function TrackPanel({ initial }: { initial?: string }) {
  const { t, lang } = useI18n();
  const [no, setNo] = useState(initial ?? '');
  const state = useApi((s) => trackObjection(no, s), no ? no : null);
  return (
    <div>
      <Input.Search enterButton={t('track.button')} defaultValue={initial} placeholder="YY-XXXXXX" className="mono track-input" aria-label={t('track.label')}
        onSearch={(v) => setNo(v.trim().toUpperCase())} data-testid="track-input" />
      {no && (
        <div className="section">
          <AsyncView state={state}>
            {(r) => (
              <div data-testid="track-result">
                {r.overdue && <Alert type="warning" showIcon title={t('track.overdue')} className="section" />}
                <Descriptions bordered size="small" column={1} items={[
                  { key: 'no', label: t('track.number'), children: <span className="mono">{r.trackingNo}</span> },
                  { key: 'state', label: t('track.state'), children: <Tag color={r.decidedOn ? 'green' : 'blue'} data-testid="track-state">{wordOf(lang, OBJECTION_STATES, r.state, r.stateLabel)}</Tag> },
                  { key: 'grounds', label: t('objection.grounds'), children: wordOf(lang, OBJECTION_GROUNDS, codeOfLabel(OBJECTION_GROUNDS, r.grounds), r.grounds) },
                  { key: 'dept', label: t('track.department'), children: r.department },
                  { key: 'recv', label: t('track.receivedOn'), children: r.receivedOn },
                  { key: 'due', label: t('track.dueOn'), children: r.dueOn },
                  ...(r.decidedOn ? [{ key: 'dec', label: t('track.decidedOn'), children: r.decidedOn }] : []),
                ]} />
                <Timeline className="section" items={r.steps.map((s) => ({ children: `${dayOf(s.at)} ${wordOf(lang, CASE_EVENTS, codeOfLabel(CASE_EVENTS, s.step), s.step)}` }))} />
              </div>
            )}
          </AsyncView>
        </div>
      )}
    </div>
  );
}
