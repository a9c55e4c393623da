import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { ValidationError } from '../../errors.js';
import { openCsv, type Opened } from './csv-source.js';
import { detectEncoding, type TextEncoding } from './encoding.js';
import { openJsonLines } from './jsonl-source.js';
import { MAX_COLUMNS } from './limits.js';
import type { SourceRow, SubmissionFormat } from './types.js';
import { spoolCheckedXlsx } from './xlsx-guard.js';
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
  /** Stop reading: the upload's remaining bytes are drained (not torn down, so its reply still reaches the client). */
  close(): void;
}

const SAMPLE_BYTES = 64 * 1024;

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
  // Not pipeline(): that would destroy the input (for an HTTP upload, its socket) when reading stops early.
  input.pipe(meter);
  input.on('error', (err) => meter.destroy(err));
  const { head, stream } = await sample(meter).catch((err: unknown) => {
    input.unpipe(meter);
    input.resume();
    throw err;
  });
  const cleanups: (() => unknown)[] = [];
  let closed = false;
  const common = {
    bytes: () => meter.bytes,
    sha256: () => meter.hash.copy().digest('hex'),
    close: () => {
      if (closed) return;
      closed = true;
      input.unpipe(meter);
      meter.destroy();
      stream.destroy();
      input.resume();
      for (const f of cleanups) f();
    },
  };
  try {
    if (!head.length) throw new ValidationError('文件为空', [{ field: 'file', message: 'no bytes' }], 'empty_file');
    const format = opts.format && opts.format !== 'json' ? opts.format : sniffFormat(head, opts.fileName ?? null);
    let opened: Opened;
    let encoding: TextEncoding | null = null;
    if (format === 'xlsx') {
      const file = await spoolCheckedXlsx(stream);
      const read = createReadStream(file.path);
      cleanups.push(() => read.destroy(), () => void file.remove());
      opened = await openXlsx(read);
      opened.rows = thenRemove(opened.rows, file.remove);
    } else {
      encoding = detectEncoding(head, opts.encoding ?? null);
      opened = format === 'jsonl' ? await openJsonLines(stream, encoding) : await openCsv(stream, head, encoding);
    }
    checkColumnCount(opened.columns);
    return { ...common, ...opened, format, encoding, keyed: format === 'jsonl' };
  } catch (err) {
    common.close();
    throw err;
  }
}

/** The rows, then the temp file removed once they are all read. */
async function* thenRemove(rows: AsyncIterable<SourceRow>, remove: () => Promise<void>): AsyncGenerator<SourceRow> {
  try {
    yield* rows;
  } finally {
    await remove();
  }
}

/** A header wider than MAX_COLUMNS (a CSV's is caught while it is read). */
function checkColumnCount(columns: string[]): void {
  if (columns.length > MAX_COLUMNS) {
    throw new ValidationError(`表头有 ${columns.length} 列，超过 ${MAX_COLUMNS} 列的上限，不像是报送文件：请检查表头`, [{ field: 'header', row: 0, message: `more than ${MAX_COLUMNS} columns`, limit: MAX_COLUMNS }], 'too_many_columns');
  }
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
  checkColumnCount(columns);
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
