import { useCallback } from 'react';
import { useI18n } from '../../i18n';

// The words of the 双随机 screens (console and the public verification page), kept with the page.

const zh = {
  'tab.items': '检查事项', 'tab.inspectors': '执法检查人员', 'tab.policy': '抽查比例', 'tab.plans': '抽查计划',
  'dept.label': '管理部门', 'dept.pick': '请选择要管理的部门', 'dept.pickHint': '信用中心可以代各部门维护检查事项、执法检查人员、抽查比例和抽查计划。',
  'save': '保存', 'cancel': '取消', 'edit': '修改', 'back': '返回计划列表', 'none': '无', 'all': '全部', 'percent': '{n}%',
  'status.active': '在用', 'status.inactive': '已停用', 'status.onDuty': '在册',

  'item.new': '新增检查事项', 'item.edit': '修改检查事项', 'item.code': '事项编码', 'item.name': '事项名称', 'item.basis': '检查依据',
  'item.method': '检查方式', 'item.kinds': '适用主体类型', 'item.status': '状态', 'item.withdraw': '停用', 'item.restore': '恢复使用',
  'item.withdrawConfirm': '停用后新的抽查计划不能再选用“{name}”，已制定的计划不受影响。确认停用？', 'item.empty': '本部门还没有检查事项',
  'item.codeRule': '请填写编码（字母、数字、点、横线或下划线）', 'item.nameRequired': '请填写事项名称', 'item.added': '已新增检查事项“{name}”', 'item.saved': '已保存检查事项“{name}”',
  'method.onSite': '实地检查', 'method.documents': '书面检查', 'method.online': '网络监测', 'method.sampling': '抽样检测',

  'ins.new': '登记执法检查人员', 'ins.edit': '修改执法检查人员', 'ins.name': '姓名', 'ins.unit': '所属单位', 'ins.cert': '行政执法证号',
  'ins.conflicts': '回避对象', 'ins.noConflicts': '无', 'ins.declare': '登记回避', 'ins.remove': '停用', 'ins.restore': '恢复',
  'ins.removeConfirm': '停用后“{name}”不再参加新的抽查计划，确认停用？', 'ins.empty': '本部门还没有登记执法检查人员',
  'ins.nameRequired': '请填写姓名', 'ins.unitRequired': '请填写所属单位', 'ins.certRequired': '请填写行政执法证号（至少 4 位）', 'ins.added': '已登记执法检查人员“{name}”',
  'conflict.title': '登记回避：{name}', 'conflict.party': '检查对象', 'conflict.partyHint': '填写检查对象的统一社会信用代码（自然人填写身份证号）',
  'conflict.partyRequired': '请填写检查对象的代码', 'conflict.reason': '回避理由', 'conflict.reasonRequired': '请说明回避理由',
  'conflict.note': '登记后，此后制定的抽查计划不会派该人员检查这一对象。', 'conflict.saved': '已登记回避', 'conflict.declaredAt': '登记于 {at}',

  'policy.model': '评价模型', 'policy.grade': '信用等级', 'policy.tier': '监管类别', 'policy.ratio': '抽查比例（%）', 'policy.ungraded': '未评价的对象',
  'policy.default': '本部门尚未设置抽查比例，以下为平台默认比例（信用越好抽查越少）。保存后即成为本部门的设置。',
  'policy.own': '以下为本部门的抽查比例，新制定的抽查计划按此抽取。', 'policy.saved': '抽查比例已保存',
  'policy.tierRequired': '请填写监管类别名称', 'policy.ratioRequired': '请填写 0–100 之间的比例', 'policy.note': '抽查比例为各监管类别中被抽中的检查对象所占的百分比，最多两位小数；100% 即全部检查。',
  'policy.otherModel': '本部门的设置按“{model}”评价；改选其他模型并保存将替换原设置。',

  'plan.new': '制定抽查计划', 'plan.name': '计划名称', 'plan.period': '检查期限', 'plan.items': '检查事项', 'plan.status': '状态',
  'plan.createdAt': '制定时间', 'plan.drawnAt': '抽取时间', 'plan.open': '查看', 'plan.empty': '本部门还没有抽查计划',
  'plan.status.committed': '待抽取', 'plan.status.drawn': '已抽取',
  'plan.scope': '检查对象范围', 'plan.kinds': '主体类型', 'plan.region': '行政区划代码前缀', 'plan.regionHint': '2–6 位数字，例如 3206 为整个地级市；不填为全部',
  'plan.regionRule': '请填写 2–6 位数字', 'plan.industries': '行业门类', 'plan.industriesHint': '不选为全部行业',
  'plan.model': '按哪个评价模型分类', 'plan.perTask': '每个检查对象派检查人员', 'plan.perTaskUnit': '名',
  'plan.repeat': '回避近期检查', 'plan.repeatHint': '同一检查人员在此期间检查过的对象不再派给他（0 为不限制）', 'plan.repeatUnit': '个月',
  'plan.distinct': '同一对象的检查人员来自不同单位', 'plan.ratioNote': '各监管类别的抽查比例按本部门“抽查比例”中的设置。',
  'plan.nameRequired': '请填写计划名称', 'plan.itemsRequired': '请至少选择一个检查事项', 'plan.periodRequired': '请选择检查期限',
  'plan.create': '制定并公布', 'plan.created': '抽查计划已制定，检查对象名录和种子承诺值已公布',
  'plan.createNote': '制定时系统固定检查对象名录和执法检查人员名录，并生成随机种子，只公布种子的承诺值（SHA-256）；抽取后公开种子，任何人都可以复算抽取结果。',

  'detail.department': '实施部门', 'detail.model': '分类依据', 'detail.perTask': '每个对象检查人员', 'detail.repeat': '近期检查回避',
  'detail.distinct': '检查人员来自不同单位', 'detail.persons': '{n} 名', 'detail.months': '{n} 个月', 'detail.noRepeat': '不限制',
  'commit.title': '抽取承诺与公开', 'commit.seedHash': '随机种子承诺值', 'commit.seed': '随机种子', 'commit.inputsHash': '抽取输入摘要',
  'commit.directoryHash': '检查对象名录摘要', 'commit.notYet': '抽取后公开',
  'commit.before': '计划制定时已公布检查对象名录、执法检查人员名录、回避关系和随机种子的承诺值。抽取时公开种子，公众可核对种子与承诺值一致、并复算抽取结果。',
  'commit.after': '随机种子已公开，其 SHA-256 值与计划制定时公布的承诺值一致才可复现。',
  'draw.do': '开始抽取', 'draw.confirm': '抽取后结果不可更改，随机种子将随结果一并公开。确认抽取？', 'draw.done': '已抽取 {n} 个检查对象',
  'draw.publicPage': '公开核验页', 'draw.publicHint': '公众可在门户网站的核验页复算本次抽取',
  'tiers.title': '分类抽取与问题发现率', 'tiers.tier': '监管类别', 'tiers.grades': '信用等级', 'tiers.ratio': '抽查比例', 'tiers.directory': '名录内对象',
  'tiers.drawn': '抽中', 'tiers.inspected': '已检查', 'tiers.problems': '发现问题', 'tiers.unreachable': '无法联系', 'tiers.rate': '问题发现率',
  'tiers.total': '合计', 'tiers.noRate': '—',
  'rate.title': '问题发现率', 'rate.explain': '已检查对象中发现问题（含通过登记的住所无法联系）的比例：{problems} / {inspected}',
  'rate.none': '尚无检查结果', 'rate.pending': '待检查 {n} 个',
  'inputs.title': '公布的抽取输入', 'inputs.parties': '{tier}：检查对象名录（{n} 个）', 'inputs.inspectors': '执法检查人员名录（{n} 名）',
  'inputs.excluded': '回避关系 {n} 对（声明回避及近期检查过的组合不会被抽中）', 'inputs.scope': '检查对象范围', 'inputs.code': '统一社会信用代码 / 证件号码',
  'tasks.title': '抽取结果', 'tasks.no': '序号', 'tasks.party': '检查对象', 'tasks.tier': '监管类别', 'tasks.inspectors': '检查人员',
  'tasks.status': '状态', 'tasks.result': '检查结果', 'tasks.record': '录入结果', 'tasks.assigned': '待检查', 'tasks.done': '已检查',
  'tasks.empty': '本类别没有抽中对象',
  'outcome.passed': '未发现问题', 'outcome.problems_found': '发现问题', 'outcome.not_found': '通过登记的住所（经营场所）无法联系',
  'result.title': '录入检查结果：{party}', 'result.outcome': '检查结果', 'result.date': '检查日期', 'result.findings': '问题描述',
  'result.findingsRequired': '发现问题的须填写问题描述', 'result.note': '检查结果将作为“检查结果”类信息记入该主体的信用档案，并按目录规定公示。',
  'result.saved': '检查结果已录入', 'result.outcomeRequired': '请选择检查结果', 'result.dateRequired': '请选择检查日期',
  'grade.none': '未评价',

  'pub.title': '双随机抽查公开与核验', 'pub.plan': '抽查计划', 'pub.verifying': '正在根据公开的输入重新抽取…',
  'pub.ok': '✓ 抽取结果可复现', 'pub.okSub': '根据公开的检查对象名录、执法检查人员名录和随机种子重新抽取，{n} 个检查对象及其检查人员与公布的结果完全一致。',
  'pub.bad': '✗ 抽取结果不可复现', 'pub.badSub': '重新抽取的结果与公布的不一致，差异如下：',
  'pub.notDrawn': '尚未抽取', 'pub.notDrawnSub': '抽取后将公开随机种子，届时可在本页核验。现在可以记下种子承诺值，抽取后核对。',
  'pub.method': '抽取方法', 'pub.methodText': '以公开的随机种子为密钥，用 HMAC-SHA256 依次生成随机数：先在每个监管类别的名录中按抽查比例不放回地抽取检查对象，再为每个对象从未回避的执法检查人员中随机抽取检查人员。任何人用同样的输入和种子都会得到同样的结果；种子在抽取前只公布其 SHA-256 承诺值，因此抽取前谁也无法预知或挑选结果。',
  'pub.notFound': '没有这个抽查计划',
  'diff.seedHash': '公开的随机种子与计划制定时公布的承诺值不符', 'diff.inputsHash': '公布的抽取输入与计划制定时的摘要不符，输入已被改动',
  'diff.directoryHash': '检查对象名录与其摘要不符', 'diff.draw': '按公布的输入无法完成抽取：{msg}',
  'diff.missing': '第 {n} 项：应抽中“{party}”，公布的结果中没有', 'diff.extra': '第 {n} 项：公布的结果多出“{party}”',
  'diff.subject': '第 {n} 项检查对象应为“{expected}”，公布的是“{found}”', 'diff.tier': '第 {n} 项监管类别应为“{expected}”，公布的是“{found}”',
  'diff.inspectors': '第 {n} 项检查人员应为 {expected}，公布的是 {found}', 'diff.other': '第 {n} 项与重新抽取的结果不一致',
} as const;

