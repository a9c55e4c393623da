import { CITY_CODE, CITY_NAME, address } from './city.js';
import { chineseDate, adminParty, decisionDate, genericParty, type RowDraft, type RowEnv } from './row-env.js';
import { compact, isoOf, dayOf, plusYears, yearOf } from './dates.js';
import { LICENCE_CASES, type LicenceCase } from './licence-cases.js';
import { PENALTY_CASES, type PenaltyCase } from './penalty-cases.js';
import { Weighted, chance, decimal, int, logUniform, pick, type Rng } from './rng.js';
import type { SubjectDraft } from './subjects.js';

/** Builders of the 双公示 rows (licences, penalties) and of registration basics. */

const licenceDraws = new Map<string, Weighted<LicenceCase> | null>();

function licenceDraw(s: SubjectDraft): Weighted<LicenceCase> | null {
  const key = `${s.kind}|${s.industry ?? ''}`;
  if (!licenceDraws.has(key)) {
    const fits = LICENCE_CASES.filter((c) => c.kinds.includes(s.kind) && (!c.industries || (s.industry !== null && c.industries.includes(s.industry))));
    licenceDraws.set(key, fits.length ? new Weighted(fits.map((c) => [c, c.weight] as const)) : null);
  }
  return licenceDraws.get(key)!;
}

function certificateNo(rng: Rng, env: RowEnv, c: LicenceCase, s: SubjectDraft, decided: string): string {
  const county = s.county.code;
  const serial = (width: number) => String(env.next(`cert|${c.no}|${county}`)).padStart(width, '0');
  switch (c.no) {
    case 'jy': return `JY${s.kind === 'sole_trader' ? 2 : 1}${county}${serial(6)}${int(rng, 0, 9)}`;
    case 'sc': return `SC${pick(rng, ['101', '106', '111', '124', '103'])}${county}${serial(4)}${int(rng, 0, 9)}`;
    case 'yc': return `${county}${serial(6)}`;
    case 'pw': return `${s.uscc}${serial(3).slice(-3)}${pick(rng, ['V', 'P', 'Q', 'U', 'W', 'X', 'Y'])}`;
    case 'sg': return `${county}${compact(decided)}${serial(4).slice(-2)}01`;
    default: return `${env.dept(c.dept).abbr.slice(1)}${yearOf(decided)}${serial(6)}`;
  }
}

export function licenceRow(rng: Rng, env: RowEnv, s: SubjectDraft): RowDraft | null {
  const c = licenceDraw(s)?.draw(rng);
  if (!c) return null;
  const dept = env.dept(c.dept);
  const decided = decisionDate(rng, env, s);
  const year = yearOf(decided);
  const until = c.years ? isoOf(dayOf(plusYears(decided, c.years)) - 1) : null;
  const fields = adminParty(rng, 'XK', s, decided);
  fields.XK_XKWS = c.ws;
  fields.XK_WSH = `${dept.abbr}许〔${year}〕${env.next(`XK|${c.dept}|${year}`)}号`;
  fields.XK_XKLB = c.lb;
  fields.XK_NR = pick(rng, c.content);
  fields.XK_JDRQ = decided;
  fields.XK_YXQZ = decided;
  fields.XK_XKJG = dept.name;
  fields.XK_XKJGDM = dept.uscc;
  fields.XK_ZT = until && until < env.today ? '无效' : '有效';
  fields.XK_LYDW = dept.name;
  fields.XK_LYDWDM = dept.uscc;
  if (c.cert) {
    fields.XK_XKZS = c.cert;
    fields.XK_XKBH = certificateNo(rng, env, c, s, decided);
  }
  if (until) fields.XK_YXQZI = until;
  return { category: 'licence', dept: c.dept, fields };
}

const penaltyDraws = new Map<string, Weighted<PenaltyCase>>();

function penaltyDraw(s: SubjectDraft): Weighted<PenaltyCase> {
  const party = s.kind === 'natural_person' ? 'person' : 'org';
  let w = penaltyDraws.get(party);
  if (!w) {
    w = new Weighted(PENALTY_CASES.filter((c) => c.party === party || c.party === 'any').map((c) => [c, c.weight] as const));
    penaltyDraws.set(party, w);
  }
  return w;
}

/** Fine in 10k yuan, rounded like real decisions (whole 10 or 100 yuan). */
function fineWan(rng: Rng, [lo, hi]: readonly [number, number]): number {
  const yuan = logUniform(rng, lo * 10000, hi * 10000);
  const step = yuan >= 10000 ? 1000 : yuan >= 1000 ? 100 : 10;
  return (Math.max(step, Math.round(yuan / step) * step)) / 10000;
}

function yuan(wan: number): string {
  return `${Math.round(wan * 10000)}元`;
}

function penaltyContent(types: string[], fine: number | null, confiscated: number | null, detentionDays: number): string {
  const parts = types.map((t) => {
    if (t === '罚款' && fine !== null) return `罚款人民币${yuan(fine)}`;
    if (t === '没收违法所得' && confiscated !== null) return `没收违法所得人民币${yuan(confiscated)}`;
    if (t === '行政拘留') return `行政拘留${detentionDays}日`;
    if (t === '限制从业') return '五年内不得从事食品生产经营管理工作';
    return t;
  });
  return parts.map((p, i) => `${i + 1}.${p}`).join('；') + '。';
}

