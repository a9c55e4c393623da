import type { PoolClient } from '../../db/pool.js';
import type { PersonalData } from '../../lib/personal-data.js';
import type { SubjectKind } from '../catalog/types.js';
import { maskIdNumber } from '../identity/citizen-id.js';
import * as bulk from './bulk-repo.js';
import { normalizeName } from './name.js';
import type { SubjectRef } from './types.js';

// resolveSubject for the rows of a batch, set-based (collection's bulk path): look the subjects up
// at once, create the ones not on file at once, attach the legacy codes at once.

/** The subject a row is about, by its identifying code (USCC, or the HMAC of a citizen ID); `key` is either, prefixed. */
export interface SubjectKey {
  key: string;
  uscc: string | null;
  idNumber: string | null;
  hmac: string | null;
}

/** The batch's subjects on file (by key) and the owners of the legacy codes its rows claim. */
export async function lookUpSubjects(db: PoolClient, keys: SubjectKey[], claims: { scheme: string; value: string }[]) {
  const usccs = [...new Set(keys.filter((k) => k.uscc).map((k) => k.uscc!))];
  const hmacs = [...new Set(keys.filter((k) => k.hmac).map((k) => k.hmac!))];
  // One after the other: a connection runs one statement at a time.
  const found = await bulk.subjectsByCode(db, usccs, hmacs);
  const owners = await bulk.identifierOwners(db, claims);
  const byKey = new Map<string, { id: number; name: string }>();
  for (const s of found) byKey.set(s.uscc ? `u:${s.uscc}` : `h:${s.hmac}`, { id: s.id, name: s.name });
  return { byKey, owners };
}

/** A subject first seen in a batch: its key, kind, and the name and legal representative the row gives. */
export interface FreshSubject {
  key: SubjectKey;
  kind: SubjectKind;
  ref: Pick<SubjectRef, 'name' | 'legalRep'>;
}

/**
 * Create the subjects first seen in this batch with their legal representatives (as resolveSubject
 * would), adding them to `byKey`.
 */
export async function insertNewSubjects(
  db: PoolClient,
  pd: PersonalData,
  fresh: FreshSubject[],
  byKey: Map<string, { id: number; name: string }>,
): Promise<void> {
  if (!fresh.length) return;
  const news: bulk.NewSubject[] = fresh.map(({ key, kind, ref }) => {
    const name = ref.name.trim();
    return {
      kind, uscc: key.uscc, hmac: key.hmac,
      cipher: key.idNumber ? pd.encrypt(key.idNumber).toString('hex') : null,
      masked: key.idNumber ? maskIdNumber(key.idNumber) : null,
      name, nameNorm: normalizeName(name), legalRep: ref.legalRep?.trim() || null,
      regionCode: key.uscc ? key.uscc.slice(2, 8) : key.idNumber!.slice(0, 6),
    };
  });
  const newsByKey = new Map(news.map((n) => [n.uscc ? `u:${n.uscc}` : `h:${n.hmac}`, n]));
  const inserted = await bulk.insertSubjects(db, news);
  const links: { subjectId: number; name: string }[] = [];
  for (const s of inserted) {
    const k = s.uscc ? `u:${s.uscc}` : `h:${s.hmac}`;
    byKey.set(k, { id: s.id, name: s.name });
    const legalRep = newsByKey.get(k)?.legalRep;
    if (legalRep) links.push({ subjectId: s.id, name: legalRep });
  }
  // Created meanwhile by another transaction: read them back like resolveSubject does.
  const missing = fresh.filter((f) => !byKey.has(f.key.key)).map((f) => f.key);
  if (missing.length) {
    const again = await lookUpSubjects(db, missing, []);
    for (const [k, v] of again.byKey) byKey.set(k, v);
  }
  await bulk.insertLegalReps(db, links);
}

/** Attach legacy codes (organisation code, registration number) to subjects; codes already on file are left alone. */
export async function addLegacyCodes(db: PoolClient, codes: { subjectId: number; scheme: string; value: string }[]): Promise<void> {
  await bulk.insertIdentifiers(db, codes);
}
