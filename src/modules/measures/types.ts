export const MEASURE_KINDS = ['reward', 'sanction'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export interface MeasureRow {
  id: number;
  code: string;
  name: string;
  /** The English name for the console's English mode; null: the Chinese name is shown. */
  nameEn: string | null;
  kind: MeasureKind;
  targetLists: string[];
  scenarios: string[];
  departments: string[];
  legalBasis: string;
  description: string;
  active: boolean;
}

export type NewMeasure = Omit<MeasureRow, 'id'>;

/** What an operator may change on an existing measure: not its code, not its active state. */
export type MeasureChange = Omit<NewMeasure, 'code' | 'active'>;

/** Audit actions of the measures catalog (the audit screen names them in words). */
export const MEASURE_ACTIONS = {
  created: 'measure.created',
  updated: 'measure.updated',
  activated: 'measure.activated',
  deactivated: 'measure.deactivated',
} as const;
export type MeasureAction = (typeof MEASURE_ACTIONS)[keyof typeof MEASURE_ACTIONS];
