import { assess, InvalidMomentError, NOT_OPEN_PREREQUISITE, RulesNotInForceError } from '../engine/assess.ts';
import { formatDay, formatNumber } from '../engine/explain.ts';
import type {
  Assessment,
  CitedSource,
  CriterionResult,
  RuleVersionUsed,
  Status,
  TestResult,
  Warning,
} from '../engine/result.ts';
import { parseInstant } from '../engine/time.ts';
import { type CompareMessageKey, compareMessage } from '../i18n/compare-messages.ts';
import type { Profile } from '../profile/schema.ts';
import type { Lang } from '../rules/schema.ts';
import type { RouteRules } from '../rules/types.ts';

/**
 * One profile against every route: each route's own assessment, reduced to what a person weighs
 * when choosing — fit, what is missing, first stay, the family's fees, where it leads — and the
 * routes ranked with the reasons. Pure, like the engine: the routes and the moment are given.
 * Documented in docs/comparison-json.md.
 */

/**
 * `not_open`: the route had not opened yet at the moment (its assessment says so, with the date);
 * `not_available`: the route existed, but Routewise holds no rules for it at that moment.
 */
export type Fit = 'fits' | 'might_fit' | 'does_not_fit' | 'not_open' | 'not_available';

export interface MissingItem {
  /** "prerequisite", or the id of the test (category) the item belongs to. */
  part: string;
  id: string;
  label: string;
  outcome: 'not_met' | 'unknown';
  explanation: string;
}

export interface RouteComparison {
  route: { id: string; name: string; shortName: string };
  fit: Fit;
  fitLabel: string;
  /** The route's own result (not_eligible before the route opened); null when Routewise holds no rules for the moment. */
  status: Status | null;
  best: Status | null;
  worst: Status | null;
  /** The category (test) the route would be applied under: the best fitting or the closest. */
  category: { test: string; name: string } | null;
  /** The route's own recommendation sentence. */
  headline: string;
  /** What stands between the person and the route: requirements not met or not yet known. */
  missing: MissingItem[];
  /** Profile fields whose answers would decide an open result. */
  deciding: string[];
  needsJobOffer: 'no' | 'yes' | 'some_tests';
  stay: {
    initialMonths: number | null;
    initialNote: string | null;
    pattern: string;
    conditionOfStay: 'time_limitation_only' | 'employment' | 'linked_to_sponsor' | null;
    topTierYears: number | null;
  } | null;
  fees: { totalHKD: number; persons: number; regime: string } | null;
  permanentResidence: string;
  selection: {
    quota: number | 'suspended' | 'none' | 'unknown';
    quotaPeriod: { from: string; to: string } | null;
    selectionExercise: boolean;
    summary: string;
  } | null;
  /** Why the route is ranked where it is, most important first. */
  reasons: string[];
  /** 1 for the best fit; null for routes that do not fit, had not opened or have no rules at the moment. */
  rank: number | null;
  uncertain: boolean;
  warnings: Warning[];
  rulesUsed: RuleVersionUsed[];
}

export interface Comparison {
  format: 'routewise.comparison/1';
  submittedAt: string;
  lang: Lang;
  summary: string;
  /** Every route, ranked: those that fit, then those that might, then the rest. */
  routes: RouteComparison[];
  /** Ids of the routes that fit, best first. */
  fits: string[];
  disclaimer: string;
  /** Every source the routes' rule versions cite, once. */
  sources: Record<string, CitedSource>;
}

export interface CompareOptions {
  lang?: Lang;
}

const FIT_ORDER: Record<Fit, number> = {
  fits: 0,
  might_fit: 1,
  does_not_fit: 2,
  not_open: 3,
  not_available: 4,
};
const JOB_ORDER = { no: 0, some_tests: 1, yes: 2 } as const;
const CONDITION_ORDER = { time_limitation_only: 0, linked_to_sponsor: 1, employment: 2 } as const;

function fitOf(status: Status): Fit {
  return status === 'eligible' ? 'fits' : status === 'undetermined' ? 'might_fit' : 'does_not_fit';
}

/** How far a test is from being met: 0 when met, 1 when nothing towards it is proved. */
function distance(test: TestResult): number {
  if (test.status === 'eligible') return 0;
  const s = test.score;
  const shortfall =
    s.kind === 'points'
      ? Math.max(0, s.passMark - s.points.max) / s.passMark
      : s.kind === 'count'
        ? Math.max(0, s.threshold - s.met.max) / s.threshold
        : s.met.max > 0
          ? 0
          : 1;
  const open = s.kind === 'points' ? s.points.max - s.points.min : s.met.max - s.met.min;
  // A test that cannot be reached even in the best case is farther than any open one.
  return (test.status === 'not_eligible' ? 2 : 1) + shortfall + open / 1000;
}

function closestTest(a: Assessment): TestResult | undefined {
  const recommended = a.tests.find((t) => t.test === a.recommendedTest);
  if (recommended) return recommended;
  let best: TestResult | undefined;
  for (const t of a.tests) if (!best || distance(t) < distance(best)) best = t;
  return best;
}

