import { Alert, Button, Card, Descriptions, Space, Tag } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { ArchiveRecord, Category } from '../../../api/types';
import { fieldLabel } from '../../../api/format';
import { useI18n } from '../../../i18n';
import { RECORD_STATES, wordOf } from '../../../i18n/words';

const META = new Set(['id', 'category', 'department', 'departmentName', 'sourceKey', 'decidedOn', 'severity', 'state', 'notice', 'publishFrom', 'publishUntil', 'version']);
const NOTICE_COLOR: Record<string, string> = { disputed: 'orange', repaired: 'green', revoked: 'default', expired: 'default' };

/** One record of the archive: its fields by their catalog labels, its window, and what the party can do about it. */
export function RecordCard({ record, category, subjectCode }: { record: ArchiveRecord; category?: Category; subjectCode: string }) {
  const { t, lang } = useI18n();
  const nav = useNavigate();
  const labels = new Map((category?.fields ?? []).map((f) => [f.code, fieldLabel(lang, f)]));
  const fields = Object.entries(record).filter(([k, v]) => !META.has(k) && v !== null && v !== '' && typeof v !== 'object');
  const ordered = category ? fields.sort(([a], [b]) => (category.fields.findIndex((f) => f.code === a) - category.fields.findIndex((f) => f.code === b))) : fields;
  const disputed = record.state === 'disputed';
  return (
    <Card
      size="small"
      className={`record-card${disputed ? ' disputed' : ''}`}
      data-testid="record-card"
      data-record-id={record.id}
      title={<Space wrap><span>{record.departmentName}</span>{record.decidedOn && <span className="muted">{record.decidedOn}</span>}</Space>}
      extra={record.notice ? <Tag color={NOTICE_COLOR[record.state] ?? 'blue'} data-testid="record-notice">{wordOf(lang, RECORD_STATES, record.state, record.notice)}</Tag> : null}
    >
      {disputed && <Alert type="warning" showIcon className="record-alert" title={t('party.disputedNotice')} />}
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} items={ordered.slice(0, 16).map(([k, v]) => ({ key: k, label: labels.get(k) ?? k, children: String(v) }))} />
      <div className="record-foot">
        <span className="muted">{t('party.window', { from: record.publishFrom ?? '—', until: record.publishUntil ?? t('party.open') })}</span>
        <Space wrap size="small">
          {!disputed && (
            <Button size="small" onClick={() => nav(`/objections?subject=${encodeURIComponent(subjectCode)}&record=${record.id}`)}>{t('party.object')}</Button>
          )}
          {category?.adverse && category.repairable && record.state === 'active' && (
            <Button size="small" type="primary" ghost onClick={() => nav(`/repairs?subject=${encodeURIComponent(subjectCode)}&record=${record.id}`)}>{t('party.repair')}</Button>
          )}
        </Space>
      </div>
    </Card>
  );
}
