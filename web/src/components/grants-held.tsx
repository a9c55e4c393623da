import { Button, Card, Input, Popover, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { loadCategories } from '../api/catalog';
import { dayOf } from '../api/format';
import type { Json } from '../api/schema';
import { ApiErrorAlert } from './api-error';
import { PurposePicker } from './purpose-select';
import { useApi } from './use-api';
import { useWords } from './use-words';

type Grant = Json<'/api/v1/grants', 'get'>['items'][number];

const words = {
  zh: {
    title: '向本机构授权的主体', intro: '以下企业和个人授权本机构查询其授权查询类信用信息。选择查询用途后打开其授权档案；每次查询都记入审计日志，并在授权主体的查询记录中可见。',
    grantor: '授权主体', scope: '授权范围', allAuthorised: '全部授权查询类信息', purpose: '授权用途', until: '有效期至', state: '状态', actions: '操作',
    live: '有效', expired: '已过期', withdrawn: '已撤回', open: '查看授权档案', queryPurpose: '本次查询用途',
    personCode: '输入该自然人的身份证号码', go: '打开', empty: '尚无主体向本机构授权',
  },
  en: {
    title: 'Subjects that authorised this institution', intro: 'These enterprises and individuals authorised this institution to read their authorised-query credit information. Choose the purpose of your query, then open the authorised archive; each read is recorded in the audit log and shown in the grantor\'s access log.',
    grantor: 'Grantor', scope: 'Scope', allAuthorised: 'All authorised-query information', purpose: 'Purpose of the grant', until: 'Valid until', state: 'Status', actions: 'Actions',
    live: 'Valid', expired: 'Expired', withdrawn: 'Withdrawn', open: 'Open authorised archive', queryPurpose: 'Purpose of this query',
    personCode: 'Enter the person\'s ID card number', go: 'Open', empty: 'No subject has authorised this institution yet',
  },
} as const;

/** Open a person's archive: the lender holds the grant, but only the person's own ID number names them. */
function PersonOpener({ onOpen, disabled, label }: { onOpen: (code: string) => void; disabled: boolean; label: string }) {
  const w = useWords(words);
  const [code, setCode] = useState('');
  return (
    <Popover trigger="click" title={w('personCode')} content={
      <Space.Compact>
        <Input className="mono" maxLength={18} value={code} onChange={(e) => setCode(e.target.value.trim())} aria-label={w('personCode')} />
        <Button type="primary" disabled={code.length !== 18} onClick={() => onOpen(code)}>{w('go')}</Button>
      </Space.Compact>
    }>
      <Button size="small" type="primary" disabled={disabled}>{label}</Button>
    </Popover>
  );
}

/** For a lender: the subjects that granted it access (grantor, scope, expiry) and a way into each one's authorised archive, with a purpose. */
export function GrantsHeld() {
  const w = useWords(words);
  const nav = useNavigate();
  const [purpose, setPurpose] = useState<string | null>('信贷审查');
  const grants = useApi((s) => api.get('/api/v1/grants', {}, s), 'grants-held');
  const cats = useApi(() => loadCategories(), 'categories');
  const catName = new Map((cats.data ?? []).map((c) => [c.code, c.name]));
  const now = new Date().toISOString();
  const live = (g: Grant) => !g.revokedAt && g.expiresAt > now;
  const open = (code: string) => nav(`/subjects/${encodeURIComponent(code)}?purpose=${encodeURIComponent(purpose ?? '')}`);

  return (
    <Card size="small" title={w('title')} data-testid="grants-held">
      <Typography.Paragraph type="secondary">{w('intro')}</Typography.Paragraph>
      <Space wrap className="section" style={{ marginBottom: 12 }}>
        <span>{w('queryPurpose')}：</span>
        <PurposePicker initial={purpose} onChange={setPurpose} testId="grant-purpose" />
      </Space>
      {grants.error ? <ApiErrorAlert error={grants.error} onRetry={grants.reload} /> : (
        <Table<Grant> rowKey="id" size="small" loading={grants.loading} dataSource={grants.data?.items ?? []} pagination={false} scroll={{ x: 'max-content' }}
          locale={{ emptyText: w('empty') }} data-testid="grants-held-table"
          columns={[
            { title: w('grantor'), key: 'g', render: (_, g) => <div><strong>{g.grantor}</strong><div className="mono muted small">{g.grantorCode}</div></div> },
            { title: w('scope'), key: 's', render: (_, g) => (g.categories.length ? g.categories.map((c) => <Tag key={c}>{catName.get(c) ?? c}</Tag>) : w('allAuthorised')) },
            { title: w('purpose'), dataIndex: 'purpose' },
            { title: w('until'), dataIndex: 'expiresAt', render: (v: string) => dayOf(v) },
            { title: w('state'), key: 'st', render: (_, g) => (g.revokedAt ? <Tag>{w('withdrawn')}</Tag> : g.expiresAt <= now ? <Tag>{w('expired')}</Tag> : <Tag color="green">{w('live')}</Tag>) },
            { title: w('actions'), key: 'a', render: (_, g) => {
              if (!live(g)) return null;
              if (g.grantorKind === 'natural_person') return <PersonOpener onOpen={open} disabled={!purpose} label={w('open')} />;
              return <Button size="small" type="primary" disabled={!purpose || !g.grantorCode} onClick={() => open(g.grantorCode!)} data-testid={`grant-open-${g.id}`}>{w('open')}</Button>;
            } },
          ]} />
      )}
    </Card>
  );
}
