#!/usr/bin/env node
// Fails on any import cycle in src/: between files and between modules (src/modules/<name>,
// other top-level folders of src/, and top-level files). Type-only imports count too: a cycle
// of types still ties two modules together. No dependency: a regex over import/export-from
// specifiers is enough for our own code, then Tarjan's strongly connected components.
// Usage: node scripts/check-cycles.mjs [dir] [--graph]   (--graph also prints which module imports which)
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname, relative, resolve, sep } from 'node:path';

const root = resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'src');

function listFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const specifierPattern =
  /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function resolveSpecifier(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base, `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c) && /\.tsx?$/.test(c)) ?? null;
}

function moduleOf(file) {
  const parts = relative(root, file).split(sep);
  if (parts[0] === 'modules' && parts.length > 2) return `modules/${parts[1]}`;
  return parts.length > 1 ? parts[0] : parts[0].replace(/\.tsx?$/, '');
}

function isTest(path) {
  return /\.test\.tsx?$/.test(path);
}

/** Tarjan's algorithm; returns the components with more than one node (or a self-loop). */
function stronglyConnected(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (node) => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), indices.get(next)));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.has(node)) components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) visit(node);
  return components;
}

/** One concrete cycle inside a component, as a path a → b → … → a (breadth-first, shortest). */
function cycleIn(graph, component) {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

const fileGraph = new Map();
const moduleGraph = new Map();
const moduleEdgeWitness = new Map();
for (const file of listFiles(root)) {
  const from = relative(root, file);
  const edges = fileGraph.get(from) ?? new Set();
  fileGraph.set(from, edges);
  const fromModule = moduleOf(file);
  if (!moduleGraph.has(fromModule)) moduleGraph.set(fromModule, new Set());
  for (const match of stripComments(readFileSync(file, 'utf8')).matchAll(specifierPattern)) {
    const target = resolveSpecifier(file, match[1] ?? match[2]);
    if (!target || !target.startsWith(root + sep)) continue;
    const to = relative(root, target);
    edges.add(to);
    const toModule = moduleOf(target);
    // A test may wire the whole app (app.ts imports every module); that is no dependency of its module.
    if (toModule !== fromModule && !isTest(from)) {
      moduleGraph.get(fromModule).add(toModule);
      const key = `${fromModule} -> ${toModule}`;
      if (!moduleEdgeWitness.has(key)) moduleEdgeWitness.set(key, `${from} -> ${to}`);
    }
  }
}

const fileCycles = stronglyConnected(fileGraph);
const moduleCycles = stronglyConnected(moduleGraph);
for (const component of fileCycles) {
  console.error(`file cycle (${component.length} files): ${cycleIn(fileGraph, component).join(' -> ')}`);
}
for (const component of moduleCycles) {
  const path = cycleIn(moduleGraph, component);
  console.error(`module cycle (${component.sort().join(', ')}): ${path.join(' -> ')}`);
  for (let i = 0; i + 1 < path.length; i += 1) console.error(`    ${moduleEdgeWitness.get(`${path[i]} -> ${path[i + 1]}`)}`);
}
if (process.argv.includes('--graph')) {
  for (const [module, targets] of [...moduleGraph].sort()) console.log(`${module} -> ${[...targets].sort().join(', ')}`);
}
const total = fileCycles.length + moduleCycles.length;
if (total > 0) {
  console.error(`${fileCycles.length} file cycle(s), ${moduleCycles.length} module cycle(s) in ${relative(process.cwd(), root) || '.'}`);
  process.exitCode = 1;
} else {
  console.log(`no import cycles among ${fileGraph.size} files in ${moduleGraph.size} modules`);
}
