import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../../lib/canonical-json.js';

/** 32 symbols without 0/O and 1/I, so a code read off paper is typed back correctly. */
export const VERIFY_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const VERIFY_CODE_LENGTH = 8;
export const REPORT_NUMBER_RE = /^XY-\d{8}-\d{6}$/;

/** A fresh 8-symbol verification code (40 bits; guessing is bounded by the rate limit). */
export function newVerifyCode(): string {
  const bytes = randomBytes(VERIFY_CODE_LENGTH);
  let code = '';
  for (const b of bytes) code += VERIFY_ALPHABET[b & 31];
  return code;
}

/** What a person typed: case, spaces and dashes do not matter. */
export function normalizeVerifyCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** The stored form of a code: bound to its report number so equal codes hash differently. */
export function hashVerifyCode(number: string, code: string): string {
  return sha256Hex(`${number}:${normalizeVerifyCode(code)}`);
}

export function verifyCodeMatches(number: string, code: string, storedHash: string): boolean {
  const a = Buffer.from(hashVerifyCode(number, code), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** XY-YYYYMMDD-NNNNNN for the n-th report of a (China Standard Time) day. */
export function formatReportNumber(day: string, n: number): string {
  return `XY-${day.replace(/-/g, '')}-${String(n).padStart(6, '0')}`;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The facts hash: sha256 of the canonical JSON of what the report states. */
export const factsHash = (facts: unknown): string => sha256Hex(canonicalJson(facts));
