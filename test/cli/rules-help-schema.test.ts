import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routeNames } from '../../src/cli/options.ts';
import { confidenceMarks } from '../../src/cli/report.ts';
import { rulesView } from '../../src/cli/rules-view.ts';
import { profileJsonSchema } from '../../src/profile/json-schema.ts';
import { shippedRoute } from '../../src/rules/shipped.ts';
import { cli, ROOT } from './helpers.ts';

describe('routewise rules', () => {
  it('text: every part in force with its period, confidence and sources, and what each test asks', async () => {
    const r = await cli(['rules', 'qmas', '--at', '2025-03-01']);
    expect(r.code).toBe(0);
    const view = rulesView(shippedRoute('hk.qmas'), '2025-03-01T00:00:00+08:00', 'en');
    const out = r.stdout;
    expect(out).toContain(
      'Quality Migrant Admission Scheme (hk.qmas): rules in force at 2025-03-01T00:00:00+08:00',
    );
    for (const p of [...view.parts, ...view.tests.map((t) => t.version)]) {
      expect(out).toContain(`${confidenceMarks[p.confidence]} `);
      expect(out).toContain(` — ${p.id}\n`);
      expect(out).toContain(
        p.to ? `in force from ${p.from} until ${p.to}` : `in force from ${p.from}, still current`,
      );
      for (const s of p.sources) expect(out).toContain(`${s.title} — ${s.url} · section: ${s.section}`);
    }
    for (const t of view.tests) {
      for (const c of t.criteria ?? []) expect(out).toContain(c.label);
    }
    expect(out).toMatch(/Criteria test: at least \d+ of \d+ criteria\./);
  });

  it('json in the points era, with factors and bands', async () => {
    const r = await cli(['rules', 'hk.qmas', '--at', '2012-03-01T12:00:00+08:00', '--format', 'json']);
    expect(r.code).toBe(0);
    const view = rulesView(shippedRoute('hk.qmas'), '2012-03-01T12:00:00+08:00', 'en');
    expect(r.stdout).toBe(`${JSON.stringify(view, null, 2)}\n`);
    const gpt = view.tests.find((t) => t.test === 'gpt');
    expect(gpt?.scoring.kind).toBe('points');
    expect(gpt?.factors?.[0]?.bands.length).toBeGreaterThan(0);
  });

  it('text in Traditional Chinese, and an unknown route', async () => {
    const [zh, unknown] = await Promise.all([
      cli(['rules', 'qmas', '--at', '2012-03-01', '--lang', 'zh-Hant']),
      cli(['rules', 'ttpss']),
    ]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('優秀人才入境計劃（hk.qmas）：2012-03-01T00:00:00+08:00 生效的規則');
    expect(zh.stdout).toContain('生效的規則版本');
    expect(zh.stdout).toMatch(/計分測試：及格分數 \d+／\d+ 分。/);
    expect(zh.stdout).toMatch(/（最多 \d+ 分）/);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`routewise: unknown route "ttpss": expected ${routeNames}.\n`);
    expect(routeNames).toContain('ttps');
  });
});

describe('routewise schema', () => {
  it('prints the JSON Schema, which is the committed schema/profile.schema.json', async () => {
    const [r, bad] = await Promise.all([cli(['schema', 'profile']), cli(['schema', 'case'])]);
    expect(r.code).toBe(0);
    const committed = readFileSync(`${ROOT}/schema/profile.schema.json`, 'utf8');
    expect(r.stdout).toBe(profileJsonSchema());
    expect(committed).toBe(profileJsonSchema());
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toContain('person');
    expect(schema.additionalProperties).toBe(false);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('routewise: unknown schema "case": expected profile.\n');
  });
});

describe('help', () => {
  it('--help lists the commands and exit codes; -V prints the version', async () => {
    const [help, version] = await Promise.all([cli(['--help']), cli(['-V'])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: routewise [options] [command]');
    expect(help.stdout).toMatch(/\n {2}assess \[options\] <profile>/);
    expect(help.stdout).toMatch(/\n {2}rules \[options\] <route>/);
    expect(help.stdout).toMatch(/\n {2}schema \[options\] <name>/);
    expect(help.stdout).toContain(
      'Exit codes: 0 assessed (whatever the outcome), 2 bad input or arguments, 1 internal fault.',
    );
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')).version);
  });

  it('help for each command, in the language asked for', async () => {
    const [assess, rules, schema] = await Promise.all([
      cli(['assess', '--help', '--lang', 'zh-Hant']),
      cli(['help', 'rules']),
      cli(['schema', '--help', '--lang', 'zh-Hans']),
    ]);
    expect(assess.code).toBe(0);
    expect(assess.stdout).toContain('用法： routewise assess [options] <profile>');
    expect(assess.stdout).toContain('選項：');
    expect(assess.stdout).toContain('--at <moment>');
    expect(assess.stdout).toContain('即香港時間');
    expect(assess.stdout).toContain('cat profile.json | routewise assess -');
    expect(rules.code).toBe(0);
    expect(rules.stdout).toContain('Usage: routewise rules [options] <route>');
    expect(rules.stdout).toContain('--format <format>  output: text or json (default: text)');
    expect(schema.code).toBe(0);
    expect(schema.stdout).toContain('用法： routewise schema [options] <name>');
    expect(schema.stdout).toContain('打印输入格式的 JSON Schema。');
  });
});
