import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** COPY … FROM STDIN in PostgreSQL's text format: tab-separated, \N for null, backslash escapes. */

export type Cell = string | number | Buffer | null;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Escape one value for the text format; bytea goes in as \x hex (its backslash escaped). */
export function copyCell(v: Cell): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  if (Buffer.isBuffer(v)) return `\\\\x${v.toString('hex')}`;
  return /[\\\n\r\t]/.test(v) ? v.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]!) : v;
}

export function copyLine(cells: Cell[]): string {
  return `${cells.map(copyCell).join('\t')}\n`;
}

/** Lines grouped into chunks of a few hundred kilobytes, as the stream wants them. */
export class CopyBuffer {
  readonly chunks: string[] = [];
  private current: string[] = [];
  private size = 0;
  rows = 0;

  add(cells: Cell[]): void {
    this.addLine(copyLine(cells));
  }

  /** A line already in COPY text form (cells escaped, tab-separated, ending in a newline). */
  addLine(line: string): void {
    this.current.push(line);
    this.size += line.length;
    this.rows += 1;
    if (this.size > 256 * 1024) this.flush();
  }

  /** Lines added so far, ready to stream. */
  done(): string[] {
    this.flush();
    return this.chunks;
  }

  private flush(): void {
    if (this.current.length) this.chunks.push(this.current.join(''));
    this.current = [];
    this.size = 0;
  }
}

/** Stream the chunks into `table (columns)` on this client (inside the caller's transaction). */
export async function copyInto(client: pg.PoolClient, table: string, columns: string[], chunks: string[]): Promise<void> {
  if (chunks.length === 0) return;
  const sink = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(chunks), sink);
}
