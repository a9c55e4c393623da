import type { Readable } from 'node:stream';
import { ValidationError } from '../../errors.js';
import { textOf, type Opened } from './csv-source.js';
import type { TextEncoding } from './encoding.js';
import { MAX_RECORD_CHARS } from './limits.js';
import type { SourceRow } from './types.js';

/** Lines of decoded text (LF or CRLF), each at most MAX_RECORD_CHARS: a line past it stops reading, naming it. */
async function* linesOf(text: AsyncIterator<string>): AsyncGenerator<string> {
  let rest = '';
  let lineNo = 0;
  const tooLong = () => new ValidationError(
    `第 ${lineNo + 1} 行超过 ${MAX_RECORD_CHARS} 个字符仍未换行，不像是 JSON Lines 文件（每行一个 JSON 对象）`,
    [{ field: 'file', row: lineNo + 1, message: `line longer than ${MAX_RECORD_CHARS} characters`, limit: MAX_RECORD_CHARS }], 'record_too_large',
  );
  for (let r = await text.next(); !r.done; r = await text.next()) {
    rest += r.value;
    let from = 0;
    for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n', from)) {
      if (nl - from > MAX_RECORD_CHARS) throw tooLong();
      lineNo += 1;
      yield rest.slice(from, nl > from && rest.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
      from = nl + 1;
    }
    rest = rest.slice(from);
    if (rest.length > MAX_RECORD_CHARS) throw tooLong();
  }
  if (rest) yield rest;
}

export async function openJsonLines(stream: Readable, encoding: TextEncoding): Promise<Opened> {
  const it = linesOf(textOf(stream, encoding));
  let lineNo = 0;
  const parseLine = (line: string): SourceRow => {
    try {
      const v: unknown = JSON.parse(line);
      if (v && typeof v === 'object' && !Array.isArray(v)) return { rowNo: lineNo, record: v as Record<string, unknown> };
      return { rowNo: lineNo, unreadable: { field: null, code: 'invalid_json', message: '该行应为一个 JSON 对象' } };
    } catch (err) {
      return { rowNo: lineNo, unreadable: { field: null, code: 'invalid_json', message: `该行不是有效的 JSON：${(err as Error).message}` } };
    }
  };
  let first: SourceRow | null = null;
  for (;;) {
    const r = await it.next();
    if (r.done) break;
    lineNo += 1;
    if (r.value.trim()) {
      first = parseLine(r.value);
      break;
    }
  }
  if (!first) throw new ValidationError('文件没有内容', [{ field: 'file', message: 'no JSON lines' }], 'empty_file');
  if (!first.record) throw new ValidationError(`第 ${first.rowNo} 行：${first.unreadable!.message}`, [{ field: 'file', row: first.rowNo, message: first.unreadable!.message }], 'malformed_jsonl');
  const head = first;
  async function* rows(): AsyncGenerator<SourceRow> {
    yield head;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      lineNo += 1;
      if (r.value.trim()) yield parseLine(r.value);
    }
  }
  return { columns: Object.keys(head.record!), rows: rows() };
}
