/** A fraction 0..1 rounded to 4 decimals; null when there was nothing to measure. */
export type Rate = number | null;

export interface QualityItem {
  department: { code: string; name: string };
  category: { code: string; name: string };
  obliged: boolean;
  reported: boolean;
  submissions: number;
  received: number;
  accepted: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  revoked: number;
  warnings: number;
  complianceRate: Rate;
  timeliness: { deadlineWorkingDays: number | null; evaluated: number; late: number; timelyRate: Rate; lateRate: Rate; provisional: boolean };
  completeness: { optionalFields: number; rate: Rate; fields: { code: string; label: string; filled: number; rate: Rate }[] };
  uscc: { rows: number; wrong: number; conflicts: number; errorRate: Rate };
  rejectedByReason: { code: string; rows: number }[];
}

export interface DepartmentQuality {
  department: { code: string; name: string };
  obligedCategories: number;
  reportedCategories: number;
  reportingRate: Rate;
  received: number;
  accepted: number;
  rejected: number;
  complianceRate: Rate;
  evaluated: number;
  late: number;
  timelyRate: Rate;
  lateRate: Rate;
  usccRows: number;
  usccErrorRate: Rate;
}

export interface QualityReport {
  from: string;
  to: string;
  departments: DepartmentQuality[];
  items: QualityItem[];
}
