import type { Config } from '../../config.js';
import type { Db } from '../../db/pool.js';
import { ValidationError, type ErrorDetail } from '../../errors.js';
import { addMonths, isIsoDate, type Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import { anonymousViewer, type Viewer } from '../access/viewer.js';
import * as catalog from '../catalog/service.js';
import type { Category, Disclosure } from '../catalog/types.js';
import { readArchive, type Archive } from '../records/archive.js';
import { certificateFacts, publicFacts } from './facts.js';
import * as repo from './repo.js';
import type { ReportDomain, ReportFacts, ReportKind, ReportRow, RequesterRecord } from './types.js';

export interface ReportContext {
  db: Db;
  pd: PersonalData;
  clock: Clock;
  config: Config;
}

export interface ReportParams {
  domains?: string[];
  from?: string;
  to?: string;
}

export interface BuiltContent {
  archive: Archive;
  catalog: Category[];
  facts: ReportFacts;
  /** The parameters as resolved (defaults filled), stored with the report. */
  params: ReportParams;
}

/** The certificate period: default the three years up to today. */
export function resolvePeriod(p: ReportParams, today: string): { from: string; to: string } {
  const issues: ErrorDetail[] = [];
  if (p.from !== undefined && !isIsoDate(p.from)) issues.push({ field: 'from', message: '日期格式应为 YYYY-MM-DD' });
  if (p.to !== undefined && !isIsoDate(p.to)) issues.push({ field: 'to', message: '日期格式应为 YYYY-MM-DD' });
  if (issues.length) throw new ValidationError('查询期间有误', issues);
  const to = p.to ?? today;
  const from = p.from ?? addMonths(to, -36);
  if (from > to) throw new ValidationError('查询期间有误', [{ field: 'from', message: '开始日期不能晚于结束日期' }]);
  if (to > today) throw new ValidationError('查询期间有误', [{ field: 'to', message: '结束日期不能晚于今天' }]);
  return { from, to };
}

/** The requested certificate domains (all active ones when none are named). */
export async function resolveDomains(db: Db, codes: string[] | undefined): Promise<ReportDomain[]> {
  const all = (await repo.listDomains(db)).filter((d) => d.active);
  if (!codes?.length) return all;
  const byCode = new Map(all.flatMap((d) => [[d.code, d], [d.name, d]] as [string, ReportDomain][]));
  const issues: ErrorDetail[] = [];
  const picked: ReportDomain[] = [];
  codes.forEach((c, i) => {
    const d = byCode.get(c.trim());
    if (!d) issues.push({ field: `domains[${i}]`, message: `未知领域“${c}”，可选：${all.map((x) => `${x.code}（${x.name}）`).join('、')}` });
    else if (!picked.includes(d)) picked.push(d);
  });
  if (issues.length) throw new ValidationError('领域有误', issues, 'unknown_domain');
  return picked.sort((a, b) => a.ordinal - b.ordinal);
}

/**
 * Read the archive as the viewer may see it and turn it into the facts of a report. The read is
 * audited as the viewer's unless `audit: false` (recomputing a report's facts for a verification).
 */
export async function buildContent(
  ctx: ReportContext, viewer: Viewer, code: string, kind: ReportKind, params: ReportParams, opts: { audit: boolean } = { audit: true },
): Promise<BuiltContent> {
  const archive = await readArchive(ctx.db, ctx.pd, ctx.clock, viewer, code, opts);
  const cats = await catalog.listCategories(ctx.db);
  const byCode = new Map(cats.map((c) => [c.code, c]));
  if (kind === 'public') return { archive, catalog: cats, facts: publicFacts(archive, byCode, ctx.clock.today()), params: {} };
  const period = resolvePeriod(params, ctx.clock.today());
  const domains = await resolveDomains(ctx.db, params.domains);
  return {
    archive, catalog: cats, facts: certificateFacts(archive, byCode, domains, period),
    params: { domains: domains.map((d) => d.code), ...period },
  };
}

/**
 * A viewer equivalent to the one a report was issued to, for recomputing its facts today. Only
 * the class of viewer matters (role, department, purpose); a public view is the anonymous one.
 */
export function equivalentViewer(row: Pick<ReportRow, 'number' | 'subjectId' | 'viewerClasses'>, q: RequesterRecord): Viewer {
  const onlyPublic = row.viewerClasses.length === 1 && row.viewerClasses[0] === 'public';
  if (onlyPublic || q.role === 'public') return anonymousViewer(null, q.purpose);
  return {
    role: q.role as Viewer['role'], userId: q.role === 'lender' ? q.userId : null, username: `核验重算 ${row.number}`,
    departmentId: q.departmentId, subjectId: q.role === 'subject' ? row.subjectId : null, ip: null, purpose: q.purpose, apiKey: null,
  };
}

const CLASS_LABELS: Record<Disclosure, string> = { public: '社会公开信息', authorised: '授权查询信息', shared: '政务共享信息' };
const WHO: Record<string, string> = { public: '社会公众', subject: '主体本人', department: '政府部门', admin: '信用中心', operator: '信用中心', lender: '金融机构（经主体授权）' };

/** The cover's 信息范围 line: whose view the report reflects and which classes it holds. */
export function viewLabel(viewer: Viewer, classes: Disclosure[], own: boolean): string {
  const who = classes.length === 1 ? (own ? WHO.subject : WHO.public) : (WHO[viewer.role] ?? viewer.role);
  const order: Disclosure[] = ['public', 'authorised', 'shared'];
  return `${who}（${order.filter((c) => classes.includes(c)).map((c) => CLASS_LABELS[c]).join('、')}）`;
}
