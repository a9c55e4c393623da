import type { PoolClient } from './pool.js';

// COPY … FROM STDIN in text format, the cheapest way into PostgreSQL: values escaped, lines built
// from text and ready-made UTF-8 pieces, the data sent right behind the statement.

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIALS = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY text format: \N for null, backslash and the separators escaped. */
export function copyValue(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  return COPY_SPECIAL.test(v) ? v.replace(COPY_SPECIALS, (c) => COPY_ESCAPES[c]!) : v;
}

/** JSON text as a COPY value: JSON escapes its control characters, so only backslashes are doubled. */
export function copyJson(json: string): string {
  return json.includes('\\') ? json.replace(/\\/g, '\\\\') : json;
}

/** UTF-8 JSON as a COPY value (see copyJson). */
export function copyJsonBytes(json: Buffer): Buffer {
  return json.includes(0x5c) ? Buffer.from(copyJson(json.toString('utf8'))) : json;
}

/** COPY data assembled from text and ready-made UTF-8 pieces, written into one buffer at the end. */
export class CopyData {
  private readonly parts: (string | Buffer)[] = [];
  private size = 0;

  text(s: string): this {
    this.parts.push(s);
    this.size += Buffer.byteLength(s);
    return this;
  }

  bytes(b: Buffer): this {
    this.parts.push(b);
    this.size += b.length;
    return this;
  }

  toBuffer(): Buffer | null {
    if (!this.size) return null;
    const out = Buffer.allocUnsafe(this.size);
    let at = 0;
    for (const p of this.parts) at += typeof p === 'string' ? out.write(p, at) : p.copy(out, at);
    return out;
  }
}

/**
 * COPY … FROM STDIN with its data sent right behind the statement instead of after the server's
 * CopyInResponse (as pg-copy-streams waits for): the server reads the data once it runs the
 * statement, so the COPY costs one round trip, not two. The protocol allows it: if the statement
 * fails, the server drops the CopyData and CopyDone messages that follow.
 */
class EagerCopyIn {
  readonly done: Promise<void>;
  private settle!: (err?: unknown) => void;

  constructor(readonly text: string, private readonly data: Buffer) {
    this.done = new Promise<void>((resolve, reject) => {
      this.settle = (err) => (err ? reject(err) : resolve());
    });
  }

  submit(connection: { query(text: string): void; stream: { write(b: Buffer): boolean } }): void {
    connection.query(this.text);
    const PIECE = 1 << 18;
    for (let at = 0; at < this.data.length; at += PIECE) {
      const piece = this.data.subarray(at, at + PIECE);
      const header = Buffer.allocUnsafe(5);
      header[0] = 0x64; // CopyData
      header.writeUInt32BE(piece.length + 4, 1);
      connection.stream.write(header);
      connection.stream.write(piece);
    }
    connection.stream.write(Buffer.from([0x63, 0, 0, 0, 4])); // CopyDone
  }

  // The client calls these as the server answers; errors come without a ReadyForQuery call.
  callback(): void {}
  handleCopyInResponse(): void {}
  handleCommandComplete(): void {}
  handleReadyForQuery(): void {
    this.settle();
  }
  handleError(err: unknown): void {
    this.settle(err);
  }
}

/** COPY data in text format (tab-separated values, each line ending in \n) into a table. */
export function copyLines(db: PoolClient, table: string, columns: string, data: Buffer | null): Promise<void> {
  if (!data?.length) return Promise.resolve();
  return db.query(new EagerCopyIn(`copy ${table} (${columns}) from stdin`, data)).done;
}
