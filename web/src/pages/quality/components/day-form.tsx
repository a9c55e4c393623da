import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiErrorAlert } from '../../../components/api-error';
import { useAction } from '../../../components/use-api';
import { useT } from '../../../i18n';
import { setCalendarDay, type DayKind } from '../api';

interface Values { date: Dayjs; kind: DayKind; name?: string }

/** Declare a holiday or a make-up working day; a date already listed is replaced (the server upserts). */
export function DayForm({ onAdded }: { onAdded: (date: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const add = useAction(setCalendarDay);
  return (
    <Card size="small" title={t('cal.addDay')}>
      <Form form={form} layout="inline" style={{ rowGap: 12 }} initialValues={{ kind: 'holiday' }} onFinish={async (v: Values) => {
        const date = v.date.format('YYYY-MM-DD');
        if (await add.run(date, { kind: v.kind, name: v.name?.trim() ?? '' })) {
          form.resetFields();
          onAdded(date);
        }
      }}>
        <Form.Item name="date" label={t('cal.date')} rules={[{ required: true, message: t('cal.dateRequired') }]}><DatePicker data-testid="cal-date" /></Form.Item>
        <Form.Item name="kind" label={t('cal.kind')}>
          <Select style={{ minWidth: 160 }} data-testid="cal-kind"
            options={(['holiday', 'workday'] as const).map((k) => ({ value: k, label: t(`cal.kindLong.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('cal.name')}><Input maxLength={100} placeholder={t('cal.namePlaceholder')} data-testid="cal-name" /></Form.Item>
        <Form.Item><Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.busy} data-testid="cal-add">{t('common.add')}</Button></Form.Item>
      </Form>
      {add.error && <ApiErrorAlert error={add.error} />}
    </Card>
  );
}
