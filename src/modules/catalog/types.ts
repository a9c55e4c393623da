export const SUBJECT_KINDS = ['legal_person', 'unincorporated', 'sole_trader', 'natural_person', 'government'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const DISCLOSURES = ['public', 'authorised', 'shared'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];
export const FIELD_TYPES = ['string', 'text', 'date', 'decimal', 'integer', 'enum', 'uscc', 'id_number', 'code'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export type Severity = 'minor' | 'ordinary' | 'serious';

/** One data item (数据项) of a category. */
export interface FieldDef {
  code: string;
  label: string;
  /** The label in English (shown in en-US); absent: the Chinese label is shown. */
  labelEn?: string;
  type: FieldType;
  required?: boolean;
  /** Required only for these subject kinds (e.g. legal representative for organisations). */
  requiredFor?: SubjectKind[];
  maxLength?: number;
  enum?: string[];
  /** Several enum values in one cell, separated by ; or 、 */
  multi?: boolean;
  /** Personal data: stored masked in the record, never in plain text. */
  personal?: boolean;
  /** Other header names accepted for this field (2016 layout, variants). */
  aliases?: string[];
}

/** Which fields carry the subject of a record. */
export interface SubjectFields {
  name: string;
  uscc?: string;
  idNumber?: string;
  kindLabel?: string;
  legalRep?: string;
  orgCode?: string;
  regNo?: string;
}

/** How long an item is published, from its decision (or receipt) date. */
export interface PublicationRule {
  basis?: 'decision' | 'receipt';
  /** Fixed period in months; null/absent = published while valid. */
  periodMonths?: number | null;
  /** Maximum months per dishonesty class (adverse categories). */
  bySeverity?: Partial<Record<Severity, number>>;
  /** Field holding the penalty types that drive the dishonesty class. */
  severityField?: string;
  /** Field holding the fine amount (10k yuan). */
  fineField?: string;
  /** Field carrying the department's own end-of-publication date. */
  untilField?: string;
  /** Fields carrying the record's validity period. */
  validFromField?: string;
  validUntilField?: string;
}

export interface Category {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  classCode: string;
  subjectKinds: SubjectKind[];
  disclosure: Disclosure;
  naturalPersonPublic: boolean;
  fields: FieldDef[];
  keyField: string | null;
  subjectFields: SubjectFields;
  decisionField: string | null;
  publication: PublicationRule;
  deadlineWorkingDays: number | null;
  repairable: boolean;
  adverse: boolean;
  legalBasis: string;
  retentionYears: number | null;
  updateFrequency: string | null;
  active: boolean;
  version: number;
}

export type NewCategory = Omit<Category, 'id' | 'version' | 'active'> & { active?: boolean };
