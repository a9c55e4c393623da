import type { Lang } from '../../i18n';

// The audit screen's words: every action the platform audits, in zh-CN and en-US, with the group
// it is filtered by. A new audited action is one line in ACTIONS; an action missing here is still
// shown readably (its area and verb in words, see actionLabel).

type Group = 'login' | 'accounts' | 'data' | 'objections' | 'repairs' | 'commitments' | 'lists' | 'measures' | 'evaluation' | 'inspection' | 'reports' | 'settings' | 'reads';
type Label = { zh: string; en: string };

/** The groups of the filter, each with the action prefixes that belong to it whatever their verb. */
export const GROUPS: Record<Group, Label & { prefixes: string[] }> = {
  login: { zh: '登录与退出', en: 'Sign-in and sign-out', prefixes: ['auth.', 'oidc_login'] },
  accounts: { zh: '用户、部门与密钥', en: 'Users, departments and keys', prefixes: ['user.', 'department.', 'key.', 'grant.', 'registration_'] },
  data: { zh: '数据归集与目录', en: 'Collection and catalog', prefixes: ['submission.', 'record.', 'subject.', 'category.', 'quality.'] },
  objections: { zh: '异议处理', en: 'Objections', prefixes: ['objection.'] },
  repairs: { zh: '信用修复', en: 'Credit repair', prefixes: ['repair.'] },
  commitments: { zh: '信用承诺', en: 'Commitments', prefixes: ['commitment.', 'commitment_item.'] },
  lists: { zh: '红黑名单', en: 'Lists', prefixes: ['list.', 'list_entry.'] },
  measures: { zh: '信用审查与联合奖惩', en: 'Reviews and joint measures', prefixes: ['measure.', 'review.'] },
  evaluation: { zh: '综合评价', en: 'Evaluation', prefixes: ['evaluation.'] },
  inspection: { zh: '双随机抽查', en: 'Random inspection', prefixes: ['inspection.'] },
  reports: { zh: '信用报告', en: 'Credit reports', prefixes: ['report.', 'report_'] },
  settings: { zh: '规则、日历与信息交换', en: 'Rules, calendar and exchange', prefixes: ['rule.', 'calendar.', 'exchange.'] },
  reads: { zh: '查阅非公开信息', en: 'Reads of non-public data', prefixes: [] },
};

const a = (group: Group, zh: string, en: string) => ({ group, zh, en });

