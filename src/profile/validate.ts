import { z } from 'zod';
import { type ValidationMessageKey, validationMessage } from '../i18n/validation-messages.ts';
import type { Lang } from '../rules/schema.ts';
import { candidates, literalValues, unwrap } from './facts.ts';
import { countryCode, isoDate, Profile, UNKNOWN } from './schema.ts';
import { upgradeProfile } from './upgrade.ts';

/**
 * Profile validation with one plain-language issue per problem, in the user's language.
 *
 * Zod reports a failed `known(x)` as a union of two failures ("not x" and "not \"unknown\""), and
 * a failed union of objects as one failure per branch. This module folds those back into what a
 * person would call one mistake: the field, the value given and what the field accepts.
 */

export interface ProfileIssue {
  /** What kind of problem: a value that does not fit, a required key left out, a key that is no field. */
  code: 'invalid' | 'missing' | 'unrecognized';
  /** Dotted path of the field, e.g. "education.degrees.0.level"; "" for the profile itself. */
  path: string;
  /** The value given at that path, or undefined when the key is missing. */
  value: unknown;
  /** What the field accepts, in the requested language. */
  expected: string;
  /** One sentence naming the field, the problem and the fix. */
  message: string;
}

export type ValidationResult = { ok: true; profile: Profile } | { ok: false; issues: ProfileIssue[] };

/** Raised by parseProfile: the profile does not match the schema. `issues` lists every problem. */
export class ProfileError extends Error {
  constructor(
    readonly issues: ProfileIssue[],
    readonly lang: Lang = 'en',
  ) {
    const head =
      issues.length === 1
        ? validationMessage(lang, 'issue.count.one')
        : validationMessage(lang, 'issue.count.other', { n: issues.length });
    super([head, ...issues.map((i) => `  - ${i.message}`)].join('\n'));
    this.name = 'ProfileError';
  }
}

type Segment = string | number;
type Issue = z.core.$ZodIssue;
type Schema = z.ZodType;

const listFormats: Record<Lang, Intl.ListFormat> = {
  en: new Intl.ListFormat('en', { type: 'disjunction' }),
  'zh-Hant': new Intl.ListFormat('zh-Hant', { type: 'disjunction' }),
  'zh-Hans': new Intl.ListFormat('zh-Hans', { type: 'disjunction' }),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(input: unknown, path: readonly Segment[]): unknown {
  let value = input;
  for (const seg of path) {
    if (Array.isArray(value) && typeof seg === 'number') value = value[seg];
    else if (isRecord(value) && typeof seg === 'string' && Object.hasOwn(value, seg)) value = value[seg];
    else return undefined;
  }
  return value;
}

/** A key is missing when its parent is an object that does not have it. */
function isMissing(input: unknown, path: readonly Segment[]): boolean {
  if (path.length === 0) return input === undefined;
  const parent = valueAt(input, path.slice(0, -1));
  const key = path[path.length - 1];
  return isRecord(parent) && typeof key === 'string' && !Object.hasOwn(parent, key);
}

// ---------------------------------------------------------------------------------------------
// Walking the schema

/** The schemas (before union resolution) that govern the value at a path. */
function schemasAt(input: unknown, path: readonly Segment[]): Schema[] {
  let current: Schema[] = [Profile];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i] as Segment;
    const value = valueAt(input, path.slice(0, i));
    const next: Schema[] = [];
    for (const c of current.flatMap((s) => candidates(s, value))) {
      if (c instanceof z.ZodObject && typeof seg === 'string' && Object.hasOwn(c.shape, seg)) {
        next.push(c.shape[seg] as Schema);
      } else if (c instanceof z.ZodArray && typeof seg === 'number') {
        next.push(c.element as Schema);
      }
    }
    current = next;
  }
  return current;
}

function objectFieldsAt(input: unknown, path: readonly Segment[]): string[] {
  const value = valueAt(input, path);
  const fields: string[] = [];
  for (const c of schemasAt(input, path).flatMap((s) => candidates(s, value))) {
    if (!(c instanceof z.ZodObject)) continue;
    for (const key of Object.keys(c.shape)) if (!fields.includes(key)) fields.push(key);
  }
  return fields;
}

function acceptsUnknown(schemas: readonly Schema[]): boolean {
  return schemas.some((s) => s.safeParse(UNKNOWN).success);
}

// ---------------------------------------------------------------------------------------------
// Describing what a schema accepts

