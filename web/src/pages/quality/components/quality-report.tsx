import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { can } from '../../../access';
import { loadDepartments } from '../../../api/catalog';
import { AsyncView } from '../../../components/async-view';
import { useApi } from '../../../components/use-api';
import { useT } from '../../../i18n';
import { useSession } from '../../../session';
import { getQualityReport, qualityCsvUrl, type QualityFilters } from '../api';
import { ItemsTable } from './items-table';
import { ObligationsModal } from './obligations-modal';
import { SummaryTable } from './summary-table';

const DAY = 'YYYY-MM-DD';

/**
 * 质量指标: the period (this month unless changed, as the server defaults), a department for the
 * credit centre (a clerk always gets its own), the summary per department and the detail per
 * department × category, the CSV of what is shown, and the obligations behind 上报率.
 */
export function QualityReportView() {
  const t = useT();
  const { me } = useSession();
  const manage = can(me?.role, 'qualityManage');
  const [filters, setFilters] = useState<QualityFilters>({});
  const [tick, setTick] = useState(0);
  const [editing, setEditing] = useState(false);
  const depts = useApi(() => loadDepartments(), manage ? 'departments' : null);
  const report = useApi((s) => getQualityReport(filters, s), `${JSON.stringify(filters)}|${tick}`);
  // The period shown is the one the server answered for, so the default month reads as dates too.
  const from = filters.from ?? report.data?.from;
  const to = filters.to ?? report.data?.to;

  return (
    <>
      <Form layout="inline" className="filters">
        <Form.Item label={t('quality.period')}>
          <DatePicker.RangePicker allowClear={false} data-testid="quality-period"
            value={from && to ? [dayjs(from), dayjs(to)] : null}
            onChange={(v) => v?.[0] && v[1] && setFilters({ ...filters, from: v[0].format(DAY), to: v[1].format(DAY) })} />
        </Form.Item>
        {manage && (
          <Form.Item label={t('quality.department')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ minWidth: 240 }} placeholder={t('quality.allDepartments')} loading={depts.loading}
              value={filters.department} onChange={(department?: string) => setFilters({ ...filters, department })} data-testid="quality-department"
              options={(depts.data ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} />
          </Form.Item>
        )}
        <Form.Item>
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={qualityCsvUrl({ department: filters.department, from, to })} download data-testid="quality-export">{t('quality.export')}</Button>
            {manage && <Button icon={<SettingOutlined />} onClick={() => setEditing(true)} data-testid="obligations-edit">{t('quality.obligations')}</Button>}
          </Space>
        </Form.Item>
      </Form>
      <AsyncView state={report}>
        {(r) => (
          <>
            <Card size="small" title={t('quality.summary', { from: r.from, to: r.to })}>
              <SummaryTable rows={r.departments} loading={report.loading} />
            </Card>
            <Card size="small" title={t('quality.items')} className="section">
              <ItemsTable rows={r.items} loading={report.loading} />
            </Card>
          </>
        )}
      </AsyncView>
      {manage && (
        <ObligationsModal open={editing} department={filters.department} departments={depts.data ?? []}
          onClose={() => setEditing(false)} onSaved={() => { setEditing(false); setTick((n) => n + 1); }} />
      )}
    </>
  );
}
