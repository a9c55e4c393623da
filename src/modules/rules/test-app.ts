import { TEST_NOW } from '../../../test/helpers/clock.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';

// Test support (not a test file): the real app on a fresh database with a clock the test can move.

export type RightsTestApp = TestApp;

export async function createRightsTestApp(now = TEST_NOW): Promise<RightsTestApp> {
  return createTestApp(now);
}

/** A tiny valid PDF, base64, as an evidence file. */
export const PDF = (name = '证明.pdf') => ({ name, contentType: 'application/pdf' as const, dataBase64: Buffer.from('%PDF-1.4\n%test\n').toString('base64') });