function quote(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function isUnknownLiteral(schema: Schema): boolean {
  const values = literalValues(schema);
  return values.length === 1 && values[0] === UNKNOWN;
}

/** Options of a plain union, nested plain unions flattened; a discriminated union stays whole. */
function unionOptions(schema: Schema): Schema[] {
  const s = unwrap(schema);
  if (s instanceof z.ZodUnion && !(s instanceof z.ZodDiscriminatedUnion)) {
    return (s.options as readonly Schema[]).flatMap(unionOptions);
  }
  return [s];
}

const SAFE = Number.MAX_SAFE_INTEGER;

function describeNumber(s: z.ZodNumber, lang: Lang): string {
  const what = validationMessage(lang, s.isInt ? 'expect.integer' : 'expect.number');
  const min =
    s.minValue !== null && Number.isFinite(s.minValue) && Math.abs(s.minValue) < SAFE
      ? s.minValue
      : undefined;
  const max =
    s.maxValue !== null && Number.isFinite(s.maxValue) && Math.abs(s.maxValue) < SAFE
      ? s.maxValue
      : undefined;
  if (min !== undefined && max !== undefined)
    return validationMessage(lang, 'expect.between', { what, min, max });
  if (min !== undefined) return validationMessage(lang, 'expect.atLeast', { what, min });
  if (max !== undefined) return validationMessage(lang, 'expect.atMost', { what, max });
  return what;
}

function describe(schema: Schema, lang: Lang, omitUnknown = false): string {
  const s = unwrap(schema);
  if (s instanceof z.ZodDiscriminatedUnion) {
    const key = s._zod.def.discriminator;
    const values = (s.options as readonly Schema[]).flatMap((o) => {
      const u = unwrap(o);
      return u instanceof z.ZodObject ? literalValues(u.shape[key]) : [];
    });
    return validationMessage(lang, 'expect.objectKind', {
      key,
      values: listFormats[lang].format(values.map(quote)),
    });
  }
  if (s instanceof z.ZodUnion) {
    const options = unionOptions(s);
    const hasUnknown = options.some(isUnknownLiteral);
    const others = options.filter((o) => !isUnknownLiteral(o));
    // Only fixed values: one list, "unknown" last.
    if (others.every((o) => literalValues(o).length > 0)) {
      const values = [
        ...others.flatMap((o) => literalValues(o)),
        ...(hasUnknown && !omitUnknown ? [UNKNOWN] : []),
      ];
      return listFormats[lang].format(values.map(quote));
    }
    const listed = listFormats[lang].format(others.map((o) => describe(o, lang)));
    return hasUnknown && !omitUnknown
      ? validationMessage(lang, 'expect.orUnknown', { expected: listed })
      : listed;
  }
  if (s instanceof z.ZodLiteral || s instanceof z.ZodEnum) {
    const values = literalValues(s).map(quote);
    return values.length === 1 ? (values[0] as string) : listFormats[lang].format(values);
  }
  if (s instanceof z.ZodBoolean) return validationMessage(lang, 'expect.boolean');
  if (s instanceof z.ZodNumber) return describeNumber(s, lang);
  if (s instanceof z.ZodString) {
    if (schema === isoDate || s === isoDate) return validationMessage(lang, 'expect.isoDate');
    if (schema === countryCode || s === countryCode) return validationMessage(lang, 'expect.countryCode');
    return validationMessage(lang, (s.minLength ?? 0) >= 1 ? 'expect.nonEmptyText' : 'expect.text');
  }
  if (s instanceof z.ZodArray) {
    const element = unwrap(s.element as Schema);
    const isObjects = candidates(element, undefined).every((c) => c instanceof z.ZodObject);
    const item = isObjects ? validationMessage(lang, 'expect.listItemObjects') : describe(element, lang);
    return validationMessage(lang, 'expect.list', { item });
  }
  if (s instanceof z.ZodObject) {
    return validationMessage(lang, 'expect.object', { fields: Object.keys(s.shape).join(', ') });
  }
  return s._zod.def.type;
}

function describeAll(schemas: readonly Schema[], lang: Lang, omitUnknown = false): string {
  const texts: string[] = [];
  for (const s of schemas) {
    const text = describe(s, lang, omitUnknown);
    if (!texts.includes(text)) texts.push(text);
  }
  return listFormats[lang].format(texts);
}

// ---------------------------------------------------------------------------------------------
// Folding zod issues into one problem each

type Problem =
  | { kind: 'invalid' | 'missing'; path: Segment[] }
  | { kind: 'unrecognized'; path: Segment[]; key: string };

/** A union branch "got into" the value when it failed somewhere inside it, not at its top. */
function isDeep(branch: readonly Issue[]): boolean {
  return branch.some(
    (i) =>
      i.path.length > 0 ||
      i.code === 'unrecognized_keys' ||
      (i.code === 'invalid_union' && i.errors.some((e) => isDeep(e))),
  );
}

function fold(issues: readonly Issue[], prefix: readonly Segment[], input: unknown, out: Problem[]): void {
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as Segment[])];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ kind: 'unrecognized', path: [...path, key], key });
      continue;
    }
    if (isMissing(input, path)) {
      out.push({ kind: 'missing', path });
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // The value matched a branch's shape and failed inside it: report that branch's problems.
      let best: Problem[] | undefined;
      for (const branch of issue.errors) {
        if (!isDeep(branch)) continue;
        const found: Problem[] = [];
        fold(branch, path, input, found);
        if (!best || found.length < best.length) best = found;
      }
      if (best) {
        out.push(...best);
        continue;
      }
    }
    out.push({ kind: 'invalid', path });
  }
}

