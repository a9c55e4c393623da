import { Value } from '@sinclair/typebox/value';
import { withTx, type Db, type Pool } from '../../db/pool.js';
import { ConflictError, NotFoundError, ValidationError, type ErrorDetail } from '../../errors.js';
import { actorOf, appendAudit } from '../access/audit.js';
import { requireRole, type Viewer } from '../access/viewer.js';
import { crossCheck, RULE_CODES, RULE_SCHEMAS, type RuleCode, type RuleParamsOf } from './params.js';
import * as repo from './repo.js';

/** The rule a case was decided by: stored on the case so later versions never change it. */
export interface RuleSnapshot<P> {
  code: string;
  version: number;
  params: P;
}

export interface RuleView {
  code: string;
  version: number;
  name: string;
  basis: string;
  note: string | null;
  params: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
  current: boolean;
}

function isRuleCode(code: string): code is RuleCode {
  return (RULE_CODES as string[]).includes(code);
}

function checkCode(code: string): RuleCode {
  if (!isRuleCode(code)) throw new NotFoundError('rule', code, 'unknown_rule');
  return code;
}

const view = (r: repo.RuleRow, current: boolean): RuleView => ({
  code: r.code, version: r.version, name: r.name, basis: r.basis, note: r.note, params: r.params,
  createdBy: r.createdBy, createdAt: r.createdAt.toISOString(), current,
});

/** The current version of a rule set, typed, to open a case with. */
export async function currentRule<C extends RuleCode>(db: Db, code: C): Promise<RuleSnapshot<RuleParamsOf[C]>> {
  const r = await repo.latestRule(db, code);
  if (!r) throw new NotFoundError('rule', code, 'unknown_rule');
  return { code: r.code, version: r.version, params: r.params as unknown as RuleParamsOf[C] };
}

export async function listRules(db: Db): Promise<RuleView[]> {
  return (await repo.latestRules(db)).map((r) => view(r, true));
}

/** One rule set: its current version, or the version a case names. */
export async function getRule(db: Db, code: string, version?: number): Promise<RuleView> {
  const c = checkCode(code);
  const latest = await repo.latestRule(db, c);
  if (!latest) throw new NotFoundError('rule', c, 'unknown_rule');
  if (version === undefined || version === latest.version) return view(latest, true);
  const r = await repo.ruleVersion(db, c, version);
  if (!r) throw new NotFoundError('rule version', `${c}@${version}`, 'unknown_rule');
  return view(r, false);
}

export async function ruleHistory(db: Db, code: string): Promise<RuleView[]> {
  const rows = await repo.ruleVersions(db, checkCode(code));
  return rows.map((r, i) => view(r, i === 0));
}

/** Validate a rule set's parameters: its schema, then the relations between its numbers. */
export function validateRuleParams(code: RuleCode, params: unknown): ErrorDetail[] {
  const schema = RULE_SCHEMAS[code];
  if (!Value.Check(schema, params)) {
    return [...Value.Errors(schema, params)].slice(0, 20).map((e) => ({ field: `params${e.path.replace(/\//g, '.')}`, message: e.message }));
  }
  return crossCheck(code, params);
}

/**
 * An administrator publishes a new version of a rule set (audited). Open and decided cases keep
 * the version they were opened with; only new cases use the new one.
 */
export async function publishRule(
  pool: Pool,
  viewer: Viewer,
  code: string,
  input: { params: unknown; note?: string | null; name?: string | null; basis?: string | null },
): Promise<RuleView> {
  requireRole(viewer, 'admin');
  const c = checkCode(code);
  const issues = validateRuleParams(c, input.params);
  if (issues.length) throw new ValidationError(`规则“${c}”的参数有误`, issues, 'invalid_rule');
  return withTx(pool, async (tx) => {
    const latest = await repo.latestRule(tx, c);
    if (!latest) throw new NotFoundError('rule', c, 'unknown_rule');
    const row = await repo.insertNextVersion(tx, {
      code: c, name: input.name?.trim() || latest.name, params: input.params as Record<string, unknown>,
      basis: input.basis?.trim() || latest.basis, note: input.note?.trim() || null, createdBy: viewer.username ?? 'admin',
    }, latest.version);
    if (!row) throw new ConflictError(`规则“${c}”刚被他人修改，请刷新后重试`, [{ field: 'version', message: 'concurrent update' }]);
    await appendAudit(tx, { actor: actorOf(viewer), action: 'rule.published', ip: viewer.ip, details: { code: c, version: row.version, previous: latest.version } });
    return view(row, true);
  });
}
