import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, message, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { can } from '../../../access';
import { loadDepartments } from '../../../api/catalog';
import { localName } from '../../../api/format';
import { ApiErrorAlert } from '../../../components/api-error';
import { useAction, useApi } from '../../../components/use-api';
import { useSession } from '../../../session';
import { activateMeasure, deactivateMeasure, loadLists, loadMeasures, type Measure } from '../api';
import { useWords } from '../words';
import { MeasureDrawer } from './measure-drawer';

interface Filters { kind?: Measure['kind']; department?: string; active?: boolean }
/** The drawer: closed, a new measure, or one to correct. */
type Editing = null | 'new' | Measure;

/** Names of the catalogue's codes: implementing departments, target lists, scenarios. */
function useNames() {
  const { w, lang, scenarioName } = useWords();
  const depts = useApi(() => loadDepartments(), 'departments');
  const lists = useApi((s) => loadLists(s), 'lists');
  const deptNames = new Map((depts.data ?? []).map((d) => [d.code, d.name]));
  const listNames = new Map((lists.data?.items ?? []).map((l) => [l.code, localName(lang, l)]));
  return {
    ready: depts.data !== undefined && lists.data !== undefined,
    error: depts.error ?? lists.error,
    reload: () => { depts.reload(); lists.reload(); },
    lists: lists.data?.items ?? [],
    departments: depts.data ?? [],
    department: (v: string) => deptNames.get(v) ?? v,
    list: (code: string) => (code === 'serious_penalty' ? w.seriousPenalty : listNames.get(code) ?? code),
    scenario: scenarioName,
  };
}