/** Every audited action in words. */
export const ACTIONS: Record<string, Label & { group: Group }> = {
  'auth.login': a('login', '登录', 'Signed in'),
  'auth.logout': a('login', '退出登录', 'Signed out'),
  login_failed: a('login', '登录失败', 'Failed sign-in'),
  'user.created': a('accounts', '创建用户', 'User created'),
  'user.disabled': a('accounts', '停用用户', 'User disabled'),
  'user.enabled': a('accounts', '启用用户', 'User enabled'),
  'user.unlocked': a('accounts', '解除登录锁定', 'User unlocked'),
  'user.password_reset': a('accounts', '重置密码', 'Password reset'),
  'user.role_changed': a('accounts', '变更角色或部门', 'Role or department changed'),
  'department.created': a('accounts', '登记部门', 'Department registered'),
  api_key_created: a('accounts', '签发接口密钥', 'API key issued'),
  api_key_revoked: a('accounts', '吊销接口密钥', 'API key revoked'),
  grant_created: a('accounts', '主体授权查询', 'Access granted by a subject'),
  grant_revoked: a('accounts', '撤回查询授权', 'Access grant withdrawn'),
  'submission.received': a('data', '上传报送数据', 'Data delivery uploaded'),
  'record.created': a('data', '报送一条记录', 'Record filed'),
  'record.updated': a('data', '修改记录', 'Record changed'),
  'record.revoked': a('data', '撤销记录', 'Record revoked'),
  'subject.registered': a('data', '登记信用主体', 'Subject registered'),
  'subject.renamed': a('data', '主体更名', 'Subject renamed'),
  'category.created': a('data', '新增信息类别', 'Category added'),
  'quality.obligations.set': a('data', '设置报送任务', 'Reporting obligations set'),
  'objection.filed': a('objections', '提出异议', 'Objection filed'),
  'objection.extended': a('objections', '异议答复延期', 'Objection deadline extended'),
  'objection.checked': a('objections', '信用中心核查异议', 'Objection checked by the credit centre'),
  'objection.corrected': a('objections', '异议成立，更正记录', 'Objection upheld, record corrected'),
  'objection.revoked': a('objections', '异议成立，撤销记录', 'Objection upheld, record revoked'),
  'objection.maintained': a('objections', '异议不成立，维持记录', 'Objection not upheld, record maintained'),
  'repair.applied': a('repairs', '申请信用修复', 'Repair applied for'),
  'repair.supplemented': a('repairs', '补交修复材料', 'Repair materials supplied'),
  'repair.extended': a('repairs', '修复审核延期', 'Repair decision extended'),
  'repair.approved': a('repairs', '准予信用修复', 'Repair granted'),
  'repair.rejected': a('repairs', '不予信用修复', 'Repair refused'),
  'repair.confirmed': a('repairs', '复查维持修复', 'Repair confirmed on re-check'),
  'repair.revoked': a('repairs', '复查撤销修复', 'Repair revoked on re-check'),
  'commitment_item.created': a('commitments', '发布承诺事项', 'Commitment item published'),
  'commitment.signed': a('commitments', '签署信用承诺', 'Commitment signed'),
  'commitment.fulfilled': a('commitments', '承诺已履约', 'Commitment fulfilled'),
  'commitment.breached': a('commitments', '认定未履约', 'Commitment breached'),
  'commitment.withdrawn': a('commitments', '撤回信用承诺', 'Commitment withdrawn'),
  'list.created': a('lists', '新增名单', 'List created'),
  'list.updated': a('lists', '修改名单', 'List changed'),
  'list_entry.entered': a('lists', '列入名单', 'Listed'),
  'list_entry.exited': a('lists', '移出名单', 'Removed from a list'),
  credit_review: a('measures', '信用审查', 'Credit review'),
  'review.feedback': a('measures', '反馈措施实施情况', 'Measure feedback given'),
  'measure.activated': a('measures', '启用奖惩措施', 'Measure activated'),
  'measure.deactivated': a('measures', '停用奖惩措施', 'Measure deactivated'),
  'measure.created': a('measures', '新增奖惩措施', 'Measure added'),
  'measure.updated': a('measures', '修改奖惩措施', 'Measure changed'),
  'measure.feedback': a('measures', '反馈措施实施情况', 'Measure feedback given'),
  'evaluation.model.published': a('evaluation', '发布评价模型新版本', 'Evaluation model version published'),
  'evaluation.run.started': a('evaluation', '启动评价', 'Evaluation run started'),
  'inspection.item.added': a('inspection', '新增检查事项', 'Inspection item added'),
  'inspection.item.changed': a('inspection', '修改检查事项', 'Inspection item changed'),
  'inspection.item.withdrawn': a('inspection', '停用检查事项', 'Inspection item withdrawn'),
  'inspection.item.restored': a('inspection', '恢复检查事项', 'Inspection item restored'),
  'inspection.inspector.added': a('inspection', '登记执法检查人员', 'Inspector registered'),
  'inspection.inspector.changed': a('inspection', '修改执法检查人员', 'Inspector changed'),
  'inspection.inspector.removed': a('inspection', '执法检查人员离岗', 'Inspector taken off duty'),
  'inspection.inspector.restored': a('inspection', '执法检查人员复岗', 'Inspector back on duty'),
  'inspection.conflict.declared': a('inspection', '登记回避关系', 'Conflict of interest declared'),
  'inspection.policy.set': a('inspection', '设置抽查比例', 'Inspection ratios set'),
  'inspection.plan.created': a('inspection', '制定抽查计划', 'Inspection plan created'),
  'inspection.plan.drawn': a('inspection', '双随机抽取', 'Inspection draw'),
  'inspection.result.recorded': a('inspection', '录入检查结果', 'Inspection result recorded'),
  report_revoked: a('reports', '撤销信用报告', 'Credit report revoked'),
  report_batch_started: a('reports', '批量出具信用报告', 'Batch of reports started'),
  report_batch_finished: a('reports', '批量报告生成完毕', 'Batch of reports finished'),
  registration_submitted: a('accounts', '提交注册申请', 'Registration submitted'),
  registration_approved: a('accounts', '批准注册申请', 'Registration approved'),
  registration_rejected: a('accounts', '驳回注册申请', 'Registration rejected'),
  oidc_login: a('login', '政务服务账号登录', 'Signed in with government-service account'),
  oidc_login_failed: a('login', '政务服务账号登录失败', 'Government-service sign-in failed'),
  'exchange.target.created': a('settings', '登记交换对象', 'Exchange target registered'),
  'exchange.target.updated': a('settings', '修改交换对象', 'Exchange target changed'),
  'exchange.target.deleted': a('settings', '删除交换对象', 'Exchange target deleted'),
  'exchange.target.resumed': a('settings', '恢复向交换对象推送', 'Exchange deliveries resumed'),
  report_issued: a('reports', '出具信用报告', 'Credit report issued'),
  report_read: a('reports', '调取信用报告', 'Credit report fetched'),
  report_verified: a('reports', '核验信用报告', 'Credit report verified'),
  'rule.published': a('settings', '发布规则新版本', 'Rule version published'),
  'calendar.day.set': a('settings', '设置节假日或调休', 'Holiday or working day set'),
  'calendar.day.remove': a('settings', '删除节假日或调休', 'Holiday or working day removed'),
  'calendar.year.set': a('settings', '发布年度工作日历', 'Year calendar published'),
  archive_read: a('reads', '查阅信用档案', 'Archive read'),
  record_read: a('reads', '查阅记录', 'Record read'),
  events_read: a('reads', '读取数据变更事件', 'Event feed read'),
  evaluation_read: a('reads', '查阅评价说明', 'Evaluation explanation read'),
};

