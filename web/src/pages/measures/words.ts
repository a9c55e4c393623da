import { useI18n } from '../../i18n';

// The words of the 联合奖惩 screen, in both languages, kept beside the page rather than in the
// shared dictionaries. Functions take the values they name.

export const zh = {
  tabCatalogue: '措施目录', tabStats: '跟踪问效',
  name: '措施名称', nameEn: '英文名称（英文界面显示，可不填）', kind: '类别', legalBasis: '法律、法规或政策依据', department: '实施部门', scenarios: '应用场景', targets: '适用名单',
  description: '措施内容', state: '状态', actions: '操作',
  reward: '守信激励', sanction: '失信惩戒', active: '启用中', inactive: '已停用', noBasis: '未填写依据',
  allKinds: '全部类别', allDepartments: '全部实施部门', allStates: '全部状态',
  filterKind: '类别', filterDepartment: '实施部门', filterState: '状态', count: (n: number) => `共 ${n} 项措施`,
  activate: '启用', deactivate: '停用', edit: '修改', addBasis: '补充依据', create: '新增措施',
  activateConfirm: (name: string) => `启用“${name}”后，信用审查将对命中名单的主体提示该措施。确定启用？`,
  deactivateConfirm: (name: string) => `停用“${name}”后，信用审查不再提示该措施。确定停用？`,
  activated: (name: string) => `已启用“${name}”`, deactivated: (name: string) => `已停用“${name}”`,
  saved: (name: string) => `已保存“${name}”`, created: (name: string) => `已新增“${name}”`,
  refusedTitle: '未能启用',
  refusedNoBasis: (name: string) => `措施“${name}”还没有法律、法规或政策依据，不能启用。请先补充依据，再启用。`,
  drawerCreate: '新增措施', drawerEdit: (name: string) => `修改措施：${name}`,
  code: '措施编码', codeHint: '小写字母开头，可含小写字母、数字和下划线，保存后不能修改', codeRule: '请填写小写字母开头的字母、数字或下划线（2–63 位）',
  nameRequired: '请填写措施名称', kindRequired: '请选择类别', targetsRequired: '请至少选择一个适用名单', scenariosRequired: '请至少选择一个应用场景',
  departmentHint: '可从列表中选择，也可直接输入部门名称后回车',
  basisHint: '没有依据的措施只能保存为停用状态', basisRequiredActive: '启用中的措施必须有依据',
  activeNow: '保存后立即启用', save: '保存', seriousPenalty: '严重失信行政处罚',
  // statistics
  period: '统计期间', allPeriod: '全部期间', everyDepartment: '全部部门', statsDepartment: '部门', ownDepartment: (name: string) => `本部门：${name}`, apply: '统计',
  reviews: '审查次数', parties: '审查主体数', hits: '命中次数', applied: '实施措施次数', feedbackRate: '反馈率',
  initiations: '发起（列入名单）', withFeedback: '已反馈命中', applicationRate: '实施率',
  byDepartment: '各部门审查、命中、实施与发起', byMonth: '各月审查、命中、实施与发起', byMeasure: '各项措施的实施情况',
  applicable: '适用命中', notApplied: '未实施', noStats: '所选期间没有审查记录', centre: '信用中心',
  statsNote: '审查次数、命中和实施按审查的日期统计，发起按列入名单的日期统计；反馈率 = 已反馈的命中 ÷ 命中次数。',
  chartDepartments: '各部门审查次数、命中次数、实施措施次数和发起次数柱状图', chartMonths: '各月审查次数、命中次数、实施措施次数、发起次数柱状图及反馈率折线图',
} as const;

type Words = { [K in keyof typeof zh]: (typeof zh)[K] extends (...a: infer A) => string ? (...a: A) => string : string };

