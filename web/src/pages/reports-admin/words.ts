import { useCallback } from 'react';
import { useI18n } from '../../i18n';

// The words of 报告管理, kept with the page (zh-CN first, en-US beside it).

const zh = {
  intro: '本平台出具的全部信用报告：查询、核验情况和撤销；也可按名单批量出具报告。',
  tabIssued: '已出具报告', tabBatch: '批量出具',
  search: '报告编号、主体名称或代码', kind: '报告类型', state: '状态', requester: '申请人', issuedOn: '出具日期', filter: '查询', reset: '重置',
  kindPublic: '公共信用信息报告', kindCertificate: '专用信用报告',
  stateValid: '有效', stateExpired: '已过期', stateRevoked: '已撤销',
  reqPublic: '社会公众', reqSubject: '主体本人', reqDepartment: '政府部门', reqCenter: '信用中心', reqLender: '金融机构',
  colNumber: '报告编号', colSubject: '信用主体', colKind: '报告类型', colPurpose: '查询用途', colRequester: '申请人', colIssued: '出具时间',
  colVerified: '核验次数', colState: '状态', colActions: '操作',
  noPurpose: '未填写（公众查询）', verifiedTimes: '{n} 次', lastVerified: '最近一次：{at}', neverVerified: '尚未被核验',
  validUntil: '有效期至 {date}', revokedOn: '{date} 撤销：{reason}',
  openPdf: '查看 PDF', revoke: '撤销',
  revokeTitle: '撤销报告 {number}', revokeWarn: '撤销后，任何人核验这份报告（扫码或输入编号和核验码）都会看到“该报告已被撤销，不再有效”，以及撤销日期和下面填写的原因。撤销不能取消。',
  revokeReason: '撤销原因', revokeReasonHint: '将向核验报告的人公开显示，请用对方能看懂的话写明，例如“报告所依据的行政处罚信息有误，已更正”。',
  revokeReasonRequired: '请填写撤销原因', revokeOk: '确认撤销', revoked: '报告 {number} 已撤销',
  total: '共 {n} 份',
  batchIntro: '填写或上传一份主体名单（统一社会信用代码，每行一个），平台逐一出具报告，完成后打包下载（每个主体一个 PDF，另附汇总表）。代码有误或平台未收录的行会单独列出原因。',
  batchKind: '报告类型', batchPurpose: '查询用途', batchPurposeHint: '将打印在每份报告上，例如“政府采购资格审查”', batchPurposeRequired: '请填写查询用途',
  batchDomains: '证明领域', batchDomainsHint: '不选则包含全部领域',
  sourcePaste: '粘贴名单', sourceFile: '上传文件',
  batchList: '主体名单', batchListHint: '每行一个统一社会信用代码；可直接从 Excel 复制一列粘贴。第一行是表头（如“统一社会信用代码”）时自动跳过。',
  batchListRequired: '请填写至少一个统一社会信用代码',
  batchFile: '选择 CSV 或 Excel 文件', batchFileHint: '支持 CSV（UTF-8 或 GBK）和 Excel（.xlsx）；读取第一个工作表中表头含“代码”的一列，没有表头时读取第一列。出错时按文件中的行号提示。',
  fileRead: '已读取 {name}：{n} 个代码', fileEmpty: '文件中没有找到代码',
  fileUnreadable: '无法读取该文件：请上传 CSV 或 Excel（.xlsx）文件；旧版 .xls 文件请先在 Excel 中另存为 .xlsx。',
  tooMany: '一批最多 {max} 个主体，本名单有 {n} 个，请分批提交',
  batchStart: '开始批量出具',
  progress: '正在出具：已完成 {done} / {total}', finished: '已完成：成功 {ok} 份，有误 {bad} 行', failedJob: '本批未完成：{error}',
  download: '下载报告压缩包（{n} 份）',
  errorsTitle: '以下 {n} 行未能出具报告', colRow: '行号', colInput: '填写的代码', colReason: '原因', rowN: '第 {n} 行',
  issuedTitle: '已出具 {n} 份',
  historyTitle: '最近的批量任务', colSubmitted: '提交时间', colResult: '结果', colBy: '提交人',
  statusRunning: '生成中', statusCompleted: '已完成', statusFailed: '失败', statusInterrupted: '已中断',
  resultCounts: '成功 {ok}，有误 {bad}（共 {total}）', view: '查看', downloadShort: '下载',
};

