import type { Db } from '../../db/pool.js';
import type { Clock } from '../../lib/clock.js';
import type { PersonalData } from '../../lib/personal-data.js';
import { actorOf, appendAudit } from '../access/audit.js';
import type { Viewer } from '../access/viewer.js';
import * as catalog from '../catalog/service.js';
import type { Disclosure } from '../catalog/types.js';
import { getSubjectByCode, viewSubject } from '../subjects/service.js';
import type { SubjectView } from '../subjects/types.js';
import * as repo from './repo.js';

export interface ArchiveRecordView {
  id: number;
  [field: string]: unknown;
}

export interface Archive {
  subject: SubjectView;
  categories: { code: string; name: string; disclosure: Disclosure; records: ArchiveRecordView[] }[];
  /** What the viewer was shown: the classes and whether only published records. */
  scope: { classes: Disclosure[]; publicOnly: boolean; purpose: string | null; notice: string | null };
}

/** The disclosure classes a viewer may read (B-class grants come with the access issue). */
export function classesFor(viewer: Viewer, ownSubject: boolean): { classes: Disclosure[]; publicOnly: boolean; notice: string | null } {
  const publicView = { classes: ['public'] as Disclosure[], publicOnly: true };
  if (ownSubject) return { classes: ['public', 'authorised'], publicOnly: false, notice: null };
  switch (viewer.role) {
    case 'admin':
    case 'operator':
    case 'department': {
      if (!viewer.purpose) return { ...publicView, notice: '查询非公开信息须说明用途（X-Purpose），当前仅显示公开信息' };
      return viewer.role === 'department'
        ? { classes: ['public', 'shared'], publicOnly: false, notice: null }
        : { classes: ['public', 'authorised', 'shared'], publicOnly: false, notice: null };
    }
    default:
      return { ...publicView, notice: null };
  }
}

const STATE_NOTICES: Record<string, string> = { disputed: '异议处理中', repaired: '已信用修复', revoked: '已撤销', expired: '公示期满' };

/**
 * Everything known about one subject that this viewer may see, grouped by category. Every read
 * that returns non-public data is written to the audit log with who, why and what.
 */
export async function readArchive(db: Db, pd: PersonalData, clock: Clock, viewer: Viewer, code: string): Promise<Archive> {
  const row = await getSubjectByCode(db, pd, code);
  const own = viewer.subjectId !== null && viewer.subjectId === row.id;
  const scope = classesFor(viewer, own);
  const records = await repo.archiveRecords(db, {
    subjectId: row.id, classes: scope.classes, publicOnly: scope.publicOnly,
    personGuard: scope.publicOnly && row.kind === 'natural_person',
    includeRevoked: viewer.role === 'admin' || viewer.role === 'operator', today: clock.today(),
  });
  const cats = new Map((await catalog.listCategories(db)).map((c) => [c.code, c]));
  const groups = new Map<string, Archive['categories'][number]>();
  for (const r of records) {
    const c = cats.get(r.categoryCode)!;
    let g = groups.get(c.code);
    if (!g) groups.set(c.code, (g = { code: c.code, name: c.name, disclosure: c.disclosure, records: [] }));
    g.records.push({
      id: r.id, ...r.fields, category: c.code, department: r.departmentCode, departmentName: r.departmentName,
      sourceKey: r.sourceKey, decidedOn: r.decidedOn, severity: r.severity, state: r.state,
      notice: STATE_NOTICES[r.state] ?? null, publishFrom: r.publishFrom, publishUntil: r.publishUntil, version: r.version,
    });
  }
  const nonPublic = records.filter((r) => r.disclosure !== 'public' || !scope.publicOnly);
  if (!scope.publicOnly) {
    await appendAudit(db, {
      actor: actorOf(viewer), departmentId: viewer.departmentId, action: 'archive_read', subjectId: row.id,
      categories: [...new Set(nonPublic.map((r) => r.categoryCode))], purpose: viewer.purpose, ip: viewer.ip,
      details: { records: nonPublic.length, own },
    });
  }
  return {
    subject: await viewSubject(db, row),
    categories: [...groups.values()],
    scope: { classes: scope.classes, publicOnly: scope.publicOnly, purpose: viewer.purpose, notice: scope.notice },
  };
}
