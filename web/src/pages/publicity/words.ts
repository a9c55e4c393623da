/** The 双公示 page's own words (zh-CN, en-US), beside the shared `publicity.*` keys. */
const zh = {
  order: '排序', newest: '决定日期：最新在前', oldest: '决定日期：最早在前',
  export: '导出 CSV', exportHint: '导出当前筛选条件下的全部公示信息（最多 {max} 条，证件号码已遮蔽）',
  exportCapped: '符合条件的信息超过 {max} 条，导出文件只含按当前排序的前 {max} 条；请按部门、决定日期或关键词缩小范围后分批导出。',
  details: '查看全部信息', hideDetails: '收起', code: '代码', window: '公示期至', noEnd: '长期',
};
const en: typeof zh = {
  order: 'Order', newest: 'Decision date: newest first', oldest: 'Decision date: oldest first',
  export: 'Export CSV', exportHint: 'Exports every published record the filters select (at most {max}; ID numbers masked)',
  exportCapped: 'More than {max} records match: the file holds the first {max} in the current order. Narrow the filters (department, decision date, keyword) and export in parts.',
  details: 'All details', hideDetails: 'Hide', code: 'Code', window: 'Published until', noEnd: 'no end date',
};
export type Word = keyof typeof zh;
export const words = { 'zh-CN': zh, 'en-US': en } as const;
/** A word of this page in the language, with {placeholders} filled. */
export const word = (lang: 'zh-CN' | 'en-US', k: Word, v: Record<string, string | number> = {}) =>
  words[lang][k].replace(/\{(\w+)\}/g, (_m, n: string) => String(v[n] ?? ''));
