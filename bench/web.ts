/**
 * First load of the web app: bytes over the wire and time until the page is usable, in real
 * headless Chromium, from the platform's server beside the same build served by a plain static
 * file server (every file as is, no compression, no cache headers; /api passed through to the
 * platform), measured in the same run.
 *
 *   npm run build:web && npx tsx bench/web.ts [--runs 5]
 *
 * Pages: the portal's home (usable = the search box is enabled) and the console's dashboard as an
 * operator (usable = the district map is drawn). Each load is cold (a fresh browser context: empty
 * cache) and then warm (the same context again: what a returning visitor gets). On localhost
 * (bytes cost almost nothing) and on an emulated office link (20 Mbit/s, 30 ms round trip), where
 * bytes are time. Figures are medians of --runs loads.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { withBenchCity } from './lib/city.js';
import { buildApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { registerWebApp } from '../src/http/static.js';
import { systemClock } from '../src/lib/clock.js';
import { createUser } from '../src/modules/access/service.js';
import { systemViewer } from '../src/modules/access/viewer.js';
import { seedEvaluationModels } from '../src/modules/evaluation/models.js';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const dist = path.resolve(import.meta.dirname, '../web/dist');
if (!existsSync(path.join(dist, 'index.html'))) throw new Error('web/dist missing: run npm run build:web first');

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

/** The baseline: files as they are on disk, the app shell for other paths, /api proxied to the platform. */
function plainStaticServer(apiBase: string): Promise<http.Server> {
  const api = new URL(apiBase);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/api/')) {
      const up = http.request({ host: api.hostname, port: api.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      req.pipe(up);
      return;
    }
    let file = path.join(dist, path.normalize(url.pathname));
    if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(dist, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface Load { bytes: number; ms: number; requests: number }
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Navigate and wait until usable; bytes are what crossed the wire (encoded, headers included). */
async function load(context: BrowserContext, page: Page, url: string, usable: (p: Page) => Promise<unknown>, link: boolean): Promise<Load> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (link) await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 30, downloadThroughput: (20e6 / 8), uploadThroughput: (10e6 / 8) });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  try {
    await usable(page);
  } catch (err) {
    console.error(`not usable: ${page.url()}\n${(await page.locator('body').innerText()).slice(0, 500)}`);
    throw err;
  }
  const ms = performance.now() - t0;
  await cdp.detach();
  return { bytes, ms, requests };
}

async function main(): Promise<void> {
  await withBenchCity({ subjects: 2000, name: 'web', poolSize: 8 }, async ({ dir, pool, pd }) => {
    await seedEvaluationModels(pool);
    const config = parseConfig({ DATA_DIR: dir, RATE_LIMIT_PUBLIC: '1000000' });
    const app = await buildApp({ config, pool, pd, clock: systemClock, logger: false });
    await registerWebApp(app, dist);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const ours = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const plain = await plainStaticServer(ours);
    const baseline = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
    await createUser(pool, systemViewer, { username: 'webbench', password: 'bench password 1', role: 'operator', department: null });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    const pages = [
      { name: 'portal home', path: '/', staff: false, usable: (p: Page) => p.getByTestId('search-input').waitFor({ state: 'visible', timeout: 60_000 }) },
      { name: 'console dashboard', path: '/console', staff: true, usable: (p: Page) => p.getByTestId('district-map').locator('svg').waitFor({ state: 'visible', timeout: 60_000 }) },
    ];
    const rows: string[] = [];
    try {
      for (const link of [false, true]) {
        for (const pg of pages) {
          for (const [label, base] of [['platform', ours], ['plain static server', baseline]] as const) {
            const cold: Load[] = [];
            const warm: Load[] = [];
            for (let i = 0; i < runs; i++) {
              const context = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
              if (pg.staff) {
                const r = await context.request.post('/api/v1/auth/login', { data: { username: 'webbench', password: 'bench password 1' } });
                if (!r.ok()) throw new Error(`login failed: ${r.status()}`);
              }
              const page = await context.newPage();
              cold.push(await load(context, page, pg.path, pg.usable, link));
              const again = await context.newPage();
              warm.push(await load(context, again, pg.path, pg.usable, link));
              await context.close();
            }
            const f = (xs: Load[]) => `${(median(xs.map((x) => x.bytes)) / 1024).toFixed(0).padStart(6)} KiB ${median(xs.map((x) => x.ms)).toFixed(0).padStart(6)} ms`;
            rows.push(`${(link ? '20 Mbit/s, 30 ms' : 'localhost').padEnd(17)} ${pg.name.padEnd(18)} ${label.padEnd(20)} cold ${f(cold)}   warm ${f(warm)}`);
            console.error(rows.at(-1));
          }
        }
      }
    } finally {
      await browser.close();
      plain.close();
      await app.close();
    }
    console.log(`\nweb app first load, median of ${runs} (bytes on the wire incl. API answers; time until usable)`);
    console.log(rows.join('\n'));
  });
}

await main();
