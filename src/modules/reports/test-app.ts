import { TEST_NOW } from '../../../test/helpers/clock.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';

/** createTestApp with a public base URL, so reports carry verification links. */
export async function createReportTestApp(now = TEST_NOW): Promise<TestApp> {
  return createTestApp(now, { env: { PUBLIC_BASE_URL: 'https://credit.example.gov.cn' } });
}
