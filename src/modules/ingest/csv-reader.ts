/** One record of a CSV file, or the reason it could not be read. */
export type CsvRecord = { cells: string[]; line: number } | { error: string; line: number };

export interface CsvLimits {
  /** Characters in one field (quoted or not). */
  maxFieldChars: number;
  /** Cells in one record. */
  maxColumns: number;
  /** Characters of one record still being read (an unclosed quote is caught here at the latest). */
  maxRecordChars: number;
}

/**
 * A record past one of the limits: the file is not what it claims to be (an unclosed quote
 * swallowing the rest of the file, a binary file, a wrong delimiter), so reading stops.
 * `column` is the 1-based cell the reader was in; `line` the file line the record began on.
 */
export class CsvLimitError extends Error {
  constructor(readonly limit: keyof CsvLimits, readonly line: number, readonly column: number, readonly max: number) {
    super(`CSV record at line ${line} passes ${limit} (${max}) in column ${column}`);
    this.name = 'CsvLimitError';
  }
}

/**
 * A streaming RFC 4180 reader over decoded text: quoted fields may hold delimiters, doubled
 * quotes and line breaks; CRLF, LF and lone CR end records; blank lines are skipped. A quote
 * inside an unquoted field is kept as text. Text after a closing quote, or a quote still open at
 * the end of the input, makes that record an error and reading goes on. A field, record or row of
 * cells past its limit throws CsvLimitError as soon as it is seen (push() never holds more than
 * about one record plus one chunk). Records are scanned with indexOf (no per-character state
 * machine), which keeps it fast.
 */
export class CsvReader {
  private rest = '';
  private line = 1;

  constructor(private readonly limits: CsvLimits, private readonly delimiter = ',') {}

  /** Feed a chunk; returns the records it completed. */
  push(chunk: string, out: CsvRecord[] = []): CsvRecord[] {
    const text = this.rest ? this.rest + chunk : chunk;
    const used = this.scan(text, false, out);
    this.rest = text.slice(used);
    if (this.rest.length > this.limits.maxRecordChars) throw new CsvLimitError('maxRecordChars', this.line, 1, this.limits.maxRecordChars);
    return out;
  }

  /** The input ended: the last record (even without a final line break). */
  end(out: CsvRecord[] = []): CsvRecord[] {
    if (this.rest) this.scan(this.rest, true, out);
    this.rest = '';
    return out;
  }

  /** A field longer than the limit (so far, when it is still open), or one cell too many. */
  private check(fieldChars: number, cells: number): void {
    const { maxFieldChars, maxColumns } = this.limits;
    if (fieldChars > maxFieldChars) throw new CsvLimitError('maxFieldChars', this.line, cells + 1, maxFieldChars);
    if (cells >= maxColumns) throw new CsvLimitError('maxColumns', this.line, cells + 1, maxColumns);
  }

  // Next LF / CR at or after the scan position in the current text (-1: none left).
  private lf = -1;
  private cr = -1;

  /** Parse complete records from text; returns how much was consumed. */
  private scan(text: string, final: boolean, out: CsvRecord[]): number {
    this.lf = text.indexOf('\n');
    this.cr = text.indexOf('\r');
    const d = this.delimiter;
    const n = text.length;
    let pos = 0;
    for (;;) {
      if (pos >= n) return pos;
      const start = pos;
      const startLine = this.line;
      let lines = 0;
      const cells: string[] = [];
      let bad: string | null = null;
      let i = pos;
      let complete = false;
      for (;;) {
        if (text.charCodeAt(i) === 34 /* " */) {
          let value = '';
          let from = i + 1;
          let closed = false;
          for (;;) {
            const q = text.indexOf('"', from);
            if (q < 0) break;
            if (text.charCodeAt(q + 1) === 34) {
              value += text.slice(from, q + 1);
              from = q + 2;
              continue;
            }
            if (q + 1 >= n && !final) break; // the next chunk may start with a second quote
            value += text.slice(from, q);
            i = q + 1;
            closed = true;
            break;
          }
          if (!closed) {
            this.check(value.length + n - from, cells.length);
            if (!final) return start;
            bad ??= '引号未闭合';
            value += text.slice(from);
            i = n;
          }
          for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) lines += 1;
          const next = text.charCodeAt(i);
          if (i < n && next !== 44 && next !== 10 && next !== 13 && text[i] !== d) {
            bad ??= `第 ${cells.length + 1} 个字段的闭合引号后还有字符`;
            const stop = this.fieldEnd(text, i);
            value += text.slice(i, stop);
            i = stop;
          }
          this.check(value.length, cells.length);
          cells.push(value);
        } else {
          const stop = this.fieldEnd(text, i);
          this.check(stop - i, cells.length);
          if (stop >= n && !final) return start;
          cells.push(text.slice(i, stop));
          i = stop;
        }
        if (i >= n) {
          if (!final) return start;
          complete = true;
          break;
        }
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) {
          if (c === 13 && i + 1 >= n && !final) return start; // \r\n may straddle chunks
          i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
          lines += 1;
          complete = true;
          break;
        }
        i += 1; // the delimiter
        if (i >= n && !final) return start;
        if (i >= n) {
          this.check(0, cells.length);
          cells.push('');
          complete = true;
          break;
        }
      }
      if (!complete) return start;
      this.line += lines;
      pos = i;
      if (bad) out.push({ error: bad, line: startLine });
      else if (cells.length > 1 || cells[0] !== '') out.push({ cells, line: startLine });
    }
  }

  /** End of an unquoted field: the next delimiter or line break (or the end of the text). */
  private fieldEnd(text: string, from: number): number {
    if (this.lf >= 0 && this.lf < from) this.lf = text.indexOf('\n', from);
    if (this.cr >= 0 && this.cr < from) this.cr = text.indexOf('\r', from);
    const nl = this.cr >= 0 && (this.lf < 0 || this.cr < this.lf) ? this.cr : this.lf;
    const d = text.indexOf(this.delimiter, from);
    if (d < 0) return nl < 0 ? text.length : nl;
    return nl < 0 || d < nl ? d : nl;
  }
}
