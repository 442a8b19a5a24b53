import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRoute, RuleFileError } from '../src/rules/loader.ts';

// A copy of the QMAS folder with its extension window replaced (or removed, for undefined), so the
// real route data stays untouched.
function routeWith(windowYaml: string | undefined): string {
  const root = mkdtempSync(join(tmpdir(), 'routewise-window-'));
  cpSync(join('rules', 'hk', 'qmas'), join(root, 'hk', 'qmas'), { recursive: true });
  cpSync(join('rules', 'hk', 'sources.yaml'), join(root, 'hk', 'sources.yaml'));
  rmSync(join(root, 'hk', 'qmas', 'extension-window.yaml'), { force: true });
  if (windowYaml !== undefined) writeFileSync(join(root, 'hk', 'qmas', 'extension-window.yaml'), windowYaml);
  return join(root, 'hk', 'qmas');
}

const version = (extra: string) => `versions:
  - id: four-weeks
    from: "2006-06-28T00:00:00+08:00"
    sources: [{ ref: immd-qmas-page, section: Extension of stay }]
    confidence: official
    before: { weeks: 4 }
${extra}`;

describe('the extension-window file', () => {
  it('is optional: a route without one has no window versions', () => {
    expect(loadRoute(routeWith(undefined)).extensionWindow).toEqual([]);
  });

  it('loads dated versions with their length', () => {
    const rules = loadRoute(routeWith(version('    byTest: { abt: { months: 3 } }\n')));
    expect(rules.extensionWindow).toHaveLength(1);
    expect(rules.extensionWindow[0]?.before).toEqual({ weeks: 4 });
    expect(rules.extensionWindow[0]?.byTest?.abt).toEqual({ months: 3 });
  });

  it('names an unknown test in byTest', () => {
    const load = () => loadRoute(routeWith(version('    byTest: { nope: { months: 3 } }\n')));
    expect(load).toThrow(RuleFileError);
    expect(load).toThrow(/unknown test "nope"; expected one of gpt, abt/);
  });

  it('rejects a length that is neither months nor weeks', () => {
    const bad = version('').replace('{ weeks: 4 }', '{ days: 28 }');
    expect(() => loadRoute(routeWith(bad))).toThrow(RuleFileError);
  });
});
