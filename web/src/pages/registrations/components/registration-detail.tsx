import { FileOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { dateTime } from '../../../api/format';
import { ApiErrorAlert } from '../../../components/api-error';
import { AsyncView } from '../../../components/async-view';
import { useAction, useApi } from '../../../components/use-api';
import { useWords } from '../../../components/use-words';
import { approveRegistration, fileUrl, loadRegistration, rejectRegistration, type RegistrationDetail as Detail } from '../api';
import { words, type RegistrationWord } from '../words';

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

function OnFile({ d }: { d: Detail }) {
  const w = useWords(words);
  const o = d.onFile;
  if (o.subjectId === null) return <Alert type="info" showIcon title={w('onFileNone')} data-testid="reg-on-file" />;
  return (
    <Alert type={o.nameMatches ? 'success' : 'warning'} showIcon data-testid="reg-on-file" title={
      <Space wrap size={4}>
        <span>{w('onFileName', { name: o.name ?? '' })}</span>
        <Tag color={o.nameMatches ? 'green' : 'orange'}>{o.nameMatches ? w('nameMatches') : w('nameDiffers')}</Tag>
      </Space>
    } description={[o.accounts > 0 ? w('accounts', { n: o.accounts }) : null, o.otherPending > 0 ? w('otherPending', { n: o.otherPending }) : null].filter(Boolean).join('；') || undefined} />
  );
}

function Decide({ d, onDecided }: { d: Detail; onDecided: (what: 'approved' | 'rejected') => void }) {
  const w = useWords(words);
  const [form] = Form.useForm<{ reason: string }>();
  const approve = useAction(approveRegistration);
  const reject = useAction(rejectRegistration);
  return (
    <div className="section">
      <Popconfirm title={w('approveConfirm', { username: d.username, name: d.onFile.name ?? d.name })} onConfirm={async () => { if (await approve.run(d.id)) onDecided('approved'); }}>
        <Button type="primary" loading={approve.busy} data-testid="reg-approve">{w('approve')}</Button>
      </Popconfirm>
      {approve.error && <div className="section"><ApiErrorAlert error={approve.error} /></div>}
      <Form form={form} layout="vertical" className="section" onFinish={async (v) => { if (await reject.run(d.id, v.reason.trim())) onDecided('rejected'); }}>
        <Form.Item name="reason" label={w('reason')} extra={w('reasonHint')} rules={[{ required: true, whitespace: true, message: w('reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="reg-reason" />
        </Form.Item>
        <Button danger htmlType="submit" loading={reject.busy} data-testid="reg-reject">{w('reject')}</Button>
        {reject.error && <div className="section"><ApiErrorAlert error={reject.error} /></div>}
      </Form>
    </div>
  );
}

/** One application: what the applicant said, the document, what the platform holds, and the decision. */
export function RegistrationDrawer({ id, onClose, onDecided }: { id: number | null; onClose: () => void; onDecided: (what: 'approved' | 'rejected', username: string) => void }) {
  const w = useWords(words);
  const detail = useApi((s) => loadRegistration(id!, s), id === null ? null : `reg|${id}`);
  return (
    <Drawer open={id !== null} onClose={onClose} title={id !== null ? w('detail', { id }) : ''} size={560} destroyOnHidden data-testid="reg-drawer">
      <AsyncView state={detail} rows={6}>
        {(d) => (
          <>
            <Descriptions column={1} size="small" bordered items={[
              { key: 'k', label: w('kind'), children: d.kind === 'enterprise' ? w('enterprise') : w('person') },
              { key: 'n', label: w('name'), children: <strong data-testid="reg-name">{d.name}</strong> },
              { key: 'c', label: w('code'), children: <span className="mono">{d.uscc ?? d.idNumberMasked}</span> },
              ...(d.legalRep ? [{ key: 'l', label: w('legalRep'), children: d.legalRep }] : []),
              { key: 'p', label: w('phone'), children: d.contactPhone ?? '—' },
              { key: 'e', label: w('email'), children: d.contactEmail ?? '—' },
              { key: 'u', label: w('username'), children: <span className="mono">{d.username}</span> },
              { key: 'f', label: w('filedAt'), children: dateTime(d.filedAt) },
              { key: 'd', label: w('documents'), children: d.files.length === 0 ? w('noDocument') : (
                <Space direction="vertical" size={2}>
                  {d.files.map((f) => (
                    <a key={f.id} href={fileUrl(d.id, f.id)} target="_blank" rel="noreferrer" data-testid="reg-document">
                      <FileOutlined /> {w(f.role as RegistrationWord)}：{f.name}（{kb(f.bytes)}）
                    </a>
                  ))}
                </Space>
              ) },
            ]} />
            <Typography.Title level={5} className="section">{w('onFile')}</Typography.Title>
            <OnFile d={d} />
            {d.state === 'pending' ? <Decide d={d} onDecided={(what) => onDecided(what, d.username)} /> : (
              <Alert className="section" type={d.state === 'approved' ? 'success' : 'warning'} showIcon title={w(d.state as RegistrationWord)}
                description={[w('decidedBy', { by: d.decidedBy ?? '', at: d.decidedAt ? dateTime(d.decidedAt) : '' }), d.rejectReason ? w('rejectReason', { reason: d.rejectReason }) : ''].filter(Boolean).join('；')} />
            )}
          </>
        )}
      </AsyncView>
    </Drawer>
  );
}
