import { Button, Descriptions, Form, Input, Radio, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { can } from '../../access';
import { ApiErrorAlert } from '../../components/api-error';
import { CaseInbox } from '../../components/case-inbox';
import { DeadlineTag } from '../../components/deadline-tag';
import { useAction } from '../../components/use-api';
import { useI18n, useT } from '../../i18n';
import { COMMITMENT_STATES, COMMITMENT_TYPES, wordOf } from '../../i18n/words';
import { useSession } from '../../session';
import { CommitmentItemsAdmin } from './items-admin';
import { listCommitments, recordFulfilment, type Commitment, type CommitmentState } from './api';

function Fulfilment({ c, onDone }: { c: Commitment; onDone: () => void }) {
  const t = useT();
  const action = useAction(recordFulfilment);
  const [outcome, setOutcome] = useState<'fulfilled' | 'breached'>('fulfilled');
  return (
    <Form layout="vertical" onFinish={async (v: { note?: string }) => { if (await action.run(c.id, { outcome, note: v.note?.trim() ?? '' })) onDone(); }}>
      <Radio.Group value={outcome} onChange={(e) => setOutcome(e.target.value as 'fulfilled' | 'breached')} className="section" data-testid="fulfilment-outcome">
        <Radio value="fulfilled">{t('commitment.fulfilled')}</Radio>
        <Radio value="breached">{t('commitment.breached')}</Radio>
      </Radio.Group>
      <Form.Item name="note" label={t('commitment.verificationNote')} extra={outcome === 'breached' ? t('commitment.breachHint') : undefined}
        rules={[{ required: outcome === 'breached', message: t('commitment.breachNoteRequired') }]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="fulfilment-note" />
      </Form.Item>
      {action.error && <div className="section"><ApiErrorAlert error={action.error} /></div>}
      <Button type="primary" htmlType="submit" loading={action.busy} danger={outcome === 'breached'} data-testid="fulfilment-submit">{t('commitment.record')}</Button>
    </Form>
  );
}

/** 承诺核查: commitments accepted by the department (all, for the credit centre), with verification deadlines. */
function CommitmentInbox() {
  const { t, lang } = useI18n();
  const typeOf = (c: Commitment) => wordOf(lang, COMMITMENT_TYPES, c.item.type, c.item.typeLabel);
  const stateOf = (c: Commitment) => wordOf(lang, COMMITMENT_STATES, c.state, c.stateLabel);
  return (
    <CaseInbox<Commitment, CommitmentState> testId="commitment-inbox" openLabel={t('commitment.toVerify')} load={listCommitments}
      states={{ open: ['signed'], closed: ['fulfilled', 'breached', 'withdrawn'] }}
      overdue={(c) => c.verificationOverdue}
      columns={[
        { title: '#', dataIndex: 'id' },
        { title: t('commitment.party'), key: 'p', render: (_, c) => c.subject.name },
        { title: t('commitment.item'), key: 'i', render: (_, c) => <Space size={4}>{c.item.name}<Tag>{typeOf(c)}</Tag></Space> },
        { title: t('commitment.signedOn'), dataIndex: 'signedOn' },
        { title: t('track.state'), key: 's', render: (_, c) => <Tag color={c.state === 'breached' ? 'red' : c.state === 'signed' ? 'blue' : 'green'}>{stateOf(c)}</Tag> },
        { title: t('commitment.verification'), key: 'due', render: (_, c) => <DeadlineTag due={c.verificationDue} overdue={c.verificationOverdue} open={c.state === 'signed'} /> },
      ]}
      drawer={{ size: 560, title: (c) => (c ? t('commitment.no', { id: c.id }) : '') }}
      detail={(c, on) => (
        <>
          <Descriptions size="small" column={1} bordered items={[
            { key: 'p', label: t('commitment.party'), children: c.subject.name },
            { key: 'i', label: t('commitment.item'), children: `${c.item.name}（${typeOf(c)}）` },
            { key: 'm', label: t('commitment.matter'), children: c.matter },
            { key: 'd', label: t('track.department'), children: c.department.name },
            { key: 's', label: t('track.state'), children: stateOf(c) },
            ...(c.outcome ? [{ key: 'o', label: t('commitment.verificationNote'), children: `${c.outcome.on} ${c.outcome.by}${c.outcome.note ? `：${c.outcome.note}` : ''}` }] : []),
          ]} />
          <Typography.Paragraph className="section signed-text">{c.signedText}</Typography.Paragraph>
          {c.state === 'signed' && <div className="section"><Fulfilment c={c} onDone={on.done} /></div>}
        </>
      )} />
  );
}

/** The console page: the verification inbox, and for the credit centre the commitment items. */
export function CommitmentInboxPage() {
  const t = useT();
  const { me } = useSession();
  return (
    <div>
      <Typography.Title level={2}>{t('menu.commitments')}</Typography.Title>
      {can(me?.role, 'commitmentItems')
        ? <Tabs items={[{ key: 'inbox', label: t('commitment.toVerify'), children: <CommitmentInbox /> }, { key: 'items', label: t('commitment.itemsTab'), children: <CommitmentItemsAdmin /> }]} />
        : <CommitmentInbox />}
    </div>
  );
}
