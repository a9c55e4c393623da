import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Popconfirm, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/api-error';
import { AsyncView } from '../../components/async-view';
import { useAction, useApi } from '../../components/use-api';
import { localName } from '../../api/format';
import { useI18n } from '../../i18n';
import { getLists } from '../lists/api';
import { EntriesTable } from '../lists/components/entries-table';
import { EXIT_REASONS, exitEntry, initiateEntry } from './api';

/** 名单管理: entries of every list (live or exited), listing a subject (发起) and taking one off (移出). */
export function ListAdminPage() {
  const { t, lang } = useI18n();
  const lists = useApi((s) => getLists(s), 'lists');
  const [code, setCode] = useState<string | null>(null);
  const [state, setState] = useState<'listed' | 'exited' | 'all'>('listed');
  const [tick, setTick] = useState(0);
  const [adding, setAdding] = useState(false);
  const add = useAction(initiateEntry);
  const exit = useAction(exitEntry);
  const [exitReason, setExitReason] = useState<(typeof EXIT_REASONS)[number]>('error');

  return (
    <div>
      <Typography.Title level={2}>{t('menu.lists')}</Typography.Title>
      <AsyncView state={lists}>
        {(d) => {
          const current = d.items.find((l) => l.code === code) ?? d.items[0];
          if (!current) return null;
          return (
            <>
              <Space wrap className="section">
                <Select value={current.code} onChange={setCode} style={{ minWidth: 320 }} showSearch={{ optionFilterProp: 'label' }} data-testid="admin-list-picker"
                  options={d.items.map((l) => ({ value: l.code, label: `${localName(lang, l)}${l.public ? '' : ` (${t('lists.internal')})`}` }))} />
                <Segmented value={state} onChange={(v) => setState(v as typeof state)} options={[{ value: 'listed', label: t('lists.listed') }, { value: 'exited', label: t('lists.exited') }, { value: 'all', label: t('lists.all') }]} />
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="list-add">{t('lists.add')}</Button>
              </Space>
              <Card size="small">
                <Typography.Paragraph><Tag>{t(`listKind.${current.kind}`)}</Tag>{current.issuer} · {current.legalBasis}</Typography.Paragraph>
                {exit.error && <ApiErrorAlert error={exit.error} />}
                <EntriesTable code={current.code} state={state} reloadKey={tick} key={`${current.code}|${state}`}
                  actions={(e) => (e.state === 'listed' ? (
                    <Popconfirm title={t('lists.exitConfirm')} description={
                      <Select size="small" value={exitReason} onChange={setExitReason} style={{ width: 200 }} options={EXIT_REASONS.map((r) => ({ value: r, label: t(`exit.${r}`) }))} />
                    } onConfirm={async () => { if (await exit.run(e.id, { reason: exitReason })) setTick((n) => n + 1); }}>
                      <Button size="small" danger>{t('lists.exit')}</Button>
                    </Popconfirm>
                  ) : null)} />
              </Card>
              <Modal open={adding} title={`${t('lists.add')} · ${localName(lang, current)}`} onCancel={() => setAdding(false)} footer={null} destroyOnHidden>
                <Form layout="vertical" onFinish={async (v: { subject: string; reason: string; documentNo?: string }) => {
                  if (await add.run(current.code, { subject: v.subject.trim(), reason: v.reason.trim(), documentNo: v.documentNo?.trim() || undefined })) {
                    setAdding(false);
                    setTick((n) => n + 1);
                  }
                }}>
                  <Form.Item name="subject" label={t('report.subject')} rules={[{ required: true, message: t('report.subjectRequired') }]}><Input className="mono" data-testid="list-subject" /></Form.Item>
                  <Form.Item name="reason" label={t('lists.reason')} rules={[{ required: true, message: t('inbox.reasonRequired') }]}><Input.TextArea rows={3} data-testid="list-reason" /></Form.Item>
                  <Form.Item name="documentNo" label={t('lists.documentNo')}><Input /></Form.Item>
                  {add.error && <div className="section"><ApiErrorAlert error={add.error} /></div>}
                  <Button type="primary" htmlType="submit" loading={add.busy} data-testid="list-submit">{t('common.save')}</Button>
                </Form>
              </Modal>
            </>
          );
        }}
      </AsyncView>
    </div>
  );
}
