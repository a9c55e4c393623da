import { COURT_PREFIX, CITY_CODE, CITY_NAME } from './city.js';
import { dayOf, isoOf, monthStart, plusYears, yearOf } from './dates.js';
import { tradeName } from './names.js';
import { decisionDate, genericParty, isOrg, type RowDraft, type RowEnv } from './row-env.js';
import { Weighted, chance, decimal, int, logUniform, pick, type Rng } from './rng.js';
import type { SubjectDraft } from './subjects.js';

/** Builders of the non-双公示 categories of the national basic catalog. */

function row(env: RowEnv, category: string, dept: string, s: SubjectDraft, decided: string, specific: Record<string, string>): RowDraft {
  return { category, dept, fields: genericParty(env, category, dept, s, decided, specific) };
}

const DISHONEST = ['有履行能力而拒不履行生效法律文书确定义务', '以伪造证据、暴力、威胁等方法妨碍、抗拒执行', '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行', '违反财产报告制度', '违反限制消费令'];

export function courtRow(rng: Rng, env: RowEnv, s: SubjectDraft): RowDraft {
  const decided = decisionDate(rng, env, s);
  const county = chance(rng, 0.7);
  const court = county ? `${s.county.namePrefix}人民法院` : env.dept('ZJFY').name;
  const code = county ? `${COURT_PREFIX}${s.county.code.slice(4)}` : COURT_PREFIX;
  return row(env, 'court_judgment', 'ZJFY', s, decided, {
    AH: `（${yearOf(decided)}）${code}执${env.next(`AH|${code}|${yearOf(decided)}`)}号`,
    ZXFY: court,
    LARQ: decided,
    SXQX: pick(rng, DISHONEST),
    LXQK: chance(rng, 0.7) ? '全部未履行' : '部分履行',
  });
}

const ABNORMAL = [
  ['未依照《企业信息公示暂行条例》第八条规定的期限公示年度报告', '补报未报年份的年度报告并公示', 7],
  ['通过登记的住所或者经营场所无法联系', '依法办理住所或者经营场所变更登记', 3],
  ['公示企业信息隐瞒真实情况、弄虚作假', '更正其公示的信息', 1],
  ['未在责令的期限内公示有关企业信息', '公示有关企业信息', 1],
] as const;
const ABNORMAL_DRAW = new Weighted(ABNORMAL.map((a) => [a, a[2]] as const));

export function abnormalRow(rng: Rng, env: RowEnv, s: SubjectDraft): RowDraft {
  const decided = decisionDate(rng, env, s);
  const [reason, removal] = ABNORMAL_DRAW.draw(rng);
  const atCity = s.uscc!.slice(2, 8) === CITY_CODE;
  const f: Record<string, string> = { LRYY: reason, LRRQ: decided, ZCJG: `${atCity ? CITY_NAME : s.county.namePrefix}市场监督管理局` };
  const day = dayOf(decided);
  if (env.todayDay - day > 60 && chance(rng, 0.45)) {
    f.YCYY = `已${removal}，申请移出经营异常名录`;
    f.YCRQ = isoOf(int(rng, day + 30, env.todayDay));
  }
  return row(env, 'abnormal_operation', 'SCJGJ', s, decided, f);
}

const LISTS: Record<string, { name: string; reason: string[] }> = {
  ZJFY: { name: '失信被执行人名单', reason: DISHONEST },
  SWJ: { name: '重大税收违法失信主体名单', reason: ['虚开增值税专用发票', '逃避缴纳税款数额较大', '欠缴税款经催缴仍不缴纳'] },
  SCJGJ: { name: '市场监督管理严重违法失信名单', reason: ['因生产经营不符合食品安全标准的食品受到较重行政处罚', '因提交虚假材料取得企业登记被撤销登记', '被列入经营异常名录届满3年仍未履行相关义务'] },
  YJGLJ: { name: '安全生产严重失信主体名单', reason: ['发生较大生产安全事故，负有主要责任', '未依法取得安全生产许可擅自从事生产经营活动'] },
  RSJ: { name: '拖欠农民工工资失信联合惩戒对象名单', reason: ['克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准', '因拖欠农民工工资违法行为引发群体性事件'] },
};
const ORG_LISTS = new Weighted<string>([['ZJFY', 40], ['SWJ', 20], ['SCJGJ', 20], ['YJGLJ', 10], ['RSJ', 10]]);
const PERSON_LISTS = new Weighted<string>([['ZJFY', 85], ['RSJ', 15]]);