/** The words of an action's area and common verbs, for actions not (yet) in ACTIONS. */
const AREAS: Record<string, Label> = {
  auth: { zh: '登录', en: 'Sign-in' }, user: { zh: '用户', en: 'User' }, department: { zh: '部门', en: 'Department' }, key: { zh: '接口密钥', en: 'API key' },
  grant: { zh: '查询授权', en: 'Grant' }, submission: { zh: '数据报送', en: 'Delivery' }, record: { zh: '记录', en: 'Record' }, subject: { zh: '信用主体', en: 'Subject' },
  category: { zh: '信息类别', en: 'Category' }, quality: { zh: '数据质量', en: 'Data quality' }, objection: { zh: '异议', en: 'Objection' }, repair: { zh: '信用修复', en: 'Repair' },
  commitment: { zh: '信用承诺', en: 'Commitment' }, commitment_item: { zh: '承诺事项', en: 'Commitment item' }, list: { zh: '名单', en: 'List' }, list_entry: { zh: '名单条目', en: 'List entry' },
  measure: { zh: '奖惩措施', en: 'Measure' }, review: { zh: '信用审查', en: 'Review' }, evaluation: { zh: '综合评价', en: 'Evaluation' }, inspection: { zh: '双随机抽查', en: 'Inspection' },
  report: { zh: '信用报告', en: 'Credit report' }, rule: { zh: '规则', en: 'Rule' }, calendar: { zh: '工作日历', en: 'Calendar' },
  exchange: { zh: '信息交换', en: 'Exchange' },
};
const VERBS: Record<string, Label> = {
  created: { zh: '新增', en: 'created' }, updated: { zh: '修改', en: 'changed' }, changed: { zh: '变更', en: 'changed' }, deleted: { zh: '删除', en: 'deleted' },
  removed: { zh: '删除', en: 'removed' }, revoked: { zh: '撤销', en: 'revoked' }, activated: { zh: '启用', en: 'activated' }, deactivated: { zh: '停用', en: 'deactivated' },
  enabled: { zh: '启用', en: 'enabled' }, disabled: { zh: '停用', en: 'disabled' }, started: { zh: '开始', en: 'started' }, finished: { zh: '完成', en: 'finished' },
  published: { zh: '发布', en: 'published' }, approved: { zh: '批准', en: 'approved' }, rejected: { zh: '驳回', en: 'rejected' }, set: { zh: '设置', en: 'set' },
  drawn: { zh: '抽取', en: 'drawn' }, uploaded: { zh: '上传', en: 'uploaded' }, issued: { zh: '出具', en: 'issued' }, recorded: { zh: '登记', en: 'recorded' },
};

const pick = (l: Label, lang: Lang) => (lang === 'en-US' ? l.en : l.zh);

