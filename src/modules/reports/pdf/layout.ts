import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Issuance } from '../types.js';
import { reportFont } from './fonts.js';

export const PAGE = { width: 595.28, height: 841.89, top: 72, bottom: 64, left: 56, right: 56 };
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const COLORS = { ink: '#1a1a1a', muted: '#5b6470', accent: '#8b1a1a', navy: '#1f3a5f', rule: '#c8ced6', label: '#f1f3f6', soft: '#f7f8fa' };

const BODY = 10.5; // 五号
const CELL_PAD = 4.5;
const MAX_CELL_CHARS = 1500;
const clip = (v: string): string => (v.length > MAX_CELL_CHARS ? `${v.slice(0, MAX_CELL_CHARS)}……` : v);

/** Chinese numerals for section numbering (一、二、…). */
export function cnNumber(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n]!;
  if (n < 20) return `十${d[n - 10]}`;
  return `${d[Math.floor(n / 10)]}十${d[n % 10]}`;
}

/** CST wall time, e.g. 2026-11-25 10:00:00. */
export function cstTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * A4 report document: Noto Sans SC embedded as subsets, a running header and a footer with the
 * report number, verification code and "第 N 页 / 共 M 页" on every page, and the metadata the
 * verify-report command reads back.
 */
export class ReportDocument {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;

  constructor(private readonly iss: Issuance, private readonly title: string, subjectName: string) {
    this.doc = new PDFDocument({
      size: 'A4', bufferPages: true, autoFirstPage: false, lang: 'zh-CN', displayTitle: true, pdfVersion: '1.7',
      margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
      // No default font: PDFKit would load Helvetica, and a second handle on our regular font
      // defeats its font cache (a new embedding is checked on every font switch).
      font: null as unknown as string,
      info: {
        Title: `${title}（${subjectName}）`, Author: iss.platformName, Creator: iss.platformName, Producer: 'Xinyong',
        Subject: `报告编号 ${iss.number} 核验码 ${iss.verifyCode}`,
        // Plain ASCII, stored uncompressed: `xinyong verify-report` reads it without a PDF parser.
        Keywords: `xinyong-report:${iss.number} verify-code:${iss.verifyCode}`,
        CreationDate: iss.issuedAt,
      },
    });
    this.doc.registerFont('regular', reportFont('regular') as unknown as Buffer);
    this.doc.registerFont('bold', reportFont('bold') as unknown as Buffer);
    this.doc.font('regular');
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.doc.addPage();
  }

  get y(): number {
    return this.doc.y;
  }

  private get bottomLimit(): number {
    return PAGE.height - PAGE.bottom;
  }

  /** Start a new page unless `height` points still fit. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottomLimit) this.doc.addPage();
  }

  newPage(): void {
    this.doc.addPage();
  }

  /** Set font, size and colour; returns the PDFKit document for chaining. */
  font(weight: 'regular' | 'bold', size: number, color = COLORS.ink): PDFKit.PDFDocument {
    return this.doc.font(weight).fontSize(size).fillColor(color);
  }

  /** 一、Section title with a coloured rule. */
  sectionTitle(text: string): void {
    this.ensureSpace(80);
    this.doc.moveDown(0.6);
    const y = this.doc.y;
    this.doc.rect(PAGE.left, y + 2, 4, 16).fill(COLORS.accent);
    this.font('bold', 14, COLORS.navy).text(text, PAGE.left + 12, y, { width: CONTENT_WIDTH - 12 });
    const after = this.doc.y + 3;
    this.doc.moveTo(PAGE.left, after).lineTo(PAGE.left + CONTENT_WIDTH, after).lineWidth(0.6).strokeColor(COLORS.rule).stroke();
    this.doc.x = PAGE.left;
    this.doc.y = after + 8;
  }

