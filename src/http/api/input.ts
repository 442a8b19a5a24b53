import type { Context } from 'hono';
import type { z } from 'zod';
import { validateProfile } from '../../profile/validate.ts';
import type { Lang } from '../../rules/schema.ts';
import { languages } from '../../rules/schema.ts';
import { ApiError, type ErrorMessageKey, errorMessage, type FieldIssue } from '../errors.ts';
import type { ApiEnv } from './context.ts';

/**
 * Reading and checking request input: JSON bodies (media type, syntax), zod-validated fields
 * reported one issue per problem with path, value and what is expected, and moments.
 */

/** What each request field accepts, by its name (the last named segment of the path). */
const expectedByField: Record<string, ErrorMessageKey> = {
  submittedAt: 'expect.moment',
  at: 'expect.moment',
  lang: 'expect.lang',
  route: 'expect.route',
  tests: 'expect.tests',
  state: 'expect.state',
  note: 'expect.note',
  date: 'expect.date',
};

function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** One field issue in the request's language. */
export function issue(
  lang: Lang,
  path: string,
  value: unknown,
  expected: string,
  kind: 'missing' | 'invalid' = 'invalid',
): FieldIssue {
  const shownPath = path || 'body';
  const message =
    kind === 'missing' || value === undefined
      ? errorMessage(lang, 'issue.missing', { path: shownPath, expected })
      : errorMessage(lang, 'issue.invalid', { path: shownPath, value: shown(value), expected });
  return value === undefined ? { path, expected, message } : { path, value, expected, message };
}

/** Zod's issues as the API's field issues: one per problem, with path, value and what is expected. */
export function fieldIssues(
  error: z.ZodError,
  input: unknown,
  lang: Lang,
  fields: readonly string[],
): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const i of error.issues) {
    const base = i.path.map(String);
    if (i.code === 'unrecognized_keys') {
      for (const key of i.keys) {
        const path = [...base, key].join('.');
        const message = errorMessage(lang, 'issue.unrecognized', { path, fields: fields.join(', ') });
        out.push({
          path,
          value: valueAt(input, [...i.path, key]),
          expected: errorMessage(lang, 'expect.oneOf', { values: fields.join(', ') }),
          message,
        });
      }
      continue;
    }
    const named = [...base].reverse().find((s) => !/^\d+$/.test(s));
    const key = named ? expectedByField[named] : undefined;
    const expected = key
      ? errorMessage(lang, key)
      : base.length === 0
        ? errorMessage(lang, 'expect.object')
        : i.message;
    out.push(issue(lang, base.join('.'), valueAt(input, i.path), expected));
  }
  return out;
}

/**
 * The request body as JSON. It must be sent as application/json (which also keeps plain HTML
 * forms on other sites from posting to the API); a body that does not parse is `invalid_json`.
 */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) throw new ApiError('unsupported_media_type');
  // Not inside the try: an over-long body must reach the body-limit handler, not become invalid_json.
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('invalid_json');
  }
}

/** Parses `input` with a zod schema, or throws `invalid_field` listing every problem. */
export function check<S extends z.ZodType>(
  schema: S,
  input: unknown,
  lang: Lang,
  fields: readonly string[],
): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success)
    throw new ApiError('invalid_field', { issues: fieldIssues(result.error, input, lang, fields) });
  return result.data;
}

/**
 * A body's own `lang`, when it is one Routewise speaks, becomes the request's language before the
 * body is checked, so that the problems found in it are written in the language it asks for.
 */
export function adoptBodyLanguage(c: Context<ApiEnv>, body: unknown): Lang {
  const asked =
    body !== null && typeof body === 'object' ? (body as Record<string, unknown>).lang : undefined;
  const lang = languages.find((l) => l === asked);
  if (lang) {
    c.set('lang', lang);
    c.set('langSource', 'body');
  }
  return c.get('lang');
}

/**
 * An envelope `{ profile, …fields }`: the fields by their zod schema, the profile by the
 * profile validator (plain-language issues under "profile."). Field problems come first and
 * make the error `invalid_field`; profile problems alone make it `invalid_profile`.
 */
export function checkWithProfile<S extends z.ZodType<{ profile?: unknown }>>(
  schema: S,
  input: unknown,
  lang: Lang,
  fields: readonly string[],
): { data: z.infer<S>; profile: import('../../profile/schema.ts').Profile } {
  const envelope = schema.safeParse(input);
  const fieldProblems = envelope.success ? [] : fieldIssues(envelope.error, input, lang, fields);
  const profileInput =
    input !== null && typeof input === 'object' ? (input as Record<string, unknown>).profile : undefined;
  const validated = validateProfile(profileInput, lang);
  const profileProblems: FieldIssue[] = validated.ok
    ? []
    : validated.issues.map((p) => {
        const path = p.path ? `profile.${p.path}` : 'profile';
        return p.value === undefined
          ? { path, expected: p.expected, message: p.message }
          : { path, value: p.value, expected: p.expected, message: p.message };
      });
  if (fieldProblems.length > 0)
    throw new ApiError('invalid_field', { issues: [...fieldProblems, ...profileProblems] });
  if (!validated.ok) throw new ApiError('invalid_profile', { issues: profileProblems });
  return { data: envelope.data as z.infer<S>, profile: validated.profile };
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A submission moment as the engine takes it: an ISO date-time with its offset, or a date
 * (00:00 Hong Kong time), within the years 1900–2200. Undefined for anything else.
 *
 * @example parseMoment('2024-11-01') // '2024-11-01T00:00:00+08:00'
 */
export function parseMoment(text: string): { moment: string; ms: number } | undefined {
  const date = DATE_ONLY.exec(text);
  let moment: string;
  if (date) {
    if (!realDate(Number(date[1]), Number(date[2]), Number(date[3]))) return undefined;
    moment = `${text}T00:00:00+08:00`;
  } else if (WITH_OFFSET.test(text)) {
    const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
    if (!realDate(y, m, d)) return undefined;
    moment = text;
  } else return undefined;
  const ms = Date.parse(moment);
  if (Number.isNaN(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1900 || year > 2200) return undefined;
  return { moment, ms };
}

/** A moment field of a request, or `invalid_field` naming it. */
export function momentField(value: string, path: string, lang: Lang): { moment: string; ms: number } {
  const parsed = parseMoment(value);
  if (!parsed)
    throw new ApiError('invalid_field', {
      issues: [issue(lang, path, value, errorMessage(lang, 'expect.moment'))],
    });
  return parsed;
}
