import { InboxOutlined } from '@ant-design/icons';
import { Button, Card, Form, Progress, Select, Upload } from 'antd';
import { useState } from 'react';
import { loadCategories, loadDepartments } from '../../../api/catalog';
import { ApiErrorAlert } from '../../../components/api-error';
import { useAction, useApi } from '../../../components/use-api';
import { localName } from '../../../api/format';
import { useI18n } from '../../../i18n';
import { useSession } from '../../../session';
import { uploadSubmission, type SubmitResult } from '../api';

/** Pick department, category and file; shows upload progress; hands the result up. */
export function UploadForm({ onDone }: { onDone: (r: SubmitResult) => void }) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const depts = useApi(() => loadDepartments(), 'departments');
  const cats = useApi(() => loadCategories(), 'categories');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const action = useAction(uploadSubmission);
  const own = me?.role === 'department' ? depts.data?.find((d) => d.id === me.departmentId) : undefined;

  return (
    <Card title={t('sub.upload')} size="small">
      <Form layout="vertical" key={own?.code ?? 'all'} initialValues={{ department: own?.code, category: 'penalty' }} onFinish={async (v: { department: string; category: string }) => {
        if (!file) return;
        setProgress(0);
        const r = await action.run(v.department, v.category, file, setProgress);
        if (r) onDone(r);
      }}>
        <Form.Item name="department" label={t('sub.department')} rules={[{ required: true, message: t('sub.departmentRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} disabled={Boolean(own)} loading={depts.loading} data-testid="sub-department"
            options={(depts.data ?? []).map((d) => ({ value: d.code, label: d.name }))} />
        </Form.Item>
        <Form.Item name="category" label={t('sub.category')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={cats.loading} data-testid="sub-category"
            options={(cats.data ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: localName(lang, c) }))} />
        </Form.Item>
        <Form.Item label={t('sub.file')} required extra={t('sub.fileHint')}>
          <Upload.Dragger accept=".csv,.xlsx,.jsonl,.ndjson" maxCount={1} data-testid="sub-file"
            beforeUpload={(f) => { setFile(f); setProgress(null); return false; }} onRemove={() => setFile(null)}>
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p>{file ? file.name : t('sub.drop')}</p>
          </Upload.Dragger>
        </Form.Item>
        {progress !== null && <Progress percent={Math.round(progress * 100)} status={action.error ? 'exception' : progress >= 1 && !action.busy ? 'success' : 'active'} data-testid="sub-progress" />}
        {action.error && <div className="section"><ApiErrorAlert error={action.error} /></div>}
        <Button type="primary" htmlType="submit" disabled={!file} loading={action.busy} data-testid="sub-submit">{t('sub.submit')}</Button>
      </Form>
    </Card>
  );
}
