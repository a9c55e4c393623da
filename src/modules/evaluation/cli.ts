import { readFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { systemViewer } from '../access/viewer.js';
import type { Platform } from '../../platform.js';
import { createModel, listModels, parseModelSource, seedEvaluationModels } from './models.js';
import { runEvaluation } from './run.js';

export type WithPlatform = <T>(fn: (p: Platform) => Promise<T>) => Promise<T>;

/**
 * Operator commands of evaluation: `evaluate`, `model add|list` (src/cli.ts adds inspection's `draw`). The
 * platform opener is the CLI's (it starts or connects to the database and closes it after).
 */
export function registerEvaluationCommands(program: Command, withPlatform: WithPlatform): void {
  program
    .command('evaluate')
    .description('score every subject a model applies to (set-based), or only those changed since its last run')
    .requiredOption('--model <code>', 'model code, or code@version (seeded: enterprise, natural_person)')
    .option('--incremental', 'rescore only subjects whose records changed since the last completed run of this model version')
    .option('--as-of <date>', 'evaluation date YYYY-MM-DD (default today)')
    .option('--chunk <n>', 'subjects per statement', (v) => Number.parseInt(v, 10))
    .action((opts: { model: string; incremental?: boolean; asOf?: string; chunk?: number }) =>
      withPlatform(async (p) => {
        await seedEvaluationModels(p.pool);
        const bar = new cliProgress.SingleBar({ format: '{phase} [{bar}] {percentage}% | {value}/{total} subjects | {duration}s' }, cliProgress.Presets.shades_classic);
        let started = false;
        const r = await runEvaluation(p.pool, systemViewer, p.clock, {
          model: opts.model, incremental: opts.incremental ?? false, asOf: opts.asOf, chunkSize: opts.chunk,
          onProgress: (done, total, phase) => {
            if (!started) bar.start(Math.max(total, 1), done, { phase });
            started = true;
            bar.setTotal(Math.max(total, 1));
            bar.update(done, { phase });
          },
        });
        if (started) bar.stop();
        const grades = Object.entries(r.gradeCounts).map(([g, n]) => `${g} ${n.toLocaleString('en-US')}`).join(' · ');
        console.log(`run ${r.id} (${r.mode}${r.basedOnRunId ? ` after run ${r.basedOnRunId}` : ''}) of ${r.model.code} v${r.model.version} as of ${r.asOf}: ${r.subjects.toLocaleString('en-US')} subjects in ${((r.ms ?? 0) / 1000).toFixed(1)} s${grades ? ` — ${grades}` : ''}`);
      }),
    );

  const model = program.command('model').description('evaluation models (indicator trees as data)');
  model
    .command('add <file>')
    .description('publish a model from a JSON or YAML file (a new version when its code exists)')
    .action((file: string) =>
      withPlatform(async (p) => {
        const input = parseModelSource(await readFile(file, 'utf8'));
        const m = await createModel(p.pool, systemViewer, input);
        console.log(`model ${m.code} v${m.version} (${m.name}) published`);
      }),
    );
  model
    .command('list')
    .description('list models and versions')
    .action(() =>
      withPlatform(async (p) => {
        await seedEvaluationModels(p.pool);
        for (const m of await listModels(p.pool)) console.log(`${m.code}@${m.version}\t${m.name}\t${m.subjectKinds.join(',')}\t${m.gradesPublic ? 'grades public' : 'grades not public'}`);
      }),
    );
}
