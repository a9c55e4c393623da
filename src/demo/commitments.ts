import type { Pool } from '../db/pool.js';
import { systemViewer } from '../modules/access/viewer.js';
import { createItem, listItems, type ItemInput } from '../modules/commitments/service.js';

const TEMPLATE = '{主体名称}郑重承诺：{承诺事由}。以上承诺真实有效，如有虚假或违反承诺，愿意承担相应法律责任，并同意将违诺情况记入信用记录、依法公开。承诺日期：{承诺日期}；受理单位：{受理单位}';

/** The commitment items (承诺事项) an operator of the demo city has published. */
const DEMO_ITEMS: ItemInput[] = [
  { code: 'FOOD-CERT', name: '食品经营许可：经营场所合法使用证明', type: 'certification_notice', verificationWorkingDays: 5, department: 'SCJGJ', templateText: TEMPLATE, legalBasis: '《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）' },
  { code: 'BUILD-MISSING', name: '施工许可容缺受理：消防验收意见后补', type: 'missing_material', verificationWorkingDays: 7, department: 'ZJJ', templateText: TEMPLATE, legalBasis: '《优化营商环境条例》第四十条' },
  { code: 'VOLUNTARY', name: '主动型信用承诺：诚信经营、依法纳税', type: 'voluntary', verificationWorkingDays: null, department: null, templateText: TEMPLATE, legalBasis: '《关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）' },
];

/** Publish the demo city's commitment items unless codes are taken; returns how many were added. */
export async function seedDemoCommitmentItems(pool: Pool): Promise<number> {
  const have = new Set((await listItems(pool, false)).map((i) => i.code));
  let added = 0;
  for (const item of DEMO_ITEMS) {
    if (have.has(item.code)) continue;
    await createItem(pool, systemViewer, item);
    added += 1;
  }
  return added;
}
