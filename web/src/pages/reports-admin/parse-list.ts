import { strFromU8, unzipSync } from 'fflate';

// A list of parties as the clerk has it — typed or pasted lines, a CSV, an Excel sheet — turned into
// { row, code } with the row numbers the clerk sees (line of the text, row of the sheet), so the
// server's per-row errors point at the right place.

export interface ListRow { row: number; code: string }

/** A cell's content read as a code: spaces and dashes typed between characters do not matter. */
const compact = (s: string) => s.replace(/[\s\u3000-]/g, '');
const looksLikeCode = (s: string) => /^[0-9A-Za-z]{8,}$/.test(compact(s));
/** A heading naming the column of codes (统一社会信用代码, 证件号码, code …). */
const CODE_HEADING = /代码|证件|身份证|号码|code|uscc/i;

/**
 * The codes of a table whose rows are numbered from 1. The first non-empty row is a heading when
 * none of its cells looks like a code; the code column is then the one whose heading names a code
 * (else the first). Without a heading, it is the first column holding a code in the first row.
 * Empty cells are skipped (blank lines are not errors).
 */
export function codesFromTable(table: { row: number; cells: string[] }[]): ListRow[] {
  const rows = table.filter((r) => r.cells.some((c) => c.trim()));
  if (!rows.length) return [];
  const first = rows[0]!.cells;
  const heading = !first.some(looksLikeCode);
  let col = 0;
  if (heading) {
    const named = first.findIndex((c) => /信用代码|uscc/i.test(c));
    col = named >= 0 ? named : Math.max(0, first.findIndex((c) => CODE_HEADING.test(c)));
  } else {
    col = Math.max(0, first.findIndex(looksLikeCode));
  }
  return rows.slice(heading ? 1 : 0).flatMap((r) => {
    const code = compact(r.cells[col] ?? '');
    return code ? [{ row: r.row, code }] : [];
  });
}

/** One CSV line into cells (quotes as Excel writes them). */
function csvCells(line: string, sep: RegExp): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (sep.test(ch)) { cells.push(cur); cur = ''; } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

/** Typed, pasted (tab-separated from Excel) or CSV text: line n is row n. */
export function codesFromText(text: string): ListRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return codesFromTable(lines.map((line, i) => ({ row: i + 1, cells: csvCells(line, /[\t,，;；]/) })));
}

/** A CSV file's bytes as text: UTF-8 when it is valid UTF-8, else GBK (GB18030), as older systems write. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The index of a column from its letters (A → 0, AB → 27). */
const columnIndex = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

const xml = (text: string) => new DOMParser().parseFromString(text, 'application/xml');
const textOf = (el: Element) => Array.from(el.getElementsByTagName('t')).map((t) => t.textContent ?? '').join('');

/** The path of the workbook's first sheet (workbook.xml and its relationships), or sheet1. */
function firstSheetPath(files: Record<string, Uint8Array>): string {
  const wb = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (wb && rels) {
    const sheet = xml(strFromU8(wb)).getElementsByTagName('sheet')[0];
    const id = sheet?.getAttribute('r:id') ?? sheet?.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
    const rel = Array.from(xml(strFromU8(rels)).getElementsByTagName('Relationship')).find((r) => r.getAttribute('Id') === id);
    const target = rel?.getAttribute('Target');
    if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return 'xl/worksheets/sheet1.xml';
}

/** The first sheet of an .xlsx file as rows of cell texts, with the sheet's own row numbers. */
export function tableFromXlsx(bytes: Uint8Array): { row: number; cells: string[] }[] {
  const files = unzipSync(bytes, { filter: (f) => (f.name.startsWith('xl/') && f.name.endsWith('.xml')) || f.name.endsWith('.rels') });
  const shared = files['xl/sharedStrings.xml'] ? Array.from(xml(strFromU8(files['xl/sharedStrings.xml'])).getElementsByTagName('si')).map(textOf) : [];
  const sheet = files[firstSheetPath(files)];
  if (!sheet) throw new Error('no worksheet');
  return Array.from(xml(strFromU8(sheet)).getElementsByTagName('row')).map((r, i) => {
    const cells: string[] = [];
    Array.from(r.getElementsByTagName('c')).forEach((c, j) => {
      const ref = c.getAttribute('r');
      const at = ref ? columnIndex(ref) : j;
      const type = c.getAttribute('t');
      const v = c.getElementsByTagName('v')[0]?.textContent ?? '';
      cells[at] = type === 's' ? (shared[Number(v)] ?? '') : type === 'inlineStr' ? textOf(c) : v;
    });
    return { row: Number(r.getAttribute('r')) || i + 1, cells: Array.from(cells, (x) => x ?? '') };
  });
}

/** A file this page cannot read (an old binary .xls, a damaged .xlsx, something else). */
export class UnreadableListError extends Error {}

/** The codes of an uploaded file (.xlsx, or CSV/TXT in UTF-8 or GBK), by the file's row numbers. */
export async function codesFromFile(file: File): Promise<ListRow[]> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0xd0, 0xcf, 0x11, 0xe0) || bytes.includes(0)) {
    if (!starts(0x50, 0x4b)) throw new UnreadableListError('binary file');
  }
  if (!starts(0x50, 0x4b)) return codesFromText(decodeCsv(bytes));
  try {
    return codesFromTable(tableFromXlsx(bytes));
  } catch (err) {
    throw new UnreadableListError((err as Error).message);
  }
}
