import { useCallback } from 'react';
import { useI18n } from '../../i18n';

// Words of the public verification page (and the report request page's result), zh-CN and en-US.

const zh = {
  howTo: '如何核验：用手机扫描报告封面上的二维码即可直接看到核验结果；也可以在下面输入报告封面或页脚上的报告编号和核验码。持有报告 PDF 文件的，可在本页下方上传该文件：文件经过任何修改都无法通过核验。',
  revoked: '该报告已被撤销，不再有效',
  revokedDetail: '该报告由本平台出具，但已于 {date} 被出具机构撤销。撤销原因：{reason}。请勿再使用该报告；如需证明信用状况，请重新申请报告。',
  revokedOn: '撤销日期', revokedReason: '撤销原因',
  fingerprint: '文件指纹',
  fingerprintHint: '报告文件的唯一指纹，文件经过任何修改都会改变',
};

type Words = typeof zh;

const en: Words = {
  howTo: 'How to verify: scan the QR code on the report\'s cover with a phone to see the result at once, or enter the report number and verification code printed on the cover and in the footer below. With the PDF file, upload it at the bottom of this page: a file changed in any way does not pass.',
  revoked: 'This report was revoked and is no longer valid',
  revokedDetail: 'The platform issued this report, but the issuer revoked it on {date}. Reason: {reason}. Do not rely on it; request a new report to show the credit standing.',
  revokedOn: 'Revoked on', revokedReason: 'Reason',
  fingerprint: 'File fingerprint',
  fingerprintHint: 'unique to the report file; any change to the file changes it',
};

export type VerifyWordKey = keyof Words;

/** The verification words in the current language, with {name} placeholders filled. */
export function useVerifyWords(): (key: VerifyWordKey, vars?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  return useCallback((key, vars) => {
    const text = (lang === 'en-US' ? en : zh)[key];
    return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
  }, [lang]);
}
