import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/helpers/clock.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import { GENESIS_HASH } from '../../lib/hash-chain.js';
import { chainLink, contentHash, FIELDS_HOLE, ledgerEntry, renderedContentHash, snapshotOf } from './ledger.js';
import type { Actor, RecordRow } from './types.js';

// One writer, used two ways: every record and ledger entry is hashed by renderedContentHash and
// ledgerEntry from pre-rendered pieces, the fields rendered once per row by the bulk import and
// per call by contentHash and appendVersion. The results must be byte for byte canonicalJson's
// documents (the content, snapshotOf) and the link hash verifyLedger recomputes (chainLink),
// whatever the values hold. The dates in the records below are opaque values being hashed, not
// dates relative to today.
const fieldSets: Record<string, string>[] = [
  { CF_WSH: '通市监罚〔2025〕1号', CF_NR: '罚款人民币28.42万元', CF_JDRQ: '2025-05-04' },
  { CF_WSH: 'K-"quoted"\\back\\slash', CF_SY: 'tab\tnew\nline\r\u0001 end', CF_XDR_MC: '😀 emoji', '10': 'numeric key', a: '' },
  {},
];

type Content = Omit<RecordRow, 'id' | 'version' | 'contentHash' | 'fields'>;
const contents: Content[] = [
  {
    subjectId: 7, categoryId: 3, departmentId: 2, sourceKey: 'k', decidedOn: '2025-05-04', validFrom: null,
    validUntil: '2026-12-31', publishFrom: '2025-05-04', publishUntil: null, severity: 'ordinary', state: 'active',
  },
  {
    subjectId: 9_007_199, categoryId: 31, departmentId: 55, sourceKey: '罚〔2025〕"7"\\号\t', decidedOn: null, validFrom: '2024-01-01',
    validUntil: null, publishFrom: null, publishUntil: '2029-02-28', severity: 'serious', state: 'revoked',
  },
  {
    subjectId: 1, categoryId: 1, departmentId: 1, sourceKey: '', decidedOn: null, validFrom: null,
    validUntil: null, publishFrom: null, publishUntil: null, severity: null, state: 'disputed',
  },
];
const actors: Actor[] = [
  { kind: 'department', id: 'SCJGJ', name: '南通市"市场"监督管理局' },
  { kind: 'system', id: null, name: 'back\\slash\nname' },
];

describe('bulk ledger hashing', () => {
  for (const [i, fields] of fieldSets.entries()) {
    it(`matches the one-by-one hashes (field set ${i + 1})`, () => {
      const json = Buffer.from(canonicalJson(fields));
      const content = { ...contents[i % contents.length]!, sourceKey: fields.CF_WSH ?? contents[i % contents.length]!.sourceKey };
      const hash = renderedContentHash({ ...content, fields: FIELDS_HOLE }, json);
      expect(hash).toBe(contentHash({ ...content, fields }));
      expect(hash).toBe(createHash('sha256').update(canonicalJson({ ...content, fields })).digest('hex'));
      const row: RecordRow = { id: 42, ...content, fields, version: 3, contentHash: hash };
      const actor = actors[i % actors.length]!;
      const at = new Date(TEST_NOW);
      const prev = i ? 'ab'.repeat(32) : GENESIS_HASH;
      const reason = i === 2 ? null : '报送批次 #9';
      const v = ledgerEntry({ ...row, fields: FIELDS_HOLE }, json, 'update', actor, reason, at, prev);
      expect(v.snapshot[0] + json.toString() + v.snapshot[1]).toBe(canonicalJson(snapshotOf(row)));
      const one = chainLink(prev, {
        recordId: row.id, subjectId: row.subjectId, version: row.version, op: 'update', snapshot: snapshotOf(row),
        actorKind: actor.kind, actorId: actor.id, actorName: actor.name, reason, at,
      });
      expect(v.hash).toBe(one.hash);
      // The next entry of a batch (same actor, time and reason) reuses the rendered opening.
      const next = ledgerEntry({ ...row, id: 43, version: 1, fields: FIELDS_HOLE }, json, 'create', actor, reason, at, v.hash);
      const two = chainLink(v.hash, {
        recordId: 43, subjectId: row.subjectId, version: 1, op: 'create', snapshot: snapshotOf({ ...row, id: 43, version: 1 }),
        actorKind: actor.kind, actorId: actor.id, actorName: actor.name, reason, at,
      });
      expect(next.hash).toBe(two.hash);
    });
  }

  it('refuses a value the canonical JSON would drop, rather than hash a different document', () => {
    const content = { ...contents[0]!, validFrom: undefined as unknown as string | null, fields: FIELDS_HOLE };
    expect(() => renderedContentHash(content, Buffer.from('{}'))).toThrow(/unexpected value undefined/);
  });
});
