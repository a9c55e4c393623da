import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';

// The cover's QR code is drawn as filled rectangles (ReportDocument.qr). A test reads them back out
// of the page's content stream and compares them, module by module, with the QR code of a URL:
// what a phone would scan, without an image decoder.

/** The page content streams of a PDFKit file, inflated. */
function contentStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  const text = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a deflated stream (fonts are, images may not be): not what we look for
    }
    re.lastIndex = end;
  }
  return out;
}

/** The rectangles `x y w h re` of a content stream. */
function rects(stream: string): [number, number, number, number][] {
  return [...stream.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])]);
}

/**
 * Whether the first page draws exactly the QR code of `url` (quiet zone of 2 modules, as drawn by
 * ReportDocument.qr) in a square of `size` points.
 */
export function pdfHasQrOf(pdf: Buffer, url: string, size = 104): boolean {
  const m = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
  const cell = size / (m.size + 4);
  for (const s of contentStreams(pdf)) {
    const all = rects(s);
    const box = all.find(([, , w, h]) => Math.abs(w - size) < 0.01 && Math.abs(h - size) < 0.01);
    if (!box) continue;
    const [x0, y0] = box;
    const dark = new Set<number>();
    for (const [x, y, w, h] of all) {
      if (Math.abs(h - (cell + 0.05)) > 0.01 || x < x0 || y < y0 || x > x0 + size || y > y0 + size) continue;
      const r = Math.round((y - y0) / cell) - 2;
      const c0 = Math.round((x - x0) / cell) - 2;
      const n = Math.round((w - 0.05) / cell);
      for (let c = c0; c < c0 + n; c++) dark.add(r * m.size + c);
    }
    const expected = new Set<number>();
    m.data.forEach((v, i) => v && expected.add(i));
    if (dark.size > 0) return dark.size === expected.size && [...expected].every((i) => dark.has(i));
  }
  return false;
}
