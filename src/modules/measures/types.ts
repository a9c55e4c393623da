export const MEASURE_KINDS = ['reward', 'sanction'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export interface MeasureRow {
  id: number;
  code: string;
  name: string;
  kind: MeasureKind;
  targetLists: string[];
  scenarios: string[];
  departments: string[];
  legalBasis: string;
  description: string;
  active: boolean;
}

export type NewMeasure = Omit<MeasureRow, 'id'>;
