import { Button, Card, Empty, List } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n';
import type { PublicityItem } from '../api';
import { word } from '../words';
import { PublicityDetails } from './details';
import { contentOf, docOf } from './shape';
import { StateTag, type ListProps } from './table';

function ItemCard({ r, type, labels }: { r: PublicityItem; type: ListProps['type']; labels: Map<string, string> }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Card size="small" data-testid="publicity-card"
      title={<span className="publicity-card-title">{r.subject.uscc ? <Link to={`/subjects/${encodeURIComponent(r.subject.uscc)}`}>{r.subject.name}</Link> : r.subject.name}</span>}
      extra={<StateTag state={r.state} />}>
      <div className="muted mono small">{r.subject.uscc ?? r.subject.idNumberMasked}</div>
      <div className="card-line">{t('publicity.docNo')}：{docOf(type, r)}</div>
      <div className="card-line">{t('publicity.content')}：{contentOf(type, r)}</div>
      <div className="card-line">{t('publicity.decidedOn')}：{r.decidedOn ?? '—'} · {r.departmentName}</div>
      <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOpen(!open)} data-testid="publicity-card-toggle">
        {word(lang, open ? 'hideDetails' : 'details')}
      </Button>
      {open && <PublicityDetails item={r} labels={labels} />}
    </Card>
  );
}

/** Phones: one card per record, never wider than the screen; details open under the card. */
export function PublicityCards({ type, items, loading, labels, pagination }: ListProps) {
  const { t } = useI18n();
  return (
    <List className="publicity-cards" data-testid="publicity-cards" loading={loading} dataSource={items}
      locale={{ emptyText: <Empty description={t('publicity.empty')} /> }}
      renderItem={(r) => <ItemCard key={r.id} r={r} type={type} labels={labels} />}
      pagination={{ ...pagination, simple: true, align: 'center' }} />
  );
}
