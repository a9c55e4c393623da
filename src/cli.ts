import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createApiKey, revokeApiKey } from './modules/access/keys.js';
import { systemViewer, ROLES, SCOPES, type Role } from './modules/access/viewer.js';
import { getSubjectByCode } from './modules/subjects/service.js';
import { registerReportCommands } from './modules/reports/commands.js';
import { registerEvaluationCommands } from './modules/evaluation/cli.js';
import { registerDrawCommand } from './modules/inspection/cli.js';
import { registerIngestCommands } from './modules/ingest/cli.js';
import { registerListCommands } from './modules/lists/cli.js';
import { registerSweepCommand } from './modules/publicity/cli.js';
import { registerExchangeCommands } from './modules/exchange/cli.js';
import { verifyAudit } from './modules/access/audit.js';
import { addDepartment, createUser } from './modules/access/service.js';
import { validateCode } from './modules/identity/validate.js';
import { verifyLedger } from './modules/records/ledger.js';
import type { Platform } from './platform.js';
import { openPlatform } from './runtime.js';

/** Open the platform for one command and always close it (stopping an embedded server we started). */
async function withPlatform<T>(fn: (p: Platform, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const platform = await openPlatform(config);
  try {
    return await fn(platform, config);
  } finally {
    await platform.close();
  }
}

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const program = new Command()
  .name('xinyong')
  .description('Xinyong public credit information platform — operator commands. Uses DATABASE_URL, or the embedded PostgreSQL of DATA_DIR (started for the command when the server is not running).');

program.command('serve').description('start the platform (same as npm start)').action(async () => {
  await import('./main.js');
});

program.command('migrate').description('apply pending database migrations and seed the catalog').action(() =>
  withPlatform(async () => console.log('database is up to date')),
);

program
  .command('demo')
  .description('load the deterministic demo city (only into an empty platform)')
  .option('--subjects <n>', 'number of subjects', (v) => Number.parseInt(v, 10), 2000)
  .option('--seed <s>', 'random seed', (v) => Number.parseInt(v, 10), 20261125)
  .action((opts: { subjects: number; seed: number }) =>
    withPlatform(async (p) => {
      const { countSubjects, loadDemoCity } = await import('./demo/load.js');
      if ((await countSubjects(p.pool)) > 0) fail('the platform already holds subjects; the demo city loads only into an empty platform');
      const bar = new cliProgress.SingleBar({ format: '{phase} [{bar}] {percentage}% | {value}/{total} | ETA {eta}s' }, cliProgress.Presets.shades_classic);
      bar.start(opts.subjects, 0, { phase: 'subjects' });
      const r = await loadDemoCity(p.pool, p.pd, { subjects: opts.subjects, seed: opts.seed, today: p.clock.today(), onProgress: (done: number, total: number, phase: string) => bar.update(done, { phase, total }) });
      const { populateDemoLists } = await import('./demo/lists.js');
      const l = await populateDemoLists(p.pool, p.pd, p.clock.today(), (done, total) => bar.update(done, { phase: 'lists', total }));
      bar.stop();
      const { seedDemoCommitmentItems } = await import('./demo/commitments.js');
      const items = await seedDemoCommitmentItems(p.pool);
      const { submitDemoDeliveries } = await import('./demo/deliveries.js');
      const d = await submitDemoDeliveries(p.pool, p.pd, p.clock);
      console.log(`loaded ${r.subjects} subjects, ${r.records} records, ${r.departments} departments in ${(r.ms / 1000).toFixed(1)} s; lists: ${l.blacklist} blacklist, ${l.watch} watch-list, ${l.honour} honour-list entries; ${items} commitment items; ${d.submissions} deliveries of last month and this (${d.counts?.received ?? 0} rows, ${d.counts?.rejected ?? 0} rejected)`);
    }),
  );

const department = program.command('department').description('departments (信用信息提供/使用单位)');
department
  .command('add')
  .requiredOption('--code <code>', 'department code, e.g. SCJGJ')
  .requiredOption('--name <name>', 'department name')
  .option('--uscc <uscc>', 'the department\'s unified social credit code')
  .option('--region <region>', '6-digit region code')
  .action((opts: { code: string; name: string; uscc?: string; region?: string }) =>
    withPlatform(async (p) => {
      const d = await addDepartment(p.pool, systemViewer, opts);
      console.log(`department ${d.code} (${d.name}) created with id ${d.id}`);
    }),
  );

const user = program.command('user').description('user accounts');
user
  .command('add')
  .requiredOption('--username <name>')
  .addOption(new Option('--role <role>').choices([...ROLES]).makeOptionMandatory())
  .option('--department <code>', 'department code (required for role department)')
  .option('--subject <code>', 'for role subject: the USCC or ID number of the verified subject')
  .option('--display-name <name>')
  .addOption(new Option('--password <pw>', 'password (or set XINYONG_NEW_PASSWORD)').env('XINYONG_NEW_PASSWORD'))
  .action((opts: { username: string; role: Role; department?: string; subject?: string; displayName?: string; password?: string }) =>
    withPlatform(async (p) => {
      if (!opts.password) fail('give --password or XINYONG_NEW_PASSWORD');
      const subjectId = opts.subject ? (await getSubjectByCode(p.pool, p.pd, opts.subject)).id : null;
      const u = await createUser(p.pool, systemViewer, { ...opts, password: opts.password, subjectId });
      console.log(`user ${u.username} (${u.role}) created with id ${u.id}`);
    }),
  );

const key = program.command('key').description('API keys for department systems');
key
  .command('create')
  .requiredOption('--department <code>', 'department code')
  .option('--name <name>', 'a label for the key, e.g. the calling system')
  .option('--scopes <list>', `comma-separated: ${SCOPES.join(', ')}`, 'records:write,archive:read')
  .option('--expires <date>', 'expiry: YYYY-MM-DD (valid through that day, China time) or an ISO 8601 time')
  .action((opts: { department: string; name?: string; scopes: string; expires?: string }) =>
    withPlatform(async (p) => {
      const k = await createApiKey(p.pool, systemViewer, { department: opts.department, name: opts.name, scopes: opts.scopes.split(',').map((x) => x.trim()).filter(Boolean), expiresAt: opts.expires ?? null }, p.clock.now());
      console.log(`API key ${k.id} for ${opts.department} (shown once, store it now):\n${k.key}`);
    }),
  );
key
  .command('revoke <id>')
  .action((id: string) =>
    withPlatform(async (p) => {
      await revokeApiKey(p.pool, systemViewer, Number(id), p.clock.now());
      console.log(`API key ${id} revoked`);
    }),
  );

program
  .command('verify-ledger')
  .description('recompute the record ledger hash chain; exit 1 naming the first broken link')
  .action(() =>
    withPlatform(async (p) => {
      const r = await verifyLedger(p.pool, (n) => process.stderr.write(`\rchecked ${n} ledger entries`));
      process.stderr.write('\n');
      if (r.broken) fail(`ledger BROKEN at seq ${r.broken.seq}: ${r.broken.reason} (expected ${r.broken.expected}, found ${r.broken.found}); ${r.checked} entries checked`);
      if (r.outOfLedger.length) fail(`ledger chain intact (${r.checked} entries) but records differ from their latest ledger entry: ${r.outOfLedger.map((o) => `record ${o.id} (${o.reason})`).join(', ')}`);
      console.log(`ledger intact: ${r.checked} entries, every record matches its latest version`);
    }),
  );

program
  .command('verify-audit')
  .description('recompute the audit log hash chain; exit 1 naming the first broken link')
  .action(() =>
    withPlatform(async (p) => {
      const r = await verifyAudit(p.pool);
      if (r.broken) fail(`audit log BROKEN at seq ${r.broken.seq}: ${r.broken.reason}; ${r.checked} entries checked`);
      console.log(`audit log intact: ${r.checked} entries${r.pending ? ` (${r.pending} appended meanwhile, sealed by the next pass)` : ''}`);
    }),
  );

program
  .command('validate <code>')
  .description('validate and explain a USCC, citizen ID, organisation code or registration number (offline)')
  .action((code: string) => {
    const r = validateCode(code);
    console.log(JSON.stringify({ valid: r.valid, scheme: r.scheme, normalized: r.normalized, parts: r.parts, errors: r.errors, warnings: r.warnings }, null, 2));
    if (!r.valid) process.exitCode = 1;
  });

registerReportCommands(program, withPlatform);
registerIngestCommands(program, withPlatform);
registerSweepCommand(program, withPlatform);
registerListCommands(program, withPlatform);
registerExchangeCommands(program, withPlatform);
registerEvaluationCommands(program, withPlatform);
registerDrawCommand(program, withPlatform);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError) fail(err.message, 2);
  const e = err as { message?: string; details?: { field?: string; message: string }[] };
  fail(`error: ${e.message ?? String(err)}${e.details?.length ? `\n${e.details.map((d) => `  - ${d.field ?? ''}: ${d.message}`).join('\n')}` : ''}`);
});
