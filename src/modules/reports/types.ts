import type { Disclosure, SubjectKind } from '../catalog/types.js';

export const REPORT_KINDS = ['public', 'certificate'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const KIND_TITLES: Record<ReportKind, string> = { public: '公共信用信息报告', certificate: '专用信用报告' };

/** One record as printed in a report (and hashed into its facts). */
export interface FactRecord {
  id: number;
  version: number;
  category: string;
  state: string;
  department: string;
  departmentName: string;
  decidedOn: string | null;
  fields: Record<string, string>;
}

export interface FactCategory {
  code: string;
  name: string;
  classCode: string;
  disclosure: Disclosure;
  records: FactRecord[];
}

export interface SubjectFacts {
  kind: SubjectKind;
  name: string;
  uscc?: string;
  idNumberMasked?: string;
  legalRepName: string | null;
  regionName: string | null;
  registeredOn: string | null;
  status: string;
  formerNames: string[];
}

interface FactsBase {
  subject: SubjectFacts;
  /** The disclosure classes the requester was shown. */
  classes: Disclosure[];
}

/** Public report: every category with records, in catalog order. */
export interface PublicFacts extends FactsBase {
  kind: 'public';
  categories: FactCategory[];
}

export interface DomainFacts {
  code: string;
  name: string;
  records: FactRecord[];
}

/** Certificate report: violation records per requested domain within the period. */
export interface CertificateFacts extends FactsBase {
  kind: 'certificate';
  period: { from: string; to: string };
  domains: DomainFacts[];
}

/** What a report states: hashed (canonical JSON) so a later check can tell whether it changed. */
export type ReportFacts = PublicFacts | CertificateFacts;

/** A certificate domain (领域) as configured in report_domain. */
export interface ReportDomain {
  code: string;
  ordinal: number;
  name: string;
  departmentCodes: string[];
  categories: string[];
  active: boolean;
}

/** How the requester saw the subject: enough to rebuild an equivalent viewer later. */
export interface RequesterRecord {
  kind: string;
  id: string | null;
  name: string | null;
  role: string;
  userId: number | null;
  departmentId: number | null;
  purpose: string | null;
}

export interface ReportRow {
  id: number;
  number: string;
  subjectId: number;
  kind: ReportKind;
  requester: RequesterRecord;
  viewerClasses: Disclosure[];
  subjectCodeCipher: Buffer | null;
  params: { domains?: string[]; from?: string; to?: string };
  facts: ReportFacts;
  factsHash: string;
  pdfSha256: string;
  verifyCodeHash: string;
  issuedAt: Date;
  validUntil: string;
  /** Set when the credit center revoked the report (报告撤销); verifications then say so. */
  revokedAt: Date | null;
  revokedReason: string | null;
}

/** Issuance facts printed on every page and in the PDF metadata. */
export interface Issuance {
  number: string;
  verifyCode: string;
  issuedAt: Date;
  validUntil: string;
  platformName: string;
  verifyUrl: string;
  purpose: string | null;
  /** Whose view the report reflects, e.g. 社会公众（仅社会公开信息）. */
  viewLabel: string;
}