/** An action in words: its label, or for an unknown one its area and verb in words (the rest as written). */
export function actionLabel(action: string, lang: Lang): string {
  const known = ACTIONS[action];
  if (known) return pick(known, lang);
  const [area, ...rest] = action.split('.');
  const tail = rest.join(' ').replace(/_/g, ' ');
  const verb = VERBS[rest.at(-1)?.split('_').at(-1) ?? ''];
  const areaWord = AREAS[area ?? ''] ? pick(AREAS[area ?? '']!, lang) : (area ?? '').replace(/_/g, ' ');
  if (verb && rest.length === 1 && !rest[0]!.includes('_')) return lang === 'en-US' ? `${areaWord} ${verb.en}` : `${verb.zh}${areaWord}`;
  return tail ? `${areaWord} · ${tail}` : areaWord;
}

/** The actions a group filters by: the known ones of the group, and every action under its prefixes. */
export function groupActions(group: Group): string[] {
  return [...Object.entries(ACTIONS).filter(([, v]) => v.group === group).map(([k]) => k), ...GROUPS[group].prefixes.map((p) => `${p}*`)];
}
export type { Group };

/** The keys of an entry's details in words; unknown keys are shown as written. */
export const DETAIL_KEYS: Record<string, Label> = {
  userId: { zh: '用户编号', en: 'User no.' }, username: { zh: '用户名', en: 'User name' }, role: { zh: '角色', en: 'Role' }, from: { zh: '原为', en: 'From' }, to: { zh: '改为', en: 'To' },
  departmentId: { zh: '部门编号', en: 'Department no.' }, sessionsEnded: { zh: '结束的会话', en: 'Sessions ended' }, failedLogins: { zh: '失败次数', en: 'Failed sign-ins' },
  reason: { zh: '原因', en: 'Reason' }, userAgent: { zh: '浏览器', en: 'Browser' }, code: { zh: '编码', en: 'Code' }, name: { zh: '名称', en: 'Name' },
  keyId: { zh: '密钥编号', en: 'Key no.' }, prefix: { zh: '密钥前缀', en: 'Key prefix' }, scopes: { zh: '权限范围', en: 'Scopes' }, expiresAt: { zh: '有效期至', en: 'Expires' },
  grantId: { zh: '授权编号', en: 'Grant no.' }, grantee: { zh: '被授权方', en: 'Grantee' }, submissionId: { zh: '报送批次', en: 'Delivery no.' },
  department: { zh: '部门', en: 'Department' }, category: { zh: '信息类别', en: 'Category' }, format: { zh: '文件格式', en: 'Format' }, fileName: { zh: '文件名', en: 'File name' },
  recordId: { zh: '记录编号', en: 'Record no.' }, version: { zh: '版本', en: 'Version' }, state: { zh: '状态', en: 'State' }, recordState: { zh: '记录状态', en: 'Record state' },
  recordVersion: { zh: '记录版本', en: 'Record version' }, objectionId: { zh: '异议编号', en: 'Objection no.' }, trackingNo: { zh: '查询编号', en: 'Tracking no.' },
  grounds: { zh: '异议类型', en: 'Grounds' }, filedBy: { zh: '提出方式', en: 'Filed by' }, agentName: { zh: '代理人', en: 'Agent' }, changedFields: { zh: '更正的数据项', en: 'Fields corrected' },
  listEntries: { zh: '移出的名单条目', en: 'List entries removed' }, note: { zh: '说明', en: 'Note' }, repairId: { zh: '修复申请编号', en: 'Repair no.' },
  listEntryId: { zh: '名单条目编号', en: 'List entry no.' }, missing: { zh: '缺少材料', en: 'Missing materials' }, files: { zh: '文件数', en: 'Files' }, barUntil: { zh: '限制申请至', en: 'Barred until' },
  commitmentId: { zh: '承诺编号', en: 'Commitment no.' }, item: { zh: '承诺事项', en: 'Commitment item' }, matter: { zh: '承诺事由', en: 'Matter' }, channel: { zh: '渠道', en: 'Channel' },
  breachRecord: { zh: '失信记录编号', en: 'Breach record no.' }, publicRecord: { zh: '公示记录编号', en: 'Public record no.' }, list: { zh: '名单', en: 'List' }, listName: { zh: '名单名称', en: 'List name' },
  kind: { zh: '类型', en: 'Kind' }, changed: { zh: '修改项', en: 'Changed' }, entryId: { zh: '名单条目编号', en: 'List entry no.' }, basisRecords: { zh: '依据记录', en: 'Basis records' },
  documentNo: { zh: '文书号', en: 'Document no.' }, reviewId: { zh: '审查编号', en: 'Review no.' }, hitId: { zh: '命中编号', en: 'Hit no.' }, applied: { zh: '已实施', en: 'Applied' },
  measure: { zh: '措施', en: 'Measure' }, date: { zh: '日期', en: 'Date' }, previous: { zh: '原设置', en: 'Before' }, year: { zh: '年度', en: 'Year' }, published: { zh: '已发布', en: 'Published' },
  source: { zh: '依据', en: 'Source' }, disclosure: { zh: '公开属性', en: 'Disclosure' }, fields: { zh: '数据项数', en: 'Fields' }, records: { zh: '记录数', en: 'Records' },
  classes: { zh: '信息类型', en: 'Classes' }, view: { zh: '查阅方式', en: 'View' }, caseId: { zh: '案件编号', en: 'Case no.' }, versions: { zh: '版本数', en: 'Versions' },
};

