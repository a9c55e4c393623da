import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import type { Platform } from '../../platform.js';
import { systemViewer } from '../access/viewer.js';
import { sha256Hex } from './codes.js';
import { cstTime } from './pdf/layout.js';
import { readReportMeta } from './pdf-meta.js';
import { verifyFile, type VerifyResult } from './verify.js';

export type WithPlatform = <T>(fn: (p: Platform, config: Config) => Promise<T>) => Promise<T>;

export interface CommandIo {
  log(line: string): void;
}

export class ReportNotGenuineError extends Error {}

async function verifyOverHttp(url: string, pdf: Buffer): Promise<VerifyResult> {
  const res = await fetch(`${url.replace(/\/+$/, '')}/api/v1/reports/verify-file`, {
    method: 'POST', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(pdf),
  });
  const body = (await res.json()) as VerifyResult | { error: { message: string } };
  if (!res.ok || 'error' in body) throw new Error(`platform answered ${res.status}: ${'error' in body ? body.error.message : ''}`);
  return body;
}

function describe(file: string, sha: string, meta: ReturnType<typeof readReportMeta>, r: VerifyResult): string[] {
  const lines = [`file:        ${file}`, `sha256:      ${sha}`, `claims:      ${meta.number ?? '(no report number in metadata)'}`];
  if (!r.genuine) return [...lines, `result:      NOT GENUINE (${r.reason}) — ${r.message}`];
  return [
    ...lines,
    `result:      GENUINE — ${r.kindName} ${r.number}, issued by ${r.issuer} at ${cstTime(new Date(r.issuedAt))} (valid until ${r.validUntil}${r.expired ? ', EXPIRED' : ''})`,
    `subject:     ${r.subjectName}${r.subjectCode ? ` (${r.subjectCode})` : ''}`,
    `facts:       ${r.factsChanged ? 'CHANGED since issue — a new report would differ' : 'unchanged since issue'} (hash ${r.factsHash})`,
    ...(r.revoked ? [`REVOKED:     at ${r.revokedAt ? cstTime(new Date(r.revokedAt)) : '?'} — ${r.revokedReason ?? ''}`] : []),
  ];
}

/**
 * `xinyong verify-report FILE [--url URL]`: hash the PDF and ask the platform — its database
 * directly (works with the server down), or a running instance over HTTP — whether it issued
 * exactly this file. Throws ReportNotGenuineError (exit 1 in the CLI) when it did not, or when the
 * report was revoked since.
 */
export function registerReportCommands(program: Command, withPlatform: WithPlatform, io: CommandIo = { log: (l) => console.log(l) }): void {
  program
    .command('verify-report <file>')
    .description('verify a credit report PDF: its SHA-256 must be that of a report the platform issued; also tells whether its facts changed since')
    .option('--url <url>', 'ask a running platform over HTTP (e.g. http://localhost:3000) instead of its database')
    .action(async (file: string, opts: { url?: string }) => {
      const pdf = await readFile(file);
      const sha = sha256Hex(pdf);
      const meta = readReportMeta(pdf);
      const result = opts.url
        ? await verifyOverHttp(opts.url, pdf)
        : await withPlatform((p, config) => verifyFile({ db: p.pool, pd: p.pd, clock: p.clock, config }, systemViewer, pdf));
      for (const line of describe(file, sha, meta, result)) io.log(line);
      if (!result.genuine) throw new ReportNotGenuineError(`report not genuine: ${result.message}`);
      if (result.revoked) throw new ReportNotGenuineError(`report revoked by the issuer: ${result.revokedReason ?? ''}`);
    });
}
