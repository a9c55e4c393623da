import { fixedClock, type Clock } from '../../lib/clock.js';
import { TEST_NOW } from '../../../test/helpers/clock.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';

/** createTestApp, plus clocks at other instants for sweeps run outside the app. */
export async function createListsTestApp(now = TEST_NOW): Promise<TestApp & { clockAt(iso: string): Clock }> {
  return { ...(await createTestApp(now)), clockAt: fixedClock };
}
