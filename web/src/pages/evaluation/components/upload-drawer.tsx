import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Form, Input, Space, Typography, Upload } from 'antd';
import { ApiErrorAlert } from '../../../components/api-error';
import { useAction } from '../../../components/use-api';
import { publishModel, type ModelDefinition, type ModelRow } from '../api';
import { problemInWords } from '../describe';
import { useWords } from '../words';

/** The model text as JSON when it is JSON (to name dimensions and indicators in problems); YAML is read by the server only. */
function parsedOrNull(text: string): Partial<ModelDefinition> | null {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null ? (v as Partial<ModelDefinition>) : null;
  } catch {
    return null;
  }
}

/**
 * 发布新版本: paste the model text or pick its file, and publish. A model that does not pass the
 * checks is refused with every problem: what is wrong, where (in words), and the checker's sentence.
 */
export function UploadDrawer({ open, draft, onClose, onPublished }: { open: boolean; draft: string; onClose: () => void; onPublished: (m: ModelRow) => void }) {
  const w = useWords();
  // The form lives inside the drawer, so each opening starts from the draft with no old problems.
  return (
    <Drawer open={open} onClose={onClose} title={w('upload.title')} size={760} destroyOnHidden>
      {open && <UploadForm draft={draft} onPublished={onPublished} />}
    </Drawer>
  );
}

function UploadForm({ draft, onPublished }: { draft: string; onPublished: (m: ModelRow) => void }) {
  const w = useWords();
  const [form] = Form.useForm<{ text: string }>();
  const action = useAction(publishModel);
  const err = action.error;
  const problems = err?.code === 'invalid_model' ? err.details : [];
  const def = problems.length ? parsedOrNull((form.getFieldValue('text') as string | undefined) ?? '') : null;
  return (
    <>
      <Typography.Paragraph type="secondary">{w('upload.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ text: draft }} onFinish={async (v) => {
        const m = await action.run(v.text);
        if (m) onPublished(m);
      }}>
        <Form.Item name="text" label={w('upload.text')} rules={[{ required: true, whitespace: true, message: w('upload.required') }]}>
          <Input.TextArea rows={16} className="mono" spellCheck={false} data-testid="model-text" />
        </Form.Item>
        <Space wrap>
          <Upload accept=".yaml,.yml,.json,.txt" showUploadList={false} beforeUpload={(file) => {
            void file.text().then((text) => form.setFieldValue('text', text.replace(/^\uFEFF/, '')));
            return false;
          }}><Button icon={<UploadOutlined />} data-testid="model-file">{w('upload.file')}</Button></Upload>
          <Button type="primary" htmlType="submit" loading={action.busy} data-testid="model-publish">{w('upload.submit')}</Button>
        </Space>
      </Form>
      {problems.length > 0 && (
        <Alert type="error" showIcon role="alert" className="section" data-testid="model-problems" title={w('upload.problems', { n: problems.length })}
          description={(
            <ol style={{ paddingInlineStart: 20, margin: 0 }}>
              {problems.map((d, i) => {
                const p = problemInWords(w, d, def);
                return (
                  <li key={i} data-testid="model-problem">
                    <b>{p.reason}</b> — {w('upload.at', { where: p.where })}
                    {p.message && <div className="muted small">{p.message}</div>}
                  </li>
                );
              })}
            </ol>
          )} />
      )}
      {err && problems.length === 0 && <div className="section"><ApiErrorAlert error={err} /></div>}
    </>
  );
}
