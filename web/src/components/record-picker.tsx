import { Select } from 'antd';
import { getArchive } from '../pages/party/api';
import { localName } from '../api/format';
import { useI18n } from '../i18n';
import { RECORD_STATES, wordOf } from '../i18n/words';
import { useApi } from './use-api';

const DOC_FIELDS = ['CF_WSH', 'XK_WSH', 'AH'];

/** Choose one record of a subject's archive (for objections and repairs). */
export function RecordPicker({ subject, value, onChange, filter, testId }: {
  subject: string;
  value?: number;
  onChange?: (id: number) => void;
  filter?: (categoryCode: string, state: string) => boolean;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const archive = useApi((s) => getArchive(subject, s), subject.trim().length >= 15 ? subject.trim() : null);
  const options = (archive.data?.categories ?? []).flatMap((c) => c.records
    .filter((r) => !filter || filter(c.code, r.state))
    .map((r) => {
      const doc = DOC_FIELDS.map((k) => r[k]).find((v) => typeof v === 'string' && v) as string | undefined;
      return { value: r.id, label: `${localName(lang, c)} · ${r.decidedOn ?? ''} · ${doc ?? `#${r.id}`}${r.notice ? ` · ${wordOf(lang, RECORD_STATES, r.state, r.notice)}` : ''}` };
    }));
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      loading={archive.loading}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={archive.error ? archive.error.message : t('objection.recordHint')}
      status={archive.error ? 'error' : undefined}
      notFoundContent={t('objection.noRecords')}
      data-testid={testId}
    />
  );
}
