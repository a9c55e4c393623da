import { Button, message, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { can } from '../../../access';
import { dateTime } from '../../../api/format';
import { ApiErrorAlert } from '../../../components/api-error';
import { useApi } from '../../../components/use-api';
import { useT, type MessageKey } from '../../../i18n';
import { useSession } from '../../../session';
import { definitionOf, loadModels, type ModelRow } from '../api';
import { useWords } from '../words';
import { ModelDetail } from './model-detail';
import { UploadDrawer } from './upload-drawer';

/** 评价模型: every version of every model; open one to read it; admins and operators publish new versions. */
export function ModelsTab() {
  const t = useT();
  const w = useWords();
  const { me } = useSession();
  const manage = can(me?.role, 'evaluationManage');
  const [tick, setTick] = useState(0);
  const models = useApi((s) => loadModels(s), `models${tick}`);
  const [open, setOpen] = useState<ModelRow | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const items = models.data?.items ?? [];
  const latest = new Set(items.filter((m, i) => items.findIndex((x) => x.code === m.code) === i).map((m) => m.id));

  return (
    <div>
      <Space className="page-head" style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 820 }}>{w('models.intro')}</Typography.Paragraph>
        {manage && <Button type="primary" onClick={() => setDraft('')} data-testid="model-upload">{w('upload')}</Button>}
      </Space>
      {models.error ? <ApiErrorAlert error={models.error} onRetry={models.reload} /> : (
        <Table<ModelRow> rowKey="id" size="small" className="section" loading={models.loading} dataSource={items} pagination={false}
          scroll={{ x: 'max-content' }} data-testid="model-table"
          onRow={(m) => ({ onDoubleClick: () => setOpen(m) })}
          columns={[
            { title: w('col.model'), dataIndex: 'name', render: (v: string, m) => <Space size={4}>{v}{latest.has(m.id) && <Tag color="blue">{w('latest')}</Tag>}</Space> },
            { title: w('col.version'), dataIndex: 'version', render: (n: number) => w('version', { n }) },
            { title: w('col.kinds'), dataIndex: 'subjectKinds', render: (ks: string[]) => ks.map((k) => t(`kind.${k}` as MessageKey)).join(w('sep')) },
            { title: w('col.total'), key: 'total', align: 'right', render: (_, m) => definitionOf(m).totalPoints },
            { title: w('col.public'), dataIndex: 'gradesPublic', render: (v: boolean) => (v ? <Tag color="green">{w('public.yes')}</Tag> : <Tag>{w('public.no')}</Tag>) },
            { title: w('col.by'), dataIndex: 'createdBy', render: (v: string) => (v === 'system' ? w('system') : v) },
            { title: w('col.at'), dataIndex: 'createdAt', render: (v: string) => dateTime(v) },
            { title: w('col.actions'), key: 'a', render: (_, m) => <Button size="small" onClick={() => setOpen(m)} data-testid="model-view">{w('view')}</Button> },
          ]} />
      )}
      <ModelDetail model={open} onClose={() => setOpen(null)} onDraft={manage ? (text) => { setOpen(null); setDraft(text); } : undefined} />
      <UploadDrawer open={draft !== null} draft={draft ?? ''} onClose={() => setDraft(null)} onPublished={(m) => {
        setDraft(null);
        setTick((n) => n + 1);
        void message.success(w('upload.done', { name: m.name, version: m.version }));
      }} />
    </div>
  );
}
