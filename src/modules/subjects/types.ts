import type { SubjectKind } from '../catalog/types.js';

export interface SubjectRow {
  id: number;
  kind: SubjectKind;
  uscc: string | null;
  idMasked: string | null;
  name: string;
  legalRepName: string | null;
  regionCode: string | null;
  industryCode: string | null;
  status: string;
  registeredOn: string | null;
}

export interface SubjectIdentifier {
  scheme: 'org_code' | 'reg_no' | 'tax_no' | 'former_name';
  value: string;
}

export interface SubjectLink {
  role: string;
  personName: string;
  personIdMasked: string | null;
  since: string | null;
  until: string | null;
}

/** The public shape of a subject: never the plain ID number. */
export interface SubjectView {
  id: number;
  kind: SubjectKind;
  uscc?: string;
  idNumberMasked?: string;
  name: string;
  legalRepName: string | null;
  regionCode: string | null;
  regionName: string | null;
  industryCode: string | null;
  status: string;
  registeredOn: string | null;
  formerNames: string[];
  identifiers: SubjectIdentifier[];
  links: SubjectLink[];
}

/** What a record or an operator says about a subject. */
export interface SubjectRef {
  kind?: SubjectKind | null;
  uscc?: string | null;
  idNumber?: string | null;
  name: string;
  legalRep?: string | null;
  orgCode?: string | null;
  regNo?: string | null;
  regionCode?: string | null;
  industryCode?: string | null;
  registeredOn?: string | null;
}
