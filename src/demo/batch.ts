import { canonicalJson } from '../lib/canonical-json.js';
import type { PersonalData } from '../lib/personal-data.js';
import type { Category } from '../modules/catalog/types.js';
import { maskIdNumber } from '../modules/identity/citizen-id.js';
import { FIELDS_HOLE, ledgerEntry, renderedContentHash } from '../modules/records/ledger.js';
import { publicationWindow, type Window } from '../modules/records/publication.js';
import { checkRecordRow } from '../modules/records/row-check.js';
import type { Actor } from '../modules/records/types.js';
import { normalizeName } from '../modules/subjects/name.js';
import { CopyBuffer, copyCell } from './copy.js';
import type { GeneratedSubject } from './generate.js';
import type { RowDraft } from './row-env.js';
import type { BatchCopy } from './repo.js';
import type { Person, SubjectDraft } from './subjects.js';

/** Turning generated subjects into validated rows and COPY text, with the ledger chain. */

export interface CheckedDemoRow {
  category: Category;
  departmentId: number;
  sourceKey: string;
  values: Record<string, string>;
  win: Window;
}

export interface CheckedSubject {
  subject: SubjectDraft;
  rows: CheckedDemoRow[];
}

export interface Lookup {
  categories: Map<string, Category>;
  departments: Map<string, number>;
  today: string;
}

/** Rows checked in full before sampling starts, and the sampling interval after that. */
const FULL_CHECK_ROWS = 50_000;
const SAMPLE_EVERY = 16;

/**
 * Validates generated rows exactly as the API does (checkRecordRow): every row of a small city,
 * and at scale every row up to FULL_CHECK_ROWS, then one in SAMPLE_EVERY. Unchecked rows take a
 * fast path (generated values are already normalised; personal fields get masked) and each
 * sampled row must come out of checkRecordRow identical to the fast path, so a generator bug
 * still throws loudly instead of loading rows the API would reject or store differently.
 */
export class RowChecker {
  private seen = 0;
  private readonly personal = new Map<string, string[]>();

  constructor(private readonly l: Lookup) {}

  check(g: GeneratedSubject): CheckedSubject {
    const rows: CheckedDemoRow[] = [];
    for (const r of g.rows) {
      const category = this.l.categories.get(r.category);
      if (!category) throw new Error(`demo: category ${r.category} is not in the catalog`);
      if (!category.active) continue;
      const departmentId = this.l.departments.get(r.dept);
      if (departmentId === undefined) throw new Error(`demo: department ${r.dept} missing`);
      const n = this.seen++;
      const fast = this.fastPath(category, r);
      if (n < FULL_CHECK_ROWS || n % SAMPLE_EVERY === 0) this.verify(category, r, g.subject, fast);
      const win = publicationWindow(category, fast.values, this.l.today, g.subject.kind === 'natural_person');
      rows.push({ category, departmentId, sourceKey: fast.sourceKey, values: fast.values, win });
    }
    return { subject: g.subject, rows };
  }

  private fastPath(category: Category, r: RowDraft): { values: Record<string, string>; sourceKey: string } {
    let personal = this.personal.get(category.code);
    if (!personal) {
      personal = category.fields.filter((f) => f.personal).map((f) => f.code);
      this.personal.set(category.code, personal);
    }
    const values = { ...r.fields };
    for (const code of personal) if (values[code]) values[code] = maskIdNumber(values[code]);
    return { values, sourceKey: category.keyField ? (values[category.keyField] ?? '') : '' };
  }

