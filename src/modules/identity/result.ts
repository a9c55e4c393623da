import type { CodeIssue, CodeScheme, CodeValidation } from './types.js';

/** Build a CodeIssue; position omitted when the issue concerns the whole code. */
export function issue(message: string, messageEn: string, position?: number): CodeIssue {
  return position === undefined ? { message, messageEn } : { position, message, messageEn };
}

/** Start a result for `input`; `valid` is settled by finish(). */
export function startResult(scheme: CodeScheme, input: string, normalized: string | null): CodeValidation {
  return { valid: false, scheme, input, normalized, parts: {}, errors: [], warnings: [] };
}

/** Mark the result valid iff it collected no errors. */
export function finish(result: CodeValidation): CodeValidation {
  result.valid = result.errors.length === 0;
  return result;
}

/** Trim and upper-case, the normal form shared by all schemes. */
export function normalizeInput(code: string): string {
  return code.trim().toUpperCase();
}

/** "第N位校验码应为 X，实为 Y" with a configurable field label. */
export function checkCharIssue(
  position: number,
  expected: string,
  found: string,
  label: { zh: string; en: string } = { zh: '校验码', en: 'check character' },
): CodeIssue {
  return issue(
    `第${position}位${label.zh}应为 ${expected}，实为 ${found}`,
    `position ${position}: ${label.en} should be ${expected}, found ${found}`,
    position,
  );
}

/** "长度应为 N 位，实为 M 位". */
export function lengthIssue(expected: string, expectedEn: string, found: number): CodeIssue {
  return issue(`长度应为 ${expected} 位，实为 ${found} 位`, `length should be ${expectedEn}, found ${found}`);
}

/** Warning for a well-formed but unknown GB/T 2260 code; never an error (abolished codes stay valid). */
export function unknownRegionIssue(code: string, from: number, to: number): CodeIssue {
  return issue(
    `第${from}–${to}位行政区划代码 ${code} 未知（可能已撤销或有误）`,
    `positions ${from}–${to}: unknown administrative division code ${code} (abolished or mistyped)`,
    from,
  );
}
