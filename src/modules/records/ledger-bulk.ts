import { copyJsonBytes } from '../../db/copy.js';
import type { Pending } from '../../db/pending.js';
import type { PoolClient } from '../../db/pool.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import type { Clock } from '../../lib/clock.js';
import { GENESIS_HASH } from '../../lib/hash-chain.js';
import type { PersonalData } from '../../lib/personal-data.js';
import type { Category } from '../catalog/types.js';
import * as bulk from './bulk-repo.js';
import { FIELDS_HOLE, ledgerEntry, renderedContentHash } from './ledger.js';
import { publicationWindow } from './publication.js';
import { lockLedgerTail } from './repo.js';
import type { CheckedRow } from './row-check.js';
import type { SaveOutcome } from './service.js';
import type { Actor, RecordState } from './types.js';

/**
 * A record's fields rendered once, ahead of writing (a bulk loader can do it while the previous
 * batch is being written): canonical JSON in UTF-8, hashed twice and stored twice, and that text
 * escaped for COPY.
 */
export interface RenderedFields {
  json: Buffer;
  copy: Buffer;
}

export function renderFields(values: Record<string, string>): RenderedFields {
  const json = Buffer.from(canonicalJson(values));
  return { json, copy: copyJsonBytes(json) };
}

/** What the writer needs of a record on file (locked by its caller for the rest of the transaction). */
export interface RecordOnFile {
  id: number;
  state: RecordState;
  version: number;
  contentHash: string;
}

export interface BulkContext {
  /** The connection whose transaction the writes join, and their queue on it. */
  db: PoolClient;
  q: Pending;
  pd: PersonalData;
  clock: Clock;
}

/** What stage() made of a row: the outcome saveCheckedRow would report, the record and its decision date. */
export interface StagedRecord {
  outcome: SaveOutcome;
  recordId: number;
  decidedOn: string | null;
}

interface Change {
  write: bulk.RecordWrite;
  fields: Buffer;
  op: 'create' | 'update';
}

/**
 * saveCheckedRow for many rows at once, set-based, after the caller has resolved their subjects
 * and locked the records they name: each row is staged (created, updated or unchanged, decided as
 * saveCheckedRow decides), and each flush() queues the writes of the rows staged since the last:
 * new records and their ledger entries by COPY, new versions of records in one statement. The
 * ledger entries are computed here by ledgerEntry, as appendVersion computes them, chained from
 * the tail read under the ledger lock. Writes may still be in flight when a method returns: the
 * caller flushes its queue before committing.
 */
export class BulkRecordWriter {
  private prev: string;
  private created = 0;
  private changes: Change[] = [];
  private readonly updatedIds: number[] = [];
  private readonly personal: { recordId: number; field: string; hmac: string; cipher: string }[] = [];
  private readonly at: Date;
  private readonly today: string;

  private constructor(
    private readonly ctx: BulkContext,
    private readonly target: { category: Category; departmentId: number },
    private readonly actor: Actor,
    private readonly reason: string | null,
    tail: string | null,
    private readonly ids: number[],
  ) {
    this.prev = tail ?? GENESIS_HASH;
    this.at = ctx.clock.now();
    this.today = ctx.clock.today();
  }

  /**
   * Take the ledger lock with the chain's tail and reserve ids for the `creates` new records the
   * caller will stage, queued on the connection. As in saveCheckedRow, the ledger lock comes
   * after the subjects are written and before the records (a serious penalty's trigger takes the
   * same lock when its record is inserted).
   */
  static async open(
    ctx: BulkContext,
    target: { category: Category; departmentId: number },
    actor: Actor,
    reason: string | null,
    creates: number,
  ): Promise<BulkRecordWriter> {
    const [tail, ids] = await Promise.all([ctx.q.run(() => lockLedgerTail(ctx.db)), ctx.q.run(() => bulk.reserveRecordIds(ctx.db, creates))]);
    return new BulkRecordWriter(ctx, target, actor, reason, tail, ids);
  }

