import { Card, Descriptions, Empty, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { AsyncView } from '../../components/async-view';
import { useApi } from '../../components/use-api';
import { localName } from '../../api/format';
import { useI18n } from '../../i18n';
import { getLists } from './api';
import { EntriesTable } from './components/entries-table';

/** Public honour list (红名单) or blacklist (严重失信主体名单) page. */
export function PublicListsPage() {
  const { t, lang } = useI18n();
  const kind = useParams().kind === 'honour' ? 'honour' : 'blacklist';
  const lists = useApi((s) => getLists(s), 'lists');
  const [chosen, setChosen] = useState<string | null>(null);

  return (
    <div className="page">
      <Typography.Title level={2}>{kind === 'honour' ? t('nav.honourList') : t('nav.blacklist')}</Typography.Title>
      <Typography.Paragraph type="secondary">{kind === 'honour' ? t('lists.honourIntro') : t('lists.blackIntro')}</Typography.Paragraph>
      <AsyncView state={lists} isEmpty={(d) => !d.items.some((l) => l.kind === kind && l.public)} empty={<Empty description={t('lists.none')} />}>
        {(d) => {
          const mine = d.items.filter((l) => l.kind === kind && l.public && l.active);
          const current = mine.find((l) => l.code === chosen) ?? mine[0];
          if (!current) return <Empty description={t('lists.none')} />;
          return (
            <>
              <div className="segmented-scroll">
                <Segmented value={current.code} onChange={(v) => setChosen(String(v))} options={mine.map((l) => ({ value: l.code, label: localName(lang, l) }))} data-testid="list-picker" />
              </div>
              <Card size="small" className="section">
                <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
                  { key: 'issuer', label: t('lists.issuer'), children: current.issuer },
                  { key: 'months', label: t('lists.defaultMonths'), children: current.defaultMonths ? t('lists.months', { n: current.defaultMonths }) : '—' },
                  { key: 'basis', label: t('lists.legalBasis'), children: current.legalBasis || '—', span: 2 },
                  { key: 'standard', label: t('lists.standard'), children: current.standard || '—', span: 2 },
                  { key: 'remedies', label: t('lists.remedies'), children: current.remedies || '—', span: 2 },
                ]} />
              </Card>
              <EntriesTable code={current.code} key={current.code} />
            </>
          );
        }}
      </AsyncView>
    </div>
  );
}
