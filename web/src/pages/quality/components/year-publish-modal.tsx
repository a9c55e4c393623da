import { Form, Input, Modal, Switch } from 'antd';
import { ApiErrorAlert } from '../../../components/api-error';
import { useAction } from '../../../components/use-api';
import { useT } from '../../../i18n';
import { setCalendarYear, type CalendarYear } from '../api';

interface Values { published: boolean; source?: string }

/** Mark a year's official schedule as entered in full (published), with where it comes from; deadlines in it stop being provisional. */
export function YearPublishModal({ open, year, onClose, onSaved }: { open: boolean; year: CalendarYear; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const save = useAction(setCalendarYear);
  return (
    <Modal open={open} title={t('cal.publishTitle', { year: year.year })} onCancel={() => { save.clear(); onClose(); }} destroyOnHidden
      okText={t('common.save')} confirmLoading={save.busy} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" initialValues={{ published: year.published, source: year.source ?? '' }} onFinish={async (v: Values) => {
        if (await save.run(year.year, { published: v.published, source: v.source?.trim() ?? '' })) onSaved();
      }}>
        <Form.Item name="published" label={t('cal.publishedSwitch')} valuePropName="checked"><Switch data-testid="cal-published-switch" /></Form.Item>
        <Form.Item name="source" label={t('cal.source')}><Input.TextArea rows={2} maxLength={500} placeholder={t('cal.sourceHint', { year: year.year })} data-testid="cal-source" /></Form.Item>
        {save.error && <ApiErrorAlert error={save.error} />}
      </Form>
    </Modal>
  );
}