/** The keys whose values are codes with words in DETAIL_VALUES; other values are shown as written. */
export const CODED_KEYS = new Set(['reason', 'state', 'recordState', 'role', 'filedBy', 'channel', 'kind', 'disclosure', 'classes', 'view', 'grounds']);

/** Coded values that have words (a failed sign-in's reason, a record's state, a role, a channel …). */
export const DETAIL_VALUES: Record<string, Label> = {
  wrong_password: { zh: '密码错误', en: 'wrong password' }, unknown_user: { zh: '用户名不存在', en: 'unknown user name' }, locked: { zh: '账户已锁定', en: 'account locked' },
  disabled: { zh: '账户已停用', en: 'account disabled' }, active: { zh: '公示中', en: 'published' }, disputed: { zh: '异议处理中', en: 'under objection' },
  repaired: { zh: '已信用修复', en: 'repaired' }, revoked: { zh: '已撤销', en: 'revoked' }, expired: { zh: '公示期满', en: 'publication ended' },
  admin: { zh: '系统管理员', en: 'administrator' }, operator: { zh: '信用中心', en: 'credit centre' }, department: { zh: '部门用户', en: 'department clerk' },
  lender: { zh: '金融机构', en: 'lender' }, subject: { zh: '信用主体', en: 'subject' }, agent: { zh: '代理人代为提出', en: 'by an agent' },
  portal: { zh: '网站', en: 'portal' }, returned: { zh: '材料不全，已退回', en: 'returned for materials' }, accepted: { zh: '已受理', en: 'accepted' },
  holiday: { zh: '节假日', en: 'holiday' }, workday: { zh: '调休上班', en: 'working day' }, expiry: { zh: '期满', en: 'expiry' }, error: { zh: '认定错误', en: 'error' },
  court: { zh: '法院裁判', en: 'court ruling' }, other: { zh: '其他', en: 'other' }, public: { zh: '社会公开', en: 'public' }, authorised: { zh: '授权查询', en: 'authorised' },
  shared: { zh: '部门共享', en: 'shared' }, wrong: { zh: '信息错误', en: 'wrong information' }, objection: { zh: '办理异议', en: 'objection' },
  watch: { zh: '重点关注名单', en: 'watch list' }, blacklist: { zh: '严重失信主体名单', en: 'blacklist' }, honour: { zh: '红名单', en: 'honour list' },
};

/** The screen's own labels. */
export const SCREEN = {
  zh: {
    group: '操作类别', groupAll: '全部操作', actor: '操作人', actorHint: '用户名', subject: '主体', date: '操作日期', filter: '筛选', reset: '清除',
    at: '时间 / IP', action: '操作', department: '部门', details: '详情', purpose: '用途', ip: 'IP 地址', yes: '是', no: '否', empty: '—',
    actorKinds: { anonymous: '未登录', system: '系统' } as Record<string, string>, total: '共 {n} 条',
  },
  en: {
    group: 'Kind of action', groupAll: 'All actions', actor: 'Actor', actorHint: 'User name', subject: 'Subject', date: 'Date of action', filter: 'Filter', reset: 'Clear',
    at: 'Time / IP', action: 'Action', department: 'Department', details: 'Details', purpose: 'Purpose', ip: 'IP address', yes: 'Yes', no: 'No', empty: '—',
    actorKinds: { anonymous: 'not signed in', system: 'system' } as Record<string, string>, total: '{n} entries',
  },
};
