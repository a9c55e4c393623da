import { AutoComplete, Form, Input, message, Modal, Select } from 'antd';
import { ErrorAlert } from './error-alert';
import { useAction } from '../../../components/use-api';
import { useT } from '../../../i18n';
import { addItem, changeItem, type Item } from '../api';
import { useWords } from '../words';

const KINDS = ['legal_person', 'unincorporated', 'sole_trader', 'natural_person', 'government'] as const;
type Kind = (typeof KINDS)[number];
const METHODS = ['method.onSite', 'method.documents', 'method.online', 'method.sampling'] as const;

interface Fields { code: string; name: string; basis?: string; method?: string; subjectKinds: Kind[] }

const save = (department: string, item: Item | 'new', v: Fields) => {
  const common = { name: v.name.trim(), basis: v.basis?.trim() ?? '', method: v.method?.trim() ?? '', subjectKinds: v.subjectKinds };
  return item === 'new' ? addItem({ department, code: v.code.trim(), ...common }) : changeItem(item.id, common);
};

/** Add or edit one inspection item (its code stays once given). */
export function ItemModal({ department, item, onClose, onSaved }: { department: string; item: Item | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const w = useWords();
  const [form] = Form.useForm<Fields>();
  const action = useAction(save);
  const initial = item && item !== 'new'
    ? { code: item.code, name: item.name, basis: item.basis, method: item.method, subjectKinds: item.subjectKinds as Kind[] }
    : { subjectKinds: ['legal_person', 'unincorporated', 'sole_trader'] as Kind[] };
  return (
    <Modal open={Boolean(item)} title={w(item === 'new' ? 'item.new' : 'item.edit')} onCancel={() => { action.clear(); onClose(); }} destroyOnHidden
      okText={w('save')} cancelText={w('cancel')} onOk={() => form.submit()} confirmLoading={action.busy} okButtonProps={{ 'data-testid': 'item-save' }}>
      {item && (
        <Form form={form} layout="vertical" initialValues={initial} onFinish={async (v) => {
          const r = await action.run(department, item, v);
          if (r) { void message.success(w(item === 'new' ? 'item.added' : 'item.saved', { name: r.name })); onSaved(); }
        }}>
          <Form.Item name="code" label={w('item.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{1,60}$/, message: w('item.codeRule') }]}>
            <Input className="mono" disabled={item !== 'new'} data-testid="item-code" />
          </Form.Item>
          <Form.Item name="name" label={w('item.name')} rules={[{ required: true, whitespace: true, message: w('item.nameRequired') }]}><Input data-testid="item-name" /></Form.Item>
          <Form.Item name="basis" label={w('item.basis')}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="method" label={w('item.method')}><AutoComplete options={METHODS.map((m) => ({ value: w(m) }))} /></Form.Item>
          <Form.Item name="subjectKinds" label={w('item.kinds')} rules={[{ required: true, message: w('item.kinds') }]}>
            <Select mode="multiple" options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
          {action.error && <ErrorAlert error={action.error} />}
        </Form>
      )}
    </Modal>
  );
}