function missingItem(part: string, c: CriterionResult): MissingItem {
  return {
    part,
    id: c.id,
    label: c.label,
    outcome: c.outcome as MissingItem['outcome'],
    explanation: c.explanation,
  };
}

function missingOf(a: Assessment, test: TestResult | undefined): MissingItem[] {
  const items: MissingItem[] = [];
  for (const p of a.prerequisites) if (p.outcome !== 'met') items.push(missingItem('prerequisite', p));
  // Where every criterion is needed, each one not met is missing; where some of several are
  // (points, n of 12, any one), listing them all would overstate it: the headline gives the gap.
  if (
    test &&
    test.status !== 'eligible' &&
    test.score.kind === 'count' &&
    test.score.threshold === test.score.of
  ) {
    for (const c of test.criteria) if (c.outcome !== 'met') items.push(missingItem(test.test, c));
  }
  return items;
}

function reasonsFor(r: Omit<RouteComparison, 'reasons' | 'rank'>, lang: Lang): string[] {
  if (r.fit === 'not_available' || r.fit === 'not_open') return [];
  const m = (key: CompareMessageKey, params?: Record<string, string | number>) =>
    compareMessage(lang, key, params);
  const reasons: string[] = [];
  if (r.fit === 'fits') reasons.push(m('reason.eligible'));
  if (r.fit === 'might_fit') {
    reasons.push(
      r.deciding.length > 1
        ? m('reason.undetermined', { n: r.deciding.length })
        : r.deciding.length === 1
          ? m('reason.undeterminedOne')
          : m('reason.undeterminedNoFacts'),
    );
  }
  reasons.push(
    m(
      r.needsJobOffer === 'no'
        ? 'reason.noJobOffer'
        : r.needsJobOffer === 'yes'
          ? 'reason.jobOffer'
          : 'reason.someJobOffer',
    ),
  );
  const quota = r.selection?.quota;
  const period = r.selection?.quotaPeriod;
  if (quota === 'suspended') reasons.push(m('reason.quotaSuspended'));
  else if (quota === 'unknown') reasons.push(m('reason.quotaUnknown'));
  else if (typeof quota === 'number' && period)
    reasons.push(
      m('reason.quotaPeriod', {
        quota: formatNumber(lang, quota),
        from: formatDay(lang, period.from),
        to: formatDay(lang, period.to),
      }),
    );
  else if (typeof quota === 'number') reasons.push(m('reason.quota', { quota: formatNumber(lang, quota) }));
  else if (r.selection?.selectionExercise) reasons.push(m('reason.selection'));
  else if (quota === 'none') reasons.push(m('reason.noQuota'));
  if (r.stay) {
    reasons.push(
      r.stay.initialMonths === null
        ? m('reason.stayNotFixed')
        : m('reason.stay', { months: r.stay.initialMonths }),
    );
    const condition = r.stay.conditionOfStay;
    if (condition === 'time_limitation_only') reasons.push(m('reason.timeLimitation'));
    else if (condition === 'employment') reasons.push(m('reason.employment'));
    else if (condition === 'linked_to_sponsor') reasons.push(m('reason.linkedToSponsor'));
  }
  if (r.fees) {
    const persons = r.fees.persons === 1 ? m('reason.person') : m('reason.persons', { n: r.fees.persons });
    reasons.push(m('reason.cost', { total: formatNumber(lang, r.fees.totalHKD), persons }));
  }
  if (r.uncertain) reasons.push(m('reason.uncertain'));
  return reasons;
}

