import { useCallback } from 'react';
import { useI18n } from '../../i18n';

// The words of the 综合评价 screen, kept beside it rather than in the shared dictionaries.

const zh = {
  intro: '公共信用综合评价按评价模型给主体打分、定等级。在这里查看和发布模型、发起评价并查看每次评价的结果，以及查询某个主体的得分是怎么来的。',
  'tab.models': '评价模型', 'tab.runs': '评价运行', 'tab.explain': '主体评价说明',

  'models.intro': '评价模型规定评价哪些主体、看哪些信息、每项占多少分、多少分对应哪个等级。每次发布都生成一个新版本，已有的评价结果仍按当时的版本保存。',
  'col.model': '模型', 'col.version': '版本', 'col.kinds': '适用主体', 'col.public': '等级向社会公开', 'col.total': '满分',
  'col.by': '发布人', 'col.at': '发布时间', 'col.actions': '操作',
  version: '第 {n} 版', latest: '现行版本', view: '查看', 'public.yes': '公开', 'public.no': '不公开', system: '平台预置',
  upload: '发布新版本',

  'detail.summary': '满分 {total} 分，适用于{kinds}；评价等级{public}。',
  'detail.public.yes': '向社会公开（信用档案页显示等级）', 'detail.public.no': '不向社会公开（仅主体本人和有权部门可见）',
  'detail.grades': '等级划分', 'col.grade': '等级', 'col.range': '分数区间', 'col.meaning': '含义',
  'range.top': '{min} 分及以上', 'range.mid': '{min} 分至不足 {next} 分',
  'detail.dimensions': '评价维度与指标', 'col.dimension': '维度', 'col.indicator': '指标', 'col.points': '分值', 'col.share': '占满分',
  'col.rule': '看什么', 'col.scoring': '怎么计分', 'detail.raw': '模型原文（JSON）', 'detail.draft': '以此为底稿发布新版本',
  'dim.total': '{name}（共 {points} 分）',

  'rule.count': '{scope}「{category}」记录条数{filters}', 'rule.exists': '是否有{scope}「{category}」记录{filters}',
  'rule.sum': '{scope}「{category}」记录的「{field}」合计{filters}', 'rule.fieldValue': '最近一条「{category}」记录的「{field}」{filters}',
  'rule.yearsSince': '成立年限（年）', 'rule.onList.kind': '列入{kind}的条数', 'rule.onList.list': '列入「{list}」的条数',
  'rule.combine.sum': '指标{of}之和', 'rule.combine.max': '指标{of}中的最大值', 'rule.combine.min': '指标{of}中的最小值',
  'scope.within': '近 {n} 个月内', 'filter.severity': '（{list}）', 'filter.live': '（仍在有效期内）', 'filter.states': '（状态：{list}）',
  'filter.where': '（{field}为{values}）', or: '或', sep: '、', parts: '；',
  'sev.minor': '轻微', 'sev.ordinary': '一般', 'sev.serious': '严重',
  'state.active': '有效', 'state.disputed': '异议处理中', 'state.expired': '已过有效期', 'state.repaired': '已修复', 'state.revoked': '已撤销',
  'listKind.honour': '红名单', 'listKind.blacklist': '严重失信主体名单', 'listKind.watch': '重点关注名单',

  'score.step': '达到 {at} 得 {p} 分', 'score.stepElse': '不足 {at} 得 {p} 分',
  'score.linearDown': '起始 {base} 分，每多 1 扣 {per} 分', 'score.linearUp': '起始 {base} 分，每多 1 加 {per} 分',
  'score.cap': '每 1 得 {per} 分，最多 {max} 分', 'score.map': '「{value}」得 {p} 分', 'score.mapElse': '其他 {p} 分',
  'score.missing': '没有相关信息时得 {p} 分', 'score.veto': '一票否决：有此情况时等级最高为「{grade}」', 'score.clamp': '得分在 0 至 {max} 分之间',

  'upload.title': '发布评价模型新版本',
  'upload.hint': '粘贴模型内容或选择模型文件（YAML 或 JSON 格式）。编码与已有模型相同时发布为它的新版本，否则新建模型。发布前平台逐项检查：各项分值相加是否一致、引用的信息类别和数据项是否存在、等级分数线是否由高到低等。',
  'upload.file': '选择模型文件', 'upload.text': '模型内容', 'upload.submit': '检查并发布', 'upload.required': '请粘贴模型内容或选择模型文件',
  'upload.done': '已发布「{name}」第 {version} 版', 'upload.problems': '模型没有发布：发现 {n} 处问题，请修改后再发布',
  'upload.at': '位置：{where}', 'upload.whole': '整个模型',

  'path.dimension': '第 {n} 个维度', 'path.indicator': '第 {n} 个指标', 'path.grade': '第 {n} 个等级', 'path.step': '第 {n} 档',
  'path.kind': '第 {n} 个适用主体', 'path.line': '第 {n} 行', 'path.of': ' › ',
  'field.code': '编码', 'field.name': '名称', 'field.points': '分值', 'field.totalPoints': '模型满分', 'field.grades': '等级划分',
  'field.grade': '等级名称', 'field.minScore': '最低分', 'field.subjectKinds': '适用主体', 'field.gradesPublic': '等级是否公开',
  'field.dimensions': '评价维度', 'field.indicators': '指标', 'field.rule': '取值规则', 'field.score': '计分方式', 'field.category': '信息类别',
  'field.field': '数据项', 'field.where': '筛选条件', 'field.severity': '严重程度', 'field.withinMonths': '时间范围', 'field.states': '记录状态',
  'field.live': '仅计有效记录', 'field.combine': '组合计算', 'field.of': '引用的指标', 'field.steps': '分档', 'field.atLeast': '档位起点',
  'field.otherwise': '其他情况得分', 'field.ifMissing': '无信息时得分', 'field.vetoGrade': '一票否决等级', 'field.values': '取值与得分',
  'field.source': '模型内容', 'field.kind': '名单类别', 'field.list': '名单', 'field.max': '最高分', 'field.per': '每单位分值', 'field.base': '起始分',

  'reason.weights_mismatch': '分值相加对不上', 'reason.unknown_indicator': '引用了不存在的指标', 'reason.cyclic_indicator': '指标之间循环引用',
  'reason.unknown_category': '信息类别不存在', 'reason.unknown_field': '数据项不存在', 'reason.grades_out_of_order': '等级分数线没有由高到低排列',
  'reason.syntax_error': '格式有误，无法读取', 'reason.required': '缺少必填内容', 'reason.invalid_code': '编码格式不对', 'reason.invalid_points': '分值不对',
  'reason.points_out_of_range': '分值超出该指标的范围', 'reason.duplicate_grade': '等级重复', 'reason.duplicate_indicator': '指标编码重复',
  'reason.grade_above_total': '分数线高于模型满分', 'reason.lowest_grade_not_zero': '最低等级须从 0 分起', 'reason.unknown_grade': '等级不存在',
  'reason.unknown_list': '名单不存在', 'reason.unknown_subject_kind': '主体类型不存在', 'reason.scoring_mismatch': '计分方式与取值不匹配',
  'reason.steps_out_of_order': '分档没有由低到高排列', 'reason.text_indicator': '文字取值不能参与计算', 'reason.invalid_model': '不是完整的模型',
  'reason.other': '内容有误',

  'runs.start': '发起评价', 'runs.model': '评价模型', 'runs.kind': '评价方式',
  'runs.kind.full': '全量评价：重新评价该模型适用的全部主体', 'runs.kind.incremental': '增量评价：只评价上次评价以来信息有变化的主体',
  'mode.full': '全量', 'mode.incremental': '增量', 'runs.go': '开始评价', 'runs.onlyCenter': '发起评价由信用中心的管理员或操作员进行。',
  'runs.preparing': '评价已开始（第 {id} 次），正在准备……', 'runs.running': '正在评价「{model}」：已评 {done} / {total} 个主体',
  'runs.completed': '第 {id} 次评价已完成：{n} 个主体，用时 {s} 秒', 'runs.failed': '第 {id} 次评价没有完成：{error}',
  'runs.history': '评价记录', 'col.run': '编号', 'col.kind': '方式', 'col.asOf': '评价基准日', 'col.started': '开始时间', 'col.finished': '结束时间',
  'col.startedBy': '发起人', 'col.status': '状态', 'col.subjects': '评价主体数', 'col.grades': '各等级主体数',
  'status.running': '进行中', 'status.completed': '已完成', 'status.failed': '未完成', 'runs.bySystem': '平台首次启动时自动评价',
  'runs.chart': '最近一次评价的等级分布', 'runs.chartOf': '{model} 第 {version} 版 · {mode}评价 · 基准日 {asOf} · 共 {n} 个主体',
  'runs.chartIncremental': '这是一次增量评价，图中只含本次重新评价的主体。', 'runs.none': '还没有评价记录', 'runs.subjectsUnit': '个主体',

  'explain.intro': '输入统一社会信用代码、身份证号码或名称，查看该主体最近一次评价的得分、等级，以及每个维度、每项指标是怎么得分的。',
  'explain.query': '代码或名称', 'explain.queryHint': '统一社会信用代码、身份证号码或名称', 'explain.queryRequired': '请输入代码或名称',
  'explain.purpose': '查询用途', 'explain.purposeHint': '例如：信用评价复核', 'explain.purposeRequired': '请写明查询用途（记入审计日志）',
  'explain.anyModel': '最近一次评价该主体的模型', 'explain.search': '查询', 'explain.pick': '找到 {n} 个主体，请选择：', 'explain.personHint': '自然人请直接输入身份证号码查询',
  'explain.noMatch': '没有找到名称含“{q}”的主体',
  'explain.notEvaluated': '{name} 还没有参加过公共信用综合评价（或没有按所选模型评价过）。',
  'explain.summary': '{name} 在「{model}」（第 {version} 版，评价基准日 {asOf}）中得 {score} 分（满分 {total} 分），等级为「{grade}」。',
  'explain.next': '距上一等级「{grade}」（{min} 分）还差 {gap} 分。', 'explain.top': '已是最高等级。',
  'explain.veto': '按得分应为「{byScore}」，因一票否决项，等级定为「{grade}」。',
  'explain.dim': '「{name}」满分 {max} 分，得 {got} 分{lost}。', 'explain.dimLost': '，失 {n} 分', 'explain.dimFull': '，全部得分',
  'explain.dimWithheld': '「{name}」满分 {max} 分，其中有您无权查看的信息，不显示得分。',
  'explain.item': '{name}：{value}，得 {got} / {max} 分', 'explain.itemLost': '（失 {n} 分）', 'explain.withheld': '{name}：涉及您无权查看的信息，不显示',
  'value.count': '{n} 条', 'value.yes': '有', 'value.no': '没有', 'value.sum': '合计 {n}', 'value.text': '「{v}」', 'value.years': '{n} 年',
  'value.list': '{n} 条', 'value.number': '{n}', 'value.missing': '没有相关信息',
  'explain.lost': '主要失分项', 'explain.noLoss': '各项均得满分。', 'explain.lostItem': '{name}：失 {n} 分',
  'explain.whatIf': '怎样提高得分', 'explain.whatIfNone': '没有可以通过信用修复或履行承诺提高得分的记录。',
  'explain.whatIfNoSingle': '共有 {n} 条记录可以申请信用修复或履行承诺，但单独处理其中任何一条都不会改变得分。',
  'explain.grade': '评价等级', 'explain.score': '得分',
  'explain.whatIfItem': '{description}：得分 {delta}，等级{grade}', 'explain.becomes': '变为「{g}」', 'explain.stays': '仍为「{g}」',
  'explain.notice': '说明：{notice}',
};

