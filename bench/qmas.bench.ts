/**
 * `npm run bench`: explained QMAS assessments per second against a bare hand-written scorer and
 * two rules engines encoding the same 12 General Points Test criteria, with the ratios against the
 * goals (explained ≤ 3× bare; each rules engine ≥ 50× explained), the full assessment and memory.
 * Results are recorded in BENCHMARKS.md. Not part of `npm test`.
 *
 * Options (after `npm run bench --`):
 *   --json         print the results as JSON only, for recording
 *   --quick        short warm-up and rounds: checks that the bench runs, too short for numbers
 *   --rules DIR    a rules folder other than the shipped rules/hk/qmas
 *   --only KEYS    some competitors only, e.g. explained,bare (keys as in the JSON output)
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import * as v8 from 'node:v8';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { assess, assessTest } from '../src/engine/assess.ts';
import type { Profile } from '../src/profile/schema.ts';
import { loadRoute, RULES_DIR } from '../src/rules/loader.ts';
import { bareScore, GPT_CRITERIA } from './bare-scorer.ts';
import { jsonRulesEngineScorer } from './json-rules-engine.ts';
import { benchProfiles, fullyKnown } from './profiles.ts';
import { zenEngineScorer } from './zen-engine.ts';

const argv = process.argv.slice(2);
const args = new Set(argv);
const asJson = args.has('--json');
const quick = args.has('--quick');
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
/** A rules folder other than the shipped one (e.g. a route being edited); shipped hk.qmas by default. */
const rulesDir = option('--rules');
const only = option('--only')?.split(',');

/** A 2025 moment: the 12-criteria General Points Test (in force from 2024-11-01) applies. */
const AT = '2025-03-01T10:00:00+08:00';
const ROUNDS = quick ? 3 : 11;
const ROUND_MS = quick ? 100 : 300;
const WARMUP_MS = quick ? 200 : 1000;
const MEMORY_OPS = 10_000;

const log = (line = '') => {
  if (!asJson) process.stdout.write(`${line}\n`);
};

// The rules without the official-list look-ups: the bare scorer and the rules engines read the
// profile's own "eligible university" answer, and a benchmark compares like with like. The
// look-ups (cached per institution name) are in bench:compare, which uses the shipped routes.
const rules = loadRoute(rulesDir ?? join(RULES_DIR, 'hk', 'qmas'));
const profiles = benchProfiles();
const MASK = profiles.length - 1;
if ((profiles.length & MASK) !== 0) throw new Error('the profile count must be a power of two');
// For the memory counts, after the timings.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const jre = jsonRulesEngineScorer();
const zen = zenEngineScorer();

// ---------------------------------------------------------------------------------------------
// Sanity: a benchmark of wrong answers is worthless, so every competitor must agree first.

async function sanity(): Promise<{ profiles: number; fullyKnown: number }> {
  const problems: string[] = [];
  let known = 0;
  for (const [i, profile] of profiles.entries()) {
    const engine = assessTest(profile, rules, AT, 'gpt');
    if (
      engine.score.kind !== 'count' ||
      engine.score.threshold !== 6 ||
      engine.criteria.length !== GPT_CRITERIA.length
    ) {
      throw new Error(
        `the engine's gpt test at ${AT} is not "6 of 12 criteria": ${JSON.stringify(engine.score)}`,
      );
    }
    const engineOutcomes = engine.criteria.map((c) => c.outcome);
    const engineMet = engineOutcomes.flatMap((o, k) => (o === 'met' ? [k] : []));
    const bare = bareScore(profile, AT);
    const fromJre = await jre(profile, AT);
    const fromZen = await zen.score(profile, AT);
    const isKnown = fullyKnown(profile);
    if (isKnown) known++;
    const differ = (what: string, a: unknown, b: unknown) => {
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        problems.push(`profile ${i}: ${what}: ${JSON.stringify(a)} ≠ engine ${JSON.stringify(b)}`);
      }
    };
    // The bare scorer is three-valued like the engine: it must agree on every profile.
    differ('bare scorer outcomes', bare.outcomes, engineOutcomes);
    differ('bare scorer status', bare.status, engine.status);
    // The rules engines decide "definitely met" only; on a fully known profile that is the answer.
    differ('json-rules-engine criteria met', fromJre.met, engineMet);
    differ('zen-engine criteria met', fromZen.met, engineMet);
    if (isKnown) {
      differ('json-rules-engine status', fromJre.status, engine.status);
      differ('zen-engine status', fromZen.status, engine.status);
    }
  }
  if (problems.length > 0) {
    const ids = assessTest(profiles[0] as Profile, rules, AT, 'gpt').criteria.map(
      (c) => `${c.id} [${c.facts.map((f) => f.measure).join(', ')}]`,
    );
    process.stderr.write(
      `Benchmark aborted: the competitors disagree with the engine.\n${problems.slice(0, 20).join('\n')}\n` +
        `(${problems.length} disagreements; engine criteria in order: ${ids.join('; ')})\n`,
    );
    process.exit(1);
  }
  return { profiles: profiles.length, fullyKnown: known };
}

