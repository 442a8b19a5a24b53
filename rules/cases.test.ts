/**
 * The rule cases: every `rules/**\/tests/*.yaml` file lists cases written from the published
 * rules (not from running the engine). Each case builds a profile from a fixture plus overrides,
 * assesses it at a submission moment against the route in the folder above `tests/`, and checks
 * dotted paths into the Assessment JSON; each case is one `it`, named by its sentence.
 *
 *   - name: A 50-year-old meets criterion 1 on the day of their 50th birthday
 *     at: "2024-11-01T00:00:00+08:00"   # submission moment, with its offset (or Z)
 *     base: strong-2024                  # tests/fixtures/strong-2024.json
 *     set: { person.dateOfBirth: "1974-11-01" }   # optional; arrays replaced whole
 *     tests: [gpt]                       # optional; all tests by default
 *     lang: en                           # optional
 *     expect:
 *       tests.gpt.criteria.c01-age.outcome: met
 *
 * Paths: object keys; in an array a segment selects the element whose id, test, part, code or
 * index equals it (else a numeric position); `*` maps the rest of the path over every element.
 * Expected: a value (deep equal); `absent` (the path resolves to nothing); `{ contains: x }`
 * (an array including x); `{ min, max }` (bounds, when the actual value is a number). A path
 * that resolves to nothing fails unless `absent` is expected.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { assess } from '../src/engine/assess.ts';
import { languages } from '../src/rules/schema.ts';
import { buildProfile, caseName, isObject, route, setPath } from './case-profile.ts';

const RULES = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// The case-file format
// ---------------------------------------------------------------------------------------------

const moment = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/,
    'a submission moment with its offset, e.g. 2024-11-01T00:00:00+08:00',
  );

const dottedPath = z.string().regex(/^[^.\s]+(\.[^.\s]+)*$/, 'a dotted path such as tests.gpt.status');

const Case = z
  .object({
    name: caseName,
    at: moment,
    base: z.string().regex(/^[a-z0-9-]+$/, 'a fixture name: tests/fixtures/<name>.json'),
    set: z.record(dottedPath, z.unknown()).optional(),
    tests: z.array(z.string().min(1)).min(1).optional(),
    lang: z.enum(languages).optional(),
    expect: z
      .record(dottedPath, z.unknown())
      .refine((e) => Object.keys(e).length > 0, 'at least one expectation'),
  })
  .strict();
type Case = z.infer<typeof Case>;

const CaseFile = z.object({ cases: z.array(Case).min(1) }).strict();

// ---------------------------------------------------------------------------------------------
// Finding and loading case files
// ---------------------------------------------------------------------------------------------

/** Every `tests/*.yaml` below `dir`, sorted. */
function findCaseFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (entry.isFile() && basename(d) === 'tests' && /\.ya?ml$/.test(entry.name)) {
        found.push(path);
      }
    }
  };
  walk(dir);
  return found.sort();
}

interface LoadedFile {
  path: string;
  /** The route folder: the parent of `tests/`. */
  route: string;
  cases: Case[];
  error?: string;
}

function loadCaseFile(path: string): LoadedFile {
  const route = dirname(dirname(path));
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { path, route, cases: [], error: `YAML does not parse: ${(e as Error).message}` };
  }
  const result = CaseFile.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    return { path, route, cases: [], error: `does not match the case format:\n${issues}` };
  }
  return { path, route, cases: result.data.cases };
}

// ---------------------------------------------------------------------------------------------
// Building the profile: fixture + dotted-path overrides
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Resolving dotted paths in the Assessment and checking expectations
// ---------------------------------------------------------------------------------------------

/** Keys by which an array element can be selected, in order of preference. */
const SELECTOR_KEYS = ['id', 'test', 'part', 'code', 'index'] as const;

function selectElement(array: readonly unknown[], seg: string): unknown {
  for (const key of SELECTOR_KEYS) {
    const hit = array.find((el) => isObject(el) && key in el && String(el[key]) === seg);
    if (hit !== undefined) return hit;
  }
  if (/^\d+$/.test(seg)) return array[Number(seg)];
  return undefined;
}

/**
 * Resolves a dotted path: object keys as usual; in an array, a segment selects the element whose
 * `id`, `test`, `part`, `code` or `index` equals it (else a numeric segment is a position); `*`
 * maps the rest of the path over every element. Anything that does not exist is undefined.
 */
