/**
 * The planner cases: every `rules/**\/tests/plans/*.yaml` file lists cases written from the published
 * rules and the calendar (not from running the planner). Each case builds a profile from one of
 * the route's fixtures (tests/fixtures/) plus overrides, plans it under the route whose `tests/`
 * folder holds `plans/`, from a moment, and checks the windows, the changes at their edges, the best
 * window, the suggestions and the road.
 *
 *   - name: A QMAS applicant stops meeting criterion 1 on their 51st birthday
 *     from: "2026-12-08T10:00:00+08:00"
 *     horizon: 5y                          # optional, 5y by default
 *     base: strong-2024
 *     set: { person.dateOfBirth: "1976-03-14" }
 *     expect:
 *       windows: [{ from: "2026-12-08", status: eligible }, …]   # every window, in order
 *       changes: [{ on: "2027-03-14", criterion: c01-age, to: not_met }]
 *       best: { from: "2026-12-08" }       # or `none`
 *       suggestions: [{ kind: evidence, lever: "find:…" }]      # each must be among them
 *       noSuggestions: true
 *       road: [{ kind: seven_years, date: "2033-12-08" }]
 *
 * Dates match a window's start by prefix (a day, or a day and a time).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { type Plan, plan } from '../src/plan/plan.ts';
import { shippedResidence } from '../src/rules/residence.ts';
import { buildProfile, caseName, route } from './case-profile.ts';

const RULES = dirname(fileURLToPath(import.meta.url));

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'a day YYYY-MM-DD, or a day and a time');
const status = z.enum(['eligible', 'not_eligible', 'undetermined', 'no_rules']);

const Case = z
  .object({
    name: caseName,
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/),
    horizon: z.string().optional(),
    submitAt: z.string().optional(),
    base: z.string().regex(/^[a-z0-9-]+$/),
    set: z.record(z.string(), z.unknown()).optional(),
    expect: z
      .object({
        windows: z.array(z.object({ from: day, status }).strict()).optional(),
        changes: z
          .array(
            z
              .object({
                on: day,
                criterion: z.string().optional(),
                to: z.enum(['met', 'not_met', 'unknown']).optional(),
                part: z.string().optional(),
                kind: z.string().optional(),
              })
              .strict(),
          )
          .optional(),
        best: z
          .union([z.literal('none'), z.object({ from: day, status: status.optional() }).strict()])
          .optional(),
        suggestions: z
          .array(
            z.object({ kind: z.enum(['evidence', 'time', 'doable']), lever: z.string().optional() }).strict(),
          )
          .optional(),
        noSuggestions: z.literal(true).optional(),
        road: z.array(z.object({ kind: z.string(), date: day.optional() }).strict()).optional(),
      })
      .strict()
      .refine((e) => Object.keys(e).length > 0, 'at least one expectation'),
  })
  .strict();
type Case = z.infer<typeof Case>;

const CaseFile = z.object({ cases: z.array(Case).min(1) }).strict();

function findPlanFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (basename(d) === 'plans' && basename(dirname(d)) === 'tests' && /\.ya?ml$/.test(entry.name))
        found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}

function check(p: Plan, e: Case['expect']): string[] {
  const problems: string[] = [];
  const r = p.routes[0];
  if (!r) return ['no route in the plan'];
  const windows = r.windows;
  const shown = windows.map((w) => `${w.from.slice(0, 16)} ${w.status}`).join('; ');
  if (e.windows) {
    const same =
      e.windows.length === windows.length &&
      e.windows.every((x, i) => windows[i]?.from.startsWith(x.from) && windows[i]?.status === x.status);
    if (!same)
      problems.push(
        `windows: expected ${e.windows.map((x) => `${x.from} ${x.status}`).join('; ')}, got ${shown}`,
      );
  }
  for (const c of e.changes ?? []) {
    const w = windows.find((x) => x.from.startsWith(c.on));
    if (!w) {
      problems.push(`changes: no window starts on ${c.on} (windows: ${shown})`);
      continue;
    }
    const hit = w.changes.some(
      (x) =>
        (c.criterion === undefined || x.criterion?.id === c.criterion) &&
        (c.to === undefined || x.criterion?.to === c.to) &&
        (c.part === undefined || x.ruleVersion?.part === c.part) &&
        (c.kind === undefined || x.kind === c.kind),
    );
    if (!hit)
      problems.push(
        `changes on ${c.on}: nothing like ${JSON.stringify(c)} in ${JSON.stringify(w.changes.map((x) => [x.kind, x.criterion?.id, x.criterion?.to, x.ruleVersion?.part]))}`,
      );
  }
  if (e.best === 'none' && r.best !== null) problems.push(`best: expected none, got ${r.best.from}`);
  if (e.best && e.best !== 'none') {
    if (!r.best?.from.startsWith(e.best.from) || (e.best.status && r.best.status !== e.best.status))
      problems.push(`best: expected ${JSON.stringify(e.best)}, got ${JSON.stringify(r.best)}`);
  }
  for (const s of e.suggestions ?? []) {
    if (
      !r.suggestions.some((x) => x.kind === s.kind && (s.lever === undefined || x.levers.includes(s.lever)))
    )
      problems.push(
        `suggestions: none like ${JSON.stringify(s)} in ${JSON.stringify(r.suggestions.map((x) => [x.kind, x.levers]))}`,
      );
  }
  if (e.noSuggestions && r.suggestions.length > 0)
    problems.push(`suggestions: expected none, got ${JSON.stringify(r.suggestions.map((x) => x.levers))}`);
  for (const s of e.road ?? []) {
    if (!r.road?.steps.some((x) => x.kind === s.kind && (s.date === undefined || x.date === s.date)))
      problems.push(
        `road: no ${JSON.stringify(s)} in ${JSON.stringify(r.road?.steps.map((x) => [x.kind, x.date]))}`,
      );
  }
  return problems;
}

const files = findPlanFiles(join(RULES, 'hk'));

describe('planner cases', () => {
  it('finds planner case files', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    const routeDir = dirname(dirname(dirname(file)));
    const parsed = CaseFile.safeParse(parse(readFileSync(file, 'utf8')));
    describe(relative(RULES, file), () => {
      it('matches the case format', () => {
        expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
      });
      if (!parsed.success) return;
      for (const c of parsed.data.cases) {
        it(c.name, () => {
          expect(existsSync(join(routeDir, 'tests', 'fixtures', `${c.base}.json`)), `fixture ${c.base}`).toBe(
            true,
          );
          const p = plan(buildProfile(routeDir, c), [route(routeDir)], c.from, {
            horizon: c.horizon ?? '5y',
            residence: shippedResidence(),
            ...(c.submitAt ? { submitAt: c.submitAt } : {}),
          });
          expect(check(p, c.expect)).toEqual([]);
        });
      }
    });
  }
});
