import { Button, DatePicker, Descriptions, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { loadCategories, loadDepartments } from '../../api/catalog';
import { ApiErrorAlert } from '../../components/api-error';
import { useApi } from '../../components/use-api';
import { fieldLabel } from '../../api/format';
import { useI18n } from '../../i18n';
import { searchPublicity, type PublicityItem, type PublicityType } from './api';

// The columns that say what the decision was, per 双公示 type (national field codes).
const MAIN: Record<PublicityType, { doc: string; what: string[] }> = {
  licence: { doc: 'XK_WSH', what: ['XK_XKWS', 'XK_NR'] },
  penalty: { doc: 'CF_WSH', what: ['CF_WFXW', 'CF_CFLB', 'CF_NR'] },
};

/** 双公示 columns: licences and penalties inside their publication window, with filters. */
export function PublicityPage() {
  const { t, lang } = useI18n();
  const type: PublicityType = useParams().type === 'licence' ? 'licence' : 'penalty';
  const [params, setParams] = useSearchParams();
  const query = {
    type, q: params.get('q') ?? undefined, department: params.get('department') ?? undefined,
    from: params.get('from') ?? undefined, to: params.get('to') ?? undefined,
    page: Number(params.get('page') ?? 1) || 1, pageSize: 20,
  };
  const state = useApi((s) => searchPublicity(query, s), JSON.stringify(query));
  const depts = useApi(() => loadDepartments(), 'departments');
  const cats = useApi(() => loadCategories(), 'categories');
  const labels = new Map((cats.data?.find((c) => c.code === type)?.fields ?? []).map((f) => [f.code, fieldLabel(lang, f)]));
  const main = MAIN[type];

  const onFinish = (v: { q?: string; department?: string; range?: [Dayjs, Dayjs] | null }) => {
    const next: Record<string, string> = {};
    if (v.q?.trim()) next.q = v.q.trim();
    if (v.department) next.department = v.department;
    if (v.range?.[0]) next.from = v.range[0].format('YYYY-MM-DD');
    if (v.range?.[1]) next.to = v.range[1].format('YYYY-MM-DD');
    setParams(next);
  };

  const columns = [
    {
      title: t('publicity.party'), key: 'party', render: (_: unknown, r: PublicityItem) => (
        <div>{r.subject.uscc ? <Link to={`/subjects/${encodeURIComponent(r.subject.uscc)}`}>{r.subject.name}</Link> : r.subject.name}
          <div className="muted mono small">{r.subject.uscc ?? r.subject.idNumberMasked}</div></div>
      ),
    },
    { title: t('publicity.docNo'), key: 'doc', render: (_: unknown, r: PublicityItem) => r.fields[main.doc] ?? '—', responsive: ['md' as const] },
    { title: t('publicity.content'), key: 'what', render: (_: unknown, r: PublicityItem) => main.what.map((k) => r.fields[k]).filter(Boolean).join(' · ') },
    { title: t('publicity.decidedOn'), dataIndex: 'decidedOn', key: 'decidedOn', width: 120 },
    { title: t('publicity.department'), dataIndex: 'departmentName', key: 'dept', responsive: ['lg' as const] },
    {
      title: t('publicity.state'), key: 'state', width: 110, responsive: ['sm' as const],
      render: (_: unknown, r: PublicityItem) => (r.state === 'disputed' ? <Tag color="orange">{t('party.disputedTag')}</Tag> : <Tag color="green">{t('publicity.inWindow')}</Tag>),
    },
  ];

  return (
    <div className="page">
      <Typography.Title level={2}>{type === 'licence' ? t('nav.licences') : t('nav.penalties')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('publicity.intro')}</Typography.Paragraph>
      <Form layout="inline" className="filters" onFinish={onFinish} key={type} initialValues={{ q: query.q, department: query.department }}>
        <Form.Item name="q" label={t('publicity.keyword')}><Input allowClear placeholder={t('publicity.keywordHint')} data-testid="publicity-q" /></Form.Item>
        <Form.Item name="department" label={t('publicity.department')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ minWidth: 220 }} loading={depts.loading} data-testid="publicity-dept"
            options={(depts.data ?? []).map((d) => ({ value: d.code, label: d.name }))} />
        </Form.Item>
        <Form.Item name="range" label={t('publicity.dates')}><DatePicker.RangePicker /></Form.Item>
        <Form.Item><Button type="primary" htmlType="submit">{t('common.filter')}</Button></Form.Item>
      </Form>
      {state.error ? <ApiErrorAlert error={state.error} onRetry={state.reload} /> : (
        <Table<PublicityItem>
          rowKey="id"
          size="middle"
          loading={state.loading}
          dataSource={state.data?.items ?? []}
          columns={columns}
          data-testid="publicity-table"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('publicity.empty') }}
          expandable={{
            expandedRowRender: (r) => (
              <Descriptions size="small" column={{ xs: 1, md: 2 }} items={Object.entries(r.fields).filter(([, v]) => v).map(([k, v]) => ({ key: k, label: labels.get(k) ?? k, children: v }))} />
            ),
          }}
          pagination={{
            current: query.page, pageSize: 20, total: state.data?.total ?? 0, showSizeChanger: false,
            showTotal: (n) => <span data-testid="publicity-total">{t(state.data?.totalEstimated ? 'publicity.totalEstimated' : 'publicity.total', { n: n.toLocaleString() })}</span>,
            onChange: (p) => setParams({ ...Object.fromEntries(params), page: String(p) }),
          }}
        />
      )}
    </div>
  );
}
