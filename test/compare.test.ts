import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, type Fit } from '../src/compare/compare.ts';
import { assess, InvalidMomentError, RulesNotInForceError } from '../src/engine/assess.ts';
import type { Profile } from '../src/profile/schema.ts';
import { parseProfile } from '../src/profile/validate.ts';
import { SHIPPED_ROUTE_IDS, shippedRoute } from '../src/rules/shipped.ts';
import { momentOrBoundaryArb, profileArb } from './arbitraries.ts';

const routes = SHIPPED_ROUTE_IDS.map(shippedRoute);
const example = (name: string): Profile =>
  parseProfile(JSON.parse(readFileSync(new URL(`../examples/${name}.json`, import.meta.url), 'utf8')));

const FIT_ORDER: Record<Fit, number> = {
  fits: 0,
  might_fit: 1,
  does_not_fit: 2,
  not_open: 3,
  not_available: 4,
};

describe('compare', () => {
  it('agrees with each route’s own assessment, and ranks every route once', () => {
    fc.assert(
      fc.property(profileArb, momentOrBoundaryArb, (profile, at) => {
        const c = compare(profile, routes, at);
        expect(c.routes.map((r) => r.route.id).sort()).toEqual([...SHIPPED_ROUTE_IDS].sort());
        for (const r of c.routes) {
          const rules = routes.find((x) => x.route.id === r.route.id);
          if (!rules) throw new Error(r.route.id);
          let own: ReturnType<typeof assess> | undefined;
          try {
            own = assess(profile, rules, at);
          } catch (error) {
            if (!(error instanceof RulesNotInForceError)) throw error;
          }
          if (!own) {
            expect(r.fit).toBe('not_available');
            expect(r.status).toBeNull();
            continue;
          }
          expect(r.status).toBe(own.status);
          const opened = rules.route.opened;
          if (opened && Date.parse(at) < Date.parse(opened.at)) {
            expect(r.fit).toBe('not_open');
            expect(r.rank).toBeNull();
            expect(r.fees).toBeNull();
            continue;
          }
          expect(r.fit).toBe(
            own.status === 'eligible' ? 'fits' : own.status === 'undetermined' ? 'might_fit' : 'does_not_fit',
          );
          expect(r.fees?.totalHKD).toBe(own.fees?.totalHKD);
          expect(r.stay?.initialMonths ?? null).toBe(own.stay?.initialMonths ?? null);
          expect(r.rulesUsed).toEqual(own.rulesUsed);
          // Nothing a route's own assessment has met is reported missing.
          const met = new Set(own.prerequisites.filter((p) => p.outcome === 'met').map((p) => p.id));
          for (const m of r.missing.filter((x) => x.part === 'prerequisite'))
            expect(met.has(m.id)).toBe(false);
          if (r.fit === 'fits') expect(r.missing).toEqual([]);
        }
        // Fits before might-fits before the rest; ranks count 1, 2, … over those that (might) fit.
        const order = c.routes.map((r) => FIT_ORDER[r.fit]);
        expect(order).toEqual([...order].sort((a, b) => a - b));
        const ranks = c.routes.filter((r) => r.rank !== null).map((r) => r.rank);
        expect(ranks).toEqual(ranks.map((_, i) => i + 1));
        expect(c.fits).toEqual(c.routes.filter((r) => r.fit === 'fits').map((r) => r.route.id));
      }),
      { numRuns: 60 },
    );
  });

  it('cites every source its routes’ rule versions cite', () => {
    const c = compare(example('qmas-2024-12-criteria'), routes, '2026-03-01T10:00:00+08:00');
    const refs = c.routes.flatMap((r) => r.rulesUsed.flatMap((v) => v.sources.map((s) => s.ref)));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(c.sources[ref]?.url, ref).toMatch(/^https?:\/\//);
  });

  it('says what fits in the person’s language and that fitting is not approval', () => {
    const profile = example('qmas-2024-12-criteria');
    const en = compare(profile, routes, '2026-03-01T10:00:00+08:00');
    const hant = compare(profile, routes, '2026-03-01T10:00:00+08:00', { lang: 'zh-Hant' });
    const hans = compare(profile, routes, '2026-03-01T10:00:00+08:00', { lang: 'zh-Hans' });
    expect(en.disclaimer).toMatch(/not an official government service/);
    expect(en.disclaimer).toMatch(/not approval/);
    expect(hant.disclaimer).toMatch(/並非政府官方服務/);
    expect(hans.disclaimer).toMatch(/并非政府官方服务/);
    expect(hant.routes.map((r) => r.route.id)).toEqual(en.routes.map((r) => r.route.id));
    expect(hans.routes.map((r) => r.fit)).toEqual(en.routes.map((r) => r.fit));
    const qmas = hant.routes.find((r) => r.route.id === 'hk.qmas');
    expect(qmas?.route.name).toBe('優秀人才入境計劃');
  });

  it('gives reasons for the ranking, and nothing before a route’s rules begin', () => {
    const profile = example('qmas-2024-12-criteria');
    const c = compare(profile, routes, '2026-03-01T10:00:00+08:00');
    const qmas = c.routes.find((r) => r.route.id === 'hk.qmas');
    expect(qmas?.fit).toBe('fits');
    expect(qmas?.reasons).toContain('needs no job offer');
    expect(qmas?.reasons.some((x) => /first stay of 36 months/.test(x))).toBe(true);
    const early = compare(profile, routes, '2005-01-01T10:00:00+08:00');
    for (const r of early.routes) expect(['not_open', 'not_available']).toContain(r.fit);
    expect(early.fits).toEqual([]);
    expect(early.summary).toMatch(/no Hong Kong route fits/);
  });

  it('tells a route that had not opened yet from one whose rules Routewise does not hold', () => {
    const profile = example('qmas-2024-12-criteria');
    const c = compare(profile, routes, '2004-01-01T10:00:00+08:00');
    const byId = (id: string) => c.routes.find((r) => r.route.id === id);
    for (const id of ['hk.qmas', 'hk.ttps', 'hk.assg', 'hk.new-cies']) {
      expect(byId(id)?.fit, id).toBe('not_open');
      expect(byId(id)?.status, id).toBe('not_eligible');
      expect(byId(id)?.rank, id).toBeNull();
      expect(byId(id)?.fees, id).toBeNull();
    }
    expect(byId('hk.qmas')?.headline).toBe(
      'This scheme had not opened yet: it took its first applications on 28 June 2006',
    );
    expect(byId('hk.qmas')?.fitLabel).toBe('Not open yet');
    expect(byId('hk.qmas')?.missing.map((m) => m.id)).toEqual(['scheme-opened']);
    // ASMTP opened in 2003, but Routewise holds its rules only from 2015; GEP has no opening date.
    for (const id of ['hk.asmtp', 'hk.gep']) {
      expect(byId(id)?.fit, id).toBe('not_available');
      expect(byId(id)?.status, id).toBeNull();
      expect(byId(id)?.headline, id).toBe('Routewise holds no rules for this route before 4 May 2015');
    }
    // The routes not yet open come before those with no rules held.
    const fits = c.routes.map((r) => r.fit);
    expect(fits.lastIndexOf('not_open')).toBeLessThan(fits.indexOf('not_available'));
    const before = compare(profile, routes, '2003-07-14T23:59:59+08:00', { lang: 'zh-Hant' });
    const asmtp = before.routes.find((r) => r.route.id === 'hk.asmtp');
    expect(asmtp?.fit).toBe('not_open');
    expect(asmtp?.fitLabel).toBe('尚未開始');
    expect(asmtp?.headline).toBe('此計劃當時尚未開始：於2003年7月15日起接受申請');
    const opening = compare(profile, routes, '2006-06-28T00:00:00+08:00');
    expect(opening.routes.find((r) => r.route.id === 'hk.qmas')?.fit).not.toBe('not_open');
  });

  it('rejects a moment that is not an ISO date-time with an offset', () => {
    expect(() => compare(example('qmas-2024-12-criteria'), routes, '2026-03-01')).toThrow(InvalidMomentError);
  });
});