export type WordKey = keyof typeof zh;

const en: Record<WordKey, string> = {
  intro: 'Public credit evaluation scores parties and gives them a grade under an evaluation model. Here you view and publish models, start evaluations and see each one\'s results, and look up how a party\'s score came about.',
  'tab.models': 'Models', 'tab.runs': 'Evaluations', 'tab.explain': 'Explain a party',

  'models.intro': 'A model says which parties it grades, what information it looks at, how many points each item carries and which grade a score gets. Each publication is a new version; earlier results stay with the version that produced them.',
  'col.model': 'Model', 'col.version': 'Version', 'col.kinds': 'Applies to', 'col.public': 'Grade public', 'col.total': 'Full marks',
  'col.by': 'Published by', 'col.at': 'Published', 'col.actions': 'Actions',
  version: 'version {n}', latest: 'current', view: 'View', 'public.yes': 'public', 'public.no': 'not public', system: 'built in',
  upload: 'Publish a new version',

  'detail.summary': 'Full marks {total}; applies to {kinds}; grades {public}.',
  'detail.public.yes': 'are public (shown on the party page)', 'detail.public.no': 'are not public (only the party and entitled departments see them)',
  'detail.grades': 'Grades', 'col.grade': 'Grade', 'col.range': 'Score range', 'col.meaning': 'Meaning',
  'range.top': '{min} and above', 'range.mid': '{min} to under {next}',
  'detail.dimensions': 'Dimensions and indicators', 'col.dimension': 'Dimension', 'col.indicator': 'Indicator', 'col.points': 'Points', 'col.share': 'Share',
  'col.rule': 'What it looks at', 'col.scoring': 'How it scores', 'detail.raw': 'Model text (JSON)', 'detail.draft': 'Use as the draft of a new version',
  'dim.total': '{name} ({points} points)',

  'rule.count': 'number of "{category}" records{scope}{filters}', 'rule.exists': 'whether there is a "{category}" record{scope}{filters}',
  'rule.sum': 'total "{field}" of "{category}" records{scope}{filters}', 'rule.fieldValue': '"{field}" of the latest "{category}" record{filters}',
  'rule.yearsSince': 'years since registration', 'rule.onList.kind': 'entries on {kind}', 'rule.onList.list': 'entries on "{list}"',
  'rule.combine.sum': 'sum of indicators {of}', 'rule.combine.max': 'largest of indicators {of}', 'rule.combine.min': 'smallest of indicators {of}',
  'scope.within': ' in the last {n} months', 'filter.severity': ' ({list})', 'filter.live': ' (still in force)', 'filter.states': ' (state: {list})',
  'filter.where': ' ({field} is {values})', or: ' or ', sep: ', ', parts: '; ',
  'sev.minor': 'minor', 'sev.ordinary': 'ordinary', 'sev.serious': 'serious',
  'state.active': 'in force', 'state.disputed': 'under objection', 'state.expired': 'expired', 'state.repaired': 'repaired', 'state.revoked': 'revoked',
  'listKind.honour': 'honour lists', 'listKind.blacklist': 'serious-dishonesty lists', 'listKind.watch': 'watch lists',

  'score.step': 'at least {at}: {p} points', 'score.stepElse': 'below {at}: {p} points',
  'score.linearDown': 'starts at {base}, minus {per} for each one', 'score.linearUp': 'starts at {base}, plus {per} for each one',
  'score.cap': '{per} points each, at most {max}', 'score.map': '"{value}": {p} points', 'score.mapElse': 'anything else: {p} points',
  'score.missing': 'no information: {p} points', 'score.veto': 'veto: when present, the grade is at best "{grade}"', 'score.clamp': 'between 0 and {max} points',

  'upload.title': 'Publish a new model version',
  'upload.hint': 'Paste the model or choose its file (YAML or JSON). A model with an existing code becomes that model\'s next version; otherwise a new model. Before publishing, the platform checks that the points add up, that the categories and fields it names exist, that the grade cut-offs run from high to low, and more.',
  'upload.file': 'Choose a model file', 'upload.text': 'Model', 'upload.submit': 'Check and publish', 'upload.required': 'Paste the model or choose its file',
  'upload.done': 'Published "{name}" version {version}', 'upload.problems': 'The model was not published: {n} problem(s) to fix',
  'upload.at': 'Where: {where}', 'upload.whole': 'the whole model',

  'path.dimension': 'dimension {n}', 'path.indicator': 'indicator {n}', 'path.grade': 'grade {n}', 'path.step': 'step {n}',
  'path.kind': 'party type {n}', 'path.line': 'line {n}', 'path.of': ' › ',
  'field.code': 'code', 'field.name': 'name', 'field.points': 'points', 'field.totalPoints': 'full marks', 'field.grades': 'grades',
  'field.grade': 'grade name', 'field.minScore': 'lowest score', 'field.subjectKinds': 'party types', 'field.gradesPublic': 'grade public',
  'field.dimensions': 'dimensions', 'field.indicators': 'indicators', 'field.rule': 'rule', 'field.score': 'scoring', 'field.category': 'category',
  'field.field': 'field', 'field.where': 'filter', 'field.severity': 'severity', 'field.withinMonths': 'period', 'field.states': 'record states',
  'field.live': 'records in force only', 'field.combine': 'combination', 'field.of': 'indicators referred to', 'field.steps': 'steps', 'field.atLeast': 'step start',
  'field.otherwise': 'points otherwise', 'field.ifMissing': 'points without information', 'field.vetoGrade': 'veto grade', 'field.values': 'values and points',
  'field.source': 'model text', 'field.kind': 'list kind', 'field.list': 'list', 'field.max': 'maximum', 'field.per': 'points per unit', 'field.base': 'starting points',

  'reason.weights_mismatch': 'points do not add up', 'reason.unknown_indicator': 'refers to an indicator that does not exist', 'reason.cyclic_indicator': 'indicators refer to each other in a circle',
  'reason.unknown_category': 'no such category', 'reason.unknown_field': 'no such field', 'reason.grades_out_of_order': 'grade cut-offs do not run from high to low',
  'reason.syntax_error': 'cannot be read (format error)', 'reason.required': 'something required is missing', 'reason.invalid_code': 'code has the wrong form', 'reason.invalid_points': 'points are wrong',
  'reason.points_out_of_range': 'points outside the indicator\'s range', 'reason.duplicate_grade': 'grade appears twice', 'reason.duplicate_indicator': 'indicator code appears twice',
  'reason.grade_above_total': 'cut-off above full marks', 'reason.lowest_grade_not_zero': 'the lowest grade must start at 0', 'reason.unknown_grade': 'no such grade',
  'reason.unknown_list': 'no such list', 'reason.unknown_subject_kind': 'no such party type', 'reason.scoring_mismatch': 'scoring does not fit the value',
  'reason.steps_out_of_order': 'steps do not run from low to high', 'reason.text_indicator': 'a text value cannot be calculated with', 'reason.invalid_model': 'not a complete model',
  'reason.other': 'something is wrong',

  'runs.start': 'Start an evaluation', 'runs.model': 'Model', 'runs.kind': 'Kind',
  'runs.kind.full': 'Full: grade every party the model applies to again', 'runs.kind.incremental': 'Incremental: grade only parties whose information changed since the last evaluation',
  'mode.full': 'full', 'mode.incremental': 'incremental', 'runs.go': 'Start', 'runs.onlyCenter': 'Evaluations are started by the credit centre\'s administrators and operators.',
  'runs.preparing': 'Evaluation no. {id} has started, preparing…', 'runs.running': 'Evaluating with "{model}": {done} of {total} parties graded',
  'runs.completed': 'Evaluation no. {id} finished: {n} parties in {s} s', 'runs.failed': 'Evaluation no. {id} did not finish: {error}',
  'runs.history': 'Evaluations', 'col.run': 'No.', 'col.kind': 'Kind', 'col.asOf': 'As of', 'col.started': 'Started', 'col.finished': 'Finished',
  'col.startedBy': 'Started by', 'col.status': 'Status', 'col.subjects': 'Parties', 'col.grades': 'Parties per grade',
  'status.running': 'running', 'status.completed': 'finished', 'status.failed': 'not finished', 'runs.bySystem': 'the platform, at its first start',
  'runs.chart': 'Grades in the latest evaluation', 'runs.chartOf': '{model} version {version} · {mode} · as of {asOf} · {n} parties',
  'runs.chartIncremental': 'This was an incremental evaluation: the chart holds only the parties it graded again.', 'runs.none': 'No evaluation yet', 'runs.subjectsUnit': 'parties',

  'explain.intro': 'Enter a unified social credit code, an ID number or a name to see the party\'s score and grade in its latest evaluation, and how each dimension and indicator scored.',
  'explain.query': 'Code or name', 'explain.queryHint': 'Unified social credit code, ID number or name', 'explain.queryRequired': 'Enter a code or a name',
  'explain.purpose': 'Purpose', 'explain.purposeHint': 'e.g. review of a credit grade', 'explain.purposeRequired': 'Say what for (written to the audit log)',
  'explain.anyModel': 'the model of its latest evaluation', 'explain.search': 'Look up', 'explain.pick': '{n} parties found, choose one:', 'explain.personHint': 'For a natural person, enter the ID number',
  'explain.noMatch': 'No party whose name contains "{q}"',
  'explain.notEvaluated': '{name} has not been evaluated yet (or not under the chosen model).',
  'explain.summary': '{name} scored {score} of {total} under "{model}" (version {version}, as of {asOf}): grade "{grade}".',
  'explain.next': '{gap} points short of the next grade "{grade}" ({min}).', 'explain.top': 'This is the highest grade.',
  'explain.veto': 'The score alone would give "{byScore}"; a veto indicator sets the grade to "{grade}".',
  'explain.dim': '"{name}": {got} of {max} points{lost}.', 'explain.dimLost': ', {n} lost', 'explain.dimFull': ', full marks',
  'explain.dimWithheld': '"{name}" ({max} points) draws on information you may not see: its score is not shown.',
  'explain.item': '{name}: {value}, {got} of {max} points', 'explain.itemLost': ' ({n} lost)', 'explain.withheld': '{name}: draws on information you may not see',
  'value.count': '{n} record(s)', 'value.yes': 'yes', 'value.no': 'none', 'value.sum': 'total {n}', 'value.text': '"{v}"', 'value.years': '{n} year(s)',
  'value.list': 'on {n} list(s)', 'value.number': '{n}', 'value.missing': 'no information',
  'explain.lost': 'Where points were lost', 'explain.noLoss': 'Full marks on every indicator.', 'explain.lostItem': '{name}: {n} lost',
  'explain.whatIf': 'How the score could rise', 'explain.whatIfNone': 'No record whose repair or fulfilment would raise the score.',
  'explain.whatIfNoSingle': '{n} record(s) could be repaired or fulfilled, but none of them alone would change the score.',
  'explain.grade': 'Grade', 'explain.score': 'Score',
  'explain.whatIfItem': '{description}: score {delta}, grade {grade}', 'explain.becomes': 'becomes "{g}"', 'explain.stays': 'stays "{g}"',
  'explain.notice': 'Note: {notice}',
};

export type Words = (key: WordKey, vars?: Record<string, string | number>) => string;

/** The screen's words in the chosen language, `{name}` placeholders filled. */
export function useWords(): Words {
  const { lang } = useI18n();
  return useCallback((key, vars) => {
    const text = (lang === 'en-US' ? en : zh)[key];
    return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
  }, [lang]);
}

export const isWordKey = (key: string): key is WordKey => key in zh;
