import { Alert, Form, Input, Modal, type ButtonProps } from 'antd';
import { ApiErrorAlert } from '../../../components/api-error';
import { useAction } from '../../../components/use-api';
import { revokeReport, type IssuedRow } from '../api';
import { useWords } from '../words';

/** 撤销报告: what revoking does, and the reason the public will read; confirmed with a second click. */
export function RevokeModal({ report, onClose, onRevoked }: { report: IssuedRow | null; onClose: () => void; onRevoked: (r: IssuedRow) => void }) {
  const w = useWords();
  const [form] = Form.useForm<{ reason: string }>();
  const action = useAction(revokeReport);
  return (
    <Modal open={Boolean(report)} title={w('revokeTitle', { number: report?.number ?? '' })} onCancel={() => { action.clear(); onClose(); }} destroyOnHidden
      okText={w('revokeOk')} okButtonProps={{ danger: true, 'data-testid': 'revoke-confirm' } as ButtonProps} onOk={() => form.submit()} confirmLoading={action.busy}>
      {report && (
        <Form form={form} layout="vertical" onFinish={async (v) => {
          const r = await action.run(report.number, v.reason.trim());
          if (r) onRevoked(r);
        }}>
          <p><strong>{report.subjectName}</strong> <span className="mono">{report.subjectCode}</span></p>
          <Alert type="warning" showIcon title={w('revokeWarn')} className="section" />
          <Form.Item name="reason" label={w('revokeReason')} extra={w('revokeReasonHint')} className="section"
            rules={[{ required: true, whitespace: true, message: w('revokeReasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="revoke-reason" />
          </Form.Item>
          {action.error && <ApiErrorAlert error={action.error} />}
        </Form>
      )}
    </Modal>
  );
}
