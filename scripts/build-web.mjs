#!/usr/bin/env node
// Build web/dist only when a web source is newer than the last build, so `npm start` stays fast.
// `--force` always builds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const stamp = path.join(web, 'dist', 'index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules' || e.name === 'tools') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const force = process.argv.includes('--force');
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const sources = Math.max(newest(web), statSync(path.join(root, 'package-lock.json')).mtimeMs);
if (!force && built > sources) {
  console.log('[xinyong] web app up to date (web/dist)');
  process.exit(0);
}
console.log('[xinyong] building the web app (web/dist) …');
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const r = spawnSync(process.execPath, [vite, 'build', web, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
precompress(path.join(web, 'dist'));

/**
 * Brotli and gzip copies beside every text asset, made once at build time at the best settings, so
 * the server sends 1.4 MB of JavaScript as ~0.4 MB without compressing on each request
 * (src/http/static.ts serves them by Accept-Encoding).
 */
function precompress(dir) {
  let raw = 0;
  let br = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(e.parentPath ?? e.path, e.name);
    if (!e.isFile() || !/\.(js|css|html|svg|json|txt|map)$/.test(e.name)) continue;
    const data = readFileSync(file);
    if (data.length < 1024) continue;
    const b = brotliCompressSync(data, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: data.length } });
    writeFileSync(`${file}.br`, b);
    writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
    raw += data.length;
    br += b.length;
  }
  console.log(`[xinyong] web app built: ${(raw / 1024).toFixed(0)} KiB of text assets, ${(br / 1024).toFixed(0)} KiB brotli`);
}
