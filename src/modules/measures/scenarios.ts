import { ValidationError } from '../../errors.js';

/** Scenarios (应用场景) in which departments review parties and apply measures. */
export const SCENARIOS = [
  { code: 'procurement', name: '政府采购' },
  { code: 'bidding', name: '招标投标' },
  { code: 'fiscal_funds', name: '财政资金' },
  { code: 'honours', name: '评先评优' },
  { code: 'approval', name: '行政审批' },
  { code: 'credit_financing', name: '融资授信' },
  { code: 'land_transfer', name: '土地出让' },
  { code: 'market_access', name: '市场准入' },
  { code: 'high_consumption', name: '高消费' },
  { code: 'post_holding', name: '任职' },
  { code: 'franchise', name: '特许经营' },
  { code: 'inspection', name: '日常监管' },
] as const;
export type Scenario = (typeof SCENARIOS)[number]['code'];

/** Targets of measures that are not lists: live serious penalties (严重失信行政处罚). */
export const PSEUDO_TARGETS = ['serious_penalty'] as const;

/** The scenario code for a code or its Chinese name; null when unknown. */
export function scenarioCode(input: string): Scenario | null {
  const s = input.trim();
  return SCENARIOS.find((x) => x.code === s || x.name === s)?.code ?? null;
}

/** Like scenarioCode, but an unknown scenario is a 400 listing the known ones. */
export function requireScenario(input: string, field = 'scenario'): Scenario {
  const code = scenarioCode(input);
  if (!code) {
    throw new ValidationError(`未知的应用场景“${input}”；可选：${SCENARIOS.map((s) => `${s.code}（${s.name}）`).join('、')}`, [
      { field, message: `unknown scenario ${input}` },
    ], 'unknown_scenario');
  }
  return code;
}
