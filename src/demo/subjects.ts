import type { SubjectKind } from '../modules/catalog/types.js';
import { makeCitizenId, makeRegNo, makeUscc } from '../modules/identity/generate.js';
import { COUNTIES, COUNTY_DRAW, CITY_CODE, OTHER_BIRTH_COUNTIES, type County } from './city.js';
import { dayOf, isoOf } from './dates.js';
import { INDUSTRY_DRAW, associationName, companyName, coopName, personName, publicBodyName, shopName } from './names.js';
import { Weighted, chance, hash52, int, pick, type Rng } from './rng.js';

/** A person as the demo knows them; the plain ID number never leaves the loader's memory. */
export interface Person {
  name: string;
  idNumber: string;
  /** Absolute index of the natural-person subject this is, when the person is one. */
  subjectIndex: number | null;
}

export interface SubjectDraft {
  index: number;
  kind: SubjectKind;
  uscc: string | null;
  idNumber: string | null;
  name: string;
  county: County;
  industry: string | null;
  registeredOn: string | null;
  legalRep: Person | null;
  /** A previous legal representative, replaced on `legalRepSince`. */
  formerRep: Person | null;
  legalRepSince: string | null;
  formerNames: string[];
  orgCode: string | null;
  regNo: string | null;
  blacklisted: boolean;
}

/** Codes and names already handed out in this run; a hit means: draw again (deterministically). */
export class Seen {
  private readonly codes = new Set<number>();
  private readonly names = new Set<number>();

  /** Claim every code at once, or none. */
  claimCodes(...codes: string[]): boolean {
    const hs = codes.map(hash52);
    if (hs.some((h) => this.codes.has(h)) || new Set(hs).size !== hs.length) return false;
    for (const h of hs) this.codes.add(h);
    return true;
  }

  claimName(name: string): boolean {
    const h = hash52(name);
    if (this.names.has(h)) return false;
    this.names.add(h);
    return true;
  }
}

/** Recent natural persons, some of whom become legal representatives of later organisations. */
export class PersonPool {
  private readonly ring: Person[] = [];
  private next = 0;
  constructor(private readonly size = 2000) {}

  add(p: Person): void {
    if (this.ring.length < this.size) this.ring.push(p);
    else this.ring[this.next] = p;
    this.next = (this.next + 1) % this.size;
  }

  draw(rng: Rng, bornBy: number): Person | null {
    if (this.ring.length === 0) return null;
    const p = pick(rng, this.ring);
    return Number(p.idNumber.slice(6, 10)) <= bornBy ? p : null;
  }
}

export interface SubjectContext {
  todayDay: number;
  seen: Seen;
  persons: PersonPool;
}

const KINDS = new Weighted<SubjectKind>([
  ['legal_person', 62], ['sole_trader', 12], ['unincorporated', 5], ['government', 1], ['natural_person', 20],
]);
const MAX_TRIES = 50;
const USCC_START = dayOf('2015-10-01');

function birthRegion(rng: Rng, county: County): string {
  if (chance(rng, 0.55)) return county.code;
  return chance(rng, 0.6) ? pick(rng, COUNTIES).code : pick(rng, OTHER_BIRTH_COUNTIES);
}

/** A new, unique citizen ID (claimed in `seen`). */
function newIdNumber(rng: Rng, ctx: SubjectContext, region: string, sex: 'male' | 'female', from: number, to: number): string {
  for (let i = 0; i < MAX_TRIES; i++) {
    const id = makeCitizenId(rng, { region, sex, birthYearFrom: from, birthYearTo: to });
    if (ctx.seen.claimCodes(id)) return id;
  }
  throw new Error('demo: could not draw a unique citizen ID');
}

function newPerson(rng: Rng, ctx: SubjectContext, county: County, from: number, to: number): Person {
  const sex = chance(rng, 0.78) ? 'male' : 'female';
  return { name: personName(rng, sex), idNumber: newIdNumber(rng, ctx, birthRegion(rng, county), sex, from, to), subjectIndex: null };
}

/** A legal representative old enough at registration: sometimes a natural person of the city already on file. */
function legalRep(rng: Rng, ctx: SubjectContext, county: County, registeredOn: string): Person {
  const year = Number(registeredOn.slice(0, 4));
  const to = Math.min(2003, year - 20);
  if (chance(rng, 0.15)) {
    const known = ctx.persons.draw(rng, to);
    if (known) return known;
  }
  return newPerson(rng, ctx, county, Math.max(1940, Math.min(to, year - 62)), to);
}

function registeredOn(rng: Rng, ctx: SubjectContext, kind: SubjectKind, usccType: string): string {
  const u = rng();
  let yearsAgo: number;
  if (kind === 'government') yearsAgo = 8 + u * 30;
  else if (usccType === '93') yearsAgo = u * Math.min(17, (ctx.todayDay - dayOf('2007-07-01')) / 365);
  else if (kind === 'sole_trader') yearsAgo = 18 * u ** 1.6;
  else yearsAgo = 32 * u ** 1.8;
  return isoOf(ctx.todayDay - 1 - Math.floor(yearsAgo * 365.25));
}

