import { Alert, Button, Drawer, Form, Input, Radio, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/client';
import type { Department, ListInfo } from '../../../api/types';
import { createMeasure, updateMeasure, type Measure } from '../api';
import { useWords } from '../words';

interface Fields {
  code: string; name: string; nameEn?: string | null; kind: Measure['kind']; targetLists: string[]; scenarios: string[];
  departments: string[]; legalBasis?: string; description?: string; active?: boolean;
}
const FIELDS = ['code', 'name', 'nameEn', 'kind', 'targetLists', 'scenarios', 'departments', 'legalBasis', 'description', 'active'] as const;

/** The form field a server detail is about: `targetLists[0]` → targetLists; null when it is none of the form's. */
function fieldOf(detail: string | undefined): (typeof FIELDS)[number] | null {
  const base = detail?.replace(/\[\d+\]$/, '');
  return (FIELDS as readonly string[]).includes(base ?? '') ? (base as (typeof FIELDS)[number]) : null;
}

/**
 * 新增 / 修改措施 in a drawer (credit centre). The server's refusals land under the field they name,
 * in its words; a legal basis is required only to activate.
 */
export function MeasureDrawer({ editing, lists, departments, scenarios, onClose, onSaved }: {
  editing: null | 'new' | Measure; lists: ListInfo[]; departments: Department[]; scenarios: { code: string; name: string }[];
  onClose: () => void; onSaved: (m: Measure, created: boolean) => void;
}) {
  const { w, scenarioName } = useWords();
  const [form] = Form.useForm<Fields>();
  const creating = editing === 'new';
  const current = editing && editing !== 'new' ? editing : null;
  const active = Form.useWatch('active', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  // Refill only when another measure is opened.
  useEffect(() => {
    if (!editing) return;
    setError(null);
    form.resetFields();
    if (current) form.setFieldsValue(current);
  }, [editing]);

  /** Each server detail under the field it names. */
  const placeErrors = (e: ApiError) => {
    const byField = new Map<string, string[]>();
    for (const d of e.details) {
      const f = fieldOf(d.field);
      if (f) byField.set(f, [...(byField.get(f) ?? []), d.message]);
    }
    form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof Fields, errors })));
  };

  const submit = async (v: Fields) => {
    const body = {
      name: v.name.trim(), nameEn: v.nameEn?.trim() || null, kind: v.kind, targetLists: v.targetLists, scenarios: v.scenarios,
      departments: v.departments.map((d) => d.trim()).filter(Boolean), legalBasis: v.legalBasis?.trim() ?? '', description: v.description?.trim() ?? '',
    };
    setBusy(true);
    setError(null);
    try {
      const r = current ? await updateMeasure(current.code, body) : await createMeasure({ ...body, code: v.code.trim(), active: Boolean(v.active) });
      onSaved(r, !current);
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err));
      setError(e);
      placeErrors(e);
    } finally {
      setBusy(false);
    }
  };

  const targetOptions = [...lists.map((l) => ({ value: l.code, label: l.name })), { value: 'serious_penalty', label: w.seriousPenalty }];
  const deptOptions = departments.map((d) => ({ value: d.name, label: d.name }));
  return (
    <Drawer open={editing !== null} onClose={onClose} title={current ? w.drawerEdit(current.name) : w.drawerCreate} size={560} destroyOnHidden data-testid="measure-drawer">
      <Form<Fields> form={form} layout="vertical" initialValues={{ kind: 'sanction', targetLists: [], scenarios: [], departments: [], active: false }}
        onFinish={submit}>
        {creating && (
          <Form.Item name="code" label={w.code} extra={w.codeHint} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,62}$/, message: w.codeRule }]}>
            <Input className="mono" autoComplete="off" data-testid="measure-code" />
          </Form.Item>
        )}
        <Form.Item name="name" label={w.name} rules={[{ required: true, whitespace: true, message: w.nameRequired }]}><Input data-testid="measure-name" /></Form.Item>
        <Form.Item name="nameEn" label={w.nameEn}><Input lang="en" /></Form.Item>
        <Form.Item name="kind" label={w.kind} rules={[{ required: true, message: w.kindRequired }]}>
          <Radio.Group optionType="button" options={[{ value: 'sanction', label: w.sanction }, { value: 'reward', label: w.reward }]} />
        </Form.Item>
        <Form.Item name="targetLists" label={w.targets} rules={[{ required: true, type: 'array', min: 1, message: w.targetsRequired }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={targetOptions} data-testid="measure-targets" />
        </Form.Item>
        <Form.Item name="scenarios" label={w.scenarios} rules={[{ required: true, type: 'array', min: 1, message: w.scenariosRequired }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={scenarios.map((s) => ({ value: s.code, label: scenarioName(s.code, s.name) }))} data-testid="measure-scenarios" />
        </Form.Item>
        <Form.Item name="departments" label={w.department} extra={w.departmentHint}>
          <Select mode="tags" options={deptOptions} data-testid="measure-departments" />
        </Form.Item>
        <Form.Item name="legalBasis" label={w.legalBasis} extra={current?.active ? w.basisRequiredActive : w.basisHint}
          rules={[{ required: Boolean(active || current?.active), whitespace: true, message: w.basisRequiredActive }]}>
          <Input.TextArea rows={3} data-testid="measure-basis" />
        </Form.Item>
        <Form.Item name="description" label={w.description}><Input.TextArea rows={2} /></Form.Item>
        {creating && <Form.Item name="active" label={w.activeNow} valuePropName="checked"><Switch data-testid="measure-active" /></Form.Item>}
        {error && <Alert type="error" showIcon role="alert" className="section" data-testid="api-error" title={error.message} />}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="measure-submit">{w.save}</Button>
      </Form>
    </Drawer>
  );
}
