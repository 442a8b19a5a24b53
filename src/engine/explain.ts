import { booleanMeasures, type EngineMessageKey, engineCatalogues, measureLabels } from '../i18n/engine-messages.ts';
import type { Lang, Localized, SourceRef } from '../rules/schema.ts';
import type { RouteRules } from '../rules/types.ts';
import { type Facts, measuresRead } from './conditions.ts';
import { type CategoryName, type Interval, type MeasureName, measureFacts } from './measures.ts';
import type { Citation, FactRead } from './result.ts';

/** Anything at or above this bound is "no upper limit": the fact behind it is unknown. */
const OPEN_BOUND = 1e11;

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 1 }),
  'zh-Hant': new Intl.NumberFormat('zh-HK', { maximumFractionDigits: 1 }),
  'zh-Hans': new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }),
};

/**
 * Each template split once into literal text and placeholder names, alternating: filling a
 * message is then concatenation, not a regular-expression replace with a callback, which was
 * most of the cost of an explained assessment (several messages per criterion).
 */
const compiledTemplates = new Map<string, readonly string[]>();

function compile(template: string): readonly string[] {
  let parts = compiledTemplates.get(template);
  if (!parts) {
    const split: string[] = [];
    let last = 0;
    for (const m of template.matchAll(/\{(\w+)\}/g)) {
      split.push(template.slice(last, m.index), m[1] as string);
      last = m.index + m[0].length;
    }
    split.push(template.slice(last));
    parts = split;
    compiledTemplates.set(template, parts);
  }
  return parts;
}

/** Fills compiled parts; a placeholder without a value is left as written. */
function fill(parts: readonly string[], params: Record<string, string | number>): string {
  let text = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const value = params[name];
    text += value === undefined ? `{${name}}` : String(value);
    text += parts[i + 1] as string;
  }
  return text;
}

/** Fills some placeholders now and leaves the rest as parts, for fillOne to finish. */
function prefill(parts: readonly string[], params: Record<string, string | number>): string[] {
  const out = [parts[0] as string];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const value = params[name];
    if (value === undefined) out.push(name, parts[i + 1] as string);
    else out[out.length - 1] += String(value) + (parts[i + 1] as string);
  }
  return out;
}

/** fill(parts, { [name]: value }), without building the object. */
function fillOne(parts: readonly string[], name: string, value: string): string {
  if (parts.length === 3 && parts[1] === name) return (parts[0] as string) + value + (parts[2] as string);
  let text = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    text += parts[i] === name ? value : `{${parts[i]}}`;
    text += parts[i + 1] as string;
  }
  return text;
}

/**
 * A message with some placeholders filled now — say a rule's label, which never changes — and the
 * rest left for completeMessage: completeMessage(partialMessage(lang, key, a), name, value) is
 * message(lang, key, { ...a, [name]: value }).
 */
export function partialMessage(lang: Lang, key: EngineMessageKey, params: Record<string, string | number>): readonly string[] {
  return prefill(compile(engineCatalogues[lang][key]), params);
}

export function completeMessage(parts: readonly string[], name: string, value: string): string {
  return fillOne(parts, name, value);
}

/** Fills a message's {placeholders}; one without a value is left as written. */
export function message(lang: Lang, key: EngineMessageKey, params?: Record<string, string | number>): string {
  const template = engineCatalogues[lang][key];
  return params ? fill(compile(template), params) : template;
}

/**
 * What every `numberFormats` formatter writes for a number from 10^-6 to below 10^15: ICU rounds
 * the shortest decimal that reads back as the number (which String() also gives) half away from
 * zero to one fraction digit, drops a trailing ".0" and puts a comma between groups of three
 * digits, in en, zh-HK and zh-CN alike. Doing the same by hand is about ten times faster than
 * Intl.NumberFormat, which was a large part of an explained assessment's cost.
 */
function formatPlain(n: number): string {
  const decimal = String(n);
  const point = decimal.indexOf('.');
  let whole = point === -1 ? decimal : decimal.slice(0, point);
  let tenth = point === -1 ? 0 : decimal.charCodeAt(point + 1) - 48;
  if (point !== -1 && decimal.charCodeAt(point + 2) >= 53 /* "5" to "9" */ && ++tenth === 10) {
    tenth = 0;
    whole = String(Number(whole) + 1);
  }
  for (let at = whole.length - 3; at > 0; at -= 3) whole = `${whole.slice(0, at)},${whole.slice(at)}`;
  return tenth === 0 ? whole : `${whole}.${tenth}`;
}