export function dishonestyRow(rng: Rng, env: RowEnv, s: SubjectDraft): RowDraft {
  const decided = decisionDate(rng, env, s);
  const dept = (isOrg(s) ? ORG_LISTS : PERSON_LISTS).draw(rng);
  const list = LISTS[dept]!;
  return row(env, 'serious_dishonesty', dept, s, decided, {
    MDMC: list.name, LRYY: pick(rng, list.reason), RDRQ: decided, RDJG: env.dept(dept).name, YXQZ: plusYears(decided, 3),
  });
}

const PROJECTS = ['办公设备', '教学设备', '医疗设备', '信息化系统建设', '物业管理服务', '道路养护工程', '绿化养护服务', '食堂食材配送', '保安服务', '校舍维修工程'];

export function contractRow(rng: Rng, env: RowEnv, s: SubjectDraft): RowDraft {
  const decided = decisionDate(rng, env, s);
  const dept = chance(rng, 0.7) ? 'CZJ' : 'ZJJ';
  const r = rng();
  return row(env, 'contract_performance', dept, s, decided, {
    HTMC: `${CITY_NAME}${pick(rng, PROJECTS)}${dept === 'CZJ' ? '采购项目' : '施工'}合同`,
    QDRQ: decided,
    LXZT: r < 0.88 ? '正常履行' : r < 0.96 ? '逾期履行' : '违约',
  });
}

const COMMITMENTS = new Weighted<readonly [string, string, string[]]>([
  [['审批替代型', 'XZSPJ', ['申请食品经营许可，承诺符合许可条件并按承诺内容经营', '申请建设工程规划许可，承诺按要求补齐材料', '办理企业登记，承诺住所（经营场所）真实有效']], 35],
  [['证明事项告知承诺', 'XZSPJ', ['申请办理行政许可，承诺无相关违法记录', '申请社会保险待遇，承诺提交的材料真实有效']], 30],
  [['主动型', 'FGW', ['主动向社会作出信用承诺，承诺诚信经营、依法纳税', '承诺遵守市场秩序，不发布虚假广告']], 20],
  [['行业自律型', 'SCJGJ', ['承诺遵守行业自律公约，保证商品质量和服务质量']], 8],
  [['信用修复型', 'FGW', ['申请信用修复，承诺不再发生同类违法失信行为']], 7],
]);

export function commitmentRow(rng: Rng, env: RowEnv, s: SubjectDraft): RowDraft {
  const decided = decisionDate(rng, env, s);
  const [type, dept, reasons] = COMMITMENTS.draw(rng);
  const old = env.todayDay - dayOf(decided) > 365;
  const r = rng();
  return row(env, 'commitment', dept, s, decided, {
    CNLX: type, CNSY: pick(rng, reasons), CNRQ: decided, SLDW: env.dept(dept).name,
    LXZT: r < 0.02 ? '未履约' : old || r < 0.4 ? '已履约' : '履约中',
  });
}

const TAX_GRADES = new Weighted<string>([['A', 20], ['B', 45], ['M', 20], ['C', 10], ['D', 5]]);
const BUILD_GRADES = new Weighted<string>([['AAA', 10], ['AA', 30], ['A', 40], ['B', 15], ['C', 5]]);
const ENV_GRADES = new Weighted<string>([['绿色', 15], ['蓝色', 60], ['黄色', 18], ['红色', 5], ['黑色', 2]]);
const TRANSPORT_GRADES = new Weighted<string>([['AAA', 10], ['AA', 35], ['A', 45], ['B', 10]]);

