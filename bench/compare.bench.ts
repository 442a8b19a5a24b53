/**
 * `npm run bench:compare`: comparisons per second — one profile against every shipped route —
 * against the baseline of the same profile assessed under each route one by one, in the same run,
 * so the cost of reducing and ranking the results shows as a ratio. Also bytes allocated per
 * comparison. Results are recorded in BENCHMARKS.md. Not part of `npm test`.
 *
 * Options (after `npm run bench:compare --`): --json (results as JSON only), --quick (checks that
 * the bench runs; too short for numbers).
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import * as v8 from 'node:v8';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compare } from '../src/compare/compare.ts';
import { assess, RulesNotInForceError } from '../src/engine/assess.ts';
import type { Profile } from '../src/profile/schema.ts';
import { SHIPPED_ROUTE_IDS, shippedRoute } from '../src/rules/shipped.ts';
import { benchProfiles } from './profiles.ts';

const args = new Set(process.argv.slice(2));
const asJson = args.has('--json');
const quick = args.has('--quick');
const AT = '2026-03-01T10:00:00+08:00';
const ROUNDS = quick ? 3 : 11;
const ROUND_MS = quick ? 100 : 400;
const MEMORY_OPS = quick ? 200 : 2_000;

const routes = SHIPPED_ROUTE_IDS.map(shippedRoute);
const profiles = benchProfiles();
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
let checksum = 0;

function eachRoute(profile: Profile): number {
  let n = 0;
  for (const rules of routes) {
    try {
      n += assess(profile, rules, AT).tests.length;
    } catch (error) {
      if (!(error instanceof RulesNotInForceError)) throw error;
    }
  }
  return n;
}

const competitors = [
  { key: 'eachRoute', name: 'assess() under each route, one by one', run: eachRoute },
  {
    key: 'compare',
    name: 'compare() over every route',
    run: (p: Profile) => compare(p, routes, AT).routes.length,
  },
];

function round(run: (p: Profile) => number, ms: number): number {
  let ops = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < ms * 1e3) {
    for (const p of profiles) checksum += run(p);
    ops += profiles.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e3;
  }
  return elapsed / ops;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

function allocatedPerOp(run: (p: Profile) => number): number {
  gc();
  const profiler = new v8.GCProfiler();
  const before = process.memoryUsage().heapUsed;
  profiler.start();
  for (let i = 0; i < MEMORY_OPS; i++) checksum += run(profiles[i % profiles.length] as Profile);
  const after = process.memoryUsage().heapUsed;
  let freed = 0;
  for (const s of profiler.stop()?.statistics ?? [])
    freed += s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize;
  return Math.round((after - before + freed) / MEMORY_OPS);
}

for (const c of competitors) round(c.run, ROUND_MS * 2); // warm-up
const times = new Map<string, number[]>(competitors.map((c) => [c.key, []]));
for (let r = 0; r < ROUNDS; r++) for (const c of competitors) times.get(c.key)?.push(round(c.run, ROUND_MS));

const results = Object.fromEntries(
  competitors.map((c) => {
    const us = median(times.get(c.key) as number[]);
    return [
      c.key,
      {
        name: c.name,
        microsecondsPerOp: us,
        opsPerSecond: Math.round(1e6 / us),
        allocatedBytesPerOp: allocatedPerOp(c.run),
      },
    ];
  }),
) as Record<
  string,
  { name: string; microsecondsPerOp: number; opsPerSecond: number; allocatedBytesPerOp: number }
>;

const cpu =
  /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model;
const report = {
  date: new Date().toISOString(),
  machine: {
    cpu,
    cpus: cpus().length,
    node: process.version,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  },
  routes: routes.length,
  profiles: profiles.length,
  at: AT,
  results,
  ratio: {
    compareOverEachRoute:
      (results.compare?.microsecondsPerOp ?? 0) / (results.eachRoute?.microsecondsPerOp ?? 1),
  },
  checksum,
};

if (asJson) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else {
  process.stdout.write(
    `Comparison benchmark, ${report.date}, ${cpu}, ${report.machine.cpus} cores, Node ${process.version}\n`,
  );
  process.stdout.write(
    `${routes.length} routes, ${profiles.length} profiles, at ${AT}, median of ${ROUNDS} rounds\n\n`,
  );
  for (const r of Object.values(results)) {
    process.stdout.write(
      `${r.name.padEnd(42)} ${r.microsecondsPerOp.toFixed(1).padStart(8)} µs/op ${String(r.opsPerSecond).padStart(8)} ops/s ${(r.allocatedBytesPerOp / 1024).toFixed(1).padStart(7)} KB allocated/op\n`,
    );
  }
  process.stdout.write(`\ncompare / each route: ${report.ratio.compareOverEachRoute.toFixed(2)}×\n`);
}
