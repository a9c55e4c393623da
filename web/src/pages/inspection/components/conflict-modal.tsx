import { Alert, Form, Input, message, Modal } from 'antd';
import { ErrorAlert } from './error-alert';
import { useAction } from '../../../components/use-api';
import { declareConflict, type Inspector } from '../api';
import { useWords } from '../words';

interface Fields { subject: string; reason: string }

/** 回避: the inspector may not inspect this party; later plans exclude the pair. */
export function ConflictModal({ inspector, onClose, onSaved }: { inspector: Inspector | null; onClose: () => void; onSaved: () => void }) {
  const w = useWords();
  const [form] = Form.useForm<Fields>();
  const action = useAction(declareConflict);
  return (
    <Modal open={Boolean(inspector)} title={w('conflict.title', { name: inspector?.name ?? '' })} onCancel={() => { action.clear(); onClose(); }} destroyOnHidden
      okText={w('save')} cancelText={w('cancel')} onOk={() => form.submit()} confirmLoading={action.busy} okButtonProps={{ 'data-testid': 'conflict-save' }}>
      {inspector && (
        <Form form={form} layout="vertical" onFinish={async (v) => {
          const r = await action.run(inspector.id, { subject: v.subject.trim(), reason: v.reason.trim() });
          if (r) { void message.success(w('conflict.saved')); onSaved(); }
        }}>
          <Alert type="info" showIcon title={w('conflict.note')} className="filters" />
          <Form.Item name="subject" label={w('conflict.party')} extra={w('conflict.partyHint')} rules={[{ required: true, whitespace: true, message: w('conflict.partyRequired') }]}>
            <Input className="mono" autoComplete="off" data-testid="conflict-subject" />
          </Form.Item>
          <Form.Item name="reason" label={w('conflict.reason')} rules={[{ required: true, whitespace: true, message: w('conflict.reasonRequired') }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="conflict-reason" />
          </Form.Item>
          {action.error && <ErrorAlert error={action.error} />}
        </Form>
      )}
    </Modal>
  );
}
