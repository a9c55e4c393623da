import { CheckCircleOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { can } from '../../../access';
import { ApiErrorAlert } from '../../../components/api-error';
import { useAction, useApi } from '../../../components/use-api';
import { useT } from '../../../i18n';
import { useSession } from '../../../session';
import { getCalendarYear, removeCalendarDay, type CalendarDay } from '../api';
import { DayForm } from './day-form';
import { YearPublishModal } from './year-publish-modal';

const KIND_COLOR = { holiday: 'red', workday: 'blue' } as const;
// DELETE answers 204 with no body: say so, so that useAction's result tells success from failure.
const removeDay = async (date: string) => {
  await removeCalendarDay(date);
  return true;
};

/**
 * 工作日历: a year's holidays (休) and make-up working days (调休上班), against which reporting
 * deadlines are counted; the credit centre enters them and marks the year's schedule published.
 */
export function CalendarTab() {
  const t = useT();
  const { me } = useSession();
  const edit = can(me?.role, 'calendarEdit');
  const [year, setYear] = useState(() => dayjs().year());
  const [tick, setTick] = useState(0);
  const [publishing, setPublishing] = useState(false);
  const days = useApi((s) => getCalendarYear(year, s), `${year}|${tick}`);
  const remove = useAction(removeDay);
  const reload = () => setTick((n) => n + 1);
  const y = days.data?.year === year ? days.data : undefined;

  return (
    <>
      <Space wrap className="filters" align="center">
        <Typography.Text>{t('cal.year')}</Typography.Text>
        <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} data-testid="cal-year" />
        {y && (y.published
          ? <Tag color="green" icon={<CheckCircleOutlined />} data-testid="cal-published">{t('cal.published')}</Tag>
          : <Tag color="orange" data-testid="cal-published">{t('cal.unpublished')}</Tag>)}
        {y?.source && <Typography.Text type="secondary">{t('cal.source')}：{y.source}</Typography.Text>}
        {edit && y && <Button size="small" icon={<EditOutlined />} onClick={() => setPublishing(true)} data-testid="cal-publish">{t('cal.publish')}</Button>}
      </Space>
      {y && !y.published && <Alert type="warning" showIcon title={t('cal.unpublishedHint')} className="filters" />}
      {edit && <DayForm onAdded={(date) => { setYear(dayjs(date).year()); reload(); }} />}
      {remove.error && <ApiErrorAlert error={remove.error} />}
      {days.error ? <ApiErrorAlert error={days.error} onRetry={days.reload} /> : (
        <Table<CalendarDay> rowKey="date" size="small" className="section" loading={days.loading} dataSource={y?.items ?? []} scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 40, showSizeChanger: false, hideOnSinglePage: true }} data-testid="calendar-table" locale={{ emptyText: t('cal.empty') }}
          columns={[
            { title: t('cal.date'), dataIndex: 'date', render: (v: string) => <span className="mono">{v}</span> },
            { title: t('cal.weekday'), key: 'weekday', render: (_, d) => dayjs(d.date).format('dddd') },
            { title: t('cal.kind'), dataIndex: 'kind', render: (k: CalendarDay['kind']) => <Tag color={KIND_COLOR[k]}>{t(`cal.kind.${k}`)}</Tag> },
            { title: t('cal.name'), dataIndex: 'name' },
            ...(edit ? [{
              title: t('common.actions'), key: 'actions',
              render: (_: unknown, d: CalendarDay) => (
                <Popconfirm title={t('cal.removeConfirm')} onConfirm={async () => { if (await remove.run(d.date)) reload(); }}>
                  <Button size="small" danger data-testid={`cal-remove-${d.date}`}>{t('common.remove')}</Button>
                </Popconfirm>
              ),
            }] : []),
          ]} />
      )}
      {/* keyed: a fresh form whenever the year or what is stored for it changes */}
      {edit && y && <YearPublishModal key={`${y.year}|${y.published}|${y.source ?? ''}`} open={publishing} year={y} onClose={() => setPublishing(false)} onSaved={() => { setPublishing(false); reload(); }} />}
    </>
  );
}
