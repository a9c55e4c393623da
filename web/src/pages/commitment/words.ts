/** The signing form's own words (zh-CN, en-US), beside the shared `commitment.*` keys. */
const zh = {
  department: '承诺受理单位', departmentHint: '该承诺事项未指定受理单位，请选择向哪个部门作出承诺。', departmentRequired: '请选择承诺受理单位',
  departmentFixed: '由该事项的受理单位受理：{name}', previewLoading: '正在生成承诺书…',
};
const en: typeof zh = {
  department: 'Accepting department', departmentHint: 'This item names no accepting department: choose the department you commit to.', departmentRequired: 'Choose the accepting department',
  departmentFixed: 'Accepted by the item\'s department: {name}', previewLoading: 'Preparing the text…',
};
export type Word = keyof typeof zh;
/** A word of the signing form in the language, with {placeholders} filled. */
export const word = (lang: 'zh-CN' | 'en-US', k: Word, v: Record<string, string> = {}) =>
  ({ 'zh-CN': zh, 'en-US': en })[lang][k].replace(/\{(\w+)\}/g, (_m, n: string) => v[n] ?? '');
