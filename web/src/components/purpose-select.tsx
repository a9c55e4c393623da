import { AuditOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../session';
import { useWords } from './use-words';

// 查询用途: staff and lenders say why they read a party's non-public information; the archive is
// asked for again with that purpose (?purpose=), and the read goes into the audit trail with it.

/** Common purposes, sent and audited in Chinese whatever the screen's language. */
export const COMMON_PURPOSES = ['行政许可审查', '招标投标审查', '公务员录用审查', '评优评先审查', '财政资金审查', '信贷审查'] as const;
const OTHER = '__other__';

const words = {
  zh: {
    notice: '查询非公开信息须说明用途', hint: '选择或填写用途后重新查询，本次查询将连同用途记入审计日志并告知该主体。当前仅显示公开信息。',
    purpose: '查询用途', choose: '请选择查询用途', other: '其他（自行填写）', otherPlaceholder: '请填写具体用途，如：政府采购供应商资格审查',
    query: '按此用途查询', current: '当前查询用途', change: '更改用途', clear: '只看公开信息', logged: '本次查询已记入审计日志',
    '行政许可审查': '行政许可审查', '招标投标审查': '招标投标审查', '公务员录用审查': '公务员录用审查', '评优评先审查': '评优评先审查', '财政资金审查': '财政资金审查', '信贷审查': '信贷审查',
  },
  en: {
    notice: 'Reading non-public information requires a stated purpose', hint: 'Choose or write a purpose and query again; the read is recorded with its purpose in the audit log and shown to the party. Only public information is shown now.',
    purpose: 'Purpose', choose: 'Choose a purpose', other: 'Other (write it in)', otherPlaceholder: 'Write the purpose, e.g. supplier check for a public procurement',
    query: 'Query with this purpose', current: 'Purpose of this query', change: 'Change', clear: 'Public information only', logged: 'This read is recorded in the audit log',
    '行政许可审查': 'Administrative licensing review', '招标投标审查': 'Tendering and bidding review', '公务员录用审查': 'Civil-service recruitment review',
    '评优评先审查': 'Awards and honours review', '财政资金审查': 'Public funding review', '信贷审查': 'Credit (loan) review',
  },
} as const;

/** The purpose in the page's address (?purpose=), which the archive is read with. */
export function usePurpose(): string | null {
  const [params] = useSearchParams();
  return params.get('purpose')?.trim() || null;
}

/** A common purpose or free text; reports the purpose (null while none is complete). */
export function PurposePicker({ onChange, initial, testId = 'purpose' }: { onChange: (purpose: string | null) => void; initial?: string | null; testId?: string }) {
  const w = useWords(words);
  const common = (COMMON_PURPOSES as readonly string[]).includes(initial ?? '');
  const [choice, setChoice] = useState<string | undefined>(initial ? (common ? initial : OTHER) : undefined);
  const [text, setText] = useState(initial && !common ? initial : '');
  const report = (c: string | undefined, t: string) => onChange(c === OTHER ? (t.trim() || null) : (c ?? null));
  return (
    <Space wrap>
      <Select style={{ minWidth: 220 }} placeholder={w('choose')} value={choice} aria-label={w('purpose')} data-testid={`${testId}-select`}
        onChange={(v: string) => { setChoice(v); report(v, text); }}
        options={[...COMMON_PURPOSES.map((p) => ({ value: p, label: w(p) })), { value: OTHER, label: w('other') }]} />
      {choice === OTHER && (
        <Input style={{ minWidth: 260 }} maxLength={200} placeholder={w('otherPlaceholder')} value={text} aria-label={w('purpose')} data-testid={`${testId}-text`}
          onChange={(e) => { setText(e.target.value); report(OTHER, e.target.value); }} />
      )}
    </Space>
  );
}

const MAY_STATE_PURPOSE = new Set(['admin', 'operator', 'department', 'lender']);

/**
 * On a party's page: staff and lenders choose a purpose and the archive is read again with it; with
 * one given, it is shown with a way to change it. Others see the server's notice, if any.
 */
export function PurposeSelect({ notice, purpose }: { notice: string | null; purpose: string | null }) {
  const w = useWords(words);
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const [picked, setPicked] = useState<string | null>(purpose);
  const [editing, setEditing] = useState(false);
  if (!me || !MAY_STATE_PURPOSE.has(me.role)) return notice ? <Alert type="info" showIcon className="section" title={notice} /> : null;

  const apply = (p: string | null) => {
    const next = new URLSearchParams(params);
    if (p) next.set('purpose', p);
    else next.delete('purpose');
    setParams(next, { replace: true });
    setEditing(false);
  };
  if (purpose && !editing) {
    return (
      <Alert type={notice ? 'warning' : 'success'} showIcon icon={<AuditOutlined />} className="section" data-testid="purpose-current"
        title={<Space wrap><span>{w('current')}：</span><Tag color="blue" data-testid="purpose-tag">{(w as (k: string) => string)(purpose)}</Tag><span className="muted small">{w('logged')}</span></Space>}
        description={notice ?? undefined}
        action={<Space direction="vertical" size={4}><Button size="small" onClick={() => setEditing(true)}>{w('change')}</Button><Button size="small" type="link" onClick={() => apply(null)}>{w('clear')}</Button></Space>} />
    );
  }
  return (
    <Alert type="info" showIcon className="section" data-testid="purpose-notice" title={w('notice')}
      description={
        <div>
          <div className="muted small" style={{ marginBottom: 8 }}>{w('hint')}</div>
          <Space wrap>
            <PurposePicker initial={purpose} onChange={setPicked} />
            <Button type="primary" disabled={!picked} onClick={() => apply(picked)} data-testid="purpose-apply">{w('query')}</Button>
          </Space>
        </div>
      } />
  );
}
