import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRoute, RULES_DIR, RuleFileError } from './loader.ts';
import { shippedRoute } from './shipped.ts';

const rules = shippedRoute('hk.qmas');

interface Sourced {
  sources?: unknown[];
  confidence?: string;
  note?: unknown;
}

/** Every object in the rules that carries a confidence mark, with where it is. */
function sourcedValues(
  value: unknown,
  path = '',
  out: Array<[string, Sourced]> = [],
): Array<[string, Sourced]> {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) sourcedValues(v, `${path}[${i}]`, out);
  } else if (value && typeof value === 'object') {
    if ('confidence' in value || 'sources' in value) out.push([path, value as Sourced]);
    for (const [k, v] of Object.entries(value)) if (k !== 'sources') sourcedValues(v, `${path}.${k}`, out);
  }
  return out;
}

describe('the shipped QMAS rules', () => {
  const parts = {
    prerequisites: rules.prerequisites,
    exclusions: rules.exclusions,
    fees: rules.fees,
    stay: rules.stay,
    dependants: rules.dependants,
    steps: rules.steps,
    selection: rules.selection,
    ...Object.fromEntries(rules.tests.map((t) => [`test:${t.id}`, t.versions])),
  };

  it('give every version an effective date, sources and a confidence mark', () => {
    for (const [part, versions] of Object.entries(parts)) {
      expect(versions.length, part).toBeGreaterThan(0);
      for (const v of versions) {
        expect(Number.isFinite(v.fromMs), `${part} ${v.id}`).toBe(true);
        expect(v.sources.length, `${part} ${v.id}`).toBeGreaterThan(0);
        expect(['official', 'secondary', 'uncertain']).toContain(v.confidence);
      }
    }
  });

  it('give every sourced value a source, and every uncertain one a note saying why', () => {
    const values = sourcedValues(parts);
    expect(values.length).toBeGreaterThan(40);
    for (const [where, value] of values) {
      expect(value.sources?.length ?? 0, where).toBeGreaterThan(0);
      expect(value.confidence, where).toBeDefined();
      if (value.confidence === 'uncertain') expect(value.note, where).toBeDefined();
    }
  });

  it('cite only sources that have a URL and a retrieved date', () => {
    for (const [id, source] of Object.entries(rules.sources)) {
      expect(source.url, id).toMatch(/^https?:\/\//);
      expect(source.retrieved, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('start with the scheme in June 2006 and have the current versions open-ended', () => {
    for (const [part, versions] of Object.entries(parts)) {
      const last = versions[versions.length - 1];
      expect(last?.to, part).toBeNull();
    }
    expect(rules.prerequisites[0]?.from).toBe('2006-06-28T00:00:00+08:00');
  });

  it('are frozen, so no assessment can change them', () => {
    expect(Object.isFrozen(rules.prerequisites[0])).toBe(true);
    expect(() => {
      (rules.fees as unknown as unknown[]).push({});
    }).toThrow();
  });
});

describe('loading a broken rule file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'routewise-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(RULES_DIR, 'hk'), join(dir, 'hk'), { recursive: true });
  const route = join(dir, 'hk', 'qmas');

  function breakFile(name: string, edit: (text: string) => string): RuleFileError {
    const path = join(route, name);
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, edit(original));
    try {
      loadRoute(route);
    } catch (error) {
      return error as RuleFileError;
    } finally {
      writeFileSync(path, original);
    }
    throw new Error('the broken file loaded without an error');
  }

  it('reports file:line and the path of a value of the wrong type', () => {
    const error = breakFile('fees.yaml', (t) => t.replace(/amountHKD: \d+/, 'amountHKD: lots'));
    expect(error).toBeInstanceOf(RuleFileError);
    const problem = error.problems[0];
    expect(problem?.file).toMatch(/fees\.yaml$/);
    expect(problem?.path).toMatch(/amountHKD$/);
    expect(problem?.line).toBeGreaterThan(1);
    const lines = readFileSync(join(route, 'fees.yaml'), 'utf8').split('\n');
    expect(lines[(problem?.line ?? 0) - 1]).toContain('amountHKD');
    expect(error.message).toMatch(/fees\.yaml:\d+: .*amountHKD/);
  });

  it('reports a version without an effective date', () => {
    const error = breakFile('stay.yaml', (t) => t.replace(/\n(\s*)from: /, '\n$1fromm: '));
    expect(error.problems.some((p) => p.path.endsWith('from') || p.message.includes('from'))).toBe(true);
  });

  it('reports a version without sources', () => {
    const error = breakFile('selection.yaml', (t) => t.replace(/\bsources:/, 'sourcez:'));
    expect(error.message).toMatch(/selection\.yaml:\d+/);
    expect(error.problems.some((p) => p.path.includes('sources'))).toBe(true);
  });

  it('reports a citation of a source that does not exist', () => {
    const error = breakFile('gpt.yaml', (t) => t.replace(/ref: [\w-]+/, 'ref: no-such-source'));
    expect(error.message).toContain('unknown source "no-such-source"');
    expect(error.problems[0]?.line).toBeGreaterThan(1);
  });

  it('reports versions out of chronological order', () => {
    const error = breakFile('fees.yaml', (t) =>
      t.replace(/2019-03-25T00:00(:00)?\+08:00/, '2005-01-01T00:00:00+08:00'),
    );
    expect(error.message).toContain('chronological order');
  });

  it('reports invalid YAML with its line', () => {
    const error = breakFile('steps.yaml', (t) => `${t}\n  - : : [\n`);
    expect(error.problems[0]?.file).toMatch(/steps\.yaml$/);
    expect(error.problems[0]?.line).toBeGreaterThan(1);
  });
});