function resolvePath(value: unknown, path: string): unknown {
  const walk = (node: unknown, segments: readonly string[]): unknown => {
    if (segments.length === 0) return node;
    const [seg, ...rest] = segments as [string, ...string[]];
    if (Array.isArray(node)) {
      if (seg === '*') return node.map((el) => walk(el, rest));
      return walk(selectElement(node, seg), rest);
    }
    if (isObject(node)) return Object.hasOwn(node, seg) ? walk(node[seg], rest) : undefined;
    return undefined;
  };
  return walk(value, path.split('.'));
}

function isBounds(expected: unknown): expected is { min: number; max: number } {
  return (
    isObject(expected) &&
    Object.keys(expected).length === 2 &&
    typeof expected.min === 'number' &&
    typeof expected.max === 'number'
  );
}

function isContains(expected: unknown): expected is { contains: unknown } {
  return isObject(expected) && Object.keys(expected).length === 1 && 'contains' in expected;
}

function show(v: unknown): string {
  return v === undefined ? 'nothing (the path resolves to undefined)' : JSON.stringify(v);
}

/** Checks one expectation; returns a description of the failure, or undefined when it holds. */
function checkExpectation(actual: unknown, path: string, expected: unknown): string | undefined {
  const fail = (what: string) => `${path}: expected ${what}, got ${show(actual)}`;
  if (expected === 'absent') return actual === undefined ? undefined : fail('absent (undefined)');
  if (actual === undefined) return fail(JSON.stringify(expected));
  if (isContains(expected)) {
    if (!Array.isArray(actual)) return fail(`an array containing ${JSON.stringify(expected.contains)}`);
    return actual.some((el) => isDeepStrictEqual(el, expected.contains))
      ? undefined
      : fail(`an array containing ${JSON.stringify(expected.contains)}`);
  }
  if (isBounds(expected) && typeof actual === 'number') {
    return actual >= expected.min && actual <= expected.max
      ? undefined
      : fail(`a number between ${expected.min} and ${expected.max}`);
  }
  return isDeepStrictEqual(actual, expected) ? undefined : fail(JSON.stringify(expected));
}

