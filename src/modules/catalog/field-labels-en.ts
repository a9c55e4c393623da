import type { FieldDef } from './types.js';

// English labels of the national data items (数据项), by field code. The national catalog publishes
// Chinese labels only; these are the platform's translations, kept beside the codes so the seed and
// the back-fill of older databases read one list. The 双公示 party block (XK_/CF_ prefixes) shares
// its labels, looked up without the prefix.
const LABELS: Record<string, string> = {
  // 行政相对人 (licences and penalties, after the XK_/CF_ prefix)
  XDR_MC: 'Party name', XDR_LB: 'Party category', XDR_SHXYM: 'Unified social credit code', XDR_GSZC: 'Business registration number',
  XDR_ZZJG: 'Organisation code', XDR_SWDJ: 'Tax registration number', XDR_SYDW: 'Public institution certificate number',
  XDR_SHZZ: 'Social organisation registration number', FRDB: 'Legal representative', FR_ZJLX: 'ID type of the legal representative',
  FR_ZJHM: 'ID number of the legal representative', XDR_ZJLX: 'ID type', XDR_ZJHM: 'ID number',
  // 行政许可
  XK_XKWS: 'Licence decision document', XK_WSH: 'Licence decision number', XK_XKLB: 'Licence type', XK_XKZS: 'Licence certificate',
  XK_XKBH: 'Licence number', XK_NR: 'Licensed activity', XK_JDRQ: 'Decision date', XK_YXQZ: 'Valid from', XK_YXQZI: 'Valid until',
  XK_XKJG: 'Licensing authority', XK_XKJGDM: 'Unified social credit code of the licensing authority', XK_ZT: 'Current status',
  XK_LYDW: 'Source department', XK_LYDWDM: 'Unified social credit code of the source department',
  // 行政处罚
  CF_WSH: 'Penalty decision number', CF_WFXW: 'Type of violation', CF_SY: 'Facts of the violation', CF_YJ: 'Legal basis of the penalty',
  CF_CFLB: 'Penalty type', CF_NR: 'Penalty', CF_NR_FK: 'Fine (10,000 yuan)', CF_NR_WFFF: 'Illegal gains or property confiscated (10,000 yuan)',
  CF_NR_ZKDX: 'Licence suspended or revoked (name and number)', CF_JDRQ: 'Decision date', CF_YXQ: 'Penalty valid until',
  CF_GSJZQ: 'Publication ends', CF_CFJG: 'Penalising authority', CF_CFJGDM: 'Unified social credit code of the penalising authority',
  CF_SJLY: 'Source department', CF_SJLYDM: 'Unified social credit code of the source department',
  BZ: 'Remarks',
  // The party block of the other classes
  ZTMC: 'Party name', TYSHXYDM: 'Unified social credit code', ZJHM: 'ID number', XXBH: 'Information number',
  // 登记注册
  FDDBR: 'Legal representative (person in charge)', ZCZB: 'Registered capital (10,000 yuan)', CLRQ: 'Date of establishment',
  DJJG: 'Registration authority', DJZT: 'Registration status', ZS: 'Domicile', JYFW: 'Business scope',
  // 司法
  AH: 'Case number', ZXFY: 'Enforcing court', LARQ: 'Date filed', SXQX: 'Dishonest conduct', LXQK: 'Performance of the judgment',
  // 职业资格
  ZSMC: 'Certificate', ZSBH: 'Certificate number', FZRQ: 'Date issued', FZJG: 'Issuing authority',
  // 经营异常, 严重失信
  LRYY: 'Reason for listing', LRRQ: 'Date listed', ZCJG: 'Deciding authority', YCYY: 'Reason for removal', YCRQ: 'Date removed',
  MDMC: 'List', RDRQ: 'Date determined', RDJG: 'Determining authority', YXQZ: 'Valid until',
  // 合同, 承诺
  HTMC: 'Contract', QDRQ: 'Date signed', LXZT: 'Performance status', CNLX: 'Commitment type', CNSY: 'Subject of the commitment',
  CNRQ: 'Date of commitment', SLDW: 'Accepting department', WYQX: 'Breach of the commitment',
  // 评价, 社保, 税, 荣誉, 知识产权, 自愿
  PJLX: 'Evaluation type', PJDJ: 'Grade', PJRQ: 'Evaluation date', PJDW: 'Evaluating body',
  SSQ: 'Period', JFZT: 'Contribution status', QJJE: 'Arrears (10,000 yuan)',
  SZ: 'Tax type', QSJE: 'Tax arrears (10,000 yuan)', ZGSWJG: 'Competent tax authority',
  RYMC: 'Honour', SYRQ: 'Date awarded', SYDW: 'Awarding body',
  ZSCQLX: 'Type of intellectual property', DJH: 'Registration number', DJRQ: 'Registration date', MC: 'Name',
  XXLX: 'Type of information', XXNR: 'Content', TGRQ: 'Date provided',
  // 双随机抽查检查结果
  JHMC: 'Inspection plan', JCSX: 'Items inspected', JCRQ: 'Inspection date', JCJG: 'Result', WTMS: 'Problems found',
  JCJGMC: 'Inspecting authority', JCRY: 'Inspectors',
};

/** The English label of a national field code; undefined for codes the national catalog does not define. */
export function englishLabel(code: string): string | undefined {
  return LABELS[code] ?? LABELS[code.replace(/^(XK|CF)_/, '')];
}

/** The fields with an English label wherever one is known and none is set yet. */
export function withEnglishLabels(fields: FieldDef[]): FieldDef[] {
  return fields.map((f) => {
    if (f.labelEn) return f;
    const en = englishLabel(f.code);
    return en ? { ...f, labelEn: en } : f;
  });
}