// ---------------------------------------------------------------------------------------------
// Timing. Each competitor has its own loop (no shared megamorphic call site); the loops return a
// checksum so the work cannot be optimised away.

interface Competitor {
  key: string;
  name: string;
  /** Runs n operations, cycling through the profiles from offset. */
  run: (n: number, offset: number) => number | Promise<number>;
}

const allCompetitors: Competitor[] = [
  {
    key: 'explained',
    name: "explained: assessTest(…, 'gpt', 'en')",
    run: (n, offset) => {
      let sink = 0;
      for (let i = 0; i < n; i++)
        sink += assessTest(profiles[(offset + i) & MASK] as Profile, rules, AT, 'gpt').criteria.length;
      return sink;
    },
  },
  {
    key: 'bare',
    name: 'bare hand-written scorer',
    run: (n, offset) => {
      let sink = 0;
      for (let i = 0; i < n; i++) sink += bareScore(profiles[(offset + i) & MASK] as Profile, AT).met;
      return sink;
    },
  },
  {
    key: 'jsonRulesEngine',
    name: 'json-rules-engine',
    run: async (n, offset) => {
      let sink = 0;
      for (let i = 0; i < n; i++)
        sink += (await jre(profiles[(offset + i) & MASK] as Profile, AT)).met.length;
      return sink;
    },
  },
  {
    key: 'zenEngine',
    name: '@gorules/zen-engine',
    run: async (n, offset) => {
      let sink = 0;
      for (let i = 0; i < n; i++)
        sink += (await zen.score(profiles[(offset + i) & MASK] as Profile, AT)).met.length;
      return sink;
    },
  },
  {
    key: 'full',
    name: "full assessment: assess(…, { lang: 'en' }), both tests",
    run: (n, offset) => {
      let sink = 0;
      for (let i = 0; i < n; i++)
        sink += assess(profiles[(offset + i) & MASK] as Profile, rules, AT).tests.length;
      return sink;
    },
  },
  {
    key: 'explainedZhHant',
    name: "explained: assessTest(…, 'gpt', 'zh-Hant')",
    run: (n, offset) => {
      let sink = 0;
      for (let i = 0; i < n; i++)
        sink += assessTest(profiles[(offset + i) & MASK] as Profile, rules, AT, 'gpt', 'zh-Hant').criteria
          .length;
      return sink;
    },
  },
];

const competitors = only ? allCompetitors.filter((c) => only.includes(c.key)) : allCompetitors;

let checksum = 0;

/** Wall-clock and CPU time (this process, all its threads) of n operations, in µs. */
async function timed(c: Competitor, n: number, offset: number): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  checksum += await c.run(n, offset);
  const wall = Number(process.hrtime.bigint() - start) / 1e3;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: used.user + used.system };
}

