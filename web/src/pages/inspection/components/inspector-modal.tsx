import { Form, Input, message, Modal } from 'antd';
import { ErrorAlert } from './error-alert';
import { useAction } from '../../../components/use-api';
import { addInspector, changeInspector, type Inspector } from '../api';
import { useWords } from '../words';

interface Fields { name: string; unit: string; certificateNo: string }

const save = (department: string, who: Inspector | 'new', v: Fields) => (who === 'new'
  ? addInspector({ department, name: v.name.trim(), unit: v.unit.trim(), certificateNo: v.certificateNo.trim() })
  : changeInspector(who.id, { name: v.name.trim(), unit: v.unit.trim() }));

/** Register an inspector, or change the name and unit of one (the certificate number stays). */
export function InspectorModal({ department, inspector, onClose, onSaved }: { department: string; inspector: Inspector | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const w = useWords();
  const [form] = Form.useForm<Fields>();
  const action = useAction(save);
  const isNew = inspector === 'new';
  return (
    <Modal open={Boolean(inspector)} title={w(isNew ? 'ins.new' : 'ins.edit')} onCancel={() => { action.clear(); onClose(); }} destroyOnHidden
      okText={w('save')} cancelText={w('cancel')} onOk={() => form.submit()} confirmLoading={action.busy} okButtonProps={{ 'data-testid': 'ins-save' }}>
      {inspector && (
        <Form form={form} layout="vertical" initialValues={isNew ? {} : inspector} onFinish={async (v) => {
          const r = await action.run(department, inspector, v);
          if (r) { if (isNew) void message.success(w('ins.added', { name: r.name })); onSaved(); }
        }}>
          <Form.Item name="name" label={w('ins.name')} rules={[{ required: true, whitespace: true, message: w('ins.nameRequired') }]}><Input data-testid="ins-name" /></Form.Item>
          <Form.Item name="unit" label={w('ins.unit')} rules={[{ required: true, whitespace: true, message: w('ins.unitRequired') }]}><Input data-testid="ins-unit" /></Form.Item>
          <Form.Item name="certificateNo" label={w('ins.cert')} rules={[{ required: true, min: 4, whitespace: true, message: w('ins.certRequired') }]}>
            <Input className="mono" disabled={!isNew} data-testid="ins-cert" />
          </Form.Item>
          {action.error && <ErrorAlert error={action.error} />}
        </Form>
      )}
    </Modal>
  );
}
