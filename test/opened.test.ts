import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess, RulesNotInForceError, UnknownTestError } from '../src/engine/assess.ts';
import type { Profile } from '../src/profile/schema.ts';
import { parseProfile } from '../src/profile/validate.ts';
import { shippedRoute } from '../src/rules/shipped.ts';
import type { RouteRules } from '../src/rules/types.ts';

/** A route's launch date (route.yaml `opened`) in the engine: before it, the scheme had not opened yet. */

const profile: Profile = parseProfile(
  JSON.parse(readFileSync(new URL('../examples/qmas-2024-12-criteria.json', import.meta.url), 'utf8')),
);
const qmas = shippedRoute('hk.qmas');

/** The route with its opening date moved and re-sourced, to test what the engine does with it. */
function openedAt(
  rules: RouteRules,
  at: string,
  extra: Partial<NonNullable<RouteRules['route']['opened']>> = {},
) {
  const opened = {
    at,
    sources: [{ ref: 'immd-qmas-page', section: 'Overview' }],
    confidence: 'official' as const,
  };
  return { ...rules, route: { ...rules.route, opened: { ...opened, ...extra } } } as RouteRules;
}

describe('a route before it opened', () => {
  it('is not eligible with the one prerequisite "the scheme had not opened yet", and nothing else', () => {
    const a = assess(profile, qmas, '2006-06-27T23:59:59+08:00');
    expect(a.status).toBe('not_eligible');
    expect(a.best).toBe('not_eligible');
    expect(a.worst).toBe('not_eligible');
    expect(a.prerequisites).toHaveLength(1);
    expect(a.prerequisites[0]).toMatchObject({
      id: 'scheme-opened',
      outcome: 'not_met',
      confidence: 'official',
      facts: [],
      sources: qmas.route.opened?.sources,
    });
    expect(a.prerequisites[0]?.explanation).toContain('28 June 2006');
    expect(a.tests).toEqual([]);
    expect(a.rulesUsed).toEqual([]);
    expect(a.fees).toBeNull();
    expect(a.stay).toBeNull();
    expect(a.selection).toBeNull();
    expect(a.nextSteps).toEqual([]);
    expect(a.warnings.map((w) => w.code)).toEqual(['not_approval']);
    expect(Object.keys(a.sources).sort()).toEqual(qmas.route.opened?.sources.map((s) => s.ref).sort());
  });

  it('needs no other rule version to exist then, however early the moment', () => {
    const a = assess(profile, qmas, '1990-01-01T00:00:00+08:00');
    expect(a.status).toBe('not_eligible');
    expect(a.summary).toBe(
      'Quality Migrant Admission Scheme: the scheme had not opened yet at 1990-01-01T00:00:00+08:00; it opened on 28 June 2006.',
    );
  });

  it('is written in each language, with the date as the reader writes it', () => {
    const hant = assess(profile, qmas, '2005-01-01T00:00:00+08:00', { lang: 'zh-Hant' });
    const hans = assess(profile, qmas, '2005-01-01T00:00:00+08:00', { lang: 'zh-Hans' });
    expect(hant.prerequisites[0]?.label).toBe('計劃在提交日期前已開始接受申請');
    expect(hant.prerequisites[0]?.explanation).toBe('不符合 — 計劃當時尚未開始：於2006年6月28日起接受申請。');
    expect(hans.prerequisites[0]?.label).toBe('计划在提交日期前已开始接受申请');
    expect(hans.recommendation).toBe('在此日期计划尚未开始；计划于2006年6月28日起接受申请。');
  });

  it('takes its confidence from the data, and warns when the date is uncertain', () => {
    const note = {
      en: 'The day is not confirmed.',
      'zh-Hant': '日期未經證實。',
      'zh-Hans': '日期未经证实。',
    };
    const rules = openedAt(qmas, '2006-06-28T00:00:00+08:00', { confidence: 'uncertain', note });
    const a = assess(profile, rules, '2006-06-01T00:00:00+08:00');
    expect(a.prerequisites[0]).toMatchObject({ confidence: 'uncertain', note: 'The day is not confirmed.' });
    expect(a.warnings.find((w) => w.code === 'uncertain_rule')?.message).toContain(
      'The day is not confirmed.',
    );
  });

  it('still rejects a test the route does not have', () => {
    expect(() => assess(profile, qmas, '2005-01-01T00:00:00+08:00', { tests: ['xyz'] })).toThrow(
      UnknownTestError,
    );
  });

  it('is assessed under the route’s rules from the opening moment on', () => {
    const a = assess(profile, qmas, '2006-06-28T00:00:00+08:00');
    expect(a.prerequisites.map((p) => p.id)).not.toContain('scheme-opened');
    expect(a.tests.map((t) => t.test)).toEqual(['gpt', 'abt']);
    // Moving the opening date moves the boundary: the rules are not what decides it.
    const later = openedAt(qmas, '2010-01-01T00:00:00+08:00');
    expect(assess(profile, later, '2009-12-31T23:59:59+08:00').prerequisites[0]?.id).toBe('scheme-opened');
    expect(assess(profile, later, '2010-01-01T00:00:00+08:00').tests).toHaveLength(2);
  });
});

describe('a route that existed before the earliest rules Routewise holds', () => {
  it('keeps saying Routewise holds no rules for then, with or without an opening date', () => {
    // GEP has no opening date; ASMTP opened on 15 July 2003 but its rules start in May 2015.
    expect(() => assess(profile, shippedRoute('hk.gep'), '2005-01-01T00:00:00+08:00')).toThrow(
      RulesNotInForceError,
    );
    expect(() => assess(profile, shippedRoute('hk.asmtp'), '2003-07-15T00:00:00+08:00')).toThrow(
      RulesNotInForceError,
    );
    expect(assess(profile, shippedRoute('hk.asmtp'), '2003-07-14T23:59:59+08:00').status).toBe(
      'not_eligible',
    );
    const noDate = { ...qmas, route: { ...qmas.route, opened: undefined } } as RouteRules;
    expect(() => assess(profile, noDate, '2005-01-01T00:00:00+08:00')).toThrow(RulesNotInForceError);
  });
});
