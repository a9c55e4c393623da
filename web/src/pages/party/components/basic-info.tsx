import { Descriptions } from 'antd';
import type { SubjectView } from '../../../api/types';
import { useT, type MessageKey } from '../../../i18n';

/** Registration data of the subject; personal ID numbers arrive masked from the server and stay so. */
export function BasicInfo({ subject }: { subject: SubjectView }) {
  const t = useT();
  /** A known code shows its name (GB/T 4754 section, registration status); anything else as it is. */
  const named = (prefix: 'industry' | 'subjectStatus', code: string | null | undefined): string => {
    if (!code) return '—';
    const key = `${prefix}.${prefix === 'industry' ? code.charAt(0).toUpperCase() : code}` as MessageKey;
    const name = t(key);
    return name === key ? code : name;
  };
  const items = [
    { key: 'code', label: subject.uscc ? t('party.uscc') : t('party.idNumber'), children: <span className="mono">{subject.uscc ?? subject.idNumberMasked}</span> },
    { key: 'kind', label: t('party.kind'), children: t(`kind.${subject.kind}` as MessageKey) },
    { key: 'rep', label: t('party.legalRep'), children: subject.legalRepName ?? '—' },
    { key: 'region', label: t('party.region'), children: subject.regionName ?? subject.regionCode ?? '—' },
    { key: 'industry', label: t('party.industry'), children: named('industry', subject.industryCode) },
    { key: 'status', label: t('party.status'), children: named('subjectStatus', subject.status) },
    { key: 'registered', label: t('party.registeredOn'), children: subject.registeredOn ?? '—' },
    ...(subject.formerNames.length ? [{ key: 'former', label: t('party.formerNames'), children: subject.formerNames.join('；') }] : []),
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }} items={items} data-testid="basic-info" />;
}