function routeComparison(
  profile: Profile,
  rules: RouteRules,
  submittedAt: string,
  lang: Lang,
  sources: Record<string, CitedSource>,
): Omit<RouteComparison, 'reasons' | 'rank'> {
  const route = {
    id: rules.route.id,
    name: rules.route.name[lang],
    shortName: rules.route.shortName[lang],
  };
  let a: Assessment;
  try {
    a = assess(profile, rules, submittedAt, { lang });
  } catch (e) {
    if (!(e instanceof RulesNotInForceError)) throw e;
    const date = formatDay(lang, e.earliest);
    return {
      route,
      fit: 'not_available',
      fitLabel: compareMessage(lang, 'fit.not_available'),
      status: null,
      best: null,
      worst: null,
      category: null,
      headline: compareMessage(lang, 'reason.notInForce', { date }),
      missing: [],
      deciding: [],
      needsJobOffer: rules.route.needsJobOffer,
      stay: null,
      fees: null,
      permanentResidence: rules.route.permanentResidence[lang],
      selection: null,
      uncertain: false,
      warnings: [],
      rulesUsed: [],
    };
  }
  Object.assign(sources, a.sources);
  const opened = rules.route.opened;
  if (opened && a.prerequisites[0]?.id === NOT_OPEN_PREREQUISITE) {
    return {
      route,
      fit: 'not_open',
      fitLabel: compareMessage(lang, 'fit.not_open'),
      status: a.status,
      best: a.best,
      worst: a.worst,
      category: null,
      headline: compareMessage(lang, 'reason.notOpen', { date: formatDay(lang, opened.at) }),
      missing: missingOf(a, undefined),
      deciding: [],
      needsJobOffer: rules.route.needsJobOffer,
      stay: null,
      fees: null,
      permanentResidence: rules.route.permanentResidence[lang],
      selection: null,
      uncertain: a.warnings.some((w) => w.code === 'uncertain_rule'),
      warnings: a.warnings.filter((w) => w.code !== 'not_approval'),
      rulesUsed: a.rulesUsed,
    };
  }
  const fit = fitOf(a.status);
  const test = closestTest(a);
  const topTier = a.stay?.topTier;
  return {
    route,
    fit,
    fitLabel: compareMessage(lang, `fit.${fit}`),
    status: a.status,
    best: a.best,
    worst: a.worst,
    category: test ? { test: test.test, name: test.name } : null,
    headline: a.recommendation,
    missing: missingOf(a, test),
    deciding: a.deciding,
    needsJobOffer: rules.route.needsJobOffer,
    stay: a.stay && {
      initialMonths: a.stay.initialMonths,
      initialNote: a.stay.initialNote,
      pattern: a.stay.pattern,
      conditionOfStay: a.stay.conditionOfStay,
      topTierYears: topTier ? topTier.extensionYears : null,
    },
    fees: a.fees && { totalHKD: a.fees.totalHKD, persons: a.fees.persons, regime: a.fees.regime },
    permanentResidence: a.stay?.permanentResidence ?? rules.route.permanentResidence[lang],
    selection: a.selection && {
      quota: a.selection.quota,
      quotaPeriod: a.selection.quotaPeriod,
      selectionExercise: a.selection.selectionExercise,
      summary: a.selection.summary,
    },
    uncertain: a.warnings.some((w) => w.code === 'uncertain_rule'),
    warnings: a.warnings.filter((w) => w.code !== 'not_approval'),
    rulesUsed: a.rulesUsed,
  };
}

/**
 * How a route ranks for a person, as numbers compared in turn (lower first): fit; no job offer
 * before one; a stay bound only by time before one that follows a sponsor before one bound to a
 * job; a decision on the criteria before a quota or selection exercise; the longer first stay;
 * the lower fees for the family. Worked out once per route rather than on every comparison of the
 * sort.
 */
function preference(r: Omit<RouteComparison, 'reasons' | 'rank'>): number[] {
  const selection = r.selection;
  const quota = selection && selection.quota === 'none' && !selection.selectionExercise ? 0 : 1;
  const condition = r.stay?.conditionOfStay;
  return [
    FIT_ORDER[r.fit],
    JOB_ORDER[r.needsJobOffer],
    condition ? CONDITION_ORDER[condition] : 1,
    quota,
    -(r.stay?.initialMonths ?? 0),
    r.fees?.totalHKD ?? 0,
  ];
}

function byKey(a: { key: number[]; i: number }, b: { key: number[]; i: number }): number {
  for (let k = 0; k < a.key.length; k++) {
    const d = (a.key[k] as number) - (b.key[k] as number);
    if (d !== 0) return d;
  }
  return a.i - b.i;
}

/**
 * Compares every given route for one profile at a submission moment.
 *
 * @example
 * const routes = SHIPPED_ROUTE_IDS.map(shippedRoute);
 * const c = compare(profile, routes, '2026-03-01T10:00:00+08:00', { lang: 'en' });
 * c.fits; // e.g. ['hk.ttps', 'hk.qmas']
 */
export function compare(
  profile: Profile,
  routes: readonly RouteRules[],
  submittedAt: string,
  options: CompareOptions = {},
): Comparison {
  const lang = options.lang ?? 'en';
  const atMs = parseInstant(submittedAt);
  if (atMs === undefined) throw new InvalidMomentError(submittedAt);
  const sources: Record<string, CitedSource> = {};
  const compared = routes.map((rules) => routeComparison(profile, rules, submittedAt, lang, sources));
  const ordered = compared
    .map((r, i) => ({ r, i, key: preference(r) }))
    .sort(byKey)
    .map(({ r }) => r);
  let rank = 0;
  const ranked: RouteComparison[] = ordered.map((r) => ({
    ...r,
    reasons: reasonsFor(r, lang),
    rank: r.fit === 'fits' || r.fit === 'might_fit' ? ++rank : null,
  }));
  const fits = ranked.filter((r) => r.fit === 'fits').map((r) => r.route.id);
  const might = ranked.filter((r) => r.fit === 'might_fit').length;
  const at = submittedAt;
  const summary =
    fits.length > 0
      ? compareMessage(lang, 'summary.some', { fits: fits.length, total: ranked.length, might, at })
      : might > 0
        ? compareMessage(lang, 'summary.none', { might, at })
        : compareMessage(lang, 'summary.nothing', { at });
  return {
    format: 'routewise.comparison/1',
    submittedAt,
    lang,
    summary,
    routes: ranked,
    fits,
    disclaimer: compareMessage(lang, 'disclaimer'),
    sources,
  };
}
