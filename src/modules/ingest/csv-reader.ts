/** One record of a CSV file, or the reason it could not be read. */
export type CsvRecord = { cells: string[]; line: number } | { error: string; line: number };

/**
 * A streaming RFC 4180 reader over decoded text: quoted fields may hold delimiters, doubled
 * quotes and line breaks; CRLF, LF and lone CR end records; blank lines are skipped. A quote
 * inside an unquoted field is kept as text. Text after a closing quote, or a quoted field still
 * open after `maxRecordChars`, makes that record an error and reading resumes on the next line.
 * Records are scanned with indexOf (no per-character state machine), which keeps it fast.
 */
export class CsvReader {
  private rest = '';
  private line = 1;

  constructor(private readonly maxRecordChars = 4 * 1024 * 1024, private readonly delimiter = ',') {}

  /** Feed a chunk; returns the records it completed. */
  push(chunk: string, out: CsvRecord[] = []): CsvRecord[] {
    const text = this.rest ? this.rest + chunk : chunk;
    const used = this.scan(text, false, out);
    this.rest = text.slice(used);
    if (this.rest.length > this.maxRecordChars) this.resync(out);
    return out;
  }

  /** The input ended: the last record (even without a final line break). */
  end(out: CsvRecord[] = []): CsvRecord[] {
    if (this.rest) this.scan(this.rest, true, out);
    this.rest = '';
    return out;
  }

  /** A runaway record (an unclosed quote): report it and restart after its first line. */
  private resync(out: CsvRecord[]): void {
    const nl = this.rest.search(/\r\n|\n|\r/);
    out.push({ error: `引号未闭合：记录超过 ${this.maxRecordChars} 个字符仍未结束`, line: this.line });
    const skip = nl < 0 ? this.rest.length : nl + (this.rest.startsWith('\r\n', nl) ? 2 : 1);
    this.rest = this.rest.slice(skip);
    this.line += 1;
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
          cells.push(value);
        } else {
          const stop = this.fieldEnd(text, i);
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
