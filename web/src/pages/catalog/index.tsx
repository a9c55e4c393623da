import { PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { loadCategories } from '../../api/catalog';
import type { Category } from '../../api/types';
import { ApiErrorAlert } from '../../components/api-error';
import { can } from '../../access';
import { useApi } from '../../components/use-api';
import { fieldLabel, localName } from '../../api/format';
import { useI18n } from '../../i18n';
import { wordOf } from '../../i18n/words';
import { useSession } from '../../session';
import { CategoryForm } from './components/category-form';
import { FIELD_TYPES } from './words';

const DISCLOSURE_COLOR = { public: 'green', authorised: 'gold', shared: 'blue' } as const;
/** The API sends the disclosure class as a plain string. */
const isDisclosure = (d: string): d is keyof typeof DISCLOSURE_COLOR => Object.hasOwn(DISCLOSURE_COLOR, d);

/** 信用信息目录: categories with their data items; the credit center adds new ones. */
export function CatalogPage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const [tick, setTick] = useState(0);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Category | null>(null);
  const [q, setQ] = useState('');
  const cats = useApi(() => loadCategories(tick > 0), `cats|${tick}`);
  const rows = (cats.data ?? []).filter((c) => !q || c.name.includes(q) || c.nameEn.toLowerCase().includes(q.toLowerCase()) || c.code.includes(q));

  return (
    <div>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('menu.catalog')}</Typography.Title>
        {can(me?.role, 'catalogEdit') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="cat-new">{t('catalog.new')}</Button>}
      </div>
      <Input.Search allowClear placeholder={t('catalog.filter')} onChange={(e) => setQ(e.target.value.trim())} className="filter-input" aria-label={t('catalog.filter')} />
      {cats.error ? <ApiErrorAlert error={cats.error} onRetry={cats.reload} /> : (
        <Table<Category> rowKey="code" size="small" loading={cats.loading} dataSource={rows} scroll={{ x: 'max-content' }} className="section" data-testid="catalog-table"
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('catalog.code'), dataIndex: 'code', render: (v: string, c) => <Button type="link" size="small" onClick={() => setOpen(c)} className="mono">{v}</Button> },
            { title: t('catalog.name'), key: 'name', render: (_, c) => localName(lang, c) },
            { title: t('catalog.disclosure'), dataIndex: 'disclosure', render: (d: string) => (isDisclosure(d) ? <Tag color={DISCLOSURE_COLOR[d]}>{t(`disclosure.${d}`)}</Tag> : <Tag>{d}</Tag>) },
            { title: t('catalog.fields'), key: 'n', render: (_, c) => c.fields.length },
            { title: t('catalog.deadline'), dataIndex: 'deadlineWorkingDays', render: (v: number | null) => v ?? '—' },
            { title: t('catalog.adverse'), dataIndex: 'adverse', render: (v: boolean) => (v ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')) },
            { title: t('catalog.version'), dataIndex: 'version' },
          ]} />
      )}
      <Drawer open={Boolean(open)} onClose={() => setOpen(null)} title={open ? localName(lang, open) : ''} size={560}>
        {open && (
          <>
            <Typography.Paragraph type="secondary">{open.legalBasis}</Typography.Paragraph>
            <Table size="small" rowKey="code" pagination={false} dataSource={open.fields} columns={[
              { title: t('catalog.fieldCode'), dataIndex: 'code', render: (v: string) => <span className="mono">{v}</span> },
              { title: t('catalog.fieldLabel'), key: 'label', render: (_: unknown, f: Category['fields'][number]) => fieldLabel(lang, f) },
              { title: t('catalog.type'), dataIndex: 'type', render: (v: string) => wordOf(lang, FIELD_TYPES, v) },
              { title: t('catalog.required'), dataIndex: 'required', render: (v?: boolean) => (v ? '✓' : '') },
            ]} />
          </>
        )}
      </Drawer>
      <CategoryForm open={adding} onClose={() => setAdding(false)} onSaved={() => { setAdding(false); setTick((n) => n + 1); }} />
    </div>
  );
}
