import { Alert, Button, Checkbox, DatePicker, Divider, Drawer, Form, Input, InputNumber, message, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { ErrorAlert } from './error-alert';
import { useAction, useApi } from '../../../components/use-api';
import { useT, type MessageKey } from '../../../i18n';
import { createPlan, loadItems, loadModels, loadPolicy } from '../api';
import { useWords } from '../words';

const KINDS = ['legal_person', 'unincorporated', 'sole_trader', 'natural_person', 'government'] as const;
type Kind = (typeof KINDS)[number];
const INDUSTRIES = 'ABCDEFGHIJKLMNOPQRST'.split('');

interface Fields {
  name: string; items: number[]; period: [Dayjs, Dayjs]; kinds: Kind[]; regionPrefix?: string; industries?: string[];
  model: string; inspectorsPerTask: number; repeatMonths: number; distinctUnits: boolean;
}

/** 制定抽查计划: scope, period and items; the draw inputs are fixed and published on creation. */
export function PlanDrawer({ department, open, onClose, onCreated }: { department: string; open: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const t = useT();
  const w = useWords();
  const [form] = Form.useForm<Fields>();
  const items = useApi((s) => loadItems(department, s), open ? `items|${department}` : null);
  const models = useApi((s) => loadModels(s), open ? 'models' : null);
  const policy = useApi((s) => loadPolicy(department, undefined, s), open ? `policy|${department}` : null);
  const action = useAction(createPlan);
  const latestModels = [...new Map((models.data?.items ?? []).map((m) => [m.code, m.name])).entries()];

  return (
    <Drawer open={open} onClose={() => { action.clear(); onClose(); }} title={w('plan.new')} size={560} destroyOnHidden>
      {policy.data && (
        <Form form={form} layout="vertical" initialValues={{ kinds: ['legal_person', 'unincorporated', 'sole_trader'], model: policy.data.model, inspectorsPerTask: 2, repeatMonths: 12, distinctUnits: false }}
          onFinish={async (v) => {
            const r = await action.run({
              department, name: v.name.trim(), items: v.items, periodFrom: v.period[0].format('YYYY-MM-DD'), periodTo: v.period[1].format('YYYY-MM-DD'),
              scope: { kinds: v.kinds, ...(v.regionPrefix?.trim() ? { regionPrefix: v.regionPrefix.trim() } : {}), industries: v.industries ?? [] },
              model: v.model, inspectorsPerTask: v.inspectorsPerTask, repeatMonths: v.repeatMonths, distinctUnits: v.distinctUnits,
            });
            if (!r) return;
            void message.success(w('plan.created'));
            for (const warning of r.warnings ?? []) void message.warning(warning.message, 8);
            form.resetFields();
            onCreated(r.id);
          }}>
          <Alert type="info" showIcon title={w('plan.createNote')} className="filters" />
          <Form.Item name="name" label={w('plan.name')} rules={[{ required: true, whitespace: true, message: w('plan.nameRequired') }]}><Input maxLength={200} data-testid="plan-name" /></Form.Item>
          <Form.Item name="items" label={w('plan.items')} rules={[{ required: true, message: w('plan.itemsRequired') }]}>
            <Select mode="multiple" loading={items.loading} data-testid="plan-items" optionFilterProp="label"
              options={(items.data?.items ?? []).filter((i) => i.active).map((i) => ({ value: i.id, label: i.name }))} />
          </Form.Item>
          <Form.Item name="period" label={w('plan.period')} rules={[{ required: true, message: w('plan.periodRequired') }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} data-testid="plan-period" />
          </Form.Item>
          <Divider titlePlacement="start" plain>{w('plan.scope')}</Divider>
          <Form.Item name="kinds" label={w('plan.kinds')} rules={[{ required: true, message: w('plan.kinds') }]}>
            <Select mode="multiple" options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="regionPrefix" label={w('plan.region')} extra={w('plan.regionHint')} rules={[{ pattern: /^\d{2,6}$/, message: w('plan.regionRule') }]}>
              <Input className="mono" style={{ width: 200 }} maxLength={6} />
            </Form.Item>
            <Form.Item name="industries" label={w('plan.industries')} extra={w('plan.industriesHint')}>
              <Select mode="multiple" style={{ width: 260 }} placeholder={w('all')} optionFilterProp="label"
                options={INDUSTRIES.map((c) => ({ value: c, label: t(`industry.${c}` as MessageKey) }))} />
            </Form.Item>
          </Space>
          <Form.Item name="model" label={w('plan.model')} extra={w('plan.ratioNote')}>
            <Select options={latestModels.map(([code, name]) => ({ value: code, label: name }))} loading={models.loading} />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="inspectorsPerTask" label={w('plan.perTask')}><InputNumber min={1} max={10} suffix={w('plan.perTaskUnit')} /></Form.Item>
            <Form.Item name="repeatMonths" label={w('plan.repeat')} extra={w('plan.repeatHint')}><InputNumber min={0} max={120} suffix={w('plan.repeatUnit')} /></Form.Item>
          </Space>
          <Form.Item name="distinctUnits" valuePropName="checked"><Checkbox>{w('plan.distinct')}</Checkbox></Form.Item>
          {action.error && <div className="filters"><ErrorAlert error={action.error} /></div>}
          <Button type="primary" htmlType="submit" loading={action.busy} data-testid="plan-submit">{w('plan.create')}</Button>
        </Form>
      )}
      {policy.error && <ErrorAlert error={policy.error} onRetry={policy.reload} />}
    </Drawer>
  );
}
