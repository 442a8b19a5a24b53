import { fromEpochDay, type PlainDate, parsePlainDate, plainDate } from '../engine/time.ts';

/**
 * Calendar arithmetic for the tracker's derived dates, on plain days (no time zone): a limit of
 * stay is a day, and computing it through UTC instants is how off-by-one dates happen.
 */

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds calendar months; a day past the end of the target month becomes its last day. */
export function addMonths(date: PlainDate, months: number): PlainDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return plainDate(year, month, Math.min(date.day, daysInMonth(year, month)));
}

export function addYears(date: PlainDate, years: number): PlainDate {
  return addMonths(date, years * 12);
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromEpochDay(date.epochDay + days);
}

export function isoDay(date: PlainDate): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export { parsePlainDate };

/**
 * The last day of a stay of `months` that starts on `start`: the day before the same date
 * `months` later (entry 2025-03-01 with 36 months → 2028-02-29).
 */
export function limitOfStay(start: PlainDate, months: number): PlainDate {
  return addDays(addMonths(start, months), -1);
}
