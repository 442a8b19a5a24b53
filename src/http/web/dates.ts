import { formatHongKong, hongKongDate } from '../../engine/time.ts';

/** Today in Hong Kong as YYYY-MM-DD. */
export function hongKongDay(now: Date): string {
  const d = hongKongDate(now.getTime());
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * The submission moment for a chosen day: "now" when the day is today (a fee that changed at
 * 11:00 today applies as it does for a real submission now), otherwise 00:00 Hong Kong time,
 * as the command line reads a bare date.
 */
export function submissionMoment(day: string, now: Date): string {
  return day === hongKongDay(now) ? formatHongKong(now.getTime()) : `${day}T00:00:00+08:00`;
}

/** Adds whole years to a YYYY-MM-DD day (29 February becomes 28 February). */
export function addYearsToDay(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, 1));
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
