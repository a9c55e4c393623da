import { makeCitizenId, makeUscc, mulberry32 } from '../../src/modules/identity/generate.js';
import type { TestApp } from './app.js';
import { addDays, TEST_TODAY, yearsAfter } from './clock.js';

// Default decision dates, derived from the tests' clock: a penalty decided some eight months ago
// and still published for a year from its decision; a licence decided some eighteen months ago,
// valid for five years.
const PENALTY_DECIDED = addDays(TEST_TODAY, -260);
const LICENCE_DECIDED = addDays(TEST_TODAY, -542);

const rng = mulberry32(4242);
export const newUscc = (authority = '9', orgType = '1'): string => makeUscc(rng, { authority, orgType, region: '320602' });
export const newCitizenId = (): string => makeCitizenId(rng, { region: '320602', birthYearFrom: 1970, birthYearTo: 1995 });

/** The penalty-issuing department and its clerk's session. */
export async function makeDepartment(t: TestApp, code = 'SCJGJ', name = '市市场监督管理局'): Promise<{ code: string; uscc: string }> {
  const uscc = newUscc('1', '1');
  const { addDepartment } = await import('../../src/modules/access/service.js');
  const { systemViewer } = await import('../../src/modules/access/viewer.js');
  await addDepartment(t.db.pool, systemViewer, { code, name, uscc, region: '320600' });
  return { code, uscc };
}

/** A valid national-standard penalty row (CF_ fields) for an organisation. */
export function penaltyRow(o: { uscc: string; name: string; wsh: string; dept: { uscc: string }; overrides?: Record<string, string> }): Record<string, string> {
  return {
    CF_XDR_MC: o.name,
    CF_XDR_LB: '法人及非法人组织',
    CF_XDR_SHXYM: o.uscc,
    CF_FRDB: '张三',
    CF_WSH: o.wsh,
    CF_WFXW: '未按规定公示年度报告',
    CF_SY: '当事人未在规定期限内公示年度报告。',
    CF_YJ: '《企业信息公示暂行条例》第十七条',
    CF_CFLB: '罚款',
    CF_NR: '罚款人民币5000元',
    CF_NR_FK: '0.5',
    CF_JDRQ: PENALTY_DECIDED,
    CF_YXQ: yearsAfter(PENALTY_DECIDED, 1),
    CF_CFJG: '市市场监督管理局',
    CF_CFJGDM: o.dept.uscc,
    CF_SJLY: '市市场监督管理局',
    CF_SJLYDM: o.dept.uscc,
    ...o.overrides,
  };
}

/** A valid licence row (XK_ fields). */
export function licenceRow(o: { uscc: string; name: string; wsh: string; dept: { uscc: string }; overrides?: Record<string, string> }): Record<string, string> {
  return {
    XK_XDR_MC: o.name,
    XK_XDR_LB: '法人及非法人组织',
    XK_XDR_SHXYM: o.uscc,
    XK_FRDB: '李四',
    XK_XKWS: '食品经营许可决定书',
    XK_WSH: o.wsh,
    XK_XKLB: '普通',
    XK_NR: '预包装食品销售',
    XK_JDRQ: LICENCE_DECIDED,
    XK_YXQZ: LICENCE_DECIDED,
    XK_YXQZI: addDays(yearsAfter(LICENCE_DECIDED, 5), -1),
    XK_XKJG: '市市场监督管理局',
    XK_XKJGDM: o.dept.uscc,
    XK_LYDW: '市市场监督管理局',
    XK_LYDWDM: o.dept.uscc,
    ...o.overrides,
  };
}