export const en: Words = {
  tabCatalogue: 'Measures', tabStats: 'Follow-up statistics',
  name: 'Measure', nameEn: 'English name (shown in English mode; optional)', kind: 'Kind', legalBasis: 'Legal basis', department: 'Implementing department', scenarios: 'Scenarios', targets: 'Applies to lists',
  description: 'Content', state: 'State', actions: 'Actions',
  reward: 'Reward', sanction: 'Sanction', active: 'Active', inactive: 'Inactive', noBasis: 'No legal basis yet',
  allKinds: 'All kinds', allDepartments: 'All departments', allStates: 'All states',
  filterKind: 'Kind', filterDepartment: 'Department', filterState: 'State', count: (n: number) => `${n} measures`,
  activate: 'Activate', deactivate: 'Deactivate', edit: 'Edit', addBasis: 'Add legal basis', create: 'New measure',
  activateConfirm: (name: string) => `Once "${name}" is active, credit reviews will name it for listed parties. Activate it?`,
  deactivateConfirm: (name: string) => `Once "${name}" is inactive, credit reviews no longer name it. Deactivate it?`,
  activated: (name: string) => `"${name}" is active`, deactivated: (name: string) => `"${name}" is inactive`,
  saved: (name: string) => `"${name}" saved`, created: (name: string) => `"${name}" added`,
  refusedTitle: 'Not activated',
  refusedNoBasis: (name: string) => `"${name}" has no legal basis (law, regulation or policy) yet, so it cannot be activated. Add its legal basis first, then activate it.`,
  drawerCreate: 'New measure', drawerEdit: (name: string) => `Edit measure: ${name}`,
  code: 'Measure code', codeHint: 'Starts with a lower-case letter; lower-case letters, digits and underscores; cannot be changed later', codeRule: 'Use a lower-case letter first, then letters, digits or underscores (2–63)',
  nameRequired: 'Enter the measure name', kindRequired: 'Choose the kind', targetsRequired: 'Choose at least one list', scenariosRequired: 'Choose at least one scenario',
  departmentHint: 'Choose from the list, or type a department name and press Enter',
  basisHint: 'A measure without a legal basis can only be saved inactive', basisRequiredActive: 'An active measure needs its legal basis',
  activeNow: 'Activate on saving', save: 'Save', seriousPenalty: 'Serious administrative penalties',
  period: 'Period', allPeriod: 'All time', everyDepartment: 'All departments', statsDepartment: 'Department', ownDepartment: (name: string) => `Your department: ${name}`, apply: 'Show',
  reviews: 'Reviews', parties: 'Parties reviewed', hits: 'Hits', applied: 'Measures applied', feedbackRate: 'Feedback rate',
  initiations: 'Initiated (listed)', withFeedback: 'Hits with feedback', applicationRate: 'Application rate',
  byDepartment: 'Reviews, hits, measures applied and initiations by department', byMonth: 'Reviews, hits, measures applied and initiations by month', byMeasure: 'Measures applied, by measure',
  applicable: 'Applicable hits', notApplied: 'Not applied', noStats: 'No reviews in this period', centre: 'Credit centre',
  statsNote: 'Reviews, hits and measures applied are counted by the day the review ran, initiations by the day the party was listed; feedback rate = hits with feedback ÷ hits.',
  chartDepartments: 'Bar chart of reviews, hits, measures applied and initiations by department', chartMonths: 'Bars of reviews, hits, measures applied and initiations by month, with the feedback rate as a line',
};

/** English names of the review scenarios (the server sends the Chinese ones). */
const SCENARIO_EN: Record<string, string> = {
  procurement: 'Government procurement', bidding: 'Tendering and bidding', fiscal_funds: 'Public funds', honours: 'Awards and honours',
  approval: 'Administrative approval', credit_financing: 'Credit and financing', land_transfer: 'Land transfer', market_access: 'Market access',
  high_consumption: 'High consumption', post_holding: 'Holding posts', franchise: 'Franchises', inspection: 'Routine supervision',
};

/** This screen's words in the current language, and the name of a scenario in it. */
export function useWords() {
  const { lang } = useI18n();
  const w: Words = lang === 'en-US' ? en : zh;
  const scenarioName = (code: string, zhName?: string) => (lang === 'en-US' ? SCENARIO_EN[code] ?? zhName ?? code : zhName ?? code);
  return { w, lang, scenarioName };
}
