// Test-only entry: src/main.ts as it is, plus the web app and every module's routes that exist in
// the tree but are not wired into src/app.ts yet. Once the lead wires registerWebApp into
// src/main.ts, the e2e helper starts src/main.ts itself and this file is no longer used.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp, type AppDeps } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { registerWebApp } from '../../src/http/static.js';
import { systemClock } from '../../src/lib/clock.js';
import { ensureAdmin } from '../../src/modules/access/service.js';
import { openPlatform } from '../../src/runtime.js';

const root = path.resolve(import.meta.dirname, '../..');
type RouteFn = (app: unknown, deps: AppDeps) => Promise<void>;

/** Every exported `…Routes` function of src/modules/*\/*routes.ts that src/app.ts does not mention. */
async function unwiredRoutes(): Promise<{ name: string; fn: RouteFn; file: string }[]> {
  const wired = readFileSync(path.join(root, 'src/app.ts'), 'utf8');
  const out: { name: string; fn: RouteFn; file: string }[] = [];
  const modules = path.join(root, 'src/modules');
  for (const dir of readdirSync(modules)) {
    for (const file of readdirSync(path.join(modules, dir)).filter((f) => /(^|-)routes\.ts$/.test(f))) {
      const full = path.join(modules, dir, file);
      try {
        const mod = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
        for (const [name, fn] of Object.entries(mod)) {
          if (typeof fn === 'function' && /Routes$/.test(name) && !new RegExp(`\\b${name}\\b`).test(wired)) out.push({ name, fn: fn as RouteFn, file: `${dir}/${file}` });
        }
      } catch (err) {
        console.error(`[e2e] skipped ${dir}/${file}: ${(err as Error).message}`);
      }
    }
  }
  return out;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const platform = await openPlatform(config, (l) => console.log(`[xinyong] ${l}`));
  await ensureAdmin(platform.pool, config.adminPassword);
  const { countSubjects, loadDemoCity } = await import('../../src/demo/load.js');
  if (config.demoSubjects > 0 && (await countSubjects(platform.pool)) === 0) {
    const r = await loadDemoCity(platform.pool, platform.pd, { subjects: config.demoSubjects, seed: config.demoSeed });
    console.log(`[xinyong] demo city loaded: ${r.subjects} subjects`);
  }
  const deps: AppDeps = { config, pool: platform.pool, pd: platform.pd, clock: systemClock, logger: false };
  const app = await buildApp(deps);
  // Some modules export an aggregate (subjectRightsRoutes → rules, objections, repairs, …) besides
  // the parts: each method + URL is declared once, whichever function declares it first.
  const declared = new Set<string>();
  const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
  for (const r of await unwiredRoutes()) {
    // Public pages (reportPublicRoutes: /verify/:number) live at the root, the rest under /api/v1.
    const prefix = /Public/.test(r.name) ? '' : '/api/v1';
    await app.register(async (api) => {
      const once = new Proxy(api, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver) as unknown;
          if (typeof prop === 'string' && METHODS.includes(prop) && typeof value === 'function') {
            return (url: string, ...rest: unknown[]) => {
              const key = `${prop} ${prefix}${url}`;
              if (declared.has(key)) return once;
              declared.add(key);
              return (value as (...a: unknown[]) => unknown).call(target, url, ...rest);
            };
          }
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      await r.fn(once, deps);
    }, { prefix });
    console.log(`[e2e] registered ${r.name} (${r.file}) at ${prefix || '/'}`);
  }
  if (!/registerWebApp/.test(readFileSync(path.join(root, 'src/app.ts'), 'utf8'))) await registerWebApp(app, path.join(root, 'web/dist'));
  const stop = async () => {
    await app.close().catch(() => undefined);
    await platform.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  await app.listen({ port: config.port, host: config.host });
  console.log(`[xinyong] ready: http://${config.host}:${config.port}/`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
