import { Button, Form, Input, InputNumber, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error';
import { useAction, useApi } from '../../components/use-api';
import { useT, type MessageKey } from '../../i18n';
import { COMMITMENT_TYPES, createItem, listAllItems, type CommitmentItem, type ItemInput } from './api';

const PLACEHOLDERS = '{主体名称} {承诺事由} {承诺日期} {受理单位}';

function ItemForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const action = useAction(createItem);
  return (
    <Form<ItemInput> layout="vertical" className="section" data-testid="item-form"
      initialValues={{ type: 'certification_notice', public: true, verificationWorkingDays: 5, templateText: `{主体名称}郑重承诺：{承诺事由}。如有虚假，愿承担相应法律责任。承诺日期：{承诺日期}；受理单位：{受理单位}` }}
      onFinish={async (v) => {
        const body = { ...v, code: v.code.trim(), name: v.name.trim(), department: v.department?.trim() || null, legalBasis: v.legalBasis?.trim() ?? '', verificationWorkingDays: v.verificationWorkingDays ?? null };
        if (await action.run(body)) onDone();
      }}>
      <Form.Item name="code" label={t('commitment.itemCode')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{1,60}$/, message: t('commitment.itemCodeRule') }]}><Input className="mono" data-testid="item-code" /></Form.Item>
      <Form.Item name="name" label={t('commitment.itemName')} rules={[{ required: true, message: t('commitment.itemNameRequired') }]}><Input data-testid="item-name" /></Form.Item>
      <Form.Item name="type" label={t('commitment.itemType')}><Select options={COMMITMENT_TYPES.map((c) => ({ value: c, label: t(`commitmentType.${c}` as MessageKey) }))} /></Form.Item>
      <Form.Item name="templateText" label={t('commitment.template')} extra={t('commitment.templateHint', { p: PLACEHOLDERS })} rules={[{ required: true, message: t('commitment.templateRequired') }]}>
        <Input.TextArea rows={4} maxLength={20000} data-testid="item-template" />
      </Form.Item>
      <Form.Item name="verificationWorkingDays" label={t('commitment.verification')} extra={t('commitment.verificationHint')}><InputNumber min={1} max={365} /></Form.Item>
      <Form.Item name="department" label={t('commitment.acceptingDept')} extra={t('commitment.acceptingDeptHint')}><Input className="mono" /></Form.Item>
      <Form.Item name="legalBasis" label={t('commitment.legalBasis')}><Input /></Form.Item>
      <Form.Item name="public" label={t('commitment.published')} valuePropName="checked"><Switch /></Form.Item>
      {action.error && <div className="section"><ApiErrorAlert error={action.error} /></div>}
      <Button type="primary" htmlType="submit" loading={action.busy} data-testid="item-submit">{t('commitment.publishItem')}</Button>
    </Form>
  );
}

/** 承诺事项: the credit centre publishes commitment items with their template texts. */
export function CommitmentItemsAdmin() {
  const t = useT();
  const [tick, setTick] = useState(0);
  const [adding, setAdding] = useState(false);
  const items = useApi((s) => listAllItems(s), `items|${tick}`);
  return (
    <div>
      {items.error ? <ApiErrorAlert error={items.error} onRetry={items.reload} /> : (
        <Table<CommitmentItem> rowKey="code" size="middle" loading={items.loading} dataSource={items.data?.items ?? []} pagination={false} scroll={{ x: 'max-content' }} data-testid="item-table"
          columns={[
            { title: t('commitment.itemCode'), dataIndex: 'code', render: (v: string) => <span className="mono">{v}</span> },
            { title: t('commitment.itemName'), dataIndex: 'name' },
            { title: t('commitment.itemType'), key: 'type', render: (_: unknown, i: CommitmentItem) => <Tag>{t(`commitmentType.${i.type}` as MessageKey)}</Tag> },
            { title: t('commitment.verification'), dataIndex: 'verificationWorkingDays', render: (v: number | null) => (v ? t('commitment.verifyWithin', { n: v }) : '—') },
            { title: t('commitment.acceptingDept'), dataIndex: 'department', render: (v: string | null) => v || '—' },
            { title: t('commitment.published'), dataIndex: 'public', render: (v: boolean) => (v ? t('common.yes') : t('common.no')) },
          ]} />
      )}
      {adding ? <ItemForm key={tick} onDone={() => { setAdding(false); setTick((n) => n + 1); }} />
        : <Button className="section" onClick={() => setAdding(true)} data-testid="item-add">{t('commitment.addItem')}</Button>}
    </div>
  );
}
