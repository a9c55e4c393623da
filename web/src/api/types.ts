// Shapes of the platform's API as the web app reads them (see shared/API.md and /api/docs).

export type SubjectKind = 'legal_person' | 'unincorporated' | 'sole_trader' | 'natural_person' | 'government';

export interface SubjectItem {
  id: number;
  kind: SubjectKind;
  uscc?: string;
  idNumberMasked?: string;
  name: string;
  legalRepName: string | null;
  regionCode: string | null;
  status: string;
}

export interface SubjectView extends SubjectItem {
  regionName: string | null;
  industryCode: string | null;
  registeredOn: string | null;
  formerNames: string[];
  identifiers: { scheme: string; value: string }[];
  links: { role: string; personName: string; personIdMasked: string | null; since: string | null; until: string | null }[];
}

/** One record in an archive: its catalog fields flattened in beside these (readArchive in src/modules/records/archive.ts). */
export interface ArchiveRecord {
  id: number;
  category: string;
  /** Department code. */
  department: string;
  departmentName: string;
  sourceKey: string;
  decidedOn: string | null;
  severity: string | null;
  state: string;
  /** The state in words (异议处理中, 已信用修复, …); null for a plain live record. */
  notice: string | null;
  publishFrom: string | null;
  publishUntil: string | null;
  version: number;
  [field: string]: unknown;
}

export interface Archive {
  subject: SubjectView;
  categories: { code: string; name: string; disclosure: Category['disclosure']; records: ArchiveRecord[] }[];
  scope: { classes: Category['disclosure'][]; windowed: boolean; authorisedCategories: string[]; publicOnly: boolean; notice: string | null; purpose: string | null };
}

export interface FieldDef {
  code: string;
  label: string;
  type: string;
  required?: boolean;
  personal?: boolean;
  enum?: string[];
}

export interface Category {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  classCode: string;
  subjectKinds: string[];
  disclosure: 'public' | 'authorised' | 'shared';
  fields: FieldDef[];
  deadlineWorkingDays: number | null;
  repairable: boolean;
  adverse: boolean;
  legalBasis: string;
  active: boolean;
  version: number;
}

export interface Department {
  id: number;
  code: string;
  name: string;
  uscc: string | null;
  region: string | null;
  active: boolean;
}

export interface ListInfo {
  code: string;
  name: string;
  kind: 'honour' | 'blacklist' | 'watch';
  legalBasis: string;
  standard: string;
  procedure: string;
  remedies: string;
  defaultMonths: number | null;
  department: string | null;
  issuer: string;
  public: boolean;
  active: boolean;
}

export type ExitReason = 'expiry' | 'repair' | 'court' | 'error' | 'other';

/** A list entry as POST /lists/:code/entries and POST /list-entries/:id/exit answer (entryView in src/modules/lists/routes.ts). */
export interface ListEntry {
  id: number;
  subjectId: number;
  basisRecords: number[];
  departmentId: number | null;
  decidedBy: string;
  documentNo: string | null;
  reason: string;
  listedOn: string;
  plannedExpiry: string | null;
  state: 'listed' | 'exited';
  exitReason: ExitReason | null;
  exitNote: string | null;
  exitedOn: string | null;
  version: number;
}

/** An entry of GET /lists/:code/entries: with its list, subject (natural persons masked) and department code. */
export interface PublicListEntry extends ListEntry {
  list: string;
  subject: { kind: SubjectKind; name: string; uscc?: string; idNumberMasked?: string };
  department: string | null;
}
