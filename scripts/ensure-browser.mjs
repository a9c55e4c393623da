#!/usr/bin/env node
// Browser tests drive Debian's Chromium (/usr/bin/chromium) through playwright-core, never a
// downloaded browser, and need CJK fonts to render Chinese. When either is missing: as root with
// apt-get (a fresh CI or development machine), install them; otherwise print the one command to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PACKAGES = ['chromium', 'fonts-noto-cjk'];

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && /Noto Sans CJK/i.test(r.stdout);
}

function missing() {
  const out = [];
  if (!existsSync('/usr/bin/chromium')) out.push('chromium');
  if (!hasCjkFont()) out.push('fonts-noto-cjk');
  return out;
}

const need = missing();
if (need.length === 0) process.exit(0);

const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canInstall) {
  console.error(`\nThe browser tests need Debian's ${need.join(' and ')}. Install with:\n\n  sudo apt-get install -y ${PACKAGES.join(' ')}\n`);
  process.exit(1);
}
console.log(`Installing ${need.join(', ')} for the browser tests (apt-get) …`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], { stdio: ['ignore', 'ignore', 'inherit'], env });
} catch (err) {
  console.error(`\napt-get failed (${err.message}). Install by hand:\n\n  apt-get install -y ${PACKAGES.join(' ')}\n`);
  process.exit(1);
}
const still = missing();
if (still.length) {
  console.error(`Still missing after apt-get: ${still.join(', ')}`);
  process.exit(1);
}
