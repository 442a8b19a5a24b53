import { isCountry } from '../../flows/countries.ts';
import { type Answer, DONT_KNOW, type FieldSpec, type FieldValue } from '../../flows/index.ts';
import type { WebMessageKey } from '../../i18n/web-messages.ts';
import { isProfessionId, OTHER_SUFFIX } from './profession-ids.ts';

/**
 * Form fields ⇄ typed answers. An HTML form sends strings; a question's answer holds booleans,
 * numbers, dates and "unknown". Each field type knows its input names, how to show a stored value
 * and how to read (and check) what was sent.
 */

/** What the form sent (or what to show in it), by input name. */
export type Raw = Record<string, string>;

export interface FieldError {
  /** The field's name in the question. */
  field: string;
  /** The id of the input the error summary links to. */
  anchor: string;
  key: WebMessageKey;
  params?: Record<string, string | number>;
}

export interface ParseContext {
  /** Today in Hong Kong, YYYY-MM-DD. */
  today: string;
  /** The words for "still ongoing", quoted in errors. */
  presentLabel: string;
  /** Extra checks of one field (e.g. the submission date's range). */
  check?: (field: FieldSpec, value: FieldValue) => Omit<FieldError, 'field' | 'anchor'> | undefined;
}

export const UNKNOWN_SUFFIX = '-unknown';