  private verify(category: Category, r: RowDraft, s: SubjectDraft, fast: { values: Record<string, string>; sourceKey: string }): void {
    const where = `generated ${r.category} row for subject #${s.index}`;
    const checked = checkRecordRow(category, r.fields, null, null, this.l.today);
    if (!checked.ok) throw new Error(`demo: ${where} is invalid: ${checked.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
    if (checked.row.kind !== s.kind) throw new Error(`demo: ${where} reads as ${checked.row.kind}, not ${s.kind}`);
    const same = checked.row.sourceKey === fast.sourceKey && sameValues(checked.row.values, fast.values);
    if (!same) throw new Error(`demo: ${where} is not in normal form: the API would store ${JSON.stringify(checked.row.values)}`);
  }
}

const orNull = (v: string | null): string => v ?? '\\N';
const DEMO_ACTOR: Actor = { kind: 'system', id: null, name: 'demo' };
const DEMO_REASON = 'demo city';

function sameValues(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

export interface EncodeContext {
  pd: PersonalData;
  at: Date;
  /** Subject id by absolute subject index (for links to natural persons of earlier batches). */
  subjectIds: number[];
}

/**
 * COPY text for one batch, built subject by subject. Record content and hash have the shape
 * saveCheckedRow gives them; each record gets one 'create' ledger entry chained from the last.
 */
export class BatchEncoder {
  private readonly subjects = new CopyBuffer();
  private readonly identifiers = new CopyBuffer();
  private readonly links = new CopyBuffer();
  private readonly records = new CopyBuffer();
  private readonly versions = new CopyBuffer();

  private readonly atText: string;

  constructor(private readonly c: EncodeContext, private hash: string) {
    this.atText = c.at.toISOString();
  }

  get recordCount(): number {
    return this.records.rows;
  }

  get lastHash(): string {
    return this.hash;
  }

  add({ subject, rows }: CheckedSubject, recordIds: number[]): void {
    const subjectId = this.c.subjectIds[subject.index]!;
    this.subjectRows(subjectId, subject);
    rows.forEach((r, k) => this.recordRows(recordIds[k]!, subjectId, r));
  }

  done(): BatchCopy {
    return {
      subjects: this.subjects.done(), identifiers: this.identifiers.done(), links: this.links.done(),
      records: this.records.done(), versions: this.versions.done(),
    };
  }

  private subjectRows(id: number, s: SubjectDraft): void {
    const person = s.idNumber;
    const pd = this.c.pd;
    this.subjects.add([
      id, s.kind, s.uscc, person ? pd.hmac(person) : null, person ? pd.encrypt(person) : null, person ? maskIdNumber(person) : null,
      s.name, normalizeName(s.name), s.legalRep?.name ?? null, s.county.code, s.industry, 'active', s.registeredOn,
    ]);
    for (const name of s.formerNames) this.identifiers.add([id, 'former_name', name, normalizeName(name)]);
    if (s.orgCode) this.identifiers.add([id, 'org_code', s.orgCode, s.orgCode]);
    if (s.regNo) this.identifiers.add([id, 'reg_no', s.regNo, s.regNo]);
    if (s.formerRep) this.link(id, s.formerRep, s.registeredOn, s.legalRepSince);
    if (s.legalRep) this.link(id, s.legalRep, s.legalRepSince, null);
  }

  private link(id: number, p: Person, since: string | null, until: string | null): void {
    const personSubjectId = p.subjectIndex === null ? null : (this.c.subjectIds[p.subjectIndex] ?? null);
    this.links.add([id, 'legal_rep', p.name, this.c.pd.hmac(p.idNumber), maskIdNumber(p.idNumber), personSubjectId, since, until]);
  }

  private recordRows(id: number, subjectId: number, r: CheckedDemoRow): void {
    const w = r.win;
    const content = {
      subjectId, categoryId: r.category.id, departmentId: r.departmentId, sourceKey: r.sourceKey, fields: FIELDS_HOLE,
      decidedOn: w.decidedOn, validFrom: w.validFrom, validUntil: w.validUntil, publishFrom: w.publishFrom,
      publishUntil: w.publishUntil, severity: w.severity, state: 'active' as const,
    };
    // The fields rendered once, hashed in the content and the ledger entry as every writer hashes them.
    const fieldsText = canonicalJson(r.values);
    const fields = Buffer.from(fieldsText);
    const row = { id, ...content, version: 1, contentHash: renderedContentHash(content, fields) };
    // Hot path: only the free-text cells need escaping; ids, dates, enums and hashes never do.
    this.records.addLine(
      `${id}\t${subjectId}\t${row.categoryId}\t${row.departmentId}\t${copyCell(row.sourceKey)}\t${copyCell(JSON.stringify(r.values))}\t` +
      `${orNull(w.decidedOn)}\t${orNull(w.validFrom)}\t${orNull(w.validUntil)}\t${orNull(w.publishFrom)}\t${orNull(w.publishUntil)}\t` +
      `${orNull(w.severity)}\t${row.state}\t1\t${row.contentHash}\t${this.atText}\n`,
    );
    const e = ledgerEntry(row, fields, 'create', DEMO_ACTOR, DEMO_REASON, this.c.at, this.hash);
    const snapshot = e.snapshot[0] + fieldsText + e.snapshot[1];
    this.versions.addLine(`${id}\t${subjectId}\t1\tcreate\t${copyCell(snapshot)}\t${DEMO_ACTOR.kind}\t\\N\t${DEMO_ACTOR.name}\t${DEMO_REASON}\t${this.atText}\t${this.hash}\t${e.hash}\n`);
    this.hash = e.hash;
  }
}
