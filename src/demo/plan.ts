import type { SubjectKind } from '../modules/catalog/types.js';
import type { RowDraft, RowEnv } from './row-env.js';
import { licenceRow, penaltyRow, registrationRow } from './rows-admin.js';
import {
  abnormalRow, commitmentRow, contractRow, courtRow, dishonestyRow, evaluationRow, honourRow, ipRow, qualificationRow,
  socialInsuranceRow, taxArrearsRow, voluntaryRow,
} from './rows-more.js';
import { chance, poisson, type Rng } from './rng.js';
import type { SubjectDraft } from './subjects.js';

/** How many records of each category a subject gets: about 3 per subject, licences first, then penalties. */

type Builder = (rng: Rng, env: RowEnv, s: SubjectDraft) => RowDraft | null;

const BUILDERS: Record<string, Builder> = {
  licence: licenceRow,
  penalty: penaltyRow,
  court_judgment: courtRow,
  abnormal_operation: abnormalRow,
  serious_dishonesty: dishonestyRow,
  contract_performance: contractRow,
  commitment: commitmentRow,
  evaluation_result: evaluationRow,
  social_insurance: socialInsuranceRow,
  tax_arrears: taxArrearsRow,
  honour: honourRow,
  intellectual_property: ipRow,
  voluntary: voluntaryRow,
  professional_qualification: qualificationRow,
};

/** Mean records per subject of each kind (Poisson); registration is a yes/no share. */
const RATES: Record<SubjectKind, Record<string, number>> = {
  legal_person: {
    licence: 1.45, penalty: 0.6, commitment: 0.25, evaluation_result: 0.22, intellectual_property: 0.16, contract_performance: 0.12,
    social_insurance: 0.1, honour: 0.08, abnormal_operation: 0.06, court_judgment: 0.05, tax_arrears: 0.04, voluntary: 0.04,
  },
  sole_trader: {
    licence: 1.3, penalty: 0.5, commitment: 0.15, abnormal_operation: 0.08, social_insurance: 0.03, tax_arrears: 0.03,
    court_judgment: 0.03, evaluation_result: 0.03, honour: 0.01, voluntary: 0.01,
  },
  unincorporated: {
    licence: 0.5, penalty: 0.2, commitment: 0.1, evaluation_result: 0.1, abnormal_operation: 0.05, honour: 0.05,
    contract_performance: 0.05, social_insurance: 0.05, voluntary: 0.02,
  },
  government: { licence: 0.4, penalty: 0.05, contract_performance: 0.3, evaluation_result: 0.1, honour: 0.1, social_insurance: 0.05 },
  natural_person: {
    licence: 0.3, penalty: 0.3, professional_qualification: 0.4, social_insurance: 0.3, commitment: 0.1, court_judgment: 0.08,
    honour: 0.03, intellectual_property: 0.02, voluntary: 0.02,
  },
};
const REGISTRATION_SHARE = 0.5;

/** The rows of one subject, in a fixed category order so the same seed gives the same rows. */
export function rowsFor(rng: Rng, env: RowEnv, s: SubjectDraft): RowDraft[] {
  const out: RowDraft[] = [];
  if (s.kind !== 'natural_person' && chance(rng, REGISTRATION_SHARE)) out.push(registrationRow(rng, env, s));
  const rates = RATES[s.kind];
  for (const [category, build] of Object.entries(BUILDERS)) {
    let n = category === 'serious_dishonesty' ? 0 : poisson(rng, rates[category] ?? 0);
    if (s.blacklisted) {
      if (category === 'serious_dishonesty') n = chance(rng, 0.2) ? 2 : 1;
      else if (category === 'penalty' || category === 'court_judgment') n += chance(rng, 0.5) ? 1 : 0;
    }
    for (let i = 0; i < n; i++) {
      const r = build(rng, env, s);
      if (r) out.push(r);
    }
  }
  return out;
}