function usccFor(rng: Rng, ctx: SubjectContext, county: County, authority: string, orgType: string): string {
  for (let i = 0; i < MAX_TRIES; i++) {
    const region = chance(rng, 0.12) ? CITY_CODE : county.code;
    const uscc = makeUscc(rng, { authority, orgType, region });
    // The embedded organisation code (positions 9–17) must be unique too: it is a legacy identifier.
    if (ctx.seen.claimCodes(uscc, `O${uscc.slice(8, 17)}`)) return uscc;
  }
  throw new Error('demo: could not draw a unique USCC');
}

function uniqueName(rng: Rng, ctx: SubjectContext, make: () => string): string {
  let name = make();
  for (let i = 0; i < MAX_TRIES && !ctx.seen.claimName(name); i++) name = make();
  return name;
}

function organisationName(rng: Rng, kind: SubjectKind, code2: string, county: County, industry: string, owner: string): string {
  if (kind === 'sole_trader') return shopName(rng, county, owner);
  if (code2 === '51') return associationName(rng, county);
  if (code2 === '93') return coopName(rng, county);
  if (kind === 'government') return publicBodyName(rng, county, code2 === '11' ? '1' : '2');
  return companyName(rng, county, industry);
}

function usccKind(rng: Rng, kind: SubjectKind): string {
  if (kind === 'legal_person') return '91';
  if (kind === 'sole_trader') return '92';
  if (kind === 'unincorporated') return chance(rng, 0.4) ? '51' : '93';
  return chance(rng, 0.4) ? '11' : '12';
}

function naturalPerson(rng: Rng, ctx: SubjectContext, index: number, county: County): SubjectDraft {
  const person = newPerson(rng, ctx, county, 1950, 2005);
  person.subjectIndex = index;
  ctx.persons.add(person);
  return {
    index, kind: 'natural_person', uscc: null, idNumber: person.idNumber, name: person.name, county, industry: null,
    registeredOn: null, legalRep: null, formerRep: null, legalRepSince: null, formerNames: [], orgCode: null, regNo: null,
    blacklisted: chance(rng, 0.01),
  };
}

/** Subject #index of the run: its own random stream, so it depends only on the seed and its index. */
export function makeSubject(rng: Rng, ctx: SubjectContext, index: number): SubjectDraft {
  const kind = KINDS.draw(rng);
  const county = COUNTY_DRAW.draw(rng);
  if (kind === 'natural_person') return naturalPerson(rng, ctx, index, county);
  const code2 = usccKind(rng, kind);
  const uscc = usccFor(rng, ctx, county, code2.charAt(0), code2.charAt(1));
  const industry = kind === 'government' ? (code2 === '11' ? 'S' : pick(rng, ['P', 'Q', 'R', 'M'])) : code2 === '51' ? 'S' : code2 === '93' ? 'A' : INDUSTRY_DRAW.draw(rng);
  const regOn = registeredOn(rng, ctx, kind, code2);
  const rep = legalRep(rng, ctx, county, regOn);
  const name = uniqueName(rng, ctx, () => organisationName(rng, kind, code2, county, industry, rep.name));
  const regDay = dayOf(regOn);
  let formerRep: Person | null = null;
  let legalRepSince = regOn;
  if (ctx.todayDay - regDay > 400 && chance(rng, 0.06)) {
    formerRep = legalRep(rng, ctx, county, regOn);
    legalRepSince = isoOf(int(rng, regDay + 180, ctx.todayDay - 30));
  }
  const formerNames: string[] = [];
  if ((kind === 'legal_person' || kind === 'sole_trader') && ctx.todayDay - regDay > 400 && chance(rng, kind === 'legal_person' ? 0.08 : 0.03)) {
    const old = organisationName(rng, kind, code2, county, industry, rep.name);
    if (old !== name) formerNames.push(old);
  }
  const preUscc = regDay < USCC_START;
  const orgCode = preUscc && kind !== 'sole_trader' && chance(rng, 0.7) ? uscc.slice(8, 17) : null;
  let regNo: string | null = null;
  if (preUscc && (kind === 'legal_person' || kind === 'sole_trader') && chance(rng, 0.6)) {
    const candidate = makeRegNo(rng, county.code);
    if (ctx.seen.claimCodes(`R${candidate}`)) regNo = candidate;
  }
  return {
    index, kind, uscc, idNumber: null, name, county, industry, registeredOn: regOn, legalRep: rep, formerRep, legalRepSince,
    formerNames, orgCode, regNo, blacklisted: kind !== 'government' && chance(rng, 0.01),
  };
}
