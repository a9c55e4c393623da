import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n';

/** An evidence file as the API takes it: base64 inside the JSON body. */
export interface EvidenceFile {
  name: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png' | 'application/ofd';
  dataBase64: string;
}

const TYPES: Record<string, EvidenceFile['contentType']> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', ofd: 'application/ofd' };
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** Pick evidence files (PDF, JPG, PNG, OFD; 2 MB each, at most `max`); reports them encoded via onChange. */
export function EvidenceUpload({ onChange, max = 10, testId }: { onChange: (files: EvidenceFile[]) => void; max?: number; testId?: string }) {
  const t = useT();
  const [list, setList] = useState<(UploadFile & { encoded?: EvidenceFile })[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const publish = (next: typeof list) => {
    setList(next);
    onChange(next.map((f) => f.encoded).filter((f): f is EvidenceFile => Boolean(f)));
  };

  return (
    <div data-testid={testId}>
      <Upload
        multiple
        accept=".pdf,.jpg,.jpeg,.png,.ofd"
        fileList={list}
        onRemove={(f) => publish(list.filter((x) => x.uid !== f.uid))}
        beforeUpload={(file) => {
          const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
          const type = TYPES[ext];
          if (!type) setProblem(t('evidence.badType', { name: file.name }));
          else if (file.size > MAX_FILE_BYTES) setProblem(t('evidence.tooBig', { name: file.name }));
          else if (list.length >= max) setProblem(t('evidence.tooMany', { n: max }));
          else {
            setProblem(null);
            void toBase64(file).then((dataBase64) => {
              setList((prev) => {
                const next = [...prev, { uid: file.uid, name: file.name, status: 'done' as const, size: file.size, encoded: { name: file.name, contentType: type, dataBase64 } }];
                onChange(next.map((f) => f.encoded).filter((f): f is EvidenceFile => Boolean(f)));
                return next;
              });
            });
          }
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>{t('evidence.choose')}</Button>
      </Upload>
      <div className="muted small">{t('evidence.hint')}</div>
      {problem && <div className="field-error" role="alert">{problem}</div>}
    </div>
  );
}
