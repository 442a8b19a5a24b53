import { fromEpochDay, type PlainDate, parsePlainDate } from '../engine/time.ts';
import type { ExtensionWindowVersion, WindowLength } from '../rules/schema.ts';
import type { Dated } from '../rules/types.ts';
import { addDays, addMonths, isoDay } from './dates.ts';

/** The rule data the window needs: a route's (RouteRules) or a case's (CaseRules) window versions. */
export interface WithExtensionWindow {
  extensionWindow: ReadonlyArray<Dated<ExtensionWindowVersion>>;
}

/** When an application to extend a stay may be made, and the rule version that allows it. */
export interface ExtensionWindow {
  /** The first day an application may be made (YYYY-MM-DD, Hong Kong). */
  from: string;
  /** The last day: the limit of stay itself. */
  to: string;
  /** The version in force on `from`, whose window reaches back to it. */
  version: Dated<ExtensionWindowVersion>;
}

function earliestDay(limit: PlainDate, length: WindowLength): PlainDate {
  return 'months' in length ? addMonths(limit, -length.months) : addDays(limit, -7 * length.weeks);
}

/** The Hong Kong day a version starts on: the day of its start, or the next day if it starts after 00:00. */
function firstDay(v: Dated<ExtensionWindowVersion>): number {
  const shifted = v.fromMs + 8 * 3_600_000;
  const day = Math.floor(shifted / 86_400_000);
  return shifted % 86_400_000 === 0 ? day : day + 1;
}

/**
 * The window in which to apply to extend a stay whose limit is `limitOfStay` (the last day of the
 * stay). The window belongs to the day the application is made: the first day is the earliest day
 * d on which the version in force allows an application that early, i.e. d ≥ limit − window(d).
 * So across a change of rule, a stay expiring soon after it gets the new window only from the day
 * the new rule took effect. `test` picks a category's own window where the version has one.
 * undefined when no version is in force on any day up to the limit (or the route has none).
 *
 * @example
 * // QMAS: four weeks until 28 Feb 2026, three months from 1 Mar 2026.
 * extensionWindow(rules, '2026-02-20')?.from; // '2026-01-23' (four weeks)
 * extensionWindow(rules, '2026-04-15')?.from; // '2026-03-01' (not 15 January: the rule began then)
 * extensionWindow(rules, '2027-06-30')?.from; // '2027-03-30' (three months)
 */
export function extensionWindow(
  rules: WithExtensionWindow,
  limitOfStay: string,
  test?: string,
): ExtensionWindow | undefined {
  const limit = parsePlainDate(limitOfStay);
  const versions = rules.extensionWindow;
  let best: { day: number; version: Dated<ExtensionWindowVersion> } | undefined;
  for (let i = 0; i < versions.length; i++) {
    const v = versions[i] as Dated<ExtensionWindowVersion>;
    const next = versions[i + 1];
    const start = firstDay(v);
    const end = next ? firstDay(next) : Number.POSITIVE_INFINITY;
    const length = (test !== undefined ? v.byTest?.[test] : undefined) ?? v.before;
    // The earliest day this version itself allows, if that day falls while it is in force.
    const day = Math.max(earliestDay(limit, length).epochDay, start);
    if (day < end && day <= limit.epochDay && (!best || day < best.day)) best = { day, version: v };
  }
  if (!best) return undefined;
  return { from: isoDay(fromEpochDay(best.day)), to: isoDay(limit), version: best.version };
}