/** Checks every expectation of a case; returns the failures. */
function checkCase(assessment: unknown, expectations: Record<string, unknown>): string[] {
  const failures: string[] = [];
  for (const [path, expected] of Object.entries(expectations)) {
    const problem = checkExpectation(resolvePath(assessment, path), path, expected);
    if (problem) failures.push(problem);
  }
  return failures;
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

function runCase(file: LoadedFile, c: Case): void {
  const profile = buildProfile(file.route, c);
  const options = { ...(c.lang ? { lang: c.lang } : {}), ...(c.tests ? { tests: c.tests } : {}) };
  const assessment = assess(profile, route(file.route), c.at, options);
  const failures = checkCase(assessment, c.expect);
  if (failures.length > 0) {
    throw new Error(
      `Case "${c.name}" (${relative(process.cwd(), file.path)}, at ${c.at}, base ${c.base}):\n  ${failures.join('\n  ')}`,
    );
  }
}

const files = findCaseFiles(RULES).map(loadCaseFile);

describe('case files', () => {
  it('finds at least one case file', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [relative(RULES, f.path), f] as const))('%s matches the case format', (_, f) => {
    expect(f.error, f.error).toBeUndefined();
  });

  it('gives every case a name used only once', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const f of files) {
      for (const c of f.cases) {
        const where = seen.get(c.name);
        if (where) duplicates.push(`"${c.name}" in ${relative(RULES, f.path)} and ${where}`);
        seen.set(c.name, relative(RULES, f.path));
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('builds a valid profile for every fixture and every case', () => {
    const problems: string[] = [];
    for (const f of files) {
      const fixtures = join(f.route, 'tests', 'fixtures');
      if (existsSync(fixtures)) {
        for (const name of readdirSync(fixtures).filter((n) => n.endsWith('.json'))) {
          try {
            buildProfile(f.route, { base: basename(name, '.json') });
          } catch (e) {
            problems.push(`fixture ${name}: ${(e as Error).message}`);
          }
        }
      }
      for (const c of f.cases) {
        try {
          buildProfile(f.route, c);
        } catch (e) {
          problems.push(`case "${c.name}": ${(e as Error).message}`);
        }
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});

describe('the case runner', () => {
  const sample = {
    status: 'eligible',
    tests: [
      {
        test: 'gpt',
        score: { kind: 'count', met: { min: 7, max: 9 } },
        criteria: [
          { id: 'c01-age', outcome: 'met' },
          { id: 'c02-degree', outcome: 'unknown' },
        ],
      },
    ],
    rulesUsed: [{ part: 'fees', id: 'fees-2025-02' }],
    warnings: [{ code: 'not_approval' }, { code: 'uncertain_rule' }],
    dependants: [{ index: 1, outcome: 'met' }],
    fees: { totalHKD: 1900 },
  };

  it('resolves keys, selectors, numeric positions and *', () => {
    expect(resolvePath(sample, 'tests.gpt.criteria.c01-age.outcome')).toBe('met');
    expect(resolvePath(sample, 'rulesUsed.fees.id')).toBe('fees-2025-02');
    expect(resolvePath(sample, 'warnings.uncertain_rule.code')).toBe('uncertain_rule');
    expect(resolvePath(sample, 'dependants.1.outcome')).toBe('met');
    expect(resolvePath(sample, 'tests.0.criteria.1.id')).toBe('c02-degree');
    expect(resolvePath(sample, 'warnings.*.code')).toEqual(['not_approval', 'uncertain_rule']);
    expect(resolvePath(sample, 'tests.*.criteria.*.outcome')).toEqual([['met', 'unknown']]);
  });

  it('passes matching expectations of every form', () => {
    expect(
      checkCase(sample, {
        status: 'eligible',
        'tests.gpt.score.met': { min: 7, max: 9 },
        'tests.gpt.score.met.min': { min: 6, max: 12 },
        'warnings.*.code': { contains: 'uncertain_rule' },
        'fees.totalHKD': 1900,
        'nextSteps.eep-exit-endorsement': 'absent',
        'tests.gpt.criteria.c99-none': 'absent',
      }),
    ).toEqual([]);
  });

  it('fails a path that resolves to nothing unless absent is expected', () => {
    const failures = checkCase(sample, { 'tests.gpt.criteria.c99-none.outcome': 'met' });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain('tests.gpt.criteria.c99-none.outcome');
    expect(failures[0]).toContain('resolves to undefined');
    expect(checkCase(sample, { 'tests.gtp.status': 'absent' })).toEqual([]);
  });

  it('reports the path, the expected and the actual value of each failure', () => {
    const failures = checkCase(sample, {
      status: 'not_eligible',
      'fees.totalHKD': { min: 0, max: 1000 },
      'warnings.*.code': { contains: 'quota_suspended' },
      'tests.gpt.score.met': { min: 7, max: 8 },
      'tests.gpt.criteria.c01-age': 'absent',
    });
    expect(failures).toEqual([
      'status: expected "not_eligible", got "eligible"',
      'fees.totalHKD: expected a number between 0 and 1000, got 1900',
      'warnings.*.code: expected an array containing "quota_suspended", got ["not_approval","uncertain_rule"]',
      'tests.gpt.score.met: expected {"min":7,"max":8}, got {"min":7,"max":9}',
      'tests.gpt.criteria.c01-age: expected absent (undefined), got {"id":"c01-age","outcome":"met"}',
    ]);
  });

  it('rejects a case file that does not match the format', () => {
    const bad = CaseFile.safeParse({
      cases: [{ name: 'short', at: '2024-11-01 00:00', base: 'Strong', expect: {}, extra: 1 }],
    });
    expect(bad.success).toBe(false);
    const paths = bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['cases.0.name', 'cases.0.at', 'cases.0.base', 'cases.0.expect', 'cases.0']),
    );
  });

  it('fails a real case whose path resolves to nothing, naming the case, path, expected and actual', () => {
    const file = files.find((f) => f.cases.length > 0);
    if (!file) throw new Error('no case file with cases');
    const probe: Case = {
      ...(file.cases[0] as Case),
      name: 'A probe case expects a path that does not exist',
      expect: { status: { min: 0, max: 1 }, 'tests.gpt.criteria.no-such-criterion.outcome': 'met' },
    };
    expect(() => runCase(file, probe)).toThrow(
      /Case "A probe case expects a path that does not exist"[\s\S]*status: expected \{"min":0,"max":1\}, got "[a-z_]+"[\s\S]*tests\.gpt\.criteria\.no-such-criterion\.outcome: expected "met", got nothing/,
    );
  });

  it('refuses an override whose path is not in the base profile', () => {
    const doc = { person: { dateOfBirth: '1980-01-01' }, dependants: [{ married: false }] };
    setPath(doc, 'person.dateOfBirth', '1990-01-01');
    setPath(doc, 'dependants.0.married', true);
    expect(doc).toEqual({ person: { dateOfBirth: '1990-01-01' }, dependants: [{ married: true }] });
    expect(() => setPath(doc, 'person.dateofbirth', '1990-01-01')).toThrow(/typo/);
    expect(() => setPath(doc, 'persn.dateOfBirth', '1990-01-01')).toThrow(/not an object/);
  });
});

for (const file of files) {
  describe(relative(RULES, file.path), () => {
    for (const c of file.cases) {
      it(c.name, () => runCase(file, c));
    }
  });
}
