import { Type, type Static, type TSchema } from '@sinclair/typebox';

// The parameters of each rule set, as schemas: PUT /rules/{code} is validated against them and the
// services read them typed. Defaults live as data in migration 007 (spec/objection.md, repair.md,
// commitments.md), never in code.

const Int = (minimum: number, maximum: number, description: string) => Type.Integer({ minimum, maximum, description });

export const ObjectionParams = Type.Object({
  centreCheckWorkingDays: Int(0, 30, '信用中心核查期限（工作日）'),
  providerDecisionWorkingDays: Int(1, 60, '数据提供单位作出决定的期限（工作日，自收到异议起算）'),
  maxTotalWorkingDays: Int(1, 120, '延期后的总期限（工作日，自收到异议起算）'),
  maxExtensions: Int(0, 5, '可延期次数'),
  escalateOverdue: Type.Boolean({ description: '逾期未决的异议上报信用中心' }),
}, { additionalProperties: false });
export type ObjectionParams = Static<typeof ObjectionParams>;

const SeverityLiteral = Type.Union([Type.Literal('minor'), Type.Literal('ordinary'), Type.Literal('serious')]);
const ClassRule = Type.Object({
  minMonths: Int(0, 120, '最短公示期（月，自决定之日起算）'),
  maxMonths: Int(0, 600, '最长公示期（月）'),
}, { additionalProperties: false });

export const RepairParams = Type.Object({
  classes: Type.Object({ minor: ClassRule, ordinary: ClassRule, serious: ClassRule }, { additionalProperties: false }),
  listEntryClass: SeverityLiteral,
  sameDayAcceptance: Type.Boolean({ description: '材料齐全的当场受理' }),
  decisionWorkingDays: Int(1, 60, '受理后作出决定的期限（工作日）'),
  extensionWorkingDays: Int(0, 60, '可延长的工作日'),
  shareResultWorkingDays: Int(0, 60, '修复结果共享期限（工作日）'),
  abuseBarYears: Int(0, 10, '修复被撤销后不得再申请的年限'),
  excludeBlacklisted: Type.Boolean({ description: '在严重失信主体名单中的主体不得申请（本地路径）' }),
  excludeSeriousDishonestyRecords: Type.Boolean({ description: '有现行严重失信主体名单信息记录的主体不得申请' }),
  materials: Type.Array(Type.Object({
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,40}$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 50 }),
  requirements: Type.Record(Type.String({ pattern: '^(default|list|list:[a-z0-9_]+|[a-z][a-z0-9_]*(:(minor|ordinary|serious))?)$' }), Type.Array(Type.String(), { maxItems: 50 }), {
    description: '所需材料：键为 “类别:等级”、“类别”、“list:名单编码”、“list” 或 “default”，按此顺序取第一个匹配',
  }),
}, { additionalProperties: false });
export type RepairParams = Static<typeof RepairParams>;

export const CommitmentParams = Type.Object({
  defaultVerificationWorkingDays: Int(1, 365, '告知承诺核查期限的默认值（工作日，事项未设定时）'),
  supplementWorkingDays: Int(1, 60, '容缺受理补齐材料期限（工作日）'),
  excludeSeriousAdverse: Type.Boolean({ description: '有严重失信记录的主体不适用' }),
  excludeBlacklisted: Type.Boolean({ description: '在严重失信主体名单中的主体不适用' }),
  excludeFalseCommitment: Type.Boolean({ description: '曾作出虚假承诺且未修复的主体不适用' }),
  publicationCategory: Type.String({ pattern: '^[a-z][a-z0-9_]{1,62}$' }),
  breachCategory: Type.String({ pattern: '^[a-z][a-z0-9_]{1,62}$' }),
}, { additionalProperties: false });
export type CommitmentParams = Static<typeof CommitmentParams>;

export const RULE_SCHEMAS = { objection: ObjectionParams, repair: RepairParams, commitment: CommitmentParams } satisfies Record<string, TSchema>;
export type RuleCode = keyof typeof RULE_SCHEMAS;
export const RULE_CODES = Object.keys(RULE_SCHEMAS) as RuleCode[];
export interface RuleParamsOf {
  objection: ObjectionParams;
  repair: RepairParams;
  commitment: CommitmentParams;
}

/** Checks beyond the schema: relations between numbers. */
export function crossCheck(code: RuleCode, params: unknown): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  if (code === 'objection') {
    const p = params as ObjectionParams;
    if (p.maxTotalWorkingDays < p.providerDecisionWorkingDays) {
      issues.push({ field: 'params.maxTotalWorkingDays', message: '延期后的总期限不能短于决定期限' });
    }
  }
  if (code === 'repair') {
    const p = params as RepairParams;
    for (const k of ['minor', 'ordinary', 'serious'] as const) {
      if (p.classes[k].minMonths > p.classes[k].maxMonths) issues.push({ field: `params.classes.${k}`, message: '最短公示期不能长于最长公示期' });
    }
    const known = new Set(p.materials.map((m) => m.code));
    if (!p.requirements.default) issues.push({ field: 'params.requirements.default', message: '须有 default 材料清单' });
    for (const [key, codes] of Object.entries(p.requirements)) {
      for (const c of codes) if (!known.has(c)) issues.push({ field: `params.requirements.${key}`, message: `未定义的材料 ${c}` });
    }
  }
  return issues;
}
