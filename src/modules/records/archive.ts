import type { Db } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import { actorOf, appendAudit } from '../access/audit.js';
import { grantedCategories } from '../access/grants.js';
import type { Viewer } from '../access/viewer.js';
import * as catalog from '../catalog/service.js';
import type { Disclosure } from '../catalog/types.js';
import { getSubjectByCode, getSubjectForViewer, viewSubject } from '../subjects/service.js';
import type { SubjectView } from '../subjects/types.js';
import * as repo from './repo.js';

/** One record in an archive: what the platform says of it, plus its values by field code of its category. */
export interface ArchiveRecordView {
  id: number;
  category: string;
  department: string;
  departmentName: string;
  sourceKey: string;
  decidedOn: string | null;
  severity: string | null;
  state: string;
  notice: string | null;
  publishFrom: string | null;
  publishUntil: string | null;
  version: number;
  [field: string]: unknown;
}

/** What a viewer is shown of one subject: classes, whether public records are limited to their window, grant scope. */
export interface ArchiveScope {
  classes: Disclosure[];
  windowed: boolean;
  authorisedCategories: string[];
  notice: string | null;
}

export interface Archive {
  subject: SubjectView;
  categories: { code: string; name: string; nameEn: string; disclosure: Disclosure; records: ArchiveRecordView[] }[];
  scope: ArchiveScope & { publicOnly: boolean; purpose: string | null };
}

const PUBLIC_VIEW: ArchiveScope = { classes: ['public'], windowed: true, authorisedCategories: [], notice: null };
const NEED_PURPOSE = '查询非公开信息须说明用途（X-Purpose），当前仅显示公开信息';

/**
 * The disclosure classes a viewer may read for a subject: A for everyone; B for the subject itself
 * and for holders of its live grant; C for government departments; all for the credit center.
 * Anything beyond A needs a declared purpose (and the archive:read scope for API keys).
 */
export function scopeFor(viewer: Viewer, ownSubject: boolean, granted: string[] | null): ArchiveScope {
  if (ownSubject) return { classes: ['public', 'authorised'], windowed: false, authorisedCategories: [], notice: null };
  if (viewer.role === 'public' || viewer.role === 'subject') return PUBLIC_VIEW;
  if (viewer.apiKey && !viewer.apiKey.scopes.includes('archive:read')) return { ...PUBLIC_VIEW, notice: 'API 密钥无 archive:read 权限，仅显示公开信息' };
  if (!viewer.purpose) return { ...PUBLIC_VIEW, notice: NEED_PURPOSE };
  const withGrant = granted !== null ? (['authorised'] as Disclosure[]) : [];
  switch (viewer.role) {
    case 'admin':
    case 'operator':
      return { classes: ['public', 'authorised', 'shared'], windowed: false, authorisedCategories: [], notice: null };
    case 'department':
      return { classes: ['public', 'shared', ...withGrant], windowed: false, authorisedCategories: granted ?? [], notice: null };
    case 'lender':
      return granted === null
        ? { ...PUBLIC_VIEW, notice: '未获该主体授权，仅显示公开信息' }
        : { classes: ['public', 'authorised'], windowed: true, authorisedCategories: granted, notice: null };
    default:
      return PUBLIC_VIEW;
  }
}

const STATE_NOTICES: Record<string, string> = { disputed: '异议处理中', repaired: '已信用修复', revoked: '已撤销', expired: '公示期满' };

/**
 * Everything known about one subject that this viewer may see, grouped by category. Every read
 * beyond the public view is written to the audit log with who, why and what. `audit: false` is
 * only for the platform's own recomputation (a report's verification), which is no one's read:
 * its caller audits the request it serves instead.
 */
export async function readArchive(
  db: Db, pd: PersonalData, clock: Clock, viewer: Viewer, code: string, opts: { audit: boolean } = { audit: true },
): Promise<Archive> {
  // A caller who may not see a natural person is answered as for a code no one has (no name oracle);
  // the platform's own recomputation sees the subject the report was issued on.
  const row = opts.audit ? await getSubjectForViewer(db, pd, viewer, code, clock.now()) : await getSubjectByCode(db, pd, code);
  const own = viewer.role === 'subject' && viewer.subjectId === row.id;
  const scope = scopeFor(viewer, own, await grantedCategories(db, viewer, row.id, clock.now()));
  // The records, the subject's identifiers and links, and the category names are independent reads.
  const [records, subject, categories] = await Promise.all([
    repo.archiveRecords(db, {
      subjectId: row.id, classes: scope.classes, windowed: scope.windowed,
      personGuard: scope.windowed && row.kind === 'natural_person' && !own,
      includeRevoked: viewer.role === 'admin' || viewer.role === 'operator',
      authorisedCategories: scope.authorisedCategories, today: clock.today(),
    }),
    viewSubject(db, row),
    catalog.categoriesForReading(db),
  ]);
  const cats = new Map(categories.map((c) => [c.code, c]));
  const groups = new Map<string, Archive['categories'][number]>();
  for (const r of records) {
    const c = cats.get(r.categoryCode)!;
    let g = groups.get(c.code);
    if (!g) groups.set(c.code, (g = { code: c.code, name: c.name, nameEn: c.nameEn, disclosure: c.disclosure, records: [] }));
    g.records.push({
      id: r.id, ...r.fields, category: c.code, department: r.departmentCode, departmentName: r.departmentName,
      sourceKey: r.sourceKey, decidedOn: r.decidedOn, severity: r.severity, state: r.state,
      notice: STATE_NOTICES[r.state] ?? null, publishFrom: r.publishFrom, publishUntil: r.publishUntil, version: r.version,
    });
  }
  const beyondPublic = scope.classes.length > 1 || !scope.windowed;
  if (opts.audit && beyondPublic && !own) {
    const nonPublic = records.filter((r) => r.disclosure !== 'public' || !scope.windowed);
    await appendAudit(db, {
      actor: actorOf(viewer), departmentId: viewer.departmentId, action: 'archive_read', subjectId: row.id,
      categories: [...new Set(nonPublic.map((r) => r.categoryCode))], purpose: viewer.purpose, ip: viewer.ip,
      details: { records: nonPublic.length, classes: scope.classes },
    });
  }
  return {
    subject,
    categories: [...groups.values()],
    scope: { ...scope, publicOnly: !beyondPublic, purpose: viewer.purpose },
  };
}
