export const LIST_KINDS = ['honour', 'blacklist', 'watch'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export const ENTRY_STATES = ['listed', 'exited'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

/** 移出 reasons: the planned period ended, credit repair, a court decision, a listing made in error, other. */
export const EXIT_REASONS = ['expiry', 'repair', 'court', 'error', 'other'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const EXIT_REASON_LABELS: Record<ExitReason, string> = {
  expiry: '期满自动移出', repair: '信用修复移出', court: '依法院裁判移出', error: '错误列入予以纠正', other: '其他原因移出',
};

/** Allowed moves of a list entry; every move is one transaction with one ledger row and one event. */
export const ENTRY_TRANSITIONS: Record<EntryState, EntryState[]> = {
  listed: ['exited'],
  exited: [],
};

export interface ListRow {
  id: number;
  code: string;
  name: string;
  /** The name in English; '' when none is set. */
  nameEn: string;
  kind: ListKind;
  legalBasis: string;
  standard: string;
  procedure: string;
  remedies: string;
  defaultMonths: number | null;
  departmentCode: string | null;
  issuer: string;
  public: boolean;
  active: boolean;
}

export type NewList = Omit<ListRow, 'id'>;

export interface EntryRow {
  id: number;
  listId: number;
  subjectId: number;
  basisRecordIds: number[];
  departmentId: number | null;
  decidedBy: string;
  documentNo: string | null;
  reason: string;
  listedOn: string;
  plannedExpiry: string | null;
  state: EntryState;
  exitReason: ExitReason | null;
  exitNote: string | null;
  exitedOn: string | null;
  version: number;
}

/** An entry as shown on a list page, with its subject. */
export interface EntryView extends EntryRow {
  listCode: string;
  subjectKind: string;
  subjectName: string;
  uscc: string | null;
  idMasked: string | null;
  departmentCode: string | null;
}
