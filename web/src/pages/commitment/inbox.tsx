import { Button, Checkbox, Descriptions, Drawer, Form, Input, Radio, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import { can } from '../../access';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error';
import { DeadlineTag } from '../../components/deadline-tag';
import { useAction, useApi } from '../../components/use-api';
import { useT } from '../../i18n';
import { useSession } from '../../session';
import { CommitmentItemsAdmin } from './items-admin';
import { listCommitments, recordFulfilment, type Commitment } from './api';

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
  const t = useT();
  const [which, setWhich] = useState<'open' | 'closed'>('open');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [tick, setTick] = useState(0);
  const [open, setOpen] = useState<Commitment | null>(null);
  const list = useApi((s) => listCommitments({ state: which === 'open' ? ['signed'] : ['fulfilled', 'breached', 'withdrawn'], overdue: overdueOnly || undefined, page }, s), `${which}|${overdueOnly}|${page}|${tick}`);
  return (
    <div>
      <Space wrap className="section">
        <Segmented value={which} onChange={(v) => { setWhich(v as 'open' | 'closed'); setPage(1); }} options={[{ value: 'open', label: t('commitment.toVerify') }, { value: 'closed', label: t('inbox.closed') }]} />
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>{t('inbox.overdueOnly')}</Checkbox>
      </Space>
      {list.error ? <ApiErrorAlert error={list.error} onRetry={list.reload} /> : (
        <Table<Commitment> rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items ?? []} scroll={{ x: 'max-content' }} data-testid="commitment-inbox"
          locale={{ emptyText: t('inbox.empty') }} rowClassName={(c) => (c.verificationOverdue ? 'row-overdue' : '')}
          onRow={(c) => ({ onClick: () => setOpen(c), onKeyDown: (e) => { if (e.key === 'Enter') setOpen(c); }, tabIndex: 0, className: 'clickable' })}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: '#', dataIndex: 'id' },
            { title: t('commitment.party'), key: 'p', render: (_, c) => c.subject.name },
            { title: t('commitment.item'), key: 'i', render: (_, c) => <Space size={4}>{c.item.name}<Tag>{c.item.typeLabel}</Tag></Space> },
            { title: t('commitment.signedOn'), dataIndex: 'signedOn' },
            { title: t('track.state'), key: 's', render: (_, c) => <Tag color={c.state === 'breached' ? 'red' : c.state === 'signed' ? 'blue' : 'green'}>{c.stateLabel}</Tag> },
            { title: t('commitment.verification'), key: 'due', render: (_, c) => <DeadlineTag due={c.verificationDue} overdue={c.verificationOverdue} open={c.state === 'signed'} /> },
          ]} />
      )}
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={560} title={open ? t('commitment.no', { id: open.id }) : ''} destroyOnHidden>
        {open && (
          <>
            <Descriptions size="small" column={1} bordered items={[
              { key: 'p', label: t('commitment.party'), children: open.subject.name },
              { key: 'i', label: t('commitment.item'), children: `${open.item.name}（${open.item.typeLabel}）` },
              { key: 'm', label: t('commitment.matter'), children: open.matter },
              { key: 'd', label: t('track.department'), children: open.department.name },
              { key: 's', label: t('track.state'), children: open.stateLabel },
              ...(open.outcome ? [{ key: 'o', label: t('commitment.verificationNote'), children: `${open.outcome.on} ${open.outcome.by}${open.outcome.note ? `：${open.outcome.note}` : ''}` }] : []),
            ]} />
            <Typography.Paragraph className="section signed-text">{open.signedText}</Typography.Paragraph>
            {open.state === 'signed' && <div className="section"><Fulfilment c={open} onDone={() => { setOpen(null); setTick((n) => n + 1); }} /></div>}
          </>
        )}
      </Drawer>
    </div>
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
