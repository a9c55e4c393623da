// Load generator for bench/read.ts, run as its own process so it does not share the server's event
// loop: node bench/lib/load.mjs <spec.json>. The spec names the base URL, connections, duration,
// headers and either one path list (picked at random per request) or weighted path lists (mixed);
// prints autocannon's result (requests/s, latency percentiles, errors, timeouts) as one JSON line.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let seed = spec.seed ?? 1;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const groups = spec.groups; // [{ weight, paths: [], headers: {} }]
const total = groups.reduce((s, g) => s + g.weight, 0);
const pick = () => {
  let r = random() * total;
  for (const g of groups) if ((r -= g.weight) < 0) return g;
  return groups[groups.length - 1];
};

const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  timeout: spec.timeoutSeconds ?? 30,
  requests: [{
    setupRequest: (req) => {
      const g = pick();
      return { ...req, method: 'GET', path: g.paths[Math.floor(random() * g.paths.length)], headers: { ...req.headers, ...g.headers } };
    },
  }],
});
process.stdout.write(`${JSON.stringify({
  requests: result.requests.total, rps: result.requests.average, seconds: result.duration,
  p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max,
  errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, statusCodes: result.statusCodeStats,
})}\n`);
