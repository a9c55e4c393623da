import { Descriptions } from 'antd';
import type { SubjectView } from '../../../api/types';
import { useT, type MessageKey } from '../../../i18n';

/** Registration data of the subject; personal ID numbers arrive masked from the server and stay so. */
export function BasicInfo({ subject }: { subject: SubjectView }) {
  const t = useT();
  const items = [
    { key: 'code', label: subject.uscc ? t('party.uscc') : t('party.idNumber'), children: <span className="mono">{subject.uscc ?? subject.idNumberMasked}</span> },
    { key: 'kind', label: t('party.kind'), children: t(`kind.${subject.kind}` as MessageKey) },
    { key: 'rep', label: t('party.legalRep'), children: subject.legalRepName ?? '—' },
    { key: 'region', label: t('party.region'), children: subject.regionName ?? subject.regionCode ?? '—' },
    { key: 'industry', label: t('party.industry'), children: subject.industryCode ?? '—' },
    { key: 'status', label: t('party.status'), children: subject.status },
    { key: 'registered', label: t('party.registeredOn'), children: subject.registeredOn ?? '—' },
    ...(subject.formerNames.length ? [{ key: 'former', label: t('party.formerNames'), children: subject.formerNames.join('；') }] : []),
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }} items={items} data-testid="basic-info" />;
}
