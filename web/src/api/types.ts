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

export interface ArchiveRecord {
  id: number;
  category: string;
  department: string;
  departmentName: string;
  decidedOn: string | null;
  severity: string | null;
  state: string;
  notice: string | null;
  publishFrom: string | null;
  publishUntil: string | null;
  [field: string]: unknown;
}

export interface Archive {
  subject: SubjectView;
  categories: { code: string; name: string; disclosure: string; records: ArchiveRecord[] }[];
  scope: { classes: string[]; publicOnly: boolean; notice: string | null; purpose: string | null };
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

export interface ListEntry {
  id: number;
  list?: string;
  subjectId: number;
  subject?: { kind: string; name: string; uscc?: string; idNumberMasked?: string };
  department?: string | null;
  decidedBy: string;
  documentNo: string | null;
  reason: string;
  listedOn: string;
  plannedExpiry: string | null;
  state: 'listed' | 'exited';
  exitReason: string | null;
  exitedOn: string | null;
}