export function evaluationRow(rng: Rng, env: RowEnv, s: SubjectDraft): RowDraft {
  const decided = decisionDate(rng, env, s);
  const ind = s.industry;
  let spec: [string, string, string];
  if (ind === 'E' && chance(rng, 0.6)) spec = ['ZJJ', '建筑业企业信用综合评价', BUILD_GRADES.draw(rng)];
  else if ((ind === 'C' || ind === 'D') && chance(rng, 0.4)) spec = ['STHJJ', '企业环境信用评价', ENV_GRADES.draw(rng)];
  else if (ind === 'G' && chance(rng, 0.6)) spec = ['JTYSJ', '道路运输企业质量信誉考核', TRANSPORT_GRADES.draw(rng)];
  else spec = ['SWJ', '纳税信用等级评价', TAX_GRADES.draw(rng)];
  const [dept, type, grade] = spec;
  return row(env, 'evaluation_result', dept, s, decided, {
    PJLX: type, PJDJ: grade, PJRQ: decided, PJDW: env.dept(dept).name, YXQZ: plusYears(decided, 1),
  });
}

export function socialInsuranceRow(rng: Rng, env: RowEnv, s: SubjectDraft): RowDraft {
  const decided = monthStart(decisionDate(rng, env, s));
  const arrears = chance(rng, 0.15);
  const f: Record<string, string> = { SSQ: decided < (s.registeredOn ?? '') ? s.registeredOn! : decided, JFZT: arrears ? '欠缴' : '正常缴纳' };
  if (arrears) f.QJJE = decimal(isOrg(s) ? logUniform(rng, 0.2, 50) : logUniform(rng, 0.05, 0.5), 2);
  return row(env, 'social_insurance', 'RSJ', s, f.SSQ!, f);
}

const TAXES = ['增值税', '企业所得税', '城镇土地使用税', '房产税', '印花税', '城市维护建设税', '个人所得税（代扣代缴）'];

export function taxArrearsRow(rng: Rng, env: RowEnv, s: SubjectDraft): RowDraft {
  const decided = decisionDate(rng, env, s);
  return row(env, 'tax_arrears', 'SWJ', s, decided, {
    SZ: pick(rng, TAXES), QSJE: decimal(logUniform(rng, 0.1, 300), 2), RDRQ: decided, ZGSWJG: `国家税务总局${s.county.namePrefix}税务局`,
  });
}

const ORG_HONOURS = new Weighted<readonly [string, string]>([
  [['江苏省守合同重信用企业', 'SCJGJ'], 30], [['纳税信用A级纳税人', 'SWJ'], 30], [[`${CITY_NAME}诚信示范企业`, 'FGW'], 20],
  [['劳动保障诚信示范单位', 'RSJ'], 10], [['安全生产标准化一级企业', 'YJGLJ'], 5], [['江苏省文明单位', 'FGW'], 5],
]);
const PERSON_HONOURS = new Weighted<readonly [string, string]>([
  [[`${CITY_NAME}诚实守信道德模范`, 'FGW'], 30], [['见义勇为先进个人', 'GAJ'], 20], [['优秀志愿者', 'MZJ'], 30], [['诚信之星', 'FGW'], 20],
]);

export function honourRow(rng: Rng, env: RowEnv, s: SubjectDraft): RowDraft {
  const decided = decisionDate(rng, env, s);
  const [name, dept] = (isOrg(s) ? ORG_HONOURS : PERSON_HONOURS).draw(rng);
  return row(env, 'honour', dept, s, decided, { RYMC: name, SYRQ: decided, SYDW: env.dept(dept).name, YXQZ: plusYears(decided, 2) });
}

const PRODUCTS = ['纺织品烘干', '船用管件焊接', '电缆剥线', '家纺面料裁剪', '混凝土养护', '水产品分拣', '光伏板清洁', '电机散热', '医用输液架', '物流分拣'];
const THINGS = ['装置', '设备', '机构', '系统', '方法'];
const SOFTWARE = ['仓储管理', '生产执行', '客户关系管理', '智慧工地', '财务核算', '设备巡检'];
const IP_ORG = new Weighted<string>([['专利', 40], ['商标', 30], ['软件著作权', 15], ['商标质押', 7], ['专利质押', 8]]);
const IP_PERSON = new Weighted<string>([['专利', 60], ['商标', 20], ['软件著作权', 20]]);

