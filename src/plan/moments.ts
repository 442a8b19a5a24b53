import { addMonths } from '../case/dates.ts';
import { fromEpochDay, hongKongDate, parsePlainDate, plainDate } from '../engine/time.ts';

export { addMonths };

import type { Profile } from '../profile/schema.ts';
import type { RouteRules } from '../rules/types.ts';

/**
 * The moments worth looking at between two instants: where a route's rules or a fact that moves
 * with time can change the result. Nothing here decides whether a change happens — the planner
 * assesses at these moments and compares — so a moment too many costs one assessment, a moment
 * missed could hide a window; that is why a monthly grid is added under the exact moments.
 */

export const MS_PER_DAY = 86_400_000;
const HONG_KONG_OFFSET_MS = 8 * 3_600_000;

/** 00:00 Hong Kong time on a day. */
export function midnight(epochDay: number): number {
  return epochDay * MS_PER_DAY - HONG_KONG_OFFSET_MS;
}

/** The Hong Kong day of an instant. */
export function dayOf(instantMs: number): number {
  return hongKongDate(instantMs).epochDay;
}

/** The instant `months` calendar months after another, at the same Hong Kong time of day. */
export function addMonthsToInstant(instantMs: number, months: number): number {
  const day = dayOf(instantMs);
  const timeOfDay = instantMs - midnight(day);
  return midnight(addMonths(fromEpochDay(day), months).epochDay) + timeOfDay;
}

/** Why a moment is on the list: what can change there. */
export type MomentReason =
  | 'rule'
  | 'list'
  | 'birthday'
  | 'dependantBirthday'
  | 'year'
  | 'graduation'
  | 'work'
  | 'grid';

export interface Moments {
  /** Every moment in [from, to), sorted, each once. */
  instants: number[];
  /** Why each moment is listed (a moment can have several reasons). */
  reasons: Map<number, Set<MomentReason>>;
}

/** Every start of a rule version of the route (all of its parts). */
export function ruleStarts(rules: RouteRules): number[] {
  const starts: number[] = [];
  const parts = [
    rules.prerequisites,
    rules.exclusions,
    rules.fees,
    rules.stay,
    rules.dependants,
    rules.steps,
    rules.selection,
    ...rules.tests.map((t) => t.versions),
  ];
  for (const versions of parts) for (const v of versions) starts.push(v.fromMs);
  return starts;
}

/** The anniversaries of a date that fall in [fromDay, toDay]; 29 February falls on 1 March in common years. */
function anniversaries(iso: string, fromDay: number, toDay: number): number[] {
  const birth = parsePlainDate(iso);
  const days: number[] = [];
  const first = fromEpochDay(fromDay).year;
  const last = fromEpochDay(toDay).year;
  for (let y = first; y <= last; y++) {
    const day = plainDate(y, birth.month, birth.day).epochDay;
    if (day >= fromDay && day <= toDay) days.push(day);
  }
  return days;
}

/** The moments between `fromMs` (included) and `toMs` (excluded) where the route's result may change. */
export function momentsOf(profile: Profile, rules: RouteRules, fromMs: number, toMs: number): Moments {
  const reasons = new Map<number, Set<MomentReason>>();
  const add = (ms: number, reason: MomentReason) => {
    if (ms < fromMs || ms >= toMs) return;
    let set = reasons.get(ms);
    if (!set) {
      set = new Set();
      reasons.set(ms, set);
    }
    set.add(reason);
  };
  const addDay = (day: number, reason: MomentReason) => add(midnight(day), reason);
  add(fromMs, 'grid');
  for (const ms of ruleStarts(rules)) add(ms, 'rule');
  for (const ms of rules.lists?.versionStarts?.() ?? []) add(ms, 'list');

  const fromDay = dayOf(fromMs);
  const toDay = dayOf(toMs);
  const dob = profile.person.dateOfBirth;
  if (dob !== 'unknown') for (const d of anniversaries(dob, fromDay, toDay)) addDay(d, 'birthday');
  if (profile.dependants !== 'unknown') {
    for (const d of profile.dependants) {
      if (d.dateOfBirth !== 'unknown')
        for (const day of anniversaries(d.dateOfBirth, fromDay, toDay)) addDay(day, 'dependantBirthday');
    }
  }
  for (let y = fromEpochDay(fromDay).year + 1; y <= fromEpochDay(toDay).year; y++)
    addDay(plainDate(y, 1, 1).epochDay, 'year');
  if (profile.education.degrees !== 'unknown') {
    for (const degree of profile.education.degrees) {
      if (degree.graduationDate === 'unknown') continue;
      const graduated = parsePlainDate(degree.graduationDate);
      addDay(graduated.epochDay, 'graduation');
      // The day after the last day of the six months the graduates' route counts from it.
      addDay(addMonths(graduated, 6).epochDay + 1, 'graduation');
    }
  }
  if (profile.work !== 'unknown' && profile.work.kind === 'periods') {
    for (const p of profile.work.periods) {
      const start = parsePlainDate(p.from);
      addDay(start.epochDay, 'work');
      addDay(addMonths(start, 60).epochDay, 'work');
      if (p.to !== 'present') {
        const end = parsePlainDate(p.to).epochDay + 1;
        addDay(end, 'work');
        addDay(addMonths(fromEpochDay(end), 60).epochDay, 'work');
      }
    }
  }
  // The grid: years of work accrue every day, and thresholds fall on days no rule names.
  const start = fromEpochDay(fromDay);
  for (let m = 1; ; m++) {
    const day = addMonths(start, m).epochDay;
    if (midnight(day) >= toMs) break;
    addDay(day, 'grid');
  }
  const instants = [...reasons.keys()].sort((a, b) => a - b);
  return { instants, reasons };
}
