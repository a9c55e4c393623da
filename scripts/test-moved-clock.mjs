#!/usr/bin/env node
// Runs the unit and integration suite once more with the tests' injected clock moved to a leap
// day at least 400 days from today (XINYONG_TEST_NOW, read by test/helpers/clock.ts), proving
// that no test names a date relative to today by hand. Pass an ISO time to choose another instant:
//   node scripts/test-moved-clock.mjs 2031-07-01T23:30:00+08:00
import { spawnSync } from 'node:child_process';

function leapDayAtLeast400DaysAhead(today = new Date()) {
  const earliest = new Date(today.getTime() + 400 * 86_400_000);
  for (let y = earliest.getUTCFullYear(); ; y += 1) {
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    if (leap && Date.parse(`${y}-02-29T23:59:59+08:00`) >= earliest.getTime()) return `${y}-02-29T10:00:00+08:00`;
  }
}

const at = process.argv[2] ?? leapDayAtLeast400DaysAhead();
if (Number.isNaN(Date.parse(at))) {
  console.error(`not an ISO 8601 time: ${at}`);
  process.exit(2);
}
console.log(`\nUnit and integration tests again with the injected clock at ${at} (XINYONG_TEST_NOW)\n`);
const r = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(3)], { stdio: 'inherit', env: { ...process.env, XINYONG_TEST_NOW: at } });
process.exit(r.status ?? 1);
