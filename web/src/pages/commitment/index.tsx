import { Alert, Button, Card, Checkbox, Descriptions, Empty, Form, Input, List, Result, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocation } from 'react-router-dom';
import { ApiErrorAlert } from '../../components/api-error';
import { AsyncView } from '../../components/async-view';
import { LinkButton } from '../../components/link-button';
import { useAction, useApi } from '../../components/use-api';
import { useI18n, useT } from '../../i18n';
import { COMMITMENT_STATES, COMMITMENT_TYPES, wordOf } from '../../i18n/words';
import { useSession } from '../../session';
import { listItems, myCommitments, signCommitment, type Commitment, type CommitmentItem } from './api';

/** The item's template with the matter filled in, as the signed text will read. */
const preview = (item: CommitmentItem, matter: string) =>
  item.templateText.replaceAll('{承诺事由}', matter.trim() || '（承诺事由）').replaceAll('{主体名称}', '（本主体名称）')
    .replaceAll('{承诺日期}', '（签署日期）').replaceAll('{受理单位}', '（受理单位）');

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
      <Typography.Paragraph type="secondary" className="small">{item.templateText}</Typography.Paragraph>
    </Card>
  );
}

function SignForm({ items, initial }: { items: CommitmentItem[]; initial?: string }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ item: string; matter: string; idNumber?: string; agree: boolean }>();
  const code = Form.useWatch('item', form) ?? initial;
  const matter = Form.useWatch('matter', form) ?? '';
  const item = items.find((i) => i.code === code);
  const [done, setDone] = useState<Commitment | null>(null);
  const action = useAction(signCommitment);
  if (done) {
    return (
      <Result status="success" title={t('commitment.signed')} data-testid="commitment-signed"
        subTitle={<span>{t('commitment.no', { id: done.id })} · {wordOf(lang, COMMITMENT_STATES, done.state, done.stateLabel)}{done.verificationDue ? ` · ${t('commitment.verifyBy', { date: done.verificationDue })}` : ''}</span>}
        extra={<Typography.Paragraph className="signed-text" data-testid="commitment-text">{done.signedText}</Typography.Paragraph>} />
    );
  }
  return (
    <Form form={form} layout="vertical" initialValues={{ item: initial, agree: false }}
      onFinish={async (v) => {
        const r = await action.run({ item: v.item, matter: v.matter.trim(), ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim().toUpperCase() } : {}) });
        if (r) setDone(r);
      }}>
      <Form.Item name="item" label={t('commitment.item')} rules={[{ required: true, message: t('commitment.itemRequired') }]}>
        <Select options={items.map((i) => ({ value: i.code, label: `${i.name}（${wordOf(lang, COMMITMENT_TYPES, i.type, i.typeLabel)}）` }))} data-testid="commitment-item-select" />
      </Form.Item>
      <Form.Item name="matter" label={t('commitment.matter')} extra={t('commitment.matterHint')} rules={[{ required: true, message: t('commitment.matterRequired') }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount data-testid="commitment-matter" />
      </Form.Item>
      <Form.Item name="idNumber" label={t('commitment.idNumber')} extra={t('commitment.idNumberHint')}>
        <Input className="mono" maxLength={18} autoComplete="off" />
      </Form.Item>
      {item && <Alert type="info" className="section" title={t('commitment.preview')} description={preview(item, matter)} data-testid="commitment-preview" />}
      <Form.Item name="agree" valuePropName="checked" rules={[{ validator: (_, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(t('commitment.agreeRequired')))) }]}>
        <Checkbox data-testid="commitment-agree">{t('commitment.agree')}</Checkbox>
      </Form.Item>
      {action.error && <div className="section"><ApiErrorAlert error={action.error} /></div>}
      <Button type="primary" htmlType="submit" loading={action.busy} data-testid="commitment-submit">{t('commitment.submit')}</Button>
    </Form>
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
