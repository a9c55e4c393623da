import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import { ApiErrorAlert } from '../../../components/api-error';
import { useAction, useApi } from '../../../components/use-api';
import { localName } from '../../../api/format';
import { useI18n, type MessageKey } from '../../../i18n';
import { wordOf } from '../../../i18n/words';
import { CATALOG_WORDS, FIELD_TYPES } from '../words';
import { addCategory, getClasses, type NewCategory } from '../api';

const KINDS = ['legal_person', 'unincorporated', 'sole_trader', 'natural_person', 'government'] as const satisfies readonly NewCategory['subjectKinds'][number][];
const TYPES = ['string', 'text', 'date', 'decimal', 'integer', 'enum', 'uscc', 'id_number', 'code'] as const satisfies readonly NewCategory['fields'][number]['type'][];

interface Values extends Omit<NewCategory, 'subjectFields' | 'publication'> { nameField: string; usccField?: string; periodMonths?: number | null }

/** Add a category (信息类别) with its data items; the server validates and answers field by field. */
export function CategoryForm({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const en = lang === 'en-US' ? 1 : 0;
  const [form] = Form.useForm<Values>();
  const classes = useApi((s) => getClasses(s), open ? 'classes' : null);
  const action = useAction(addCategory);
  const fields = (Form.useWatch('fields', form) ?? []) as { code?: string; label?: string }[];
  const fieldOptions = fields.filter((f) => f?.code).map((f) => ({ value: f.code!, label: `${f.label ?? ''} (${f.code})` }));

  const submit = async (v: Values) => {
    const { nameField, usccField, periodMonths, ...rest } = v;
    const r = await action.run({ ...rest, subjectFields: { name: nameField, ...(usccField ? { uscc: usccField } : {}) }, publication: { periodMonths: periodMonths ?? null } });
    if (r) {
      form.resetFields();
      onSaved();
    }
  };

  return (
    <Modal open={open} title={t('catalog.new')} onCancel={onClose} width={760} destroyOnHidden okText={t('common.save')} onOk={() => form.submit()} confirmLoading={action.busy}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ disclosure: 'public', subjectKinds: ['legal_person'], fields: [{ type: 'string', required: true }], deadlineWorkingDays: 7, repairable: true, adverse: false }}>
        <Space wrap align="start">
          <Form.Item name="code" label={t('catalog.code')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,62}$/, message: t('catalog.codeRule') }]}><Input className="mono" data-testid="cat-code" /></Form.Item>
          <Form.Item name="name" label={t('catalog.name')} rules={[{ required: true }]}><Input data-testid="cat-name" /></Form.Item>
          <Form.Item name="nameEn" label={t('catalog.nameEn')}><Input /></Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="classCode" label={t('catalog.class')} rules={[{ required: true }]}>
            <Select style={{ minWidth: 220 }} loading={classes.loading} options={(classes.data?.items ?? []).map((c) => ({ value: c.code, label: localName(lang, c) }))} data-testid="cat-class" />
          </Form.Item>
          <Form.Item name="disclosure" label={t('catalog.disclosure')}>
            <Select style={{ minWidth: 160 }} options={(['public', 'authorised', 'shared'] as const).map((d) => ({ value: d, label: t(`disclosure.${d}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="subjectKinds" label={t('catalog.kinds')} rules={[{ required: true }]}>
          <Checkbox.Group options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}` as MessageKey) }))} />
        </Form.Item>
        <Form.List name="fields">
          {(items, { add, remove }) => (
            <fieldset className="fieldset">
              <legend>{t('catalog.fields')}</legend>
              {items.map(({ key, name }) => (
                <Space key={key} wrap align="baseline">
                  <Form.Item name={[name, 'code']} rules={[{ required: true, message: t('catalog.fieldCode') }]}><Input placeholder={t('catalog.fieldCode')} className="mono" /></Form.Item>
                  <Form.Item name={[name, 'label']} rules={[{ required: true, message: t('catalog.fieldLabel') }]}><Input placeholder={t('catalog.fieldLabel')} /></Form.Item>
                  <Form.Item name={[name, 'labelEn']}><Input placeholder={CATALOG_WORDS.fieldLabelEn[en]} /></Form.Item>
                  <Form.Item name={[name, 'type']}><Select style={{ width: 160 }} options={TYPES.map((x) => ({ value: x, label: wordOf(lang, FIELD_TYPES, x) }))} /></Form.Item>
                  <Form.Item name={[name, 'required']} valuePropName="checked"><Checkbox>{t('catalog.required')}</Checkbox></Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(name)} aria-label={t('common.remove')} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'string' })}>{t('catalog.addField')}</Button>
            </fieldset>
          )}
        </Form.List>
        <Space wrap align="start" className="section">
          <Form.Item name="nameField" label={t('catalog.nameField')} rules={[{ required: true }]}><Select style={{ minWidth: 200 }} options={fieldOptions} /></Form.Item>
          <Form.Item name="usccField" label={t('catalog.usccField')}><Select allowClear style={{ minWidth: 200 }} options={fieldOptions} /></Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="deadlineWorkingDays" label={t('catalog.deadline')}><InputNumber min={0} max={365} /></Form.Item>
          <Form.Item name="periodMonths" label={t('catalog.period')}><InputNumber min={0} max={600} /></Form.Item>
          <Form.Item name="adverse" label={t('catalog.adverse')} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="repairable" label={t('catalog.repairable')} valuePropName="checked"><Switch /></Form.Item>
        </Space>
        <Form.Item name="legalBasis" label={t('catalog.legalBasis')}><Input.TextArea rows={2} /></Form.Item>
        {action.error && <ApiErrorAlert error={action.error} />}
      </Form>
    </Modal>
  );
}
