import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Platform } from '../../platform.js';
import { systemViewer } from '../access/viewer.js';
import { verifyDraw, type DrawInputs, type DrawnTask } from './draw.js';
import { drawPlan, verifyPlan } from './plans.js';

export type WithPlatform = <T>(fn: (p: Platform) => Promise<T>) => Promise<T>;

interface Publication {
  inputs: DrawInputs;
  inputsHash: string;
  seedHash: string;
  seed: string | null;
  tasks: { ordinal: number; tier: string; grade: string | null; party: { id: number }; inspectors: { id: number }[] }[];
}

/** Verify a plan as published by GET /api/v1/inspection/plans/{id}, without any database. */
export function verifyPublication(pub: Publication) {
  if (!pub.seed) return { verified: false, mismatches: [{ ordinal: null, field: 'seed', expected: 'the revealed seed', found: null }] };
  const tasks: DrawnTask[] = pub.tasks.map((t) => ({ ordinal: t.ordinal, tier: t.tier, grade: t.grade, subjectId: t.party.id, inspectorIds: t.inspectors.map((i) => i.id) }));
  return verifyDraw({ inputs: pub.inputs, inputsHash: pub.inputsHash, seedHash: pub.seedHash, seed: pub.seed, tasks });
}

function report(r: { verified: boolean; mismatches: { ordinal: number | null; field: string; expected: unknown; found: unknown }[] }, label: string): void {
  if (r.verified) {
    console.log(`${label}: VERIFIED — the stored draw is exactly what the published inputs and the revealed seed produce`);
    return;
  }
  console.log(`${label}: NOT VERIFIED — ${r.mismatches.length} mismatch(es):`);
  for (const m of r.mismatches) {
    console.log(`  - ${m.ordinal === null ? '' : `task #${m.ordinal} `}${m.field}: expected ${JSON.stringify(m.expected)}, found ${JSON.stringify(m.found)}`);
  }
  process.exitCode = 1;
}

/** `xinyong draw PLAN` draws a committed plan; `--verify PLAN` recomputes a drawn one; `--file F` checks a downloaded publication offline. */
export function registerDrawCommand(program: Command, withPlatform: WithPlatform): void {
  program
    .command('draw [plan]')
    .description('draw a random inspection plan (双随机), or verify a drawn one from its published inputs and revealed seed')
    .option('--verify', 'recompute the draw and compare it with the stored tasks; exit 1 on any mismatch')
    .option('--file <json>', 'verify offline a plan saved from GET /api/v1/inspection/plans/{id}')
    .action(async (plan: string | undefined, opts: { verify?: boolean; file?: string }) => {
      if (opts.file) {
        const pub = JSON.parse(await readFile(opts.file, 'utf8')) as Publication;
        report(verifyPublication(pub), `plan file ${opts.file}`);
        return;
      }
      const id = Number(plan);
      if (!Number.isInteger(id) || id < 1) throw new Error('give the plan id: xinyong draw [--verify] PLAN');
      await withPlatform(async (p) => {
        if (opts.verify) {
          const r = await verifyPlan(p.pool, id);
          console.log(`plan ${id}: seed ${r.seed}\n  sha256(seed) committed before the draw: ${r.seedHash}\n  inputs hash: ${r.inputsHash}\n  tasks: ${r.tasks}`);
          report(r, `plan ${id}`);
          return;
        }
        const drawn = await drawPlan(p.pool, systemViewer, p.clock, id);
        console.log(`plan ${id} drawn: ${drawn.tasks.length} inspection tasks; seed revealed: ${drawn.seed}`);
        for (const t of drawn.tiers) console.log(`  ${t.tier}: ${drawn.tasks.filter((x) => x.tier === t.tier).length} of ${t.parties} parties at ${t.ratio}%`);
      });
    });
}
