import { Button, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { dateTime } from '../../../api/format';
import { ErrorAlert } from './error-alert';
import { useAction, useApi } from '../../../components/use-api';
import { useT } from '../../../i18n';
import { changeInspector, loadInspectors, removeInspector, type Inspector } from '../api';
import { useWords } from '../words';
import { ConflictModal } from './conflict-modal';
import { InspectorModal } from './inspector-modal';

/** 执法检查人员名录库: register, edit, take off duty; each one's declared conflicts of interest (回避). */
export function InspectorsTab({ department }: { department: string }) {
  const t = useT();
  const w = useWords();
  const [tick, setTick] = useState(0);
  const reload = () => setTick((n) => n + 1);
  const list = useApi((s) => loadInspectors(department, s), `${department}|${tick}`);
  const [editing, setEditing] = useState<Inspector | 'new' | null>(null);
  const [declaring, setDeclaring] = useState<Inspector | null>(null);
  const act = useAction(async (run: () => Promise<unknown>) => { await run(); reload(); return true; });

  const conflicts = (i: Inspector) => (i.conflicts.length ? (
    <Space size={[4, 4]} wrap style={{ maxWidth: 360 }}>
      {i.conflicts.map((c) => (
        <Tooltip key={c.subjectId} title={`${c.reason}（${w('conflict.declaredAt', { at: dateTime(c.declaredAt) })}）`}>
          <Tag color="orange">{c.name}</Tag>
        </Tooltip>
      ))}
    </Space>
  ) : <span className="muted">{w('ins.noConflicts')}</span>);

  return (
    <>
      <Space className="filters" wrap>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="ins-new">{w('ins.new')}</Button>
      </Space>
      {act.error && <div className="filters"><ErrorAlert error={act.error} /></div>}
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : (
        <Table<Inspector> rowKey="id" size="small" loading={list.loading} dataSource={list.data?.items ?? []} scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} locale={{ emptyText: w('ins.empty') }} data-testid="ins-table"
          columns={[
            { title: w('ins.name'), dataIndex: 'name' },
            { title: w('ins.unit'), dataIndex: 'unit' },
            { title: w('ins.cert'), dataIndex: 'certificateNo', render: (v: string) => <span className="mono">{v}</span> },
            { title: w('item.status'), dataIndex: 'active', render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{w(v ? 'status.onDuty' : 'status.inactive')}</Tag> },
            { title: w('ins.conflicts'), key: 'c', render: (_, i) => conflicts(i) },
            {
              title: t('common.actions'), key: 'a', render: (_, i) => (
                <Space size={4}>
                  <Button size="small" onClick={() => setDeclaring(i)} data-testid={`ins-declare-${i.id}`}>{w('ins.declare')}</Button>
                  <Button size="small" onClick={() => setEditing(i)}>{w('edit')}</Button>
                  {i.active ? (
                    <Popconfirm title={w('ins.removeConfirm', { name: i.name })} onConfirm={() => act.run(() => removeInspector(i.id))}>
                      <Button size="small" danger>{w('ins.remove')}</Button>
                    </Popconfirm>
                  ) : <Button size="small" onClick={() => act.run(() => changeInspector(i.id, { active: true }))}>{w('ins.restore')}</Button>}
                </Space>
              ),
            },
          ]} />
      )}
      <InspectorModal department={department} inspector={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); }} />
      <ConflictModal inspector={declaring} onClose={() => setDeclaring(null)} onSaved={() => { setDeclaring(null); reload(); }} />
    </>
  );
}
