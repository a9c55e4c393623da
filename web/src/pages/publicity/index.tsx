import { Alert, Button, DatePicker, Form, Grid, Input, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useParams, useSearchParams } from 'react-router-dom';
import { loadCategories, loadDepartments } from '../../api/catalog';
import { ApiErrorAlert } from '../../components/api-error';
import { useApi } from '../../components/use-api';
import { fieldLabel } from '../../api/format';
import { useI18n } from '../../i18n';
import { EXPORT_MAX_ROWS, exportUrl, searchPublicity, type PublicityFilters, type PublicityType } from './api';
import { PublicityCards } from './components/cards';
import { PublicityTable, type ListProps } from './components/table';
import { word } from './words';
import './publicity.css';

const PAGE_SIZE = 20;

/** 双公示 columns: licences and penalties inside their publication window, with filters, order, total and CSV export. */
export function PublicityPage() {
  const { t, lang } = useI18n();
  const type: PublicityType = useParams().type === 'licence' ? 'licence' : 'penalty';
  const [params, setParams] = useSearchParams();
  const phone = !Grid.useBreakpoint().md;
  const filters: PublicityFilters = {
    type, q: params.get('q') ?? undefined, department: params.get('department') ?? undefined,
    from: params.get('from') ?? undefined, to: params.get('to') ?? undefined,
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };
  const query = { ...filters, page: Number(params.get('page') ?? 1) || 1, pageSize: PAGE_SIZE };
  const state = useApi((s) => searchPublicity(query, s), JSON.stringify(query));
  const depts = useApi(() => loadDepartments(), 'departments');
  const cats = useApi(() => loadCategories(), 'categories');
  const labels = new Map((cats.data?.find((c) => c.code === type)?.fields ?? []).map((f) => [f.code, fieldLabel(lang, f)]));

  /** Change some URL parameters (an empty value removes one); a new filter or order starts at page 1. */
  const change = (next: Record<string, string | undefined>, keepPage = false) => {
    const merged: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...Object.fromEntries(params), ...(keepPage ? {} : { page: undefined }), ...next })) if (v) merged[k] = v;
    setParams(merged);
  };
  const onFinish = (v: { q?: string; department?: string; range?: [Dayjs, Dayjs] | null }) => change({
    q: v.q?.trim() || undefined, department: v.department || undefined,
    from: v.range?.[0]?.format('YYYY-MM-DD'), to: v.range?.[1]?.format('YYYY-MM-DD'),
  });
  const onOrder = (o: 'desc' | 'asc') => change({ order: o === 'asc' ? 'asc' : undefined });

  const total = state.data?.total ?? 0;
  const list: ListProps = {
    type, items: state.data?.items ?? [], loading: state.loading, labels, order: filters.order ?? 'desc', onOrder,
    pagination: { current: query.page, pageSize: PAGE_SIZE, total, onChange: (p) => change({ page: String(p) }, true) },
  };
  const range = filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : undefined;

  return (
    <div className="page">
      <Typography.Title level={2}>{type === 'licence' ? t('nav.licences') : t('nav.penalties')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('publicity.intro')}</Typography.Paragraph>
      <Form layout="inline" className="filters" onFinish={onFinish} key={type} initialValues={{ q: filters.q, department: filters.department, range }}>
        <Form.Item name="q" label={t('publicity.keyword')}><Input allowClear placeholder={t('publicity.keywordHint')} data-testid="publicity-q" /></Form.Item>
        <Form.Item name="department" label={t('publicity.department')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ minWidth: 220 }} loading={depts.loading} data-testid="publicity-dept"
            options={(depts.data ?? []).map((d) => ({ value: d.code, label: d.name }))} />
        </Form.Item>
        <Form.Item name="range" label={t('publicity.dates')}><DatePicker.RangePicker /></Form.Item>
        <Form.Item><Button type="primary" htmlType="submit" data-testid="publicity-filter">{t('common.filter')}</Button></Form.Item>
      </Form>
      <div className="publicity-toolbar">
        <Typography.Text strong data-testid="publicity-total">
          {state.data ? t(state.data.totalEstimated ? 'publicity.totalEstimated' : 'publicity.total', { n: total.toLocaleString() }) : '\u00a0'}
        </Typography.Text>
        <Space wrap>
          <Select aria-label={word(lang, 'order')} value={filters.order} onChange={onOrder} data-testid="publicity-order"
            options={[{ value: 'desc', label: word(lang, 'newest') }, { value: 'asc', label: word(lang, 'oldest') }]} />
          <Button icon={<DownloadOutlined />} href={exportUrl(filters)} download title={word(lang, 'exportHint', { max: EXPORT_MAX_ROWS.toLocaleString() })}
            disabled={!state.data || total === 0} data-testid="publicity-export">{word(lang, 'export')}</Button>
        </Space>
      </div>
      {state.data && total > EXPORT_MAX_ROWS && (
        <Alert type="warning" showIcon className="section" data-testid="publicity-export-capped" title={word(lang, 'exportCapped', { max: EXPORT_MAX_ROWS.toLocaleString() })} />
      )}
      {state.error ? <ApiErrorAlert error={state.error} onRetry={state.reload} /> : phone ? <PublicityCards {...list} /> : <PublicityTable {...list} />}
    </div>
  );
}
