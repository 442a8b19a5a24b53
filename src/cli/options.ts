import { formatHongKong, parseInstant } from '../engine/time.ts';
import type { CliMessageKey } from '../i18n/cli-messages.ts';
import { type Lang, languages } from '../rules/schema.ts';
import { SHIPPED_ROUTE_IDS } from '../rules/shipped.ts';

/** A message to be put in the user's language when it is printed. */
export interface Message {
  key: CliMessageKey;
  params?: Record<string, string | number | Message>;
}

/** A mistake in the command line or its input: reported in the user's language, exit code 2. */
export class CliError extends Error {
  constructor(
    readonly key: CliMessageKey,
    readonly params: Record<string, string | number | Message> = {},
    /** Extra lines printed after the message (e.g. one per profile issue). */
    readonly details: readonly string[] = [],
  ) {
    super(key);
    this.name = 'CliError';
  }
}

export const assessFormats = ['text', 'json', 'markdown'] as const;
export type AssessFormat = (typeof assessFormats)[number];
export const rulesFormats = ['text', 'json'] as const;
export type RulesFormat = (typeof rulesFormats)[number];
/** Routes the CLI knows, by the names a user types: the full id (hk.ttps) or its last part (ttps). */
export const routes: Readonly<Record<string, string>> = Object.fromEntries(
  SHIPPED_ROUTE_IDS.flatMap((id) => [
    [id, id],
    [id.slice(id.indexOf('.') + 1), id],
  ]),
);

/** The short route names, as help and errors list them. */
export const routeNames = SHIPPED_ROUTE_IDS.map((id) => id.slice(id.indexOf('.') + 1)).join(', ');

export function parseRoute(value: string | undefined): string {
  if (value === undefined) return 'hk.qmas';
  const id = routes[value];
  if (!id) throw new CliError('error.badRoute', { value, routes: routeNames });
  return id;
}

export function isLang(value: string): value is Lang {
  return (languages as readonly string[]).includes(value);
}

export function parseLang(value: string | undefined, fallback: Lang): Lang {
  if (value === undefined) return fallback;
  if (!isLang(value)) throw new CliError('error.badLang', { value });
  return value;
}

/**
 * The --lang the user asked for, read before commander parses anything, so that even usage
 * errors and help come out in that language. Falls back to English when absent or invalid.
 */
export function scanLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    const value =
      arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined) return isLang(value) ? value : 'en';
  }
  return 'en';
}

export function parseFormat<F extends string>(value: string | undefined, allowed: readonly F[]): F {
  if (value === undefined) return allowed[0] as F;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError('error.badFormat', { value, allowed: allowed.join(', ') });
  }
  return value as F;
}

/** --test: one test id, or undefined for all of them. */
/**
 * The tests (categories) to assess: all of them when absent or "all" ("both" is kept for QMAS's
 * two tests); any other name is checked against the route's tests.
 */
export function parseTest(value: string | undefined, known: readonly string[]): string[] | undefined {
  if (value === undefined || value === 'all' || value === 'both') return undefined;
  if (!known.includes(value)) {
    throw new CliError('error.badTest', { value, allowed: [...known, 'all'].join(', ') });
  }
  return [value];
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/;

/**
 * The submission moment from --at, as Hong Kong time with its offset.
 *
 * - absent: now, read from the clock here (the engine never reads it);
 * - `YYYY-MM-DD`: 00:00 Hong Kong time (+08:00) on that day;
 * - an ISO 8601 date-time with an offset or Z: that instant.
 *
 * Anything else, including a date-time without an offset, is rejected.
 */
export function parseAt(value: string | undefined, now: () => number): string {
  if (value === undefined) return formatHongKong(now());
  const text = value.trim();
  const date = DATE_ONLY.exec(text);
  if (date) {
    if (!isRealDate(Number(date[1]), Number(date[2]), Number(date[3])))
      throw new CliError('error.badAt', { value });
    return `${text}T00:00:00+08:00`;
  }
  const dt = DATE_TIME.exec(text);
  if (!dt) throw new CliError('error.badAt', { value });
  const [, y, mo, d, h, mi, s, offset, oh, om] = dt;
  const valid =
    isRealDate(Number(y), Number(mo), Number(d)) &&
    Number(h) < 24 &&
    Number(mi) < 60 &&
    Number(s ?? 0) < 60 &&
    Number(oh ?? 0) < 24 &&
    Number(om ?? 0) < 60;
  if (!valid) throw new CliError('error.badAt', { value });
  if (!offset) throw new CliError('error.atNoOffset', { value });
  const ms = parseInstant(text);
  if (ms === undefined) throw new CliError('error.badAt', { value });
  return formatHongKong(ms);
}
