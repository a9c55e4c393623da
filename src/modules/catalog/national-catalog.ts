import { englishLabel } from './field-labels-en.js';
import type { FieldDef, NewCategory, SubjectKind } from './types.js';

// Seed of the national basic catalog (2024, 13 classes) with the 双公示 categories carrying the
// national XK_/CF_ fields (spec/publicity.md). Operators edit and extend it at run time. Each
// category carries its English name here and each field its English label (field-labels-en.ts).

const ORGS: SubjectKind[] = ['legal_person', 'unincorporated', 'sole_trader', 'government'];
const ALL: SubjectKind[] = [...ORGS, 'natural_person'];
const NON_PERSON: SubjectKind[] = ['legal_person', 'unincorporated', 'sole_trader', 'government'];

const f = (code: string, label: string, type: FieldDef['type'] = 'string', extra: Partial<FieldDef> = {}): FieldDef => {
  const labelEn = englishLabel(code);
  return { code, label, ...(labelEn ? { labelEn } : {}), type, ...extra };
};
const req = { required: true };
const orgOnly: Partial<FieldDef> = { requiredFor: ['legal_person', 'unincorporated', 'sole_trader', 'government'] };
const personOnly: Partial<FieldDef> = { requiredFor: ['natural_person'] };

export const SUBJECT_CLASS_LABELS = ['法人及非法人组织', '自然人', '个体工商户'];
export const PENALTY_TYPES = [
  '警告', '通报批评', '罚款', '没收违法所得', '没收非法财物', '暂扣许可证件', '降低资质等级', '吊销许可证件',
  '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业', '行政拘留', '其他',
];
const ID_TYPES = ['身份证', '护照号', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证'];

/** The relative-party (行政相对人) block shared by licences and penalties, with prefix XK or CF. */
function partyFields(p: 'XK' | 'CF'): FieldDef[] {
  return [
    f(`${p}_XDR_MC`, '行政相对人名称', 'string', { ...req, maxLength: 200 }),
    f(`${p}_XDR_LB`, '行政相对人类别', 'enum', { ...req, enum: SUBJECT_CLASS_LABELS }),
    f(`${p}_XDR_SHXYM`, '统一社会信用代码', 'uscc', { ...orgOnly }),
    f(`${p}_XDR_GSZC`, '工商注册号', 'code', { maxLength: 50 }),
    f(`${p}_XDR_ZZJG`, '组织机构代码', 'code', { maxLength: 50 }),
    f(`${p}_XDR_SWDJ`, '税务登记号', 'code', { maxLength: 50 }),
    f(`${p}_XDR_SYDW`, '事业单位证书号', 'code', { maxLength: 50 }),
    f(`${p}_XDR_SHZZ`, '社会组织登记证号', 'code', { maxLength: 50 }),
    f(`${p}_FRDB`, '法定代表人', 'string', { requiredFor: ['legal_person', 'unincorporated'], maxLength: 50 }),
    f(`${p}_FR_ZJLX`, '法定代表人证件类型', 'enum', { enum: ID_TYPES }),
    f(`${p}_FR_ZJHM`, '法定代表人证件号码', 'string', { personal: true, maxLength: 64 }),
    f(`${p}_XDR_ZJLX`, '证件类型', 'enum', { enum: ID_TYPES }),
    f(`${p}_XDR_ZJHM`, '证件号码', 'id_number', { ...personOnly, personal: true }),
  ];
}

const licence: NewCategory = {
  code: 'licence',
  name: '行政许可信息',
  nameEn: 'Administrative licences',
  classCode: 'administrative',
  subjectKinds: ALL,
  disclosure: 'public',
  naturalPersonPublic: false,
  fields: [
    ...partyFields('XK'),
    f('XK_XKWS', '行政许可决定文书名称', 'string', { ...req, maxLength: 200, aliases: ['XK_XMMC'] }),
    f('XK_WSH', '行政许可决定文书号', 'string', { ...req, maxLength: 100 }),
    f('XK_XKLB', '许可类别', 'enum', { ...req, enum: ['普通', '特许', '认可', '核准', '登记', '其他'], aliases: ['XK_SPLB'] }),
    f('XK_XKZS', '许可证书名称', 'string', { maxLength: 200 }),
    f('XK_XKBH', '许可编号', 'string', { maxLength: 100 }),
    f('XK_NR', '许可内容', 'text', { ...req, maxLength: 4000 }),
    f('XK_JDRQ', '许可决定日期', 'date', req),
    f('XK_YXQZ', '有效期自', 'date', req),
    f('XK_YXQZI', '有效期至', 'date'),
    f('XK_XKJG', '许可机关', 'string', { ...req, maxLength: 200 }),
    f('XK_XKJGDM', '许可机关统一社会信用代码', 'uscc', req),
    f('XK_ZT', '当前状态', 'enum', { enum: ['有效', '无效'] }),
    f('XK_LYDW', '数据来源单位', 'string', { ...req, maxLength: 200 }),
    f('XK_LYDWDM', '数据来源单位统一社会信用代码', 'uscc', req),
    f('BZ', '备注', 'text', { maxLength: 1000 }),
  ],
  keyField: 'XK_WSH',
  subjectFields: { name: 'XK_XDR_MC', uscc: 'XK_XDR_SHXYM', idNumber: 'XK_XDR_ZJHM', kindLabel: 'XK_XDR_LB', legalRep: 'XK_FRDB', orgCode: 'XK_XDR_ZZJG', regNo: 'XK_XDR_GSZC' },
  decisionField: 'XK_JDRQ',
  publication: { basis: 'decision', periodMonths: null, validFromField: 'XK_YXQZ', validUntilField: 'XK_YXQZI' },
  deadlineWorkingDays: 7,
  repairable: false,
  adverse: false,
  legalBasis: '《中华人民共和国行政许可法》第四十条；行政许可决定7个工作日内公示（“双公示”）',
  retentionYears: null,
  updateFrequency: '实时',
};

const penalty: NewCategory = {
  code: 'penalty',
  name: '行政处罚信息',
  nameEn: 'Administrative penalties',
  classCode: 'administrative',
  subjectKinds: ALL,
  disclosure: 'public',
  naturalPersonPublic: false,
  fields: [
    ...partyFields('CF'),
    f('CF_WSH', '行政处罚决定书文号', 'string', { ...req, maxLength: 100 }),
    f('CF_WFXW', '违法行为类型', 'string', { ...req, maxLength: 2000 }),
    f('CF_SY', '违法事实', 'text', { ...req, maxLength: 5000 }),
    f('CF_YJ', '处罚依据', 'text', { ...req, maxLength: 2000 }),
    f('CF_CFLB', '处罚类别', 'enum', { ...req, enum: PENALTY_TYPES, multi: true, aliases: ['CF_CFLB1'] }),
    f('CF_NR', '处罚内容', 'text', { ...req, maxLength: 4000 }),
    f('CF_NR_FK', '罚款金额（万元）', 'decimal'),
    f('CF_NR_WFFF', '没收违法所得、没收非法财物的金额（万元）', 'decimal'),
    f('CF_NR_ZKDX', '暂扣或吊销证照名称及编号', 'string', { maxLength: 200 }),
    f('CF_JDRQ', '处罚决定日期', 'date', req),
    f('CF_YXQ', '处罚有效期', 'date', req),
    f('CF_GSJZQ', '公示截止期', 'date'),
    f('CF_CFJG', '处罚机关', 'string', { ...req, maxLength: 200, aliases: ['CF_JG'] }),
    f('CF_CFJGDM', '处罚机关统一社会信用代码', 'uscc', req),
    f('CF_SJLY', '数据来源单位', 'string', { ...req, maxLength: 200 }),
    f('CF_SJLYDM', '数据来源单位统一社会信用代码', 'uscc', req),
    f('BZ', '备注', 'text', { maxLength: 1000 }),
  ],
  keyField: 'CF_WSH',
  subjectFields: { name: 'CF_XDR_MC', uscc: 'CF_XDR_SHXYM', idNumber: 'CF_XDR_ZJHM', kindLabel: 'CF_XDR_LB', legalRep: 'CF_FRDB', orgCode: 'CF_XDR_ZZJG', regNo: 'CF_XDR_GSZC' },
  decisionField: 'CF_JDRQ',
  publication: {
    basis: 'decision',
    bySeverity: { minor: 3, ordinary: 12, serious: 36 },
    severityField: 'CF_CFLB',
    fineField: 'CF_NR_FK',
    untilField: 'CF_GSJZQ',
  },
  deadlineWorkingDays: 7,
  repairable: true,
  adverse: true,
  legalBasis: '《中华人民共和国行政处罚法》第四十八条；国办发〔2025〕22号',
  retentionYears: 5,
  updateFrequency: '实时',
};

/** Generic party block for the other classes: 主体名称 / 统一社会信用代码 / 身份证件号码. */
const party = (kinds: SubjectKind[]): FieldDef[] => [
  f('ZTMC', '主体名称', 'string', { ...req, maxLength: 200 }),
  f('TYSHXYDM', '统一社会信用代码', 'uscc', kinds.includes('natural_person') ? orgOnly : req),
  ...(kinds.includes('natural_person') ? [f('ZJHM', '身份证件号码', 'id_number', { ...personOnly, personal: true })] : []),
  f('XXBH', '信息编号', 'string', { ...req, maxLength: 100 }),
];
const genericSubject = { name: 'ZTMC', uscc: 'TYSHXYDM', idNumber: 'ZJHM' };

function simple(
  code: string, name: string, nameEn: string, classCode: string, kinds: SubjectKind[],
  disclosure: NewCategory['disclosure'], specific: FieldDef[], extra: Partial<NewCategory> = {},
): NewCategory {
  return {
    code, name, nameEn, classCode, subjectKinds: kinds, disclosure,
    naturalPersonPublic: false,
    fields: [...party(kinds), ...specific],
    keyField: 'XXBH',
    subjectFields: genericSubject,
    decisionField: specific.find((x) => x.type === 'date')?.code ?? null,
    publication: { basis: 'decision', periodMonths: null },
    deadlineWorkingDays: 7,
    repairable: false,
    adverse: false,
    legalBasis: '全国公共信用信息基础目录（2024年版）',
    retentionYears: null,
    updateFrequency: '每月',
    ...extra,
  };
}

const adverse = (months: number): Partial<NewCategory> => ({
  adverse: true, repairable: true, retentionYears: 5, publication: { basis: 'decision', periodMonths: months },
});

export const NATIONAL_CATEGORIES: NewCategory[] = [
  simple('registration', '登记注册基本信息', 'Registration basics', 'registration', NON_PERSON, 'public', [
    f('FDDBR', '法定代表人（负责人）', 'string', { maxLength: 50 }),
    f('ZCZB', '注册资本（万元）', 'decimal'),
    f('CLRQ', '成立日期', 'date', req),
    f('DJJG', '登记机关', 'string', { ...req, maxLength: 200 }),
    f('DJZT', '登记状态', 'enum', { ...req, enum: ['存续', '在业', '吊销', '注销', '迁出'] }),
    f('ZS', '住所', 'string', { maxLength: 300 }),
    f('JYFW', '经营范围', 'text', { maxLength: 4000 }),
  ], { updateFrequency: '实时' }),
  simple('court_judgment', '司法裁判及执行信息', 'Court judgments and enforcement', 'judicial', ALL, 'public', [
    f('AH', '案号', 'string', { ...req, maxLength: 100 }),
    f('ZXFY', '执行法院', 'string', { ...req, maxLength: 200 }),
    f('LARQ', '立案日期', 'date', req),
    f('SXQX', '失信情形', 'text', { maxLength: 2000 }),
    f('LXQK', '履行情况', 'enum', { enum: ['全部未履行', '部分履行', '全部履行'] }),
  ], { ...adverse(36), naturalPersonPublic: true, legalBasis: '最高人民法院关于公布失信被执行人名单信息的若干规定' }),
  licence,
  penalty,
  simple('professional_qualification', '职称和职业资格信息', 'Professional titles and qualifications', 'professional', ['natural_person'], 'shared', [
    f('ZSMC', '证书名称', 'string', { ...req, maxLength: 200 }),
    f('ZSBH', '证书编号', 'string', { maxLength: 100 }),
    f('FZRQ', '发证日期', 'date', req),
    f('FZJG', '发证机关', 'string', { ...req, maxLength: 200 }),
  ]),
  simple('abnormal_operation', '经营异常名录信息', 'Abnormal-operation list', 'abnormal_operation', ['legal_person', 'sole_trader', 'unincorporated'], 'public', [
    f('LRYY', '列入经营异常名录原因', 'text', { ...req, maxLength: 1000 }),
    f('LRRQ', '列入日期', 'date', req),
    f('ZCJG', '作出决定机关', 'string', { ...req, maxLength: 200 }),
    f('YCYY', '移出原因', 'text', { maxLength: 1000 }),
    f('YCRQ', '移出日期', 'date'),
  ], adverse(36)),
  simple('serious_dishonesty', '严重失信主体名单信息', 'Serious-dishonesty list entries', 'serious_dishonesty', ALL, 'public', [
    f('MDMC', '名单名称', 'string', { ...req, maxLength: 200 }),
    f('LRYY', '列入原因', 'text', { ...req, maxLength: 2000 }),
    f('RDRQ', '认定日期', 'date', req),
    f('RDJG', '认定单位', 'string', { ...req, maxLength: 200 }),
    f('YXQZ', '有效期至', 'date'),
  ], { ...adverse(36), naturalPersonPublic: true, repairable: true }),
  simple('contract_performance', '合同履行信息', 'Contract performance', 'contract', ORGS, 'authorised', [
    f('HTMC', '合同名称', 'string', { ...req, maxLength: 200 }),
    f('QDRQ', '签订日期', 'date', req),
    f('LXZT', '履行状态', 'enum', { ...req, enum: ['正常履行', '逾期履行', '违约'] }),
  ]),
  simple('commitment', '信用承诺及履行情况信息', 'Credit commitments and fulfilment', 'commitment', ALL, 'public', [
    f('CNLX', '承诺类型', 'enum', { ...req, enum: ['审批替代型', '容缺受理型', '主动型', '行业自律型', '信用修复型', '证明事项告知承诺'] }),
    f('CNSY', '承诺事由', 'text', { ...req, maxLength: 1000 }),
    f('CNRQ', '承诺日期', 'date', req),
    f('SLDW', '承诺受理单位', 'string', { ...req, maxLength: 200 }),
    f('LXZT', '履约状态', 'enum', { enum: ['履约中', '已履约', '未履约'] }),
  ]),
  simple('evaluation_result', '信用评价结果信息', 'Credit evaluation results', 'evaluation', ORGS, 'public', [
    f('PJLX', '评价类型', 'string', { ...req, maxLength: 100 }),
    f('PJDJ', '评价等级', 'string', { ...req, maxLength: 20 }),
    f('PJRQ', '评价日期', 'date', req),
    f('PJDW', '评价单位', 'string', { ...req, maxLength: 200 }),
    f('YXQZ', '有效期至', 'date'),
  ]),
  simple('social_insurance', '社会保险缴纳信息', 'Social-insurance contributions and arrears', 'compliance', ALL, 'authorised', [
    f('SSQ', '所属期', 'date', req),
    f('JFZT', '缴费状态', 'enum', { ...req, enum: ['正常缴纳', '欠缴'] }),
    f('QJJE', '欠缴金额（万元）', 'decimal'),
  ]),
  simple('tax_arrears', '欠税信息', 'Tax arrears', 'compliance', ORGS, 'shared', [
    f('SZ', '税种', 'string', { ...req, maxLength: 50 }),
    f('QSJE', '欠税金额（万元）', 'decimal', req),
    f('RDRQ', '认定日期', 'date', req),
    f('ZGSWJG', '主管税务机关', 'string', { ...req, maxLength: 200 }),
  ], { adverse: true, repairable: true }),
  simple('honour', '诚实守信相关荣誉信息', 'Honours for integrity', 'honour', ALL, 'public', [
    f('RYMC', '荣誉名称', 'string', { ...req, maxLength: 200 }),
    f('SYRQ', '授予日期', 'date', req),
    f('SYDW', '授予单位', 'string', { ...req, maxLength: 200 }),
    f('YXQZ', '有效期至', 'date'),
  ], { naturalPersonPublic: true }),
  simple('intellectual_property', '知识产权信息', 'Intellectual property', 'intellectual_property', ALL, 'public', [
    f('ZSCQLX', '知识产权类型', 'enum', { ...req, enum: ['商标质押', '专利质押', '软件著作权', '商标', '专利'] }),
    f('DJH', '登记（注册）号', 'string', { ...req, maxLength: 100 }),
    f('DJRQ', '登记日期', 'date', req),
    f('MC', '名称', 'string', { ...req, maxLength: 200 }),
  ]),
  simple('voluntary', '经营主体自愿提供的信用信息', 'Information provided voluntarily', 'voluntary', ALL, 'authorised', [
    f('XXLX', '信息类型', 'string', { ...req, maxLength: 100 }),
    f('XXNR', '信息内容', 'text', { ...req, maxLength: 4000 }),
    f('TGRQ', '提供日期', 'date', req),
  ]),
];