export function formatNumber(lang: Lang, n: number): string {
  // Negative zero, negatives, tiny and huge numbers, NaN and infinities are left to Intl.
  if ((n >= 1e-6 && n < 1e15) || (n === 0 && 1 / n > 0)) return formatPlain(n);
  return numberFormats[lang].format(n);
}

export function localize(text: Localized, lang: Lang): string {
  return text[lang];
}

const moneyMeasures = new Set<MeasureName>(['income.lastYearHKD', 'business.ownedProfitHKD']);

function withUnit(name: MeasureName, n: number, lang: Lang): string {
  const text = formatNumber(lang, n);
  if (moneyMeasures.has(name)) return message(lang, 'value.hkd', { n: text });
  if (name.startsWith('work.')) return message(lang, 'value.years', { n: text });
  return text;
}

function formatValue(name: MeasureName, value: Interval, lang: Lang): string {
  if (booleanMeasures.has(name)) {
    if (value.lo >= 1) return message(lang, 'value.yes');
    if (value.hi < 1) return message(lang, 'value.no');
    return message(lang, 'value.unknown');
  }
  if (value.lo === value.hi) return withUnit(name, value.lo, lang);
  if (value.hi >= OPEN_BOUND || (name === 'age' && value.lo === 0)) {
    return value.lo === 0
      ? message(lang, 'value.unknown')
      : message(lang, 'value.atLeast', { lo: withUnit(name, value.lo, lang) });
  }
  if (name.startsWith('work.') && value.lo === 0 && value.hi >= 80) return message(lang, 'value.unknown');
  return message(lang, 'value.between', { lo: withUnit(name, value.lo, lang), hi: withUnit(name, value.hi, lang) });
}

/**
 * "{name}: {value}" with the name filled in, per language and measure: filled once, as the labels
 * never change, instead of for every fact of every result.
 */
const factItems: Record<Lang, Map<MeasureName | CategoryName, readonly string[]>> = {
  en: new Map(),
  'zh-Hant': new Map(),
  'zh-Hans': new Map(),
};

function factItem(name: MeasureName | CategoryName, value: string, lang: Lang): string {
  let parts = factItems[lang].get(name);
  if (!parts) {
    parts = prefill(compile(engineCatalogues[lang]['fact.item']), { name: measureLabels[name][lang] });
    factItems[lang].set(name, parts);
  }
  return fillOne(parts, 'value', value);
}

/** What one measure read, for the result and its explanation. */
export function factRead(name: MeasureName | CategoryName, facts: Facts, lang: Lang): FactRead {
  if (name === 'nationality') {
    const value = facts.category(name);
    return {
      measure: name,
      fields: measureFacts[name],
      value: value ?? null,
      display: factItem(name, value ?? message(lang, 'value.unknown'), lang),
    };
  }
  const interval = facts.get(name);
  return {
    measure: name,
    fields: measureFacts[name],
    value: { min: interval.lo, max: interval.hi },
    display: factItem(name, formatValue(name, interval, lang), lang),
  };
}

export function factsRead(reads: ReadonlyArray<MeasureName | CategoryName>, facts: Facts, lang: Lang): FactRead[] {
  // Plain loops rather than map() with a closure: this runs for every criterion of every assessment.
  const out: FactRead[] = new Array(reads.length);
  for (let i = 0; i < reads.length; i++) out[i] = factRead(reads[i] as MeasureName | CategoryName, facts, lang);
  return out;
}

export function joinFacts(reads: readonly FactRead[], lang: Lang): string {
  if (reads.length === 0) return '';
  const separator = message(lang, 'fact.separator');
  let text = (reads[0] as FactRead).display;
  for (let i = 1; i < reads.length; i++) text += separator + (reads[i] as FactRead).display;
  return text;
}

export { measuresRead };

const citationCache = new WeakMap<readonly SourceRef[], Citation[]>();

/** Resolves source references to full citations (cached: rule objects are frozen). */
export function cite(refs: readonly SourceRef[], rules: RouteRules): Citation[] {
  let citations = citationCache.get(refs);
  if (!citations) {
    citations = refs.map((r) => {
      const source = rules.sources[r.ref];
      if (!source) throw new Error(`Rule cites unknown source "${r.ref}"`);
      return { ref: r.ref, section: r.section, title: source.title, url: source.url, official: source.official };
    });
    citationCache.set(refs, citations);
  }
  return citations;
}
