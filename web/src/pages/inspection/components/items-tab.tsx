import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from './error-alert';
import { useAction, useApi } from '../../../components/use-api';
import { useT, type MessageKey } from '../../../i18n';
import { changeItem, loadItems, withdrawItem, type Item } from '../api';
import { useWords } from '../words';
import { ItemModal } from './item-modal';

/** 检查事项清单 of a department: add, edit, withdraw (kept for earlier plans) and use again. */
export function ItemsTab({ department }: { department: string }) {
  const t = useT();
  const w = useWords();
  const [tick, setTick] = useState(0);
  const reload = () => setTick((n) => n + 1);
  const items = useApi((s) => loadItems(department, s), `${department}|${tick}`);
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  const act = useAction(async (run: () => Promise<unknown>) => { await run(); reload(); return true; });

  return (
    <>
      <Space className="filters" wrap>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="item-new">{w('item.new')}</Button>
      </Space>
      {act.error && <div className="filters"><ErrorAlert error={act.error} /></div>}
      {items.error ? <ErrorAlert error={items.error} onRetry={items.reload} /> : (
        <Table<Item> rowKey="id" size="small" loading={items.loading} dataSource={items.data?.items ?? []} scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} locale={{ emptyText: w('item.empty') }} data-testid="item-table"
          columns={[
            { title: w('item.code'), dataIndex: 'code', render: (v: string) => <span className="mono">{v}</span> },
            { title: w('item.name'), dataIndex: 'name' },
            { title: w('item.basis'), dataIndex: 'basis', render: (v: string) => <Typography.Text className="small" style={{ maxWidth: 320 }} ellipsis={{ tooltip: v }}>{v}</Typography.Text> },
            { title: w('item.method'), dataIndex: 'method' },
            { title: w('item.kinds'), dataIndex: 'subjectKinds', render: (v: string[]) => v.map((k) => <Tag key={k}>{t(`kind.${k}` as MessageKey)}</Tag>) },
            { title: w('item.status'), dataIndex: 'active', render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{w(v ? 'status.active' : 'status.inactive')}</Tag> },
            {
              title: t('common.actions'), key: 'a', render: (_, it) => (
                <Space size={4}>
                  <Button size="small" onClick={() => setEditing(it)}>{w('edit')}</Button>
                  {it.active ? (
                    <Popconfirm title={w('item.withdrawConfirm', { name: it.name })} onConfirm={() => act.run(() => withdrawItem(it.id))}>
                      <Button size="small" danger>{w('item.withdraw')}</Button>
                    </Popconfirm>
                  ) : <Button size="small" onClick={() => act.run(() => changeItem(it.id, { active: true }))}>{w('item.restore')}</Button>}
                </Space>
              ),
            },
          ]} />
      )}
      <ItemModal department={department} item={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); }} />
    </>
  );
}
