import { Descriptions, Divider, Space, Tag } from 'antd';
import type { CaseContext } from '../api';
import { fill, useWords } from '../words';

/** The party: its name and code (a person's ID number only masked), and what kind of party it is. */
function Party({ party }: { party: CaseContext['party'] }) {
  const w = useWords();
  return (
    <Descriptions size="small" column={1} bordered data-testid="case-party" items={[
      { key: 'name', label: w.party, children: <Space wrap><strong>{party.name}</strong><Tag>{w.subjectKinds[party.kind] ?? party.kind}</Tag></Space> },
      ...(party.code && party.codeKind ? [{ key: 'code', label: w.partyCode[party.codeKind], children: <span className="mono">{party.code}</span> }] : []),
    ]} />
  );
}

function windowText(w: ReturnType<typeof useWords>, win: { from: string | null; until: string | null }): string {
  if (win.from && win.until) return fill(w.windowRange, { from: win.from, until: win.until });
  if (win.from) return fill(w.windowOpenEnded, { from: win.from });
  return w.windowNone;
}

/** The record a case is about: its category, department, state, publication window and fields by their labels. */
function RecordFacts({ record }: { record: NonNullable<CaseContext['record']> }) {
  const w = useWords();
  const category = w.lang === 'en-US' && record.category.nameEn ? record.category.nameEn : record.category.name;
  return (
    <>
      <Descriptions size="small" column={1} bordered data-testid="case-record" items={[
        { key: 'no', label: w.record, children: fill(w.recordNo, { id: record.id }) },
        { key: 'cat', label: w.category, children: <span data-testid="case-category">{category}</span> },
        { key: 'dept', label: w.department, children: record.department.name },
        { key: 'state', label: w.recordState, children: w.recordStates[record.state] ?? record.state },
        ...(record.decidedOn ? [{ key: 'decided', label: w.decidedOn, children: record.decidedOn }] : []),
        ...(record.severity ? [{ key: 'severity', label: w.severity, children: w.severities[record.severity] ?? record.severity }] : []),
        {
          key: 'window', label: w.window, children: (
            <Space wrap data-testid="case-window">
              <span>{windowText(w, record.window)}</span>
              <Tag color={record.window.published ? 'blue' : 'default'}>{record.window.published ? w.published : w.notPublished}</Tag>
            </Space>
          ),
        },
      ]} />
      <Divider titlePlacement="start">{w.recordFields}</Divider>
      <Descriptions size="small" column={1} bordered data-testid="case-fields"
        items={record.fields.map((f) => ({ key: f.code, label: f.label, children: <span className="pre">{f.value}</span> }))} />
    </>
  );
}

/** A list entry a repair is about: the list, when and why the party was listed. */
function EntryFacts({ entry }: { entry: NonNullable<CaseContext['listEntry']> }) {
  const w = useWords();
  return (
    <Descriptions size="small" column={1} bordered data-testid="case-entry" items={[
      { key: 'list', label: w.list, children: entry.list.name },
      { key: 'state', label: w.listEntry, children: `#${entry.id} · ${w.entryStates[entry.state] ?? entry.state}` },
      { key: 'on', label: w.listedOn, children: entry.listedOn },
      ...(entry.plannedExpiry ? [{ key: 'exp', label: w.plannedExpiry, children: entry.plannedExpiry }] : []),
      { key: 'by', label: w.decidedBy, children: entry.decidedBy },
      ...(entry.documentNo ? [{ key: 'doc', label: w.documentNo, children: entry.documentNo }] : []),
      { key: 'reason', label: w.listReason, children: entry.reason },
    ]} />
  );
}

/** What the case is about, for the reviewer: the party, then the record (or list entry). */
export function CaseContextView({ context }: { context: CaseContext }) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="case-context">
      <Party party={context.party} />
      {context.record && <RecordFacts record={context.record} />}
      {context.listEntry && <EntryFacts entry={context.listEntry} />}
    </Space>
  );
}

/** How a confirmation names the record (or entry) a decision changes. */
export function describeTarget(context: CaseContext | null | undefined, lang: 'zh-CN' | 'en-US', what: string): string {
  if (!context?.record) return '';
  const category = lang === 'en-US' && context.record.category.nameEn ? context.record.category.nameEn : context.record.category.name;
  return fill(what, { id: context.record.id, category, party: context.party.name });
}