export type WordKey = keyof typeof zh;

const en: Record<WordKey, string> = {
  'tab.items': 'Inspection items', 'tab.inspectors': 'Inspectors', 'tab.policy': 'Sampling ratios', 'tab.plans': 'Inspection plans',
  'dept.label': 'Department', 'dept.pick': 'Choose the department to manage', 'dept.pickHint': 'The credit centre can keep the inspection items, inspectors, sampling ratios and plans of any department.',
  'save': 'Save', 'cancel': 'Cancel', 'edit': 'Edit', 'back': 'Back to the plans', 'none': 'None', 'all': 'All', 'percent': '{n}%',
  'status.active': 'In use', 'status.inactive': 'Withdrawn', 'status.onDuty': 'On duty',

  'item.new': 'New inspection item', 'item.edit': 'Edit inspection item', 'item.code': 'Code', 'item.name': 'Item', 'item.basis': 'Legal basis',
  'item.method': 'Method', 'item.kinds': 'Applies to', 'item.status': 'Status', 'item.withdraw': 'Withdraw', 'item.restore': 'Use again',
  'item.withdrawConfirm': 'New plans will no longer be able to use “{name}”; existing plans are not affected. Withdraw it?', 'item.empty': 'This department has no inspection items yet',
  'item.codeRule': 'Enter a code (letters, digits, dot, dash or underscore)', 'item.nameRequired': 'Enter the item', 'item.added': 'Inspection item “{name}” added', 'item.saved': 'Inspection item “{name}” saved',
  'method.onSite': 'On-site inspection', 'method.documents': 'Document review', 'method.online': 'Online monitoring', 'method.sampling': 'Sampling and testing',

  'ins.new': 'Register an inspector', 'ins.edit': 'Edit inspector', 'ins.name': 'Name', 'ins.unit': 'Unit', 'ins.cert': 'Law-enforcement certificate no.',
  'ins.conflicts': 'Must not inspect', 'ins.noConflicts': 'None', 'ins.declare': 'Declare a conflict', 'ins.remove': 'Take off duty', 'ins.restore': 'Back on duty',
  'ins.removeConfirm': '“{name}” will take no part in new plans. Take off duty?', 'ins.empty': 'This department has no inspectors yet',
  'ins.nameRequired': 'Enter the name', 'ins.unitRequired': 'Enter the unit', 'ins.certRequired': 'Enter the certificate number (at least 4 characters)', 'ins.added': 'Inspector “{name}” registered',
  'conflict.title': 'Declare a conflict of interest: {name}', 'conflict.party': 'Party', 'conflict.partyHint': 'The party’s unified social credit code (ID number for a person)',
  'conflict.partyRequired': 'Enter the party’s code', 'conflict.reason': 'Reason', 'conflict.reasonRequired': 'Give the reason',
  'conflict.note': 'Plans made from now on will never send this inspector to this party.', 'conflict.saved': 'Conflict declared', 'conflict.declaredAt': 'declared {at}',

  'policy.model': 'Evaluation model', 'policy.grade': 'Credit grade', 'policy.tier': 'Supervision tier', 'policy.ratio': 'Sampling ratio (%)', 'policy.ungraded': 'Parties not evaluated',
  'policy.default': 'This department has not set its ratios yet; these are the platform defaults (better credit, fewer inspections). Saving makes them the department’s own.',
  'policy.own': 'The department’s sampling ratios; new plans draw by them.', 'policy.saved': 'Sampling ratios saved',
  'policy.tierRequired': 'Name the tier', 'policy.ratioRequired': 'Enter a ratio from 0 to 100', 'policy.note': 'The ratio is the percentage of the parties of a tier that are drawn, at most two decimals; 100% inspects all of them.',
  'policy.otherModel': 'The department’s ratios are set by “{model}”; saving under another model replaces them.',

  'plan.new': 'New inspection plan', 'plan.name': 'Plan', 'plan.period': 'Inspection period', 'plan.items': 'Inspection items', 'plan.status': 'Status',
  'plan.createdAt': 'Made', 'plan.drawnAt': 'Drawn', 'plan.open': 'Open', 'plan.empty': 'This department has no inspection plans yet',
  'plan.status.committed': 'Awaiting the draw', 'plan.status.drawn': 'Drawn',
  'plan.scope': 'Parties in scope', 'plan.kinds': 'Kinds of party', 'plan.region': 'Administrative area code prefix', 'plan.regionHint': '2–6 digits, e.g. 3206 for the whole city; empty for all',
  'plan.regionRule': 'Enter 2–6 digits', 'plan.industries': 'Industries', 'plan.industriesHint': 'None chosen: every industry',
  'plan.model': 'Tiers by evaluation model', 'plan.perTask': 'Inspectors per party', 'plan.perTaskUnit': '',
  'plan.repeat': 'Keep inspectors away from recent parties', 'plan.repeatHint': 'An inspector is not sent to a party they inspected within this time (0: no limit)', 'plan.repeatUnit': 'months',
  'plan.distinct': 'The inspectors of one party come from different units', 'plan.ratioNote': 'Each tier is sampled at the ratio set under “Sampling ratios”.',
  'plan.nameRequired': 'Name the plan', 'plan.itemsRequired': 'Choose at least one inspection item', 'plan.periodRequired': 'Choose the inspection period',
  'plan.create': 'Make and publish', 'plan.created': 'Plan made; the party directory and the seed commitment are published',
  'plan.createNote': 'Making the plan fixes the party directory and the inspector list and creates a random seed of which only the commitment (SHA-256) is published; the draw reveals the seed, so anyone can recompute the result.',

  'detail.department': 'Department', 'detail.model': 'Tiers by', 'detail.perTask': 'Inspectors per party', 'detail.repeat': 'Recent inspections avoided',
  'detail.distinct': 'Inspectors from different units', 'detail.persons': '{n}', 'detail.months': '{n} months', 'detail.noRepeat': 'No limit',
  'commit.title': 'Commitment and publication', 'commit.seedHash': 'Seed commitment', 'commit.seed': 'Random seed', 'commit.inputsHash': 'Digest of the draw inputs',
  'commit.directoryHash': 'Digest of the party directory', 'commit.notYet': 'Revealed at the draw',
  'commit.before': 'When the plan was made, the party directory, the inspectors, the conflicts and the seed commitment were published. The draw reveals the seed: anyone can check it against the commitment and recompute the draw.',
  'commit.after': 'The seed is public; the draw is reproducible only if its SHA-256 equals the commitment published with the plan.',
  'draw.do': 'Draw now', 'draw.confirm': 'The result of the draw cannot be changed, and the seed is published with it. Draw now?', 'draw.done': '{n} parties drawn',
  'draw.publicPage': 'Public verification page', 'draw.publicHint': 'Anyone can recompute this draw on the portal',
  'tiers.title': 'Draw by tier and problem rate', 'tiers.tier': 'Tier', 'tiers.grades': 'Credit grades', 'tiers.ratio': 'Ratio', 'tiers.directory': 'In the directory',
  'tiers.drawn': 'Drawn', 'tiers.inspected': 'Inspected', 'tiers.problems': 'Problems found', 'tiers.unreachable': 'Unreachable', 'tiers.rate': 'Problem rate',
  'tiers.total': 'Total', 'tiers.noRate': '—',
  'rate.title': 'Problem rate', 'rate.explain': 'Share of inspected parties with problems (unreachable at the registered address included): {problems} / {inspected}',
  'rate.none': 'No results yet', 'rate.pending': '{n} still to inspect',
  'inputs.title': 'Published draw inputs', 'inputs.parties': '{tier}: party directory ({n})', 'inputs.inspectors': 'Inspectors ({n})',
  'inputs.excluded': '{n} excluded pairs (declared conflicts and recent inspections are never drawn)', 'inputs.scope': 'Parties in scope', 'inputs.code': 'Credit code / ID number',
  'tasks.title': 'Result of the draw', 'tasks.no': 'No.', 'tasks.party': 'Party', 'tasks.tier': 'Tier', 'tasks.inspectors': 'Inspectors',
  'tasks.status': 'Status', 'tasks.result': 'Result', 'tasks.record': 'Record result', 'tasks.assigned': 'To inspect', 'tasks.done': 'Inspected',
  'tasks.empty': 'No party drawn in this tier',
  'outcome.passed': 'No problems found', 'outcome.problems_found': 'Problems found', 'outcome.not_found': 'Unreachable at the registered address',
  'result.title': 'Record the result: {party}', 'result.outcome': 'Result', 'result.date': 'Inspected on', 'result.findings': 'Problems found',
  'result.findingsRequired': 'Describe the problems found', 'result.note': 'The result enters the party’s credit archive as an inspection result and is published as the catalogue says.',
  'result.saved': 'Result recorded', 'result.outcomeRequired': 'Choose the result', 'result.dateRequired': 'Choose the date',
  'grade.none': 'Not evaluated',

  'pub.title': 'Random inspections: publication and verification', 'pub.plan': 'Inspection plan', 'pub.verifying': 'Drawing again from the published inputs…',
  'pub.ok': '✓ The draw is reproducible', 'pub.okSub': 'Drawing again from the published party directory, inspectors and seed gives exactly the published {n} parties and their inspectors.',
  'pub.bad': '✗ The draw is not reproducible', 'pub.badSub': 'Drawing again does not give the published result:',
  'pub.notDrawn': 'Not drawn yet', 'pub.notDrawnSub': 'The seed is revealed at the draw; then this page verifies it. Note the seed commitment now to compare afterwards.',
  'pub.method': 'How the draw works', 'pub.methodText': 'The revealed seed keys HMAC-SHA256, which yields the random numbers: first the parties of each tier are drawn without replacement at the tier’s ratio, then each party’s inspectors are drawn from those without a conflict. The same inputs and seed always give the same result; before the draw only the seed’s SHA-256 commitment is public, so nobody can foresee or pick the result.',
  'pub.notFound': 'There is no such inspection plan',
  'diff.seedHash': 'The revealed seed does not match the commitment published with the plan', 'diff.inputsHash': 'The published draw inputs do not match their digest: they were changed',
  'diff.directoryHash': 'The party directory does not match its digest', 'diff.draw': 'The published inputs cannot complete a draw: {msg}',
  'diff.missing': 'No. {n}: “{party}” should have been drawn and is missing', 'diff.extra': 'No. {n}: “{party}” is published but not drawn',
  'diff.subject': 'No. {n}: the party should be “{expected}”, published “{found}”', 'diff.tier': 'No. {n}: the tier should be “{expected}”, published “{found}”',
  'diff.inspectors': 'No. {n}: the inspectors should be {expected}, published {found}', 'diff.other': 'No. {n} differs from the draw',
};

const DICTS = { 'zh-CN': zh as Record<WordKey, string>, 'en-US': en };

export type W = (key: WordKey, vars?: Record<string, string | number>) => string;

/** The page's words in the current language. */
export function useWords(): W {
  const { lang } = useI18n();
  return useCallback((key, vars) => {
    const text = DICTS[lang][key] ?? zh[key];
    return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
  }, [lang]);
}
