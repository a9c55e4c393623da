import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { makeCitizenId, makeUscc, mulberry32 } from '../src/modules/identity/generate.js';
import { csvLine } from '../src/modules/ingest/errors-csv.js';

export const HEADERS = [
  'CF_XDR_MC', 'CF_XDR_LB', 'CF_XDR_SHXYM', 'CF_FRDB', 'CF_XDR_ZJLX', 'CF_XDR_ZJHM', 'CF_WSH', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_CFLB', 'CF_NR',
  'CF_NR_FK', 'CF_JDRQ', 'CF_YXQ', 'CF_CFJG', 'CF_CFJGDM', 'CF_SJLY', 'CF_SJLYDM',
];

const FACTS = [
  '经查，当事人通过网络店铺发布含有虚假内容的商品广告，欺骗、误导消费者。以上事实有现场检查笔录、询问笔录及相关证据证实。',
  '当事人未在规定期限内公示年度报告，经责令限期改正后仍未改正。',
  '当事人销售的预包装食品标签不符合食品安全标准的规定，货值金额较小。',
  '当事人使用未经检验的特种设备从事生产经营活动。',
];
const ACTS = ['发布虚假广告', '未按规定公示年度报告', '销售标签不合格食品', '使用未经检验的特种设备'];
const BASES = ['《中华人民共和国广告法》第五十五条第一款', '《企业信息公示暂行条例》第十七条', '《中华人民共和国食品安全法》第一百二十五条', '《中华人民共和国特种设备安全法》第八十四条'];

/**
 * Write a valid national-format penalty CSV (UTF-8): `rows` rows, or as many as reach `bytes`.
 * One subject per five rows on average (repeat offenders), a tenth of them natural persons.
 */
export async function writePenaltyCsv(file: string, opts: { rows?: number; bytes?: number; seed?: number }): Promise<{ rows: number; bytes: number }> {
  const rng = mulberry32(opts.seed ?? 20261125);
  const deptUscc = makeUscc(rng, { authority: '1', orgType: '1', region: '320600' });
  const target = opts.rows ?? Number.POSITIVE_INFINITY;
  const pool = Math.max(10, Math.floor((opts.rows ?? (opts.bytes ?? 0) / 450) / 5));
  const subjects: { name: string; uscc: string | null; id: string | null; rep: string }[] = [];
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  const write = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(csvLine(HEADERS));
  let n = 0;
  let chunk = '';
  while (n < target && (opts.bytes === undefined || bytes + chunk.length * 2 < opts.bytes)) {
    const si = Math.floor(rng() * pool);
    if (!subjects[si]) {
      const person = si % 10 === 9;
      subjects[si] = person
        ? { name: `张${si}`, uscc: null, id: makeCitizenId(rng, { region: '320602', birthYearFrom: 1960, birthYearTo: 2000 }), rep: '' }
        : { name: `南通${si}号贸易有限公司`, uscc: makeUscc(rng, { region: '320602' }), id: null, rep: `王${si % 997}` };
    }
    const s = subjects[si]!;
    const k = Math.floor(rng() * FACTS.length);
    const fine = (1 + Math.floor(rng() * 5000) / 100).toFixed(2);
    const month = String(1 + Math.floor(rng() * 9)).padStart(2, '0');
    const day = String(1 + Math.floor(rng() * 28)).padStart(2, '0');
    n += 1;
    chunk += csvLine([
      s.name, s.uscc ? '法人及非法人组织' : '自然人', s.uscc ?? '', s.rep, s.id ? '身份证' : '', s.id ?? '', `通市监罚〔2025〕${n}号`, ACTS[k]!, FACTS[k]!,
      BASES[k]!, '罚款', `罚款人民币${fine}万元`, fine, `2025-${month}-${day}`, '2026-12-31', '南通市市场监督管理局', deptUscc, '南通市市场监督管理局', deptUscc,
    ]);
    if (chunk.length > 1 << 18) {
      await write(chunk);
      chunk = '';
    }
  }
  if (chunk) await write(chunk);
  out.end();
  await once(out, 'finish');
  return { rows: n, bytes };
}
