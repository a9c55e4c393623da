import { Alert, Button, Card, Descriptions, Empty, List, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocation } from 'react-router-dom';
import { AsyncView } from '../../components/async-view';
import { LinkButton } from '../../components/link-button';
import { useApi } from '../../components/use-api';
import { useI18n, useT } from '../../i18n';
import { COMMITMENT_STATES, COMMITMENT_TYPES, wordOf } from '../../i18n/words';
import { useSession } from '../../session';
import { listItems, myCommitments, type CommitmentItem } from './api';
import { SignForm } from './components/sign-form';

function ItemCard({ item, onSign }: { item: CommitmentItem; onSign?: () => void }) {
  const { t, lang } = useI18n();
  return (
    <Card size="small" className="section" data-testid="commitment-item"
      title={<Space wrap><span>{item.name}</span><Tag color="blue">{wordOf(lang, COMMITMENT_TYPES, item.type, item.typeLabel)}</Tag></Space>}
      extra={onSign && <Button size="small" type="primary" onClick={onSign} data-testid={`sign-${item.code}`}>{t('commitment.sign')}</Button>}>
      <Descriptions size="small" column={1} items={[
        { key: 'v', label: t('commitment.verification'), children: item.verificationWorkingDays ? t('commitment.verifyWithin', { n: item.verificationWorkingDays }) : t('commitment.noVerification') },
        { key: 'p', label: t('commitment.published'), children: item.public ? t('common.yes') : t('common.no') },
        ...(item.legalBasis ? [{ key: 'l', label: t('commitment.legalBasis'), children: item.legalBasis }] : []),
      ]} />
      <Typography.Paragraph type="secondary" className="small" data-testid="commitment-item-text">{item.textPreview}</Typography.Paragraph>
    </Card>
  );
}

function MyCommitments() {
  const { t, lang } = useI18n();
  const state = useApi((s) => myCommitments(s), 'my-commitments');
  return (
    <AsyncView state={state} isEmpty={(d) => d.items.length === 0} empty={<Empty description={t('commitment.noneMine')} />}>
      {(d) => (
        <List data-testid="my-commitments" dataSource={d.items} renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={<Space wrap><span className="mono">{t('commitment.no', { id: c.id })}</span><span>{c.item.name}</span><Tag color={c.verificationOverdue ? 'red' : 'blue'}>{wordOf(lang, COMMITMENT_STATES, c.state, c.stateLabel)}</Tag></Space>}
              description={<div>{t('commitment.signedOn')} {c.signedOn} · {c.department.name}{c.verificationDue ? ` · ${t('commitment.verifyBy', { date: c.verificationDue })}` : ''}
                <div className="muted small">{c.matter}</div>
                {c.outcome && <div className="answer">{c.outcome.on} {c.outcome.by}{c.outcome.note ? `：${c.outcome.note}` : ''}</div>}</div>}
            />
          </List.Item>
        )} />
      )}
    </AsyncView>
  );
}

/** 信用承诺: the published commitment items; a signed-in subject signs one and follows its commitments. */
export function CommitmentPage() {
  const t = useT();
  const { me } = useSession();
  const { pathname } = useLocation();
  const items = useApi((s) => listItems(s), 'commitment-items');
  const [tab, setTab] = useState('items');
  const [chosen, setChosen] = useState<string | undefined>();
  const isSubject = me?.role === 'subject';
  const loginFirst = (
    <Alert type="info" showIcon title={t('commitment.loginFirst')} description={t('objection.loginWhy')}
      action={<LinkButton type="primary" to={`/console/login?next=${encodeURIComponent(pathname)}`}>{t('login.submit')}</LinkButton>} />
  );
  return (
    <div className="page narrow">
      <Typography.Title level={2}>{t('nav.commitments')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('commitment.intro')}</Typography.Paragraph>
      <Card>
        <AsyncView state={items} rows={4} isEmpty={(d) => d.items.length === 0} empty={<Empty description={t('commitment.noItems')} />}>
          {(d) => (
            <Tabs activeKey={tab} onChange={setTab} items={[
              { key: 'items', label: t('commitment.items'), children: d.items.map((i) => <ItemCard key={i.code} item={i} onSign={() => { setChosen(i.code); setTab('sign'); }} />) },
              { key: 'sign', label: t('commitment.sign'), children: isSubject ? <SignForm key={chosen ?? ''} items={d.items} initial={chosen} /> : loginFirst },
              ...(isSubject ? [{ key: 'mine', label: t('commitment.mine'), children: <MyCommitments /> }] : []),
            ]} />
          )}
        </AsyncView>
      </Card>
    </div>
  );
}
