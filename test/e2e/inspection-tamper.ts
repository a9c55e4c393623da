// Test-only: change one stored assignment of a drawn plan in the e2e server's database, as an
// insider with database access could, so that the public verification page must answer ✗.
// Run: node --import tsx test/e2e/inspection-tamper.ts <planId> (DATA_DIR of the running server).
import { loadConfig } from '../../src/config.js';
import { openPlatform } from '../../src/runtime.js';

const planId = Number(process.argv[2]);
const platform = await openPlatform(loadConfig());
try {
  const r = await platform.pool.query<{ id: number; inspector_ids: number[] }>('select id, inspector_ids from inspection_task where plan_id = $1 order by ordinal limit 1', [planId]);
  const task = r.rows[0];
  if (!task) throw new Error(`plan ${planId} has no tasks`);
  await platform.pool.query('update inspection_task set inspector_ids = $2 where id = $1', [task.id, [...task.inspector_ids].reverse()]);
  console.log(`task ${task.id}: inspectors ${task.inspector_ids.join(',')} → ${[...task.inspector_ids].reverse().join(',')}`);
} finally {
  await platform.close();
}
