import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * Noto Sans SC (SIL OFL 1.1) from the @expo-google-fonts/noto-sans-sc package: TrueType outlines
 * (glyf), covering all of GB 2312 and the CJK Unified Ideographs of GBK. TrueType subsets are
 * built far faster than CFF ones, which keeps a report under the 300 ms budget.
 */
const FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof FILES;

const require = createRequire(import.meta.url);
const cache = new Map<FontWeight, fontkit.Font>();

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** The slice of fontkit's GlyphRun that PDFKit reads (it scales `positions` in place). */
class PlainRun {
  constructor(readonly glyphs: fontkit.Glyph[], readonly positions: Position[]) {}
  get advanceWidth(): number {
    let w = 0;
    for (const p of this.positions) w += p.xAdvance;
    return w;
  }
}

/**
 * Chinese needs no OpenType shaping: glyphs come straight from the cmap and advance by their
 * width. Skipping fontkit's GSUB/GPOS pass (about half of the rendering time) loses only Latin
 * kerning, which the report's digits and codes do not need.
 */
function withPlainLayout(font: fontkit.Font): fontkit.Font {
  const layout = (text: string) => {
    const glyphs = font.glyphsForString(text);
    return new PlainRun(glyphs, glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 })));
  };
  return new Proxy(font, { get: (target, prop) => (prop === 'layout' ? layout : Reflect.get(target, prop, target)) });
}

/**
 * The parsed font, shared by every document: PDFKit accepts a fontkit font and builds a fresh
 * subset per document, so parsing (tables, cmap, glyph metrics) is paid once per process.
 */
export function reportFont(weight: FontWeight): fontkit.Font {
  let font = cache.get(weight);
  if (!font) {
    const parsed = fontkit.create(readFileSync(require.resolve(FILES[weight])));
    if (!('layout' in parsed)) throw new Error(`${FILES[weight]} is a font collection`);
    font = withPlainLayout(parsed);
    cache.set(weight, font);
  }
  return font;
}

/** Characters of the text the embedded font has no glyph for (would print as tofu boxes). */
export function missingGlyphs(text: string): string[] {
  const font = reportFont('regular');
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || ch === '\u00a0') continue;
    if (!font.hasGlyphForCodePoint(cp)) missing.add(ch);
  }
  return [...missing];
}

/** Load both weights and fill their glyph caches with the report's fixed wording. */
export function warmUpReportFonts(): void {
  for (const w of ['regular', 'bold'] as const) reportFont(w).layout('公共信用信息报告专用信用报告第页共查询期内无相关信息行政许可处罚 0123456789');
}