/** China patent number ZL + 12 digits + '.' + check (weights 2…9, 2…5 mod 11, 10 → X). */
function patentNo(rng: Rng, year: string): string {
  const body = `${year}${pick(rng, ['1', '2', '2', '3'])}${String(int(rng, 0, 9999999)).padStart(7, '0')}`;
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const sum = [...body].reduce((acc, ch, i) => acc + Number(ch) * weights[i]!, 0) % 11;
  return `ZL${body}.${sum === 10 ? 'X' : sum}`;
}

export function ipRow(rng: Rng, env: RowEnv, s: SubjectDraft): RowDraft {
  const decided = decisionDate(rng, env, s);
  const year = yearOf(decided);
  const type = (isOrg(s) ? IP_ORG : IP_PERSON).draw(rng);
  const mark = tradeName(rng);
  let no: string;
  let name: string;
  if (type === '专利') [no, name] = [patentNo(rng, year), `一种${pick(rng, PRODUCTS)}${pick(rng, THINGS)}`];
  else if (type === '商标') [no, name] = [String(int(rng, 50_000_000, 79_999_999)), mark];
  else if (type === '软件著作权') [no, name] = [`${year}SR${String(int(rng, 0, 1_999_999)).padStart(7, '0')}`, `${mark}${pick(rng, SOFTWARE)}软件V1.0`];
  else [no, name] = [`Y${year}${CITY_CODE.slice(0, 2)}${String(env.next(`IPZY|${year}`)).padStart(7, '0')}`, `${mark}${type === '商标质押' ? '注册商标专用权' : '专利权'}质押`];
  return row(env, 'intellectual_property', 'ZSCQJ', s, decided, { ZSCQLX: type, DJH: no, DJRQ: decided, MC: name });
}

const VOLUNTARY = [
  ['社会责任报告', '发布年度企业社会责任报告，披露员工权益保护、安全生产和环境保护情况'],
  ['公益捐赠', '向慈善组织捐赠款物，用于助学和困难群众帮扶'],
  ['质量管理体系认证', '通过GB/T 19001质量管理体系认证，证书在有效期内'],
  ['纳税证明', '提供近三年完税证明，无欠税记录'],
] as const;

export function voluntaryRow(rng: Rng, env: RowEnv, s: SubjectDraft): RowDraft {
  const decided = decisionDate(rng, env, s);
  const [type, content] = isOrg(s) ? pick(rng, VOLUNTARY) : (['志愿服务记录', '参加社区志愿服务，累计服务时长100小时以上'] as const);
  return row(env, 'voluntary', 'SJZX', s, decided, { XXLX: type, XXNR: content, TGRQ: decided });
}

const QUALIFICATIONS = new Weighted<readonly [string, string, string]>([
  [['会计专业技术资格（中级）', 'RSJ', 'KJ'], 20], [['工程师（中级职称）', 'RSJ', 'GC'], 20], [['执业医师资格证书', 'WJW', 'YS'], 10],
  [['护士执业证书', 'WJW', 'HS'], 12], [['二级建造师注册证书', 'ZJJ', 'JZS'], 15], [['教师资格证书', 'JYJ', 'JS'], 15], [['法律职业资格证书', 'SFJ', 'FZ'], 5],
]);

export function qualificationRow(rng: Rng, env: RowEnv, s: SubjectDraft): RowDraft {
  const decided = decisionDate(rng, env, s);
  const [name, dept, prefix] = QUALIFICATIONS.draw(rng);
  return row(env, 'professional_qualification', dept, s, decided, {
    ZSMC: name, ZSBH: `${prefix}${yearOf(decided)}${s.county.code}${String(env.next(`ZS|${prefix}`)).padStart(6, '0')}`,
    FZRQ: decided, FZJG: env.dept(dept).name,
  });
}
