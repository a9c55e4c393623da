import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import readline from 'node:readline';
import { ValidationError } from '../../errors.js';
import { CsvReader, type CsvRecord } from './csv-reader.js';
import { decodeStream, decodeText, detectEncoding, type TextEncoding } from './encoding.js';
import type { SourceRow, SubmissionFormat } from './types.js';
import { openXlsx } from './xlsx-source.js';

/** A submitted file being read: its header, its rows as a stream, and what was read so far. */
export interface Source {
  format: SubmissionFormat;
  encoding: TextEncoding | null;
  /** Header cells (CSV/XLSX) or the keys of the first object (JSON Lines). */
  columns: string[];
  /** JSON rows carry their own keys; later rows may add columns. */
  keyed: boolean;
  rows: AsyncIterable<SourceRow>;
  bytes(): number;
  /** sha256 of every byte read (complete once the rows are consumed). */
  sha256(): string;
  close(): void;
}

const SAMPLE_BYTES = 64 * 1024;
const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/** Counts and hashes the bytes flowing through. */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null, data?: Buffer) => void): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    cb(null, chunk);
  }
}

/** Read the first bytes, then hand back a stream that replays them followed by the rest. */
async function sample(input: Readable): Promise<{ head: Buffer; stream: Readable }> {
  const it = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < SAMPLE_BYTES) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    chunks.push(r.value);
    size += r.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* replay() {
    yield head;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { head, stream: Readable.from(replay(), { objectMode: false }) };
}

export function sniffFormat(head: Buffer, fileName: string | null): SubmissionFormat {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  const lower = fileName?.toLowerCase() ?? '';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  const text = head.subarray(0, 256).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  return text.startsWith('{') ? 'jsonl' : 'csv';
}

export interface OpenOptions {
  format?: SubmissionFormat | null;
  encoding?: TextEncoding | null;
  fileName?: string | null;
}

/** Open a submitted file: sniff the format (XLSX by its zip signature), detect the encoding, read the header. */
export async function openSource(input: Readable, opts: OpenOptions = {}): Promise<Source> {
  const meter = new Meter();
  const piped = pipeline(input, meter).catch(() => undefined);
  void piped;
  const { head, stream } = await sample(meter);
  if (!head.length) throw new ValidationError('文件为空', [{ field: 'file', message: 'no bytes' }], 'empty_file');
  const format = opts.format && opts.format !== 'json' ? opts.format : sniffFormat(head, opts.fileName ?? null);
  const common = {
    bytes: () => meter.bytes,
    sha256: () => meter.hash.copy().digest('hex'),
    close: () => {
      stream.destroy();
      input.destroy();
    },
  };
  try {
    if (format === 'xlsx') return { ...common, ...(await openXlsx(stream)), format, encoding: null, keyed: false };
    const encoding = detectEncoding(head, opts.encoding ?? null);
    if (format === 'jsonl') return { ...common, ...(await openJsonLines(stream, encoding)), format, encoding, keyed: true };
    return { ...common, ...(await openCsv(stream, head, encoding)), format, encoding, keyed: false };
  } catch (err) {
    common.close();
    throw err;
  }
}

interface Opened {
  columns: string[];
  rows: AsyncIterable<SourceRow>;
}

/** Decoded text of a byte stream, as an async iterator of strings. */
function textOf(stream: Readable, encoding: TextEncoding): AsyncIterator<string> {
  const decoded = stream.pipe(decodeStream(encoding)) as unknown as Readable;
  stream.on('error', (err) => decoded.destroy(err));
  return decoded[Symbol.asyncIterator]() as AsyncIterator<string>;
}

async function openCsv(stream: Readable, head: Buffer, encoding: TextEncoding): Promise<Opened> {
  const text = textOf(stream, encoding);
  const reader = new CsvReader(MAX_RECORD_CHARS);
  let pending: CsvRecord[] = [];
  let at = 0;
  let ended = false;
  const next = async (): Promise<CsvRecord | null> => {
    while (at >= pending.length) {
      if (ended) return null;
      pending = [];
      at = 0;
      const r = await text.next();
      if (r.done) {
        ended = true;
        reader.end(pending);
      } else {
        reader.push(r.value, pending);
      }
    }
    return pending[at++]!;
  };
  const header = await next();
  if (!header) throw new ValidationError('文件没有内容（没有表头，也没有数据行）', [{ field: 'file', message: 'no header row' }], 'empty_file');
  if ('error' in header) throw new ValidationError(`无法读取 CSV 表头：${header.error}`, [{ field: 'header', row: 0, message: header.error }], 'malformed_csv');
  const columns = header.cells;
  checkHeaderEncoding(columns, head, encoding);
  async function* rows(): AsyncGenerator<SourceRow> {
    let rowNo = 0;
    for (let rec = await next(); rec; rec = await next()) {
      rowNo += 1;
      yield 'error' in rec
        ? { rowNo, unreadable: { field: null, code: 'malformed_csv', message: `CSV 格式错误（文件第 ${rec.line} 行）：${rec.error}` } }
        : { rowNo, cells: rec.cells };
    }
  }
  return { columns, rows: rows() };
}

/** A header that reads as mojibake in one encoding but cleanly in the other means the wrong encoding. */
function checkHeaderEncoding(columns: string[], head: Buffer, encoding: TextEncoding): void {
  const text = columns.join(',');
  if (!text.includes('\uFFFD')) return;
  const other: TextEncoding = encoding === 'utf-8' ? 'gb18030' : 'utf-8';
  const retry = decodeText(head.subarray(0, 4096), other);
  const hint = retry.includes('\uFFFD') ? '' : `，可能是 ${other === 'utf-8' ? 'UTF-8' : 'GBK/GB18030'} 编码`;
  throw new ValidationError(`表头含有无法识别的字符：文件编码不是 ${encoding === 'utf-8' ? 'UTF-8' : 'GBK/GB18030'}${hint}`, [{ field: 'encoding', row: 0, message: 'undecodable header' }], 'wrong_encoding');
}

async function openJsonLines(stream: Readable, encoding: TextEncoding): Promise<Opened> {
  const decoded = stream.pipe(decodeStream(encoding)) as unknown as Readable;
  stream.on('error', (err) => decoded.destroy(err));
  const lines = readline.createInterface({ input: decoded, crlfDelay: Number.POSITIVE_INFINITY });
  const it = lines[Symbol.asyncIterator]();
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

/** A JSON batch (POST /submissions with records) as a source. */
export function jsonSource(records: unknown[]): Source {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    if (r && typeof r === 'object' && !Array.isArray(r)) {
      for (const k of Object.keys(r)) if (!seen.has(k)) { seen.add(k); columns.push(k); }
    }
  }
  async function* rows(): AsyncGenerator<SourceRow> {
    for (let i = 0; i < records.length; i += 1) {
      const r = records[i];
      yield r && typeof r === 'object' && !Array.isArray(r)
        ? { rowNo: i + 1, record: r as Record<string, unknown> }
        : { rowNo: i + 1, unreadable: { field: null, code: 'invalid_json', message: '每条记录应为一个 JSON 对象' } };
    }
  }
  return { format: 'json', encoding: null, columns, keyed: true, rows: rows(), bytes: () => 0, sha256: () => '', close: () => undefined };
}
