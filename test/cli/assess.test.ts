import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confidenceMarks, outcomeMarks } from '../../src/cli/report.ts';
import { escapeMarkdown } from '../../src/cli/writer.ts';
import { assess } from '../../src/engine/assess.ts';
import type { Assessment } from '../../src/engine/result.ts';
import { parseProfile } from '../../src/profile/validate.ts';
import type { Lang } from '../../src/rules/schema.ts';
import { shippedRoute } from '../../src/rules/shipped.ts';
import { cli, exampleProfile, failingProfile, ROOT, run, tempDir, unknownProfile } from './helpers.ts';

const AT = '2025-03-01T10:00:00+08:00';
const EXAMPLE = `${ROOT}/examples/qmas-2024-12-criteria.json`;
const tmp = tempDir();
let undetermined: string;
let failing: string;

function expected(input: unknown, at: string, lang: Lang = 'en', tests?: string[]): Assessment {
  return assess(parseProfile(input), shippedRoute('hk.qmas'), at, { lang, ...(tests ? { tests } : {}) });
}

const hkd = (lang: Lang, n: number) => {
  const f = new Intl.NumberFormat(lang === 'en' ? 'en-HK' : lang === 'zh-Hant' ? 'zh-HK' : 'zh-CN').format(n);
  return lang === 'en' ? `HK$${f}` : lang === 'zh-Hant' ? `港幣 ${f} 元` : `港币 ${f} 元`;
};

/** Everything an assessment says must be in its report, whatever the layout. */
function expectFullReport(out: string, a: Assessment): void {
  expect(out).toContain(a.route.name);
  expect(out).toContain(a.submittedAt);
  for (const v of a.rulesUsed) {
    expect(out).toContain(`${confidenceMarks[v.confidence]} `);
    expect(out).toContain(v.id);
    expect(out).toContain(v.from);
  }
  for (const c of [...a.prerequisites, ...a.tests.flatMap((t) => t.criteria)]) {
    expect(out).toContain(c.label);
    expect(out).toContain(c.explanation);
    expect(out).toContain(`${outcomeMarks[c.outcome]} `);
  }
  for (const t of a.tests) expect(out).toContain(t.name);
  expect(out).toContain(a.recommendation);
  for (const line of a.fees?.lines ?? []) expect(out).toContain(line.label);
  if (a.fees) expect(out).toContain(hkd(a.lang, a.fees.totalHKD));
  if (a.stay) expect(out).toContain(a.stay.pattern);
  for (const step of a.nextSteps) expect(out).toContain(step.title);
  for (const w of a.warnings) expect(out).toContain(w.message);
  expect(out).toContain(a.disclaimer);
  const citations = [...a.rulesUsed, ...a.prerequisites, ...a.tests.flatMap((t) => t.criteria)].flatMap(
    (x) => x.sources,
  );
  expect(citations.length).toBeGreaterThan(0);
  for (const s of citations) {
    const source = a.sources[s.ref];
    expect(source, s.ref).toBeDefined();
    expect(out).toContain(source?.url);
    expect(out).toContain(s.section);
  }
}

beforeAll(() => {
  undetermined = tmp.write('undetermined.json', unknownProfile());
  failing = tmp.write('failing.json', failingProfile());
});
afterAll(() => tmp.cleanup());

