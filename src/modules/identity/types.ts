/** Shared result types of the identity-code validators. */

export type CodeScheme = 'uscc' | 'citizen_id' | 'citizen_id_15' | 'org_code' | 'reg_no' | 'unknown';

export interface CodeIssue {
  /** 1-based position of the offending character (or of the first one of a field). */
  position?: number;
  message: string;
  messageEn: string;
}

export interface CodeValidation {
  valid: boolean;
  scheme: CodeScheme;
  input: string;
  /** Upper-case trimmed; legacy 15-digit IDs converted to 18; org code without hyphen. */
  normalized: string | null;
  parts: Record<string, string | number | boolean | null>;
  errors: CodeIssue[];
  warnings: CodeIssue[];
}

export type SubjectKind = 'legal_person' | 'unincorporated' | 'sole_trader' | 'government';
