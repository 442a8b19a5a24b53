/**
 * Calendar arithmetic on plain dates, without time zones: a date of birth or a work period is a
 * day, not an instant, and converting it through UTC is how off-by-one ages happen.
 */
export interface PlainDate {
  year: number;
  month: number;
  day: number;
  /** Days since 1970-01-01, for differences and ordering. */
  epochDay: number;
}

const MS_PER_DAY = 86_400_000;
/** Hong Kong has kept UTC+08:00 without daylight saving since 1979. */
const HONG_KONG_OFFSET_MS = 8 * 3_600_000;

function epochDayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function plainDate(year: number, month: number, day: number): PlainDate {
  return { year, month, day, epochDay: epochDayOf(year, month, day) };
}

/** Parses YYYY-MM-DD (already validated by the profile schema). */
export function parsePlainDate(iso: string): PlainDate {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return plainDate(year, month, day);
}

export function fromEpochDay(epochDay: number): PlainDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), epochDay };
}

/** The calendar date in Hong Kong at an instant. */
export function hongKongDate(instantMs: number): PlainDate {
  return fromEpochDay(Math.floor((instantMs + HONG_KONG_OFFSET_MS) / MS_PER_DAY));
}

/** Whole years of age on a day; a person born on 29 February turns a year older on 1 March. */
export function ageOn(dateOfBirth: string, on: PlainDate): number {
  const birth = parsePlainDate(dateOfBirth);
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1;
  return age;
}

/**
 * Length of [startDay, endDay) in years: whole anniversaries of the start day, then the rest in
 * days over 365, so that 2019-01-01 to 2024-01-01 is exactly 5 whatever the leap days.
 */
export function spanYears(startDay: number, endDay: number): number {
  const start = fromEpochDay(startDay);
  const end = fromEpochDay(endDay);
  let whole = end.year - start.year;
  if (end.month < start.month || (end.month === start.month && end.day < start.day)) whole -= 1;
  if (whole < 0) whole = 0;
  const anniversary = epochDayOf(start.year + whole, start.month, start.day);
  return whole + (endDay - anniversary) / 365;
}

/**
 * An instant given as ISO 8601 with an explicit offset or Z ("2024-11-01T00:00:00+08:00").
 * Returns undefined for anything else: a moment without an offset is ambiguous by hours, which
 * is exactly the size of the rule changes at 00:00 and 11:00 Hong Kong time.
 */
export function parseInstant(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Formats an instant as Hong Kong local time with its offset, e.g. 2025-02-26T11:00:00+08:00. */
export function formatHongKong(instantMs: number): string {
  const local = new Date(instantMs + HONG_KONG_OFFSET_MS).toISOString().slice(0, 19);
  return `${local}+08:00`;
}