// ---------------------------------------------------------------------------------------------
// Suggesting the field a typo meant

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** The field a misspelt key most likely meant, among the fields the object does not have yet. */
export function closestField(
  key: string,
  fields: readonly string[],
  present: readonly string[] = [],
): string | undefined {
  const k = key.toLowerCase();
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const field of fields) {
    if (present.includes(field)) continue;
    const f = field.toLowerCase();
    const d = distance(k, f);
    const limit = Math.max(1, Math.floor(Math.max(k.length, f.length) / 4));
    const affix = Math.min(k.length, f.length) >= 4 && (f.startsWith(k) || k.startsWith(f));
    const score = d <= limit ? d : affix ? limit + 0.5 : Number.POSITIVE_INFINITY;
    if (score < bestScore) {
      bestScore = score;
      best = field;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------

function pathText(path: readonly Segment[]): string {
  return path.join('.');
}

function shown(value: unknown): string {
  const text = quote(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function toIssues(problems: readonly Problem[], input: unknown, lang: Lang): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const seen = new Set<string>();
  const t = (key: ValidationMessageKey, params?: Record<string, string | number>) =>
    validationMessage(lang, key, params);
  const display = (path: readonly Segment[]) => (path.length === 0 ? t('path.root') : pathText(path));

  // A misspelt required key shows up twice (an unknown key and a missing one): keep the typo.
  const suggestions = new Map<string, string>();
  for (const p of problems) {
    if (p.kind !== 'unrecognized') continue;
    const parentPath = p.path.slice(0, -1);
    const parent = valueAt(input, parentPath);
    const present = isRecord(parent) ? Object.keys(parent) : [];
    const suggestion = closestField(p.key, objectFieldsAt(input, parentPath), present);
    if (suggestion) suggestions.set(pathText(p.path), suggestion);
  }
  const absorbed = new Set<string>();
  for (const p of problems) {
    if (p.kind !== 'unrecognized') continue;
    const suggestion = suggestions.get(pathText(p.path));
    if (!suggestion) continue;
    const target = pathText([...p.path.slice(0, -1), suggestion]);
    if (problems.some((q) => q.kind === 'missing' && pathText(q.path) === target)) absorbed.add(target);
  }

  for (const p of problems) {
    const path = pathText(p.path);
    const id = `${p.kind}:${path}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const value = valueAt(input, p.path);
    if (p.kind === 'unrecognized') {
      const parentPath = p.path.slice(0, -1);
      const parent = display(parentPath);
      const fields = objectFieldsAt(input, parentPath);
      const suggestion = suggestions.get(path);
      const target = suggestion ? pathText([...parentPath, suggestion]) : '';
      const message = suggestion
        ? t(absorbed.has(target) ? 'issue.unrecognizedSuggestMissing' : 'issue.unrecognizedSuggest', {
            path,
            parent,
            suggestion,
          })
        : t('issue.unrecognized', { path, parent, fields: fields.join(', ') });
      issues.push({
        code: 'unrecognized',
        path,
        value,
        expected: t('expect.field', { parent, fields: fields.join(', ') }),
        message,
      });
      continue;
    }
    if (p.kind === 'missing' && absorbed.has(path)) continue;
    const schemas = schemasAt(input, p.path);
    const expected = p.path.length === 0 ? t('expect.profile') : describeAll(schemas, lang);
    if (p.kind === 'missing') {
      const unknownAllowed = acceptsUnknown(schemas);
      const message = unknownAllowed
        ? t('issue.missingUnknownAllowed', { path, expected: describeAll(schemas, lang, true) })
        : t('issue.missing', { path, expected });
      issues.push({ code: 'missing', path, value: undefined, expected, message });
    } else {
      issues.push({
        code: 'invalid',
        path,
        value,
        expected,
        message: t('issue.invalid', { path: display(p.path), value: shown(value), expected }),
      });
    }
  }
  return issues;
}

/**
 * Checks a parsed JSON value against the profile schema. Returns the typed profile, or every
 * problem once, in the requested language.
 *
 * @example
 * const result = validateProfile(JSON.parse(text), 'en');
 * if (!result.ok) for (const i of result.issues) console.error(i.message);
 */
export function validateProfile(given: unknown, lang: Lang): ValidationResult {
  const input = upgradeProfile(given);
  const result = Profile.safeParse(input);
  if (result.success) return { ok: true, profile: result.data };
  const problems: Problem[] = [];
  fold(result.error.issues, [], input, problems);
  return { ok: false, issues: toIssues(problems, input, lang) };
}

/**
 * Like validateProfile, but returns the profile or throws ProfileError listing every issue.
 *
 * @example const profile = parseProfile(JSON.parse(text));
 */
export function parseProfile(input: unknown, lang: Lang = 'en'): Profile {
  const result = validateProfile(input, lang);
  if (!result.ok) throw new ProfileError(result.issues, lang);
  return result.profile;
}
