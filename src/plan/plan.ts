import { InvalidMomentError } from '../engine/assess.ts';
import type { Assessment } from '../engine/result.ts';
import { formatHongKong, parseInstant, parsePlainDate } from '../engine/time.ts';
import { formatPlanDay, formatPlanMoment, planMessage } from '../i18n/plan-messages.ts';
import type { Profile } from '../profile/schema.ts';
import type { Lang } from '../rules/schema.ts';
import type { RouteRules } from '../rules/types.ts';
import { type Suggestion, suggestionsFor } from './levers.ts';
import { addMonthsToInstant } from './moments.ts';
import { type ResidenceRules, type Road, roadFor } from './road.ts';
import { type FoundWindow, type PlanWindow, type WindowStatus, windowsOf } from './windows.ts';

/**
 * The planner: for each route, when the person could apply (windows of time with one result
 * each, and what changes at their edges), what it would take where the route does not fit, and
 * the road from a submission to permanent residence. Pure, like the engine it calls: the routes,
 * the start and the horizon are given; it reads no clock. Documented in docs/plan-json.md.
 */

export type { ProfileChange, Suggestion, SuggestionKind } from './levers.ts';
export type { ResidenceRules, Road, RoadStep } from './road.ts';
export type { PlanChange, PlanWindow, WindowStatus } from './windows.ts';

/** Raised when the horizon is not a whole number of months or years between 1 month and 10 years. */
export class PlanHorizonError extends Error {
  constructor(readonly value: string | number) {
    super(
      `Not a plan horizon: "${value}"; expected a number of years or months such as 5y or 18m, at most 10 years (120 months)`,
    );
    this.name = 'PlanHorizonError';
  }
}

export const MAX_HORIZON_MONTHS = 120;
export const DEFAULT_HORIZON_MONTHS = 60;

/** "5y", "18m", "5" (years) or a number of years, as months; throws PlanHorizonError otherwise. */
export function parseHorizon(value: string | number): number {
  const text = String(value).trim();
  const m = /^(\d{1,3})\s*(y|m)?$/i.exec(text);
  if (!m) throw new PlanHorizonError(value);
  const n = Number(m[1]);
  const months = (m[2] ?? 'y').toLowerCase() === 'm' ? n : n * 12;
  if (months < 1 || months > MAX_HORIZON_MONTHS) throw new PlanHorizonError(value);
  return months;
}

export interface PlanOptions {
  lang?: Lang;
  /** How far ahead to look: "5y" (the default), "18m", or years as a number; at most 10 years. */
  horizon?: string | number;
  /**
   * The residence rules (seven years, the verification) for the road to permanent residence;
   * without them the plan has no road.
   */
  residence?: ResidenceRules;
  /** The submission moment the road starts from; by default the start of each route's best window. */
  submitAt?: string;
}

export interface RoutePlan {
  route: { id: string; name: string };
  windows: PlanWindow[];
  /** The window to apply in, with the reason; null when no window meets the requirements or could. */
  best: { from: string; to: string; status: WindowStatus; reason: string } | null;
  /** What would make the route fit, most useful first; empty when it fits from the start. */
  suggestions: Suggestion[];
  /** Said when the route does not fit and no suggestion is within reach. */
  noSuggestion: string | null;
  road: Road | null;
}

export interface Plan {
  format: 'routewise.plan/1';
  from: string;
  to: string;
  horizonMonths: number;
  lang: Lang;
  summary: string;
  /** What the plan takes for granted about the future. */
  assumptions: Array<{ code: string; text: string }>;
  routes: RoutePlan[];
  disclaimer: string;
}

function assumptionsOf(profile: Profile, lang: Lang): Plan['assumptions'] {
  const list: Plan['assumptions'] = [];
  if (profile.work !== 'unknown' && profile.work.kind === 'periods') {
    for (const p of profile.work.periods) {
      if (p.to === 'present')
        list.push({
          code: 'job_continues',
          text: planMessage(lang, 'assume.job', {
            from: formatPlanDay(lang, parsePlainDate(p.from).epochDay),
          }),
        });
    }
  }
  if (profile.income.lastYearHKD !== 'unknown')
    list.push({ code: 'income_unchanged', text: planMessage(lang, 'assume.income') });
  if (profile.dependants !== 'unknown' && profile.dependants.length > 0)
    list.push({ code: 'family_unchanged', text: planMessage(lang, 'assume.family') });
  list.push({ code: 'nothing_else', text: planMessage(lang, 'assume.nothingElse') });
  list.push({ code: 'rules_announced', text: planMessage(lang, 'assume.rules') });
  return list;
}

function bestOf(
  windows: readonly FoundWindow[],
  fromMs: number,
  toMs: number,
  lang: Lang,
): RoutePlan['best'] {
  const pick =
    windows.find((w) => w.status === 'eligible') ?? windows.find((w) => w.status === 'undetermined');
  if (!pick) {
    return null;
  }
  const until =
    pick.toMs < toMs ? planMessage(lang, 'best.until', { to: formatPlanMoment(lang, pick.toMs) }) : '';
  const from = formatPlanMoment(lang, pick.fromMs);
  const reason =
    pick.status === 'undetermined'
      ? planMessage(lang, 'best.undetermined', { from })
      : planMessage(lang, pick.fromMs === fromMs ? 'best.now' : 'best.later', { from, until });
  return { from: pick.from, to: pick.to, status: pick.status, reason };
}