  /** （一）Sub-heading with an item count on the right. */
  subTitle(text: string, count?: number): void {
    this.ensureSpace(60);
    const y = this.doc.y;
    this.font('bold', 11.5, COLORS.ink).text(text, PAGE.left, y, { width: CONTENT_WIDTH - 80 });
    const after = this.doc.y;
    if (count !== undefined) this.font('regular', 9.5, COLORS.muted).text(`共 ${count} 条`, PAGE.left, y + 1.5, { width: CONTENT_WIDTH, align: 'right' });
    this.doc.x = PAGE.left;
    this.doc.y = after + 4;
  }

  paragraph(text: string, opts: { size?: number; color?: string; bold?: boolean; indent?: number; gap?: number; align?: 'left' | 'center' } = {}): void {
    this.font(opts.bold ? 'bold' : 'regular', opts.size ?? BODY, opts.color ?? COLORS.ink);
    const width = CONTENT_WIDTH - (opts.indent ?? 0);
    this.ensureSpace(Math.min(this.doc.heightOfString(text, { width, lineGap: 3 }), 80));
    this.doc.text(text, PAGE.left + (opts.indent ?? 0), this.doc.y, { width, lineGap: 3, align: opts.align ?? 'left' });
    this.doc.x = PAGE.left;
    this.doc.moveDown(opts.gap ?? 0.3);
  }

  /** The grey box printed for a section without records. */
  emptyNote(text: string): void {
    this.ensureSpace(30);
    const y = this.doc.y;
    this.doc.rect(PAGE.left, y, CONTENT_WIDTH, 24).fill(COLORS.soft);
    this.font('regular', BODY, COLORS.muted).text(text, PAGE.left + 10, y + 6, { width: CONTENT_WIDTH - 20, lineBreak: false });
    this.doc.x = PAGE.left;
    this.doc.y = y + 32;
  }

  private cellHeight(text: string, width: number): number {
    return this.doc.heightOfString(text, { width: width - 2 * CELL_PAD, lineGap: 2 }) + 2 * CELL_PAD;
  }

  /** Height a label/value table will take (to keep a short record on one page). */
  kvTableHeight(rows: [string, string][], labelWidth = 118): number {
    this.font('regular', 9.5);
    return rows.reduce((h, [label, raw]) => h + Math.max(this.cellHeight(label, labelWidth), this.cellHeight(clip(raw), CONTENT_WIDTH - labelWidth)), 0);
  }

  /** A two-column label/value table; rows never split, long values wrap. */
  kvTable(rows: [string, string][], labelWidth = 118): void {
    for (const [label, raw] of rows) this.kvRow([[label, clip(raw)]], [labelWidth, CONTENT_WIDTH - labelWidth]);
    this.doc.moveDown(0.6);
  }

  /** Label/value pairs two to a row; a pair marked wide takes the whole row. */
  kvPairs(pairs: { label: string; value: string; wide?: boolean }[], labelWidth = 96): void {
    const half = CONTENT_WIDTH / 2;
    for (let i = 0; i < pairs.length; i++) {
      const a = pairs[i]!;
      const b = pairs[i + 1];
      if (a.wide || !b || b.wide) {
        this.kvRow([[a.label, clip(a.value)]], [labelWidth, CONTENT_WIDTH - labelWidth]);
      } else {
        this.kvRow([[a.label, clip(a.value)], [b.label, clip(b.value)]], [labelWidth, half - labelWidth, labelWidth, half - labelWidth]);
        i++;
      }
    }
    this.doc.moveDown(0.6);
  }

  /** One table row of (label, value) cells; widths alternate label, value, … */
  private kvRow(cells: [string, string][], widths: number[]): void {
    this.font('regular', 9.5);
    const texts = cells.flat();
    const h = Math.max(...texts.map((t, i) => this.cellHeight(t, widths[i]!)));
    this.ensureSpace(h);
    const y = this.doc.y;
    let x = PAGE.left;
    texts.forEach((t, i) => {
      const w = widths[i]!;
      const isLabel = i % 2 === 0;
      if (isLabel) this.doc.rect(x, y, w, h).fillAndStroke(COLORS.label, COLORS.rule);
      else this.doc.rect(x, y, w, h).lineWidth(0.6).stroke(COLORS.rule);
      this.font('regular', 9.5, isLabel ? COLORS.muted : COLORS.ink).text(t, x + CELL_PAD, y + CELL_PAD, { width: w - 2 * CELL_PAD, lineGap: 2 });
      x += w;
    });
    this.doc.x = PAGE.left;
    this.doc.y = y + h;
  }

