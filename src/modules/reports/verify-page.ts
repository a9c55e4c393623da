import { cstTime } from './pdf/layout.js';
import type { GenuineReport, VerifyResult } from './verify.js';

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body{margin:0;background:#f4f6f9;color:#1a1a1a;font:15px/1.7 "Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:720px;margin:40px auto;padding:0 16px}
.card{background:#fff;border:1px solid #d9dee5;border-radius:8px;padding:28px 32px;margin-bottom:16px}
h1{font-size:22px;margin:0 0 4px;color:#1f3a5f}.sub{color:#5b6470;margin:0 0 20px}
.verdict{font-size:20px;font-weight:700;padding:14px 18px;border-radius:6px;margin:0 0 20px}
.ok{background:#e8f5ec;color:#17653a;border:1px solid #b7dfc5}.bad{background:#fdecec;color:#8b1a1a;border:1px solid #f1b9b9}
.warn{background:#fff7e0;color:#7a5300;border:1px solid #f0d58a;padding:10px 14px;border-radius:6px;margin:12px 0}
.same{background:#eef4fb;color:#1f3a5f;border:1px solid #c9dbef;padding:10px 14px;border-radius:6px;margin:12px 0}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:8px 10px;border-bottom:1px solid #e6e9ee}
th{width:9em;color:#5b6470;font-weight:400;white-space:nowrap}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;word-break:break-all}
form{display:flex;gap:8px;flex-wrap:wrap}input{font:inherit;padding:8px 10px;border:1px solid #c8ced6;border-radius:4px;min-width:12em;text-transform:uppercase}
button{font:inherit;padding:8px 18px;border:0;border-radius:4px;background:#1f3a5f;color:#fff;cursor:pointer}
.foot{color:#5b6470;font-size:13px}`;

function layout(title: string, body: string, platformName: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} · ${esc(platformName)}</title><style>${STYLE}</style></head><body><main>
<div class="card"><h1>信用报告核验</h1><p class="sub">${esc(platformName)}</p>${body}</div>
<p class="foot">如何核验：用手机扫描报告封面上的二维码，或在本页输入报告封面、页脚上的报告编号和核验码。持有报告 PDF 文件的，也可在平台的<a href="/reports/verify">信用报告核验</a>页面上传该文件：文件经过任何修改都无法通过核验。核验结果以本平台存档为准。</p>
</main></body></html>`;
}

function codeForm(number: string, wrong: boolean): string {
  return `${wrong ? '' : '<p>请输入报告封面或页脚上的 8 位核验码。</p>'}
<form method="get" action="/verify/${esc(encodeURIComponent(number))}"><input name="code" maxlength="12" placeholder="核验码" required autocomplete="off" aria-label="核验码"><button type="submit">核验</button></form>`;
}

/** The verification page for a report number, with or without a code. */
export function verifyPage(o: { number: string; platformName: string; result: VerifyResult | null; notFound?: boolean }): string {
  const { number, platformName, result } = o;
  if (o.notFound) {
    return layout('未找到报告', `<p class="verdict bad">✗ 未找到报告编号 ${esc(number)}</p><p>平台未出具过该编号的报告。请核对编号；伪造的报告无法在此查到。</p>`, platformName);
  }
  if (!result) return layout(`核验 ${number}`, `<p>报告编号：<code>${esc(number)}</code></p>${codeForm(number, false)}`, platformName);
  if (!result.genuine) {
    return layout('核验未通过', `<p class="verdict bad">✗ 核验未通过</p><p>${esc(result.message)}</p>${codeForm(number, true)}`, platformName);
  }
  const r = result;
  const rows: [string, string][] = [
    ['报告编号', esc(r.number)], ['报告类型', esc(r.kindName)], ['信用主体', esc(r.subjectName)],
    ...(r.subjectCode ? [['主体代码', esc(r.subjectCode)] as [string, string]] : []),
    ['出具机构', esc(r.issuer)], ['生成时间', esc(cstTime(new Date(r.issuedAt)))],
    ['有效期至', `${esc(r.validUntil)}${r.expired ? '（已过有效期）' : ''}`],
    ['文件指纹', `<code>${esc(r.pdfSha256)}</code>`],
    ['核验时间', esc(cstTime(new Date(r.checkedAt)))],
  ];
  if (r.revoked) return layout(`核验 ${r.number}`, revokedBody(r, rows), platformName);
  const changed = r.factsChanged
    ? '<p class="warn">⚠ 自报告出具以来，报告所含信用信息已发生变化（新增、变更或公示期满）。请以最新报告为准，可重新获取。</p>'
    : '<p class="same">自报告出具以来，报告所含信用信息未发生变化。</p>';
  return layout(`核验 ${r.number}`, `<p class="verdict ok">✓ 报告真实有效：由本平台出具</p>${r.expired ? '<p class="warn">该报告已超过有效期。</p>' : ''}${changed}
<table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>
`, platformName);
}

/** A report we issued and later revoked: not valid any more, with when and why. */
function revokedBody(r: GenuineReport, rows: [string, string][]): string {
  const when = r.revokedAt ? cstTime(new Date(r.revokedAt)).slice(0, 10) : '';
  return `<p class="verdict bad">✗ 该报告已被撤销，不再有效</p>
<p class="warn">该报告由本平台出具，但已于 <strong>${esc(when)}</strong> 被出具机构撤销。撤销原因：${esc(r.revokedReason ?? '未说明')}。请勿再使用该报告；如需证明信用状况，请重新申请报告。</p>
<table>${[['撤销日期', esc(when)], ['撤销原因', esc(r.revokedReason ?? '')], ...rows].map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>`;
}
