import { Alert, DatePicker, Form, Input, message, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ErrorAlert } from './error-alert';
import { useAction } from '../../../components/use-api';
import { OUTCOMES, recordResult, type Outcome, type Task } from '../api';
import { useWords } from '../words';
import { cstDay } from './format';

interface Fields { outcome: Outcome; inspectedOn: Dayjs; findings?: string }

/**
 * 录入检查结果: the outcome, the date and — when problems were found — what they were. The date lies
 * between the day the plan was made and today (business days, as the server counts them).
 */
export function ResultModal({ task, planMadeAt, onClose, onSaved }: { task: Task | null; planMadeAt: string; onClose: () => void; onSaved: () => void }) {
  const w = useWords();
  const [form] = Form.useForm<Fields>();
  const outcome = Form.useWatch('outcome', form);
  const action = useAction(recordResult);
  const today = cstDay(Date.now());
  const earliest = planMadeAt ? cstDay(planMadeAt) : '';
  return (
    <Modal open={Boolean(task)} title={w('result.title', { party: task?.party.name ?? '' })} onCancel={() => { action.clear(); onClose(); }} destroyOnHidden
      okText={w('save')} cancelText={w('cancel')} onOk={() => form.submit()} confirmLoading={action.busy} okButtonProps={{ 'data-testid': 'result-save' }}>
      {task && (
        <Form form={form} layout="vertical" initialValues={{ inspectedOn: dayjs(today) }} onFinish={async (v) => {
          const r = await action.run(task.id, { outcome: v.outcome, inspectedOn: v.inspectedOn.format('YYYY-MM-DD'), ...(v.findings?.trim() ? { findings: v.findings.trim() } : {}) });
          if (r) { void message.success(w('result.saved')); onSaved(); }
        }}>
          <Alert type="info" showIcon title={w('result.note')} className="filters" />
          <Form.Item name="outcome" label={w('result.outcome')} rules={[{ required: true, message: w('result.outcomeRequired') }]}>
            <Radio.Group data-testid="result-outcome" options={OUTCOMES.map((o) => ({ value: o, label: w(`outcome.${o}`) }))} />
          </Form.Item>
          <Form.Item name="inspectedOn" label={w('result.date')} rules={[{ required: true, message: w('result.dateRequired') }]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today || d.format('YYYY-MM-DD') < earliest} data-testid="result-date" />
          </Form.Item>
          <Form.Item name="findings" label={w('result.findings')} rules={[{ required: outcome === 'problems_found', whitespace: true, message: w('result.findingsRequired') }]}>
            <Input.TextArea rows={3} maxLength={4000} data-testid="result-findings" />
          </Form.Item>
          {action.error && <ErrorAlert error={action.error} />}
        </Form>
      )}
    </Modal>
  );
}