/** 措施目录: every measure in words, filters, and for the credit centre activation, correction and new measures. */
export function Catalogue() {
  const { w, lang } = useWords();
  const { me } = useSession();
  const manage = can(me?.role, 'measureManage');
  const [tick, setTick] = useState(0);
  const measures = useApi((s) => loadMeasures(s), `m${tick}`);
  const names = useNames();
  const [f, setF] = useState<Filters>({});
  const [editing, setEditing] = useState<Editing>(null);
  const [target, setTarget] = useState<Measure | null>(null);

  const toggle = useAction((m: Measure) => (m.active ? deactivateMeasure(m.code) : activateMeasure(m.code)));
  const run = async (m: Measure) => {
    setTarget(m);
    const r = await toggle.run(m);
    if (!r) return;
    setTick((n) => n + 1);
    void message.success(r.active ? w.activated(r.name) : w.deactivated(r.name));
  };
  const error = toggle.error;
  const refused = error?.code === 'legal_basis_required' && target ? target : null;

  const scenarioNames = new Map((measures.data?.scenarios ?? []).map((s) => [s.code, s.name]));
  const deptOptions = [...new Set((measures.data?.items ?? []).flatMap((m) => m.departments.map(names.department)))];
  const rows = (measures.data?.items ?? []).filter((m) =>
    (!f.kind || m.kind === f.kind) && (f.active === undefined || m.active === f.active)
    && (!f.department || m.departments.some((d) => names.department(d) === f.department)));

  const actions = (m: Measure) => (
    <Space size={4} wrap>
      {m.active ? (
        <Popconfirm title={w.deactivateConfirm(m.name)} onConfirm={() => run(m)}>
          <Button size="small" danger data-testid={`measure-deactivate-${m.code}`}>{w.deactivate}</Button>
        </Popconfirm>
      ) : (
        <Popconfirm title={w.activateConfirm(m.name)} onConfirm={() => run(m)}>
          <Button size="small" type="primary" ghost data-testid={`measure-activate-${m.code}`}>{w.activate}</Button>
        </Popconfirm>
      )}
      <Button size="small" onClick={() => setEditing(m)} data-testid={`measure-edit-${m.code}`}>{w.edit}</Button>
    </Space>
  );

  return (
    <div>
      <Space className="filters" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Form layout="inline" className="filters" style={{ marginBottom: 0 }}>
          <Form.Item label={w.filterKind}>
            <Select allowClear placeholder={w.allKinds} style={{ width: 140 }} value={f.kind} onChange={(kind) => setF({ ...f, kind })} data-testid="measure-filter-kind"
              options={[{ value: 'sanction', label: w.sanction }, { value: 'reward', label: w.reward }]} />
          </Form.Item>
          <Form.Item label={w.filterDepartment}>
            <Select allowClear showSearch placeholder={w.allDepartments} style={{ width: 220 }} value={f.department} onChange={(department) => setF({ ...f, department })}
              options={deptOptions.map((d) => ({ value: d, label: d }))} data-testid="measure-filter-department" />
          </Form.Item>
          <Form.Item label={w.filterState}>
            <Select allowClear placeholder={w.allStates} style={{ width: 120 }} value={f.active === undefined ? undefined : String(f.active)} data-testid="measure-filter-state"
              onChange={(v?: string) => setF({ ...f, active: v === undefined ? undefined : v === 'true' })}
              options={[{ value: 'true', label: w.active }, { value: 'false', label: w.inactive }]} />
          </Form.Item>
        </Form>
        {manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="measure-new">{w.create}</Button>}
      </Space>
      {refused ? (
        <Alert type="error" showIcon role="alert" className="section" data-testid="measure-refusal" title={w.refusedTitle}
          description={w.refusedNoBasis(refused.name)} closable={{ onClose: toggle.clear }}
          action={<Button size="small" onClick={() => setEditing(refused)} data-testid="measure-add-basis">{w.addBasis}</Button>} />
      ) : error && <div className="section"><ApiErrorAlert error={error} compact /></div>}
      {measures.error || names.error ? <ApiErrorAlert error={(measures.error ?? names.error)!} onRetry={() => { measures.reload(); names.reload(); }} /> : (
        <Table<Measure> rowKey="code" size="small" className="section" loading={measures.loading || !names.ready} dataSource={names.ready ? rows : []} scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: w.count }} data-testid="measure-table"
          columns={[
            { title: w.name, key: 'name', width: 220, render: (_, m) => (
              <div><strong>{localName(lang, m)}</strong>{m.description && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.description}</Typography.Text></div>}</div>
            ) },
            { title: w.kind, dataIndex: 'kind', render: (k: Measure['kind']) => <Tag color={k === 'reward' ? 'green' : 'volcano'}>{k === 'reward' ? w.reward : w.sanction}</Tag> },
            { title: w.state, dataIndex: 'active', render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? w.active : w.inactive}</Tag> },
            { title: w.legalBasis, dataIndex: 'legalBasis', width: 280, render: (v: string) => (v.trim()
              ? <Typography.Paragraph style={{ marginBottom: 0, maxWidth: 280 }} ellipsis={{ rows: 3, tooltip: v }}>{v}</Typography.Paragraph>
              : <Tag color="red">{w.noBasis}</Tag>) },
            { title: w.department, key: 'dept', render: (_, m) => m.departments.map(names.department).join('、') || '—' },
            { title: w.scenarios, key: 'sc', render: (_, m) => <Space size={[0, 4]} wrap style={{ maxWidth: 220 }}>{m.scenarios.map((s) => <Tag key={s}>{names.scenario(s, scenarioNames.get(s))}</Tag>)}</Space> },
            { title: w.targets, key: 'lists', width: 260, render: (_, m) => {
              const text = m.targetLists.map(names.list).join('、');
              return <Typography.Paragraph style={{ marginBottom: 0, maxWidth: 260 }} ellipsis={{ rows: 3, tooltip: text }}>{text}</Typography.Paragraph>;
            } },
            ...(manage ? [{ title: w.actions, key: 'a', fixed: 'right' as const, render: (_: unknown, m: Measure) => actions(m) }] : []),
          ]} />
      )}
      <MeasureDrawer editing={editing} lists={names.lists} departments={names.departments} scenarios={measures.data?.scenarios ?? []}
        onClose={() => setEditing(null)}
        onSaved={(m, created) => {
          setEditing(null); toggle.clear(); setTick((n) => n + 1);
          void message.success(created ? w.created(m.name) : w.saved(m.name));
        }} />
    </div>
  );
}