export function penaltyRow(rng: Rng, env: RowEnv, s: SubjectDraft): RowDraft {
  const c = penaltyDraw(s).draw(rng);
  const dept = env.dept(c.dept);
  const decided = decisionDate(rng, env, s);
  const year = yearOf(decided);
  const types = new Weighted(c.types).draw(rng).split(';');
  const fine = types.includes('罚款') ? fineWan(rng, c.fine) : null;
  const confiscated = types.includes('没收违法所得') ? fineWan(rng, [0.02, Math.max(0.05, c.fine[1] / 4)]) : null;
  const happened = isoOf(dayOf(decided) - int(rng, 20, 120));
  const wsh = c.dept === 'GAJ' ? `${dept.abbr}（治）行罚决字〔${year}〕${env.next(`CF|${c.dept}|${year}`)}号` : `${dept.abbr}处罚〔${year}〕${env.next(`CF|${c.dept}|${year}`)}号`;
  const fields = adminParty(rng, 'CF', s, decided);
  fields.CF_WSH = wsh;
  fields.CF_WFXW = c.wfxw;
  fields.CF_SY = `经查，当事人于${chineseDate(happened)}${c.fact}。以上事实有现场检查笔录、询问笔录及相关证据证实。`;
  fields.CF_YJ = c.basis;
  fields.CF_CFLB = types.join(';');
  fields.CF_NR = penaltyContent(types, fine, confiscated, int(rng, 3, 10));
  fields.CF_JDRQ = decided;
  fields.CF_YXQ = plusYears(decided, 1);
  fields.CF_CFJG = dept.name;
  fields.CF_CFJGDM = dept.uscc;
  fields.CF_SJLY = dept.name;
  fields.CF_SJLYDM = dept.uscc;
  if (fine !== null) fields.CF_NR_FK = decimal(fine, 6);
  if (confiscated !== null || types.includes('没收非法财物')) fields.CF_NR_WFFF = decimal(confiscated ?? fineWan(rng, [0.01, 0.5]), 6);
  if (c.licence && types.some((t) => t === '吊销许可证件' || t === '暂扣许可证件' || t === '降低资质等级')) {
    fields.CF_NR_ZKDX = `${c.licence}（${s.county.code}${String(int(rng, 1, 999999)).padStart(6, '0')}）`;
  }
  return { category: 'penalty', dept: c.dept, fields };
}

const SCOPES: Record<string, string> = {
  A: '蔬菜、水果种植；水产养殖；农产品初加工；农业技术推广服务',
  C: '一般项目：产品研发、制造、销售；货物进出口；技术进出口',
  E: '许可项目：建设工程施工；一般项目：工程管理服务；园林绿化工程施工',
  F: '一般项目：日用百货销售；五金产品零售；食品销售（仅销售预包装食品）',
  G: '许可项目：道路货物运输（不含危险货物）；一般项目：国内货物运输代理；普通货物仓储服务',
  H: '许可项目：餐饮服务；住宿服务',
  I: '一般项目：软件开发；信息系统集成服务；信息技术咨询服务',
  K: '许可项目：房地产开发经营；一般项目：物业管理',
  L: '一般项目：企业管理咨询；广告设计、代理；会议及展览服务',
  M: '一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；检验检测服务',
};

function registrar(s: SubjectDraft): { dept: string; office: string } {
  const code2 = s.uscc!.slice(0, 2);
  const atCity = s.uscc!.slice(2, 8) === CITY_CODE;
  const where = atCity ? CITY_NAME : s.county.namePrefix;
  if (code2.startsWith('5')) return { dept: 'MZJ', office: `${where}民政局` };
  if (code2.startsWith('1')) return { dept: 'WBB', office: `中共${where}委机构编制委员会办公室` };
  return { dept: 'SCJGJ', office: `${where}市场监督管理局` };
}

function capital(rng: Rng, s: SubjectDraft): string | null {
  const code2 = s.uscc!.slice(0, 2);
  if (code2 === '91') return String(pick(rng, [10, 30, 50, 100, 100, 200, 300, 500, 500, 1000, 1000, 2000, 3000, 5000, 10000]));
  if (code2 === '93') return String(pick(rng, [20, 50, 100, 200, 500]));
  if (code2 === '51') return String(pick(rng, [3, 5, 10]));
  return null;
}

export function registrationRow(rng: Rng, env: RowEnv, s: SubjectDraft): RowDraft {
  const { dept, office } = registrar(s);
  const decided = s.registeredOn!;
  const fields = genericParty(env, 'registration', dept, s, decided, {
    CLRQ: decided,
    DJJG: office,
    DJZT: chance(rng, 0.85) ? '存续' : '在业',
    ZS: address(rng, s.county),
  });
  if (s.legalRep) fields.FDDBR = s.legalRep.name;
  const cap = capital(rng, s);
  if (cap) fields.ZCZB = cap;
  const scope = SCOPES[s.industry ?? ''];
  if (scope && s.kind !== 'government') fields.JYFW = scope;
  return { category: 'registration', dept, fields };
}
