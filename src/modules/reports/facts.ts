import type { Category } from '../catalog/types.js';
import type { Archive, ArchiveRecordView } from '../records/archive.js';
import type { CertificateFacts, FactRecord, PublicFacts, ReportDomain, SubjectFacts } from './types.js';

/** Never printed: records withdrawn by their source or whose publication ended by state. */
const DROPPED_STATES = new Set(['revoked', 'expired']);

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function subjectFacts(s: Archive['subject']): SubjectFacts {
  return {
    kind: s.kind, name: s.name,
    ...(s.uscc ? { uscc: s.uscc } : {}),
    ...(s.idNumberMasked ? { idNumberMasked: s.idNumberMasked } : {}),
    legalRepName: s.legalRepName, regionName: s.regionName, registeredOn: s.registeredOn, status: s.status,
    formerNames: [...s.formerNames].sort(),
  };
}

function factRecord(r: ArchiveRecordView, cat: Category): FactRecord {
  const fields: Record<string, string> = {};
  for (const f of cat.fields) {
    const v = r[f.code];
    if (typeof v === 'string' && v !== '') fields[f.code] = v;
    else if (typeof v === 'number') fields[f.code] = String(v);
  }
  return {
    id: r.id, version: Number(r.version), category: cat.code, state: str(r.state) ?? 'active',
    department: str(r.department) ?? '', departmentName: str(r.departmentName) ?? '', decidedOn: str(r.decidedOn), fields,
  };
}

/**
 * The public report shows public-class records only while they are published, whoever asks (like
 * the national portal's report); non-public classes as the requester's disclosure allows.
 */
function reportable(r: ArchiveRecordView, cat: Category, today: string): boolean {
  if (DROPPED_STATES.has(str(r.state) ?? '')) return false;
  if (cat.disclosure !== 'public') return true;
  const from = str(r.publishFrom);
  const until = str(r.publishUntil);
  return (from === null || from <= today) && (until === null || until >= today);
}

/** Facts of the public report (公共信用信息报告) from a disclosure-filtered archive. */
export function publicFacts(archive: Archive, categories: Map<string, Category>, today: string): PublicFacts {
  const groups: PublicFacts['categories'] = [];
  for (const g of archive.categories) {
    const cat = categories.get(g.code);
    if (!cat) continue;
    const records = g.records.filter((r) => reportable(r, cat, today)).map((r) => factRecord(r, cat));
    if (records.length) groups.push({ code: cat.code, name: cat.name, classCode: cat.classCode, disclosure: cat.disclosure, records });
  }
  return { kind: 'public', subject: subjectFacts(archive.subject), classes: [...archive.scope.classes].sort(), categories: groups };
}

function inDomain(r: FactRecord, d: ReportDomain): boolean {
  return d.categories.includes(r.category) && (d.departmentCodes.length === 0 || d.departmentCodes.includes(r.department));
}

/**
 * Facts of the certificate report (专用信用报告): per domain, the violation records decided within
 * the period — also those whose publication has ended, since the report speaks for the period.
 */
export function certificateFacts(
  archive: Archive, categories: Map<string, Category>, domains: ReportDomain[], period: { from: string; to: string },
): CertificateFacts {
  const records: FactRecord[] = [];
  for (const g of archive.categories) {
    const cat = categories.get(g.code);
    if (!cat) continue;
    for (const r of g.records) {
      const decided = str(r.decidedOn);
      if (str(r.state) === 'revoked') continue;
      if (decided === null || decided < period.from || decided > period.to) continue;
      records.push(factRecord(r, cat));
    }
  }
  return {
    kind: 'certificate', subject: subjectFacts(archive.subject), classes: [...archive.scope.classes].sort(), period,
    domains: domains.map((d) => ({ code: d.code, name: d.name, records: records.filter((r) => inDomain(r, d)) })),
  };
}