  /** Stage one checked row of the subject `subjectId`; `onFile` is its record on file (locked), if any. */
  stage(row: CheckedRow, fields: RenderedFields, subjectId: number, onFile: RecordOnFile | undefined): StagedRecord {
    const { category, departmentId } = this.target;
    const win = publicationWindow(category, row.values, this.today, row.kind === 'natural_person');
    const content = {
      subjectId, categoryId: category.id, departmentId, sourceKey: row.sourceKey, fields: FIELDS_HOLE,
      decidedOn: win.decidedOn, validFrom: win.validFrom, validUntil: win.validUntil, publishFrom: win.publishFrom,
      publishUntil: win.publishUntil, severity: win.severity, state: onFile?.state ?? ('active' as RecordState),
    };
    const hash = renderedContentHash(content, fields.json);
    if (!onFile) {
      const id = this.ids[this.created++]!;
      this.change({ ...content, id, version: 1, contentHash: hash }, row, fields, 'create');
      return { outcome: 'created', recordId: id, decidedOn: win.decidedOn };
    }
    if (onFile.contentHash === hash) return { outcome: 'unchanged', recordId: onFile.id, decidedOn: win.decidedOn };
    // A corrected re-submission of a revoked record brings it back (as saveCheckedRow does).
    const c = onFile.state === 'revoked' ? { ...content, state: 'active' as RecordState } : content;
    this.change({ ...c, id: onFile.id, version: onFile.version + 1, contentHash: renderedContentHash(c, fields.json) }, row, fields, 'update');
    this.updatedIds.push(onFile.id);
    return { outcome: 'updated', recordId: onFile.id, decidedOn: win.decidedOn };
  }

  private change(r: Omit<bulk.RecordWrite, 'fields' | 'fieldsCopy'>, row: CheckedRow, fields: RenderedFields, op: Change['op']): void {
    this.changes.push({ write: { ...r, fields: row.values, fieldsCopy: fields.copy }, fields: fields.json, op });
    const { pd } = this.ctx;
    for (const [field, v] of Object.entries(row.personal)) {
      this.personal.push({ recordId: r.id, field, hmac: pd.hmac(v).toString('hex'), cipher: pd.encrypt(v).toString('hex') });
    }
  }

  /** Queue the writes of the rows staged since the last flush: new records, new versions, then their ledger entries. */
  flush(): void {
    const { db, q } = this.ctx;
    const at = this.at;
    const creates = this.changes.filter((c) => c.op === 'create').map((c) => c.write);
    const updates = this.changes.filter((c) => c.op === 'update').map((c) => c.write);
    const recordData = bulk.recordsCopyData(creates, at);
    q.add(() => bulk.copyRecords(db, recordData));
    q.add(() => bulk.updateRecords(db, updates, at));
    if (this.changes.length) {
      const versionData = bulk.versionsCopyData(this.chain(this.changes), this.actor, this.reason, at);
      q.add(() => bulk.copyVersions(db, versionData));
    }
    this.changes = [];
  }

  /** Chain the entries after the tail (or the last entry of the chunk before), exactly as appendVersion would one by one. */
  private chain(changes: Change[]): bulk.VersionCopy[] {
    return changes.map(({ write: w, fields, op }) => {
      const e = ledgerEntry({ ...w, fields: FIELDS_HOLE }, fields, op, this.actor, this.reason, this.at, this.prev);
      const v = { recordId: w.id, subjectId: w.subjectId, version: w.version, op, snapshot: e.snapshot, fieldsCopy: w.fieldsCopy, prevHash: this.prev, hash: e.hash };
      this.prev = e.hash;
      return v;
    });
  }

  /** Queue what follows the last flush: the personal values of the written records, encrypted (replaced on update). */
  finish(): void {
    const { db, q } = this.ctx;
    const { updatedIds, personal } = this;
    q.add(() => bulk.replacePersonal(db, updatedIds, personal));
  }
}