type Words = typeof zh;

const en: Words = {
  intro: 'Every credit report the platform issued: queries, verifications and revocation; reports for a list of parties in one batch.',
  tabIssued: 'Issued reports', tabBatch: 'Batch reports',
  search: 'Report number, subject name or code', kind: 'Report', state: 'State', requester: 'Requested by', issuedOn: 'Issued on', filter: 'Search', reset: 'Reset',
  kindPublic: 'Public credit information report', kindCertificate: 'Certificate report',
  stateValid: 'Valid', stateExpired: 'Expired', stateRevoked: 'Revoked',
  reqPublic: 'The public', reqSubject: 'The subject itself', reqDepartment: 'Government department', reqCenter: 'Credit center', reqLender: 'Lender',
  colNumber: 'Report number', colSubject: 'Subject', colKind: 'Report', colPurpose: 'Purpose', colRequester: 'Requested by', colIssued: 'Issued at',
  colVerified: 'Verified', colState: 'State', colActions: 'Actions',
  noPurpose: 'None given (public request)', verifiedTimes: '{n} times', lastVerified: 'Last: {at}', neverVerified: 'Not verified yet',
  validUntil: 'Valid until {date}', revokedOn: 'Revoked on {date}: {reason}',
  openPdf: 'Open PDF', revoke: 'Revoke',
  revokeTitle: 'Revoke report {number}', revokeWarn: 'Once revoked, anyone verifying this report (by QR code or by number and code) sees that it was revoked and is no longer valid, with the date and the reason below. A revocation cannot be undone.',
  revokeReason: 'Reason', revokeReasonHint: 'Shown to whoever verifies the report: write it so they understand, e.g. “the penalty the report showed was corrected”.',
  revokeReasonRequired: 'Enter the reason', revokeOk: 'Revoke', revoked: 'Report {number} revoked',
  total: '{n} reports',
  batchIntro: 'Type or upload a list of parties (unified social credit codes, one per line): the platform issues a report for each and packs them for download (one PDF per party and a summary sheet). Rows with a wrong or unknown code are listed with the reason.',
  batchKind: 'Report', batchPurpose: 'Purpose', batchPurposeHint: 'Printed on every report, e.g. “procurement eligibility check”', batchPurposeRequired: 'Enter the purpose',
  batchDomains: 'Domains', batchDomainsHint: 'All domains when none is chosen',
  sourcePaste: 'Paste a list', sourceFile: 'Upload a file',
  batchList: 'Parties', batchListHint: 'One unified social credit code per line; a column copied from Excel pastes as is. A first line naming the column (such as “统一社会信用代码”) is skipped.',
  batchListRequired: 'Enter at least one code',
  batchFile: 'Choose a CSV or Excel file', batchFileHint: 'CSV (UTF-8 or GBK) or Excel (.xlsx): the column of the first sheet whose heading names a code, or the first column when there is no heading. Errors name the file\'s row numbers.',
  fileRead: 'Read {name}: {n} codes', fileEmpty: 'No codes found in the file',
  fileUnreadable: 'This file cannot be read: upload a CSV or Excel (.xlsx) file; save an old .xls file as .xlsx in Excel first.',
  tooMany: 'At most {max} parties per batch; this list has {n}. Please split it.',
  batchStart: 'Issue the reports',
  progress: 'Issuing: {done} of {total} done', finished: 'Done: {ok} reports, {bad} rows with errors', failedJob: 'The batch did not finish: {error}',
  download: 'Download the reports ({n})',
  errorsTitle: 'No report for these {n} rows', colRow: 'Row', colInput: 'Code given', colReason: 'Reason', rowN: 'Row {n}',
  issuedTitle: '{n} reports issued',
  historyTitle: 'Recent batches', colSubmitted: 'Submitted', colResult: 'Result', colBy: 'By',
  statusRunning: 'Running', statusCompleted: 'Completed', statusFailed: 'Failed', statusInterrupted: 'Interrupted',
  resultCounts: '{ok} issued, {bad} with errors (of {total})', view: 'View', downloadShort: 'Download',
};

export type WordKey = keyof Words;

/** The page's words in the current language, with {name} placeholders filled. */
export function useWords(): (key: WordKey, vars?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  return useCallback((key, vars) => {
    const text = (lang === 'en-US' ? en : zh)[key];
    return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
  }, [lang]);
}