function strip(w: FoundWindow): PlanWindow {
  return { from: w.from, to: w.to, status: w.status, statusLabel: w.statusLabel, changes: w.changes };
}

function timeSuggestion(windows: readonly FoundWindow[], lang: Lang): Suggestion | undefined {
  const first = windows[0];
  if (!first || first.status === 'eligible') return undefined;
  const later = windows.find((w) => w.status === 'eligible');
  if (!later) return undefined;
  const action = planMessage(lang, 'lever.wait', { date: formatPlanMoment(lang, later.fromMs) });
  const because = later.changes.filter((c) => c.kind !== 'status').map((c) => c.description);
  return {
    kind: 'time',
    levers: ['time'],
    changes: [],
    meets: later.changes.flatMap((c) =>
      c.criterion && c.criterion.to === 'met'
        ? [{ test: c.criterion.test, id: c.criterion.id, label: c.criterion.label }]
        : [],
    ),
    from: later.from,
    description: [
      planMessage(lang, 'suggest.sentence', {
        action,
        outcome: planMessage(lang, 'suggest.outcomeNoCriteria'),
      }),
      ...because,
    ].join(' '),
  };
}

function routePlan(
  profile: Profile,
  rules: RouteRules,
  fromMs: number,
  toMs: number,
  lang: Lang,
  options: PlanOptions,
): RoutePlan {
  const windows = windowsOf(profile, rules, fromMs, toMs, lang);
  const best = bestOf(windows, fromMs, toMs, lang);
  const suggestions: Suggestion[] = [];
  const startWindow = windows.find((w) => w.evaluation.kind === 'assessed');
  let noSuggestion: string | null = null;
  if (startWindow && startWindow.status !== 'eligible' && startWindow.evaluation.kind === 'assessed') {
    const moments = windows
      .filter((w) => w.fromMs >= startWindow.fromMs && w.evaluation.kind === 'assessed')
      .map((w) => w.fromMs);
    const base: Assessment = startWindow.evaluation.assessment;
    suggestions.push(...suggestionsFor(profile, rules, base, moments, lang));
    const time = timeSuggestion(windows, lang);
    if (time) suggestions.push(time);
    suggestions.sort(
      (x, y) =>
        ({ evidence: 0, time: 1, doable: 2 })[x.kind] - { evidence: 0, time: 1, doable: 2 }[y.kind] ||
        x.levers.length - y.levers.length ||
        Date.parse(x.from) - Date.parse(y.from),
    );
    if (suggestions.length === 0) noSuggestion = planMessage(lang, 'suggest.none');
  }
  const submitMs =
    options.submitAt !== undefined ? parseInstant(options.submitAt) : best ? Date.parse(best.from) : fromMs;
  if (submitMs === undefined) throw new InvalidMomentError(options.submitAt ?? '');
  const road = options.residence ? roadFor(profile, rules, submitMs, options.residence, lang) : null;
  return {
    route: { id: rules.route.id, name: rules.route.name[lang] },
    windows: windows.map(strip),
    best,
    suggestions,
    noSuggestion,
    road,
  };
}

/**
 * Plans a profile across routes from a moment to a horizon: each route's windows, the best one
 * to apply in, what it would take, and the road to permanent residence.
 *
 * @example
 * const routes = SHIPPED_ROUTE_IDS.map(shippedRoute);
 * const p = plan(profile, routes, '2026-12-08T10:00:00+08:00', { horizon: '5y', residence: shippedResidence() });
 * p.routes[0].windows.map((w) => [w.from, w.status]);
 * p.routes[0].best?.reason; // "You meet the requirements now, from 8 December 2026 at 10:00, until …"
 */
export function plan(
  profile: Profile,
  routes: readonly RouteRules[],
  from: string,
  options: PlanOptions = {},
): Plan {
  const lang = options.lang ?? 'en';
  const fromMs = parseInstant(from);
  if (fromMs === undefined) throw new InvalidMomentError(from);
  if (options.submitAt !== undefined && parseInstant(options.submitAt) === undefined)
    throw new InvalidMomentError(options.submitAt);
  const horizonMonths = parseHorizon(options.horizon ?? '5y');
  const toMs = addMonthsToInstant(fromMs, horizonMonths);
  const planned = routes.map((rules) => routePlan(profile, rules, fromMs, toMs, lang, options));
  const eligible = planned.filter((r) => r.windows.some((w) => w.status === 'eligible')).length;
  return {
    format: 'routewise.plan/1',
    from: formatHongKong(fromMs),
    to: formatHongKong(toMs),
    horizonMonths,
    lang,
    summary: planMessage(lang, planned.length === 1 ? 'plan.summaryOne' : 'plan.summary', {
      from: formatPlanMoment(lang, fromMs),
      to: formatPlanMoment(lang, toMs),
      n: planned.length,
      eligible,
    }),
    assumptions: assumptionsOf(profile, lang),
    routes: planned,
    disclaimer: planMessage(lang, 'disclaimer'),
  };
}