/** The id of the input an error about this field should focus. */
export function anchorOf(spec: FieldSpec, prefix = ''): string {
  const name = prefix + spec.name;
  switch (spec.type) {
    case 'date':
      return `${name}-day`;
    case 'month':
      return `${name}-month`;
    default:
      return name;
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Digits with optional thousands separators (",", " ", "，") and decimals. */
function parseAmount(text: string): number | undefined {
  const cleaned = text.replace(/^(HK)?\$/i, '').replace(/[,\s，_]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) && n <= 1e12 ? n : undefined;
}

function intIn(text: string, min: number, max: number): number | undefined {
  if (!/^\d{1,4}$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : undefined;
}

/** Turns a stored value into what the inputs show. */
export function toRaw(spec: FieldSpec, value: FieldValue | undefined, prefix = ''): Raw {
  const name = prefix + spec.name;
  if (value === undefined) return {};
  if (
    value === DONT_KNOW &&
    spec.type !== 'choice' &&
    spec.type !== 'yesno' &&
    spec.type !== 'country' &&
    spec.type !== 'profession'
  ) {
    return { [`${name}${UNKNOWN_SUFFIX}`]: 'on' };
  }
  switch (spec.type) {
    case 'yesno':
      return { [name]: value === true ? 'yes' : value === false ? 'no' : 'unknown' };
    case 'date': {
      const [y = '', m = '', d = ''] = String(value).split('-');
      return {
        [`${name}-day`]: String(Number(d)),
        [`${name}-month`]: String(Number(m)),
        [`${name}-year`]: y,
      };
    }
    case 'month': {
      if (value === 'present') return { [`${name}-present`]: 'on' };
      const [y = '', m = ''] = String(value).split('-');
      return { [`${name}-month`]: String(Number(m)), [`${name}-year`]: y };
    }
    case 'textList':
      return { [name]: Array.isArray(value) ? value.join(', ') : '' };
    case 'profession':
      // A profession the list data holds is chosen from the list; any other was typed.
      return value === DONT_KNOW || isProfessionId(String(value))
        ? { [name]: String(value) }
        : { [`${name}${OTHER_SUFFIX}`]: String(value) };
    default:
      return { [name]: String(value) };
  }
}

export function answerToRaw(specs: readonly FieldSpec[], answer: Answer | undefined, prefix = ''): Raw {
  const raw: Raw = {};
  if (!answer) return raw;
  for (const spec of specs) Object.assign(raw, toRaw(spec, answer[spec.name], prefix));
  return raw;
}

/**
 * Whether a field is read, given the other inputs of its question (FieldSpec.onlyWhen): a field
 * for "a child only" is skipped for a spouse, and while no relation is chosen yet.
 */
export function relevant(spec: FieldSpec, raw: Raw, prefix = ''): boolean {
  if (!spec.onlyWhen) return true;
  const other = raw[prefix + spec.onlyWhen.field] ?? '';
  return spec.onlyWhen.in.includes(other);
}

type Parsed = { value: FieldValue } | { error: WebMessageKey; params?: Record<string, string | number> };

function parseOne(spec: FieldSpec, raw: Raw, ctx: ParseContext, prefix: string): Parsed {
  const name = prefix + spec.name;
  const get = (suffix = '') => (raw[name + suffix] ?? '').trim();
  const unknownTicked = get(UNKNOWN_SUFFIX) !== '';
  switch (spec.type) {
    case 'yesno': {
      const v = get();
      if (v === 'yes') return { value: true };
      if (v === 'no') return { value: false };
      if (v === 'unknown' && spec.unknown) return { value: DONT_KNOW };
      return { error: spec.unknown ? 'error.select' : 'error.selectRequired' };
    }
    case 'choice': {
      const v = get();
      if (spec.options.includes(v)) return { value: v };
      if (v === 'unknown' && spec.unknown) return { value: DONT_KNOW };
      return { error: spec.unknown ? 'error.select' : 'error.selectRequired' };
    }
    case 'country': {
      const v = get();
      if (isCountry(v)) return { value: v };
      if (v === 'unknown' && spec.unknown) return { value: DONT_KNOW };
      return { error: spec.unknown ? 'error.country' : 'error.countryRequired' };
    }
    case 'date': {
      const [d, m, y] = [get('-day'), get('-month'), get('-year')];
      const empty = d === '' && m === '' && y === '';
      if (spec.unknown && unknownTicked) return empty ? { value: DONT_KNOW } : { error: 'error.date.both' };
      if (empty) return { error: spec.unknown ? 'error.date.missingOrUnknown' : 'error.date.missing' };
      const day = intIn(d, 1, 31);
      const month = intIn(m, 1, 12);
      const year = /^\d{4}$/.test(y) ? Number(y) : undefined;
      if (day === undefined || month === undefined || year === undefined || !realDate(year, month, day)) {
        return { error: 'error.date.invalid' };
      }
      if (year < 1900) return { error: 'error.date.tooEarly' };
      return { value: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
    }
    case 'month': {
      const [m, y] = [get('-month'), get('-year')];
      const empty = m === '' && y === '';
      const present = spec.present && get('-present') !== '';
      if (present)
        return empty
          ? { value: 'present' }
          : { error: 'error.month.both', params: { present: ctx.presentLabel } };
      if (empty) {
        return spec.present
          ? { error: 'error.month.missingOrPresent', params: { present: ctx.presentLabel } }
          : { error: 'error.month.missing' };
      }
      const month = intIn(m, 1, 12);
      const year = /^\d{4}$/.test(y) ? Number(y) : undefined;
      if (month === undefined || year === undefined || year < 1900) return { error: 'error.month.invalid' };
      const value = `${pad(year, 4)}-${pad(month, 2)}`;
      if (value > ctx.today.slice(0, 7)) return { error: 'error.month.future' };
      return { value };
    }
    case 'amount': {
      const v = get();
      if (spec.unknown && unknownTicked)
        return v === '' ? { value: DONT_KNOW } : { error: 'error.amount.both' };
      if (v === '') return { error: 'error.amount.missing' };
      const n = parseAmount(v);
      return n === undefined ? { error: 'error.amount.invalid' } : { value: n };
    }
    case 'years': {
      const v = get().replace(',', '.');
      if (v === '') return spec.unknown ? { value: DONT_KNOW } : { error: 'error.years.invalid' };
      if (!/^\d{1,2}(\.\d{1,2})?$/.test(v) || Number(v) > 80) return { error: 'error.years.invalid' };
      return { value: Number(v) };
    }
    case 'year': {
      const v = get();
      if (v === '') return spec.unknown ? { value: DONT_KNOW } : { error: 'error.year.invalid' };
      const n = /^\d{4}$/.test(v) ? Number(v) : Number.NaN;
      const thisYear = Number(ctx.today.slice(0, 4));
      if (!(n >= 1900 && n <= thisYear)) return { error: 'error.year.invalid' };
      return { value: n };
    }
    case 'text': {
      const v = get().replace(/\s+/g, ' ');
      if (v.length > spec.maxLength) return { error: 'error.text.tooLong', params: { max: spec.maxLength } };
      if (v === '') return spec.unknown ? { value: DONT_KNOW } : { error: 'error.text.missing' };
      return { value: v };
    }
    case 'textList': {
      const v = get();
      if (spec.unknown && unknownTicked)
        return v === '' ? { value: DONT_KNOW } : { error: 'error.textList.both' };
      const items = v
        .split(/[,，、;；\n]/)
        .map((s) => s.trim().replace(/\s+/g, ' '))
        .filter((s) => s !== '');
      if (items.length > spec.maxItems)
        return { error: 'error.textList.tooMany', params: { max: spec.maxItems } };
      if (items.some((s) => s.length > spec.maxLength))
        return { error: 'error.text.tooLong', params: { max: spec.maxLength } };
      return { value: [...new Set(items)] };
    }
    case 'profession': {
      const chosen = get();
      const typed = get(OTHER_SUFFIX).replace(/\s+/g, ' ');
      if (typed.length > spec.maxLength)
        return { error: 'error.text.tooLong', params: { max: spec.maxLength } };
      if (chosen !== '' && typed !== '') return { error: 'error.profession.both' };
      if (chosen === DONT_KNOW && spec.unknown) return { value: DONT_KNOW };
      if (chosen !== '')
        return isProfessionId(chosen) ? { value: chosen } : { error: 'error.profession.missing' };
      if (typed !== '') return { value: typed };
      return { error: spec.unknown ? 'error.profession.missing' : 'error.profession.required' };
    }
  }
}

/**
 * Reads one question's inputs. Returns the answer when every input is valid, and otherwise one
 * error per input, in the order the inputs appear on the page.
 */
export function parseAnswer(
  specs: readonly FieldSpec[],
  raw: Raw,
  ctx: ParseContext,
  prefix = '',
): { answer?: Answer; errors: FieldError[] } {
  const answer: Record<string, FieldValue> = {};
  const errors: FieldError[] = [];
  for (const spec of specs) {
    if (!relevant(spec, raw, prefix)) continue;
    const parsed = parseOne(spec, raw, ctx, prefix);
    const anchor = anchorOf(spec, prefix);
    if ('error' in parsed) {
      errors.push({
        field: spec.name,
        anchor,
        key: parsed.error,
        ...(parsed.params ? { params: parsed.params } : {}),
      });
      continue;
    }
    const extra = ctx.check?.(spec, parsed.value);
    if (extra) {
      errors.push({ field: spec.name, anchor, ...extra });
      continue;
    }
    answer[spec.name] = parsed.value;
  }
  return errors.length > 0 ? { errors } : { answer, errors };
}
