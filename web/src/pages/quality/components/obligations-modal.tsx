import { Alert, Form, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { loadCategories } from '../../../api/catalog';
import type { Department } from '../../../api/types';
import { ApiErrorAlert } from '../../../components/api-error';
import { useAction, useApi } from '../../../components/use-api';
import { localName } from '../../../api/format';
import { useI18n } from '../../../i18n';
import { getObligations, setObligations } from '../api';

/**
 * The categories a department must report (应报类别), as the credit centre sets them; they are what
 * 上报率 counts against. Opens on the department filtered on the page, another can be picked.
 */
export function ObligationsModal({ open, department, departments, onClose, onSaved }: {
  open: boolean;
  department: string | undefined;
  departments: Department[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const dept = picked ?? department;
  const cats = useApi(() => loadCategories(), open ? 'categories' : null);
  const current = useApi((s) => getObligations(dept!, s), open && dept ? `obl|${dept}` : null);
  const save = useAction(setObligations);
  const [form] = Form.useForm<{ categories: string[] }>();
  const close = () => {
    setPicked(undefined);
    save.clear();
    onClose();
  };
  const ready = Boolean(dept && current.data && !current.loading);
  // The list arrives after the form is mounted (and again when another department is picked): initialValues would not follow.
  useEffect(() => {
    if (current.data) form.setFieldsValue({ categories: current.data.items.map((i) => i.category) });
  }, [current.data, form]);

  return (
    <Modal open={open} title={t('quality.obligations')} onCancel={close} destroyOnHidden okText={t('common.save')} confirmLoading={save.busy}
      okButtonProps={{ disabled: !ready }} onOk={() => form.submit()}>
      <Alert type="info" showIcon title={t('quality.obligationsHint')} className="section" />
      <Form form={form} layout="vertical" className="section" onFinish={async (v) => {
        if (dept && (await save.run(dept, v.categories ?? []))) {
          setPicked(undefined);
          onSaved();
        }
      }}>
        <Form.Item label={t('quality.department')} required>
          <Select value={dept} onChange={setPicked} showSearch={{ optionFilterProp: 'label' }} placeholder={t('quality.pickDepartment')} data-testid="obligations-department"
            options={departments.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} />
        </Form.Item>
        {current.error && <ApiErrorAlert error={current.error} onRetry={current.reload} />}
        <Form.Item name="categories" label={t('quality.obligedCategories')}>
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} loading={cats.loading || current.loading} disabled={!ready}
            data-testid="obligations-categories" options={(cats.data ?? []).map((c) => ({ value: c.code, label: localName(lang, c) }))} />
        </Form.Item>
        {save.error && <ApiErrorAlert error={save.error} />}
      </Form>
    </Modal>
  );
}