  /** Room left on the current page, in points. */
  get remaining(): number {
    return this.bottomLimit - this.doc.y;
  }

  /** A grid with a header row (repeated after a page break). */
  grid(headers: string[], widths: number[], rows: string[][]): void {
    const drawRow = (cells: string[], header: boolean) => {
      this.font(header ? 'bold' : 'regular', 9.5);
      const h = Math.max(...cells.map((c, i) => this.doc.heightOfString(c, { width: widths[i]! - 2 * CELL_PAD, lineGap: 2 }))) + 2 * CELL_PAD;
      if (this.doc.y + h > this.bottomLimit) {
        this.doc.addPage();
        if (!header) drawRow(headers, true);
      }
      const y = this.doc.y;
      let x = PAGE.left;
      cells.forEach((c, i) => {
        const w = widths[i]!;
        if (header) this.doc.rect(x, y, w, h).fillAndStroke(COLORS.label, COLORS.rule);
        else this.doc.rect(x, y, w, h).lineWidth(0.6).stroke(COLORS.rule);
        this.font(header ? 'bold' : 'regular', 9.5, COLORS.ink).text(c, x + CELL_PAD, y + CELL_PAD, { width: w - 2 * CELL_PAD, lineGap: 2 });
        x += w;
      });
      this.doc.x = PAGE.left;
      this.doc.y = y + h;
    };
    drawRow(headers, true);
    for (const r of rows) drawRow(r, false);
    this.doc.moveDown(0.8);
  }

  /** A QR code drawn as vector squares (crisp at any zoom, no image decoding). */
  qr(text: string, x: number, y: number, size: number): void {
    const m = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
    const quiet = 2;
    const cell = size / (m.size + 2 * quiet);
    this.doc.rect(x, y, size, size).fill('#ffffff');
    for (let r = 0; r < m.size; r++) {
      let c = 0;
      while (c < m.size) {
        if (!m.data[r * m.size + c]) { c++; continue; }
        const start = c;
        while (c < m.size && m.data[r * m.size + c]) c++;
        this.doc.rect(x + (quiet + start) * cell, y + (quiet + r) * cell, (c - start) * cell + 0.05, cell + 0.05);
      }
    }
    this.doc.fill('#000000');
  }

  /** Header and footer on every page, then the finished file. */
  async finish(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      this.decorate(i - range.start + 1, range.count);
    }
    this.doc.end();
    await this.done;
    return Buffer.concat(this.chunks);
  }

  private decorate(n: number, total: number): void {
    const d = this.doc;
    const saved = d.page.margins.bottom;
    d.page.margins.bottom = 0; // drawing in the margin must not start a new page
    if (n > 1) {
      this.font('regular', 8.5, COLORS.muted).text(this.iss.platformName, PAGE.left, 40, { width: CONTENT_WIDTH / 2, lineBreak: false });
      this.font('regular', 8.5, COLORS.muted).text(this.title, PAGE.left, 40, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
      d.moveTo(PAGE.left, 55).lineTo(PAGE.left + CONTENT_WIDTH, 55).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    }
    const fy = PAGE.height - 44;
    d.moveTo(PAGE.left, fy - 6).lineTo(PAGE.left + CONTENT_WIDTH, fy - 6).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    this.font('regular', 8.5, COLORS.muted).text(`报告编号：${this.iss.number}    核验码：${this.iss.verifyCode}`, PAGE.left, fy, { width: CONTENT_WIDTH, lineBreak: false });
    this.font('regular', 8.5, COLORS.muted).text(`第 ${n} 页 / 共 ${total} 页`, PAGE.left, fy, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
    d.page.margins.bottom = saved;
  }
}