describe('routewise assess', () => {
  it('json is exactly the engine Assessment, stable byte for byte', async () => {
    const r = await cli(['assess', EXAMPLE, '--at', AT, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const a = expected(exampleProfile(), AT);
    expect(r.stdout).toBe(`${JSON.stringify(a, null, 2)}\n`);
    expect(a.status).toBe('eligible');
  });

  it('text: a full report in English, without colour when piped', async () => {
    const r = await cli(['assess', EXAMPLE, '--at', AT]);
    expect(r.code).toBe(0);
    const a = expected(exampleProfile(), AT);
    const out = r.stdout;
    expectFullReport(out, a);
    expect(out).toContain('Quality Migrant Admission Scheme (hk.qmas)');
    expect(out).toContain(`Submission moment: ${AT} (Hong Kong time)`);
    expect(out).toContain('✓ Meets the requirements');
    expect(out).toMatch(/✓ General Points Test: passes — \d+ of \d+ criteria met \(\d+ needed\)/);
    expect(out).toContain('Confidence: ✅ official source · 🟡 secondary source · ⚠️ uncertain');
    expect(out).toContain(`For ${a.fees?.persons} persons`);
    expect(out).toContain('✓ Dependant 1 (spouse)');
    expect(out).toContain('✓ Dependant 2 (child)');
    // Headings in order.
    const order = [
      'Rule versions used',
      'Result',
      'Prerequisites',
      'Tests',
      'Fees for the family',
      'Stay',
      'Next steps',
    ];
    const at = order.map((h) => out.search(new RegExp(`\\n${h}[^\\n]*\\n─`)));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(out.indexOf('\nWarnings\n─')).toBeGreaterThan(at[at.length - 1] as number);
    expect(out.indexOf('\nWarnings\n─')).toBeLessThan(out.indexOf('\nDisclaimer\n─'));
    expect(out.indexOf('\nDisclaimer\n─')).toBeLessThan(out.indexOf('\nSources\n─'));
    expect(out).not.toContain('\u001b[');
  });

  it('markdown: the same content as Markdown, in the points era with points per factor', async () => {
    const at = '2015-06-01T00:00:00+08:00';
    const r = await cli(['assess', EXAMPLE, '--at', '2015-06-01', '--format', 'markdown']);
    expect(r.code).toBe(0);
    const a = expected(exampleProfile(), at);
    const out = r.stdout;
    expect(out.startsWith('# Routewise assessment\n')).toBe(true);
    expect(out).toContain('\n## Result\n');
    expect(out).toContain('\n## Rule versions used\n');
    expect(out).toContain(`\n**${statusHeadline(a)}**\n`);
    const gpt = a.tests.find((t) => t.test === 'gpt');
    expect(gpt?.score.kind).toBe('points');
    for (const c of gpt?.criteria ?? []) {
      const p = c.points;
      expect(p).toBeDefined();
      if (!p) continue;
      const shown = p.min === p.max ? `${p.max} / ${p.cap} points` : `${p.min}–${p.max} / ${p.cap} points`;
      expect(out).toContain(`- ${outcomeMarks[c.outcome]} ${escapeMarkdown(c.label)} (${shown})`);
    }
    const ref = a.rulesUsed[0]?.sources[0]?.ref ?? '';
    expect(a.sources[ref]?.url).toMatch(/^https?:/);
    expect(out).toContain(`](<${a.sources[ref]?.url}>)`);
    expect(out).toContain('\n## Disclaimer\n');
    expect(out).not.toContain('═');
  });

  it('reads the profile from standard input with "-"', async () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const r = await cli(['assess', '-', '--at', AT, '--format', 'json', '--test', 'gpt'], { input: text });
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout) as Assessment;
    expect(got).toEqual(expected(exampleProfile(), AT, 'en', ['gpt']));
    expect(got.tests.map((t) => t.test)).toEqual(['gpt']);
  });

  it('text in Traditional Chinese', async () => {
    const r = await cli(['assess', EXAMPLE, '--at', AT, '--lang', 'zh-Hant']);
    expect(r.code).toBe(0);
    const a = expected(exampleProfile(), AT, 'zh-Hant');
    expectFullReport(r.stdout, a);
    expect(r.stdout).toContain('優秀人才入境計劃（hk.qmas）');
    expect(r.stdout).toContain(`遞交申請時刻：${AT}（香港時間）`);
    expect(r.stdout).toContain('✓ 符合要求');
    expect(r.stdout).toContain('全家的費用');
    expect(r.stdout).toContain('免責聲明');
    expect(r.stdout).not.toContain('Submission moment');
  });

  it('markdown in Simplified Chinese, with conditional steps marked', async () => {
    const r = await cli(['assess', undetermined, '--at', AT, '--lang', 'zh-Hans', '--format', 'markdown']);
    expect(r.code).toBe(0);
    const a = expected(unknownProfile(), AT, 'zh-Hans');
    expect(r.stdout.startsWith('# Routewise 评估\n')).toBe(true);
    expect(r.stdout).toContain('\n## 结果\n');
    expect(r.stdout).toContain('**? 暂未能判断**');
    expect(r.stdout).toContain('优秀人才入境计划');
    for (const step of a.nextSteps.filter((s) => s.conditional)) {
      expect(r.stdout).toContain(`- ◇ ${escapeMarkdown(step.title)}（只在适用于你时）`);
    }
  });

  it('undetermined: says which facts would decide it', async () => {
    const r = await cli(['assess', undetermined, '--at', AT]);
    expect(r.code).toBe(0);
    const a = expected(unknownProfile(), AT);
    expect(a.status).toBe('undetermined');
    expect(r.stdout).toContain('? Cannot be decided yet');
    expect(r.stdout).toContain('Facts that would decide it:');
    expect(a.deciding.length).toBeGreaterThan(0);
    for (const field of a.deciding) expect(r.stdout).toContain(`? ${field}`);
    expect(r.stdout).toContain(a.recommendation);
    const conditional = a.nextSteps.filter((s) => s.conditional);
    for (const s of conditional) expect(r.stdout).toContain(`◇ ${s.title} (only if it applies to you)`);
  });

  it('not met: kind words, what is missing and what could change it', async () => {
    const r = await cli(['assess', failing, '--at', AT]);
    expect(r.code).toBe(0);
    const a = expected(failingProfile(), AT);
    expect(a.status).toBe('not_eligible');
    const out = r.stdout;
    expect(out).toContain('✗ Not met yet, on the facts given');
    expect(out).toContain('not you: here is what is missing and what could change it');
    expect(out).toContain('What is missing:');
    expect(out).toContain('What could change it:');
    const failed = a.prerequisites.filter((p) => p.outcome === 'not_met');
    expect(failed.length).toBe(2);
    for (const p of failed) {
      expect(out).toContain(`✗ Prerequisite not met: ${p.label}`);
      expect(out).toContain(`Meeting the prerequisite “${p.label}”.`);
    }
    expect(out).toContain('Rules change over time');
    expect(out).not.toMatch(/not eligible/i);
  });

  it('--at given in UTC is shown in Hong Kong time', async () => {
    const r = await cli(['assess', EXAMPLE, '--at', '2025-02-28T16:00:00Z', '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Assessment).submittedAt).toBe('2025-03-01T00:00:00+08:00');
  });

  it('colours the text report on a terminal', async () => {
    // util-linux `script` (Debian's essential bsdutils) gives the child a pseudo-terminal.
    const command = `${JSON.stringify(process.execPath)} bin/routewise.js assess examples/qmas-2024-12-criteria.json --at ${AT}`;
    const r = await run('script', ['-qec', command, '/dev/null']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\u001b[1mResult\u001b[0m');
    expect(r.stdout).toContain('\u001b[32m✓\u001b[0m');
  });

  it('--at defaults to now, in Hong Kong time', async () => {
    const before = Date.now();
    const r = await cli(['assess', EXAMPLE, '--format', 'json']);
    expect(r.code).toBe(0);
    const { submittedAt } = JSON.parse(r.stdout) as Assessment;
    expect(submittedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    const ms = Date.parse(submittedAt);
    expect(ms).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });
});

function statusHeadline(a: Assessment): string {
  return {
    eligible: '✓ Meets the requirements',
    undetermined: '? Cannot be decided yet',
    not_eligible: '✗ Not met yet, on the facts given',
  }[a.status];
}