/** Runs whole passes over the profiles until ms have passed; returns operations per second. */
async function warmUp(c: Competitor, ms: number): Promise<number> {
  let ops = 0;
  let us = 0;
  while (us < ms * 1e3) {
    us += (await timed(c, profiles.length, 0)).wall;
    ops += profiles.length;
  }
  return (ops / us) * 1e6;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

interface Timing {
  name: string;
  /** From the median round's wall-clock time. */
  opsPerSecond: number;
  microsecondsPerOp: number;
  /** Fastest and slowest round, µs per operation. */
  spread: [number, number];
  /** Median CPU time per operation: less disturbed than wall-clock time on a busy machine. */
  cpuMicrosecondsPerOp: number;
  opsPerRound: number;
}

async function measure(): Promise<Record<string, Timing>> {
  const perRound = new Map<string, number>();
  for (const c of competitors) {
    const rate = await warmUp(c, WARMUP_MS);
    // A whole number of passes over the profiles, so every round sees the same mix.
    perRound.set(
      c.key,
      Math.max(1, Math.round((rate * ROUND_MS) / 1000 / profiles.length)) * profiles.length,
    );
  }
  // Rounds are interleaved (a round of each competitor in turn) so drift affects all alike. No
  // collection is forced between rounds: V8 shrinks the young generation after a forced full
  // collection, which more than doubled the time of the next round of an allocating competitor.
  const wall = new Map<string, number[]>(competitors.map((c) => [c.key, []]));
  const cpu = new Map<string, number[]>(competitors.map((c) => [c.key, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const c of competitors) {
      const n = perRound.get(c.key) as number;
      const time = await timed(c, n, r);
      wall.get(c.key)?.push(time.wall / n);
      cpu.get(c.key)?.push(time.cpu / n);
    }
  }
  const out: Record<string, Timing> = {};
  for (const c of competitors) {
    const us = wall.get(c.key) as number[];
    const m = median(us);
    out[c.key] = {
      name: c.name,
      opsPerSecond: Math.round(1e6 / m),
      microsecondsPerOp: m,
      spread: [Math.min(...us), Math.max(...us)],
      cpuMicrosecondsPerOp: median(cpu.get(c.key) as number[]),
      opsPerRound: perRound.get(c.key) as number,
    };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Memory: bytes allocated per assessment (heap used plus what the collector freed meanwhile) and
// bytes still held by 10k kept results.

interface Memory {
  allocatedBytesPerOp: number;
  retainedBytesPer10k: number;
}

function memory(make: (p: Profile) => unknown): Memory {
  gc();
  const profiler = new v8.GCProfiler();
  const before = process.memoryUsage().heapUsed;
  profiler.start();
  for (let i = 0; i < MEMORY_OPS; i++) checksum += make(profiles[i & MASK] as Profile) ? 1 : 0;
  const after = process.memoryUsage().heapUsed;
  const stats = profiler.stop();
  let freed = 0;
  for (const s of stats?.statistics ?? [])
    freed += s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize;
  const allocated = after - before + freed;

  gc();
  const base = process.memoryUsage().heapUsed;
  const kept: unknown[] = new Array(MEMORY_OPS);
  for (let i = 0; i < MEMORY_OPS; i++) kept[i] = make(profiles[i & MASK] as Profile);
  gc();
  const retained = process.memoryUsage().heapUsed - base;
  checksum += kept.length;
  return { allocatedBytesPerOp: Math.round(allocated / MEMORY_OPS), retainedBytesPer10k: retained };
}

// ---------------------------------------------------------------------------------------------

function machine() {
  const cpuInfo = (() => {
    try {
      return /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim();
    } catch {
      return undefined;
    }
  })();
  return {
    cpu: cpuInfo ?? cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    /** 1, 5 and 15 minutes: other work on the machine slows every competitor alike, but not evenly. */
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    platform: `${process.platform} ${process.arch}`,
  };
}

const fmt = (n: number, digits = 2) =>
  n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

/** The goals of the issue, as ratios of time per assessment. */
const RATIOS: Array<{
  name: string;
  over: string;
  under: string;
  goal?: { atMost: boolean; value: number };
}> = [
  { name: 'explained / bare', over: 'explained', under: 'bare', goal: { atMost: true, value: 3 } },
  {
    name: 'json-rules-engine / explained',
    over: 'jsonRulesEngine',
    under: 'explained',
    goal: { atMost: false, value: 50 },
  },
  {
    name: 'zen-engine / explained',
    over: 'zenEngine',
    under: 'explained',
    goal: { atMost: false, value: 50 },
  },
  { name: 'full assessment / explained', over: 'full', under: 'explained' },
  { name: 'explained zh-Hant / en', over: 'explainedZhHant', under: 'explained' },
];

async function main() {
  const info = machine();
  log(`Routewise QMAS benchmark — ${new Date().toISOString()}`);
  log(`${info.cpu} (${info.cpus} CPUs, ${info.memoryGiB} GiB), Node ${info.node}, ${info.platform}`);
  log(`Load average at start: ${info.loadAverage.join(', ')}`);
  const check = await sanity();
  log(
    `Sanity: ${check.profiles} profiles (${check.fullyKnown} fully known): bare scorer, json-rules-engine, ` +
      'zen-engine and the engine agree.',
  );
  log(`Moment ${AT}; ${ROUNDS} rounds of ~${ROUND_MS} ms each after ${WARMUP_MS} ms warm-up; median shown.`);
  log();

  const t = await measure();
  const row = (k: string) => t[k] as Timing;
  log(
    `${pad('', 52)}${lpad('ops/s', 10)}${lpad('µs/op', 10)}${lpad('min–max µs/op', 22)}${lpad('CPU µs/op', 11)}`,
  );
  for (const c of competitors) {
    const r = row(c.key);
    log(
      `${pad(r.name, 52)}${lpad(fmt(r.opsPerSecond, 0), 10)}${lpad(fmt(r.microsecondsPerOp), 10)}` +
        `${lpad(`${fmt(r.spread[0])}–${fmt(r.spread[1])}`, 22)}${lpad(fmt(r.cpuMicrosecondsPerOp), 11)}`,
    );
  }

  const ratios = RATIOS.flatMap((spec) => {
    const over = t[spec.over];
    const under = t[spec.under];
    if (!over || !under) return [];
    const value = over.microsecondsPerOp / under.microsecondsPerOp;
    const cpuValue = over.cpuMicrosecondsPerOp / under.cpuMicrosecondsPerOp;
    const holds = (v: number) => (spec.goal?.atMost ? v <= spec.goal.value : v >= (spec.goal?.value ?? 0));
    return [
      {
        ratio: spec.name,
        value,
        cpuValue,
        goal: spec.goal === undefined ? null : `${spec.goal.atMost ? '≤' : '≥'} ${spec.goal.value}`,
        result: spec.goal === undefined ? null : holds(value) ? 'PASS' : 'MISS',
        cpuResult: spec.goal === undefined ? null : holds(cpuValue) ? 'PASS' : 'MISS',
      },
    ];
  });
  log();
  log(
    `${pad('ratio of µs/op', 34)}${lpad('wall', 10)}${lpad('goal', 8)}${lpad('', 6)}${lpad('CPU', 10)}${lpad('', 6)}`,
  );
  for (const r of ratios) {
    log(
      `${pad(r.ratio, 34)}${lpad(`${fmt(r.value)}×`, 10)}${lpad(r.goal ?? '—', 8)}${lpad(r.result ?? '', 6)}` +
        `${lpad(`${fmt(r.cpuValue)}×`, 10)}${lpad(r.cpuResult ?? '', 6)}`,
    );
  }

  const mem = {
    explained: memory((p) => assessTest(p, rules, AT, 'gpt')),
    bare: memory((p) => bareScore(p, AT)),
    full: memory((p) => assess(p, rules, AT)),
  };
  log();
  log(`${pad('memory', 34)}${lpad('allocated B/op', 16)}${lpad('retained / 10k', 16)}`);
  for (const [k, m] of Object.entries(mem)) {
    log(
      `${pad(k, 34)}${lpad(fmt(m.allocatedBytesPerOp, 0), 16)}${lpad(`${fmt(m.retainedBytesPer10k / 2 ** 20, 1)} MiB`, 16)}`,
    );
  }
  zen.dispose();

  if (asJson) {
    const result = {
      date: new Date().toISOString(),
      command: argv.length > 0 ? `npm run bench -- ${argv.join(' ')}` : 'npm run bench',
      machine: info,
      loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
      moment: AT,
      profiles: check,
      rounds: ROUNDS,
      roundMs: ROUND_MS,
      timings: t,
      ratios,
      memory: mem,
      checksum,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  }
}

await main();
