/**
 * The placeholders a commitment item's text (承诺书格式文本) may use, and what each is filled with.
 * 主体代码 / 统一社会信用代码: the USCC, or a natural person's ID number masked (the stored text is
 * shown to the department and the party; a full ID number never goes into it).
 */
export const PLACEHOLDERS = ['主体名称', '主体代码', '统一社会信用代码', '承诺事由', '承诺日期', '受理单位'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** What the signer's data fills in; an absent value leaves a bracketed blank in words (e.g. （承诺事由）). */
export interface TemplateValues {
  subjectName?: string | null;
  subjectCode?: string | null;
  matter?: string | null;
  date?: string | null;
  department?: string | null;
}

const BLANK: Record<Placeholder, string> = {
  主体名称: '（承诺主体名称）', 主体代码: '（统一社会信用代码或证件号码）', 统一社会信用代码: '（统一社会信用代码）',
  承诺事由: '（承诺事由）', 承诺日期: '（签署日期）', 受理单位: '（承诺受理单位）',
};

/** Any {…} in a text: a placeholder, known or not. */
const ANY = /\{([^{}\n]{1,30})\}/g;

/** Placeholders in a template that are not among PLACEHOLDERS (an item with one is refused). */
export const unknownPlaceholders = (template: string): string[] =>
  [...new Set([...template.matchAll(ANY)].map((m) => m[1]!).filter((k) => !(PLACEHOLDERS as readonly string[]).includes(k)))];

/**
 * A commitment text with the signer's data in place of its placeholders: the form's preview and
 * the signed text are both this. Nothing in braces survives: a value not known yet reads as a
 * bracketed blank in words, and an unknown placeholder as its own name in brackets.
 */
export function fillCommitmentText(template: string, v: TemplateValues): string {
  const value: Record<Placeholder, string | null | undefined> = {
    主体名称: v.subjectName, 主体代码: v.subjectCode, 统一社会信用代码: v.subjectCode, 承诺事由: v.matter, 承诺日期: v.date, 受理单位: v.department,
  };
  return template.replace(ANY, (_m, k: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(k)) return `（${k}）`;
    const filled = value[k as Placeholder]?.trim();
    return filled || BLANK[k as Placeholder];
  });
}
