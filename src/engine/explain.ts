import {
  booleanMeasures,
  type EngineMessageKey,
  engineCatalogues,
  measureLabels,
} from '../i18n/engine-messages.ts';
import type { Condition, Lang, Localized, Source, SourceRef } from '../rules/schema.ts';
import type { RouteRules } from '../rules/types.ts';
import { type Facts, measureIndexOf, measuresRead } from './conditions.ts';
import {
  type CategoryName,
  categoryNames,
  type Interval,
  type MeasureName,
  measureFacts,
} from './measures.ts';
import type { Citation, CitedSource, FactRead, ResolvedCitation } from './result.ts';

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
export function partialMessage(
  lang: Lang,
  key: EngineMessageKey,
  params: Record<string, string | number>,
): readonly string[] {
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
  let whole: string;
  let tenth: number;
  const scaled = n * 10;
  const rest = scaled - Math.floor(scaled);
  if (n < 1e9 && Math.abs(rest - 0.5) > 1e-4) {
    // Clear of a tie (…x5), where the binary value and its shortest decimal round the same way:
    // no need to write the decimal out, which is the slow part for a fraction such as work years.
    const tenths = Math.floor(scaled) + (rest > 0.5 ? 1 : 0);
    tenth = tenths % 10;
    whole = String((tenths - tenth) / 10);
  } else {
    const decimal = String(n);
    const point = decimal.indexOf('.');
    whole = point === -1 ? decimal : decimal.slice(0, point);
    tenth = point === -1 ? 0 : decimal.charCodeAt(point + 1) - 48;
    if (point !== -1 && decimal.charCodeAt(point + 2) >= 53 /* "5" to "9" */ && ++tenth === 10) {
      tenth = 0;
      whole = String(Number(whole) + 1);
    }
  }
  for (let at = whole.length - 3; at > 0; at -= 3) whole = `${whole.slice(0, at)},${whole.slice(at)}`;
  return tenth === 0 ? whole : `${whole}.${tenth}`;
}

export function formatNumber(lang: Lang, n: number): string {
  // Negative zero, negatives, tiny and huge numbers, NaN and infinities are left to Intl.
  if ((n >= 1e-6 && n < 1e15) || (n === 0 && 1 / n > 0)) return formatPlain(n);
  return numberFormats[lang].format(n);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * A calendar day (YYYY-MM-DD, or the start of an ISO date-time) as the reader writes it: written
 * by hand, like formatNumber, so that every output is the same wherever Routewise runs.
 *
 * @example formatDay('en', '2006-06-28') // '28 June 2006'; formatDay('zh-Hant', '2006-06-28') // '2006年6月28日'
 */
export function formatDay(lang: Lang, iso: string): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return lang === 'en' ? `${day} ${MONTHS[month - 1]} ${year}` : `${year}年${month}月${day}日`;
}

/** The warning that a result uses a rule marked uncertain, with what is uncertain when the rule says. */
export function uncertainRuleWarning(lang: Lang, rule: string, note: string | undefined): string {
  return note
    ? message(lang, 'warning.uncertainRule', { rule, note })
    : message(lang, 'warning.uncertainRuleNoNote', { rule });
}

export function localize(text: Localized, lang: Lang): string {
  return text[lang];
}

const moneyMeasures = new Set<MeasureName>([
  'income.lastYearHKD',
  'business.ownedProfitHKD',
  'income.withOwnedBusinessHKD',
  'jobOffer.annualSalaryHKD',
  'investment.netAssetsHKD',
  'investment.plannedInvestmentHKD',
]);
const categories: ReadonlySet<string> = new Set(categoryNames);

/**
 * What showing one measure in one language needs — its fields, how its values read, and
 * "{name}: {value}" with the name filled in — worked out once rather than looked up by name in
 * several tables for every fact of every assessment.
 */
interface MeasureText {
  name: MeasureName | CategoryName;
  /** Where Facts keeps the measure (-1 for a category). */
  index: number;
  fields: readonly string[];
  kind: 'category' | 'boolean' | 'money' | 'years' | 'number';
  item: readonly string[];
  /**
   * For money and years: the item with the unit ("HK${n}", "{n} years") put in place of its value,
   * so that a known amount is written in one step, the number into {n}.
   */
  itemWithUnit: readonly string[] | undefined;
  /** For yes/no measures: the three ways the fact can read (yes, no, not known), filled once. */
  yesNoUnknown: readonly [string, string, string] | undefined;
}

/** The language's value words and templates, looked up once per language instead of per value. */
interface ValueTexts {
  yes: string;
  no: string;
  unknown: string;
  separator: string;
  hkd: readonly string[];
  years: readonly string[];
}

const measureTexts: Record<Lang, Map<MeasureName | CategoryName, MeasureText>> = {
  en: new Map(),
  'zh-Hant': new Map(),
  'zh-Hans': new Map(),
};

const valueTexts: Partial<Record<Lang, ValueTexts>> = {};

function measureText(name: MeasureName | CategoryName, lang: Lang): MeasureText {
  let text = measureTexts[lang].get(name);
  if (!text) {
    const kind = categories.has(name)
      ? 'category'
      : booleanMeasures.has(name as MeasureName)
        ? 'boolean'
        : moneyMeasures.has(name as MeasureName)
          ? 'money'
          : name.startsWith('work.')
            ? 'years'
            : 'number';
    const item = prefill(compile(engineCatalogues[lang]['fact.item']), { name: measureLabels[name][lang] });
    const index = categories.has(name) ? -1 : measureIndexOf(name as MeasureName);
    const unit = kind === 'money' ? 'value.hkd' : kind === 'years' ? 'value.years' : undefined;
    const itemWithUnit = unit ? splice(item, 'value', compile(engineCatalogues[lang][unit]), 'n') : undefined;
    const words = kind === 'boolean' ? valueTextsOf(lang) : undefined;
    const yesNoUnknown = words
      ? ([
          fillOne(item, 'value', words.yes),
          fillOne(item, 'value', words.no),
          fillOne(item, 'value', words.unknown),
        ] as const)
      : undefined;
    text = { name, index, fields: measureFacts[name], kind, item, itemWithUnit, yesNoUnknown };
    measureTexts[lang].set(name, text);
  }
  return text;
}

/**
 * Parts with each `hole` replaced by `inner` (parts too), whose only placeholder is `innerHole`:
 * fillOne(result, innerHole, v) is then fillOne(parts, hole, fillOne(inner, innerHole, v)).
 * Undefined when that would not hold: when either has another placeholder, or parts already
 * has one named innerHole.
 */
function splice(parts: readonly string[], hole: string, inner: readonly string[], innerHole: string) {
  for (let i = 1; i < parts.length; i += 2) if (parts[i] !== hole) return undefined;
  for (let i = 1; i < inner.length; i += 2) if (inner[i] !== innerHole) return undefined;
  const out = [parts[0] as string];
  for (let i = 1; i < parts.length; i += 2) {
    out[out.length - 1] += inner[0] as string;
    for (let k = 1; k < inner.length; k += 2) out.push(innerHole, inner[k + 1] as string);
    out[out.length - 1] += parts[i + 1] as string;
  }
  return out;
}

function valueTextsOf(lang: Lang): ValueTexts {
  let texts = valueTexts[lang];
  if (!texts) {
    const catalogue = engineCatalogues[lang];
    texts = {
      yes: catalogue['value.yes'],
      no: catalogue['value.no'],
      unknown: catalogue['value.unknown'],
      separator: catalogue['fact.separator'],
      hkd: compile(catalogue['value.hkd']),
      years: compile(catalogue['value.years']),
    };
    valueTexts[lang] = texts;
  }
  return texts;
}

function withUnit(text: MeasureText, n: number, lang: Lang): string {
  const number = formatNumber(lang, n);
  if (text.kind === 'money') return fillOne(valueTextsOf(lang).hkd, 'n', number);
  if (text.kind === 'years') return fillOne(valueTextsOf(lang).years, 'n', number);
  return number;
}

/** A count, amount or number of years as it reads (yes/no measures read from yesNoUnknown). */
function formatValue(text: MeasureText, value: Interval, lang: Lang): string {
  if (value.lo === value.hi) return withUnit(text, value.lo, lang);
  if (value.hi >= OPEN_BOUND || (text.name === 'age' && value.lo === 0)) {
    return value.lo === 0
      ? message(lang, 'value.unknown')
      : message(lang, 'value.atLeast', { lo: withUnit(text, value.lo, lang) });
  }
  if (text.kind === 'years' && value.lo === 0 && value.hi >= 80) return message(lang, 'value.unknown');
  return message(lang, 'value.between', {
    lo: withUnit(text, value.lo, lang),
    hi: withUnit(text, value.hi, lang),
  });
}

function readOne(text: MeasureText, facts: Facts, lang: Lang): FactRead {
  if (text.kind === 'category') {
    const value = facts.category(text.name as CategoryName);
    return {
      measure: text.name,
      fields: text.fields,
      value: value ?? null,
      display: fillOne(text.item, 'value', value ?? valueTextsOf(lang).unknown),
    };
  }
  const interval = facts.at(text.index);
  const { yesNoUnknown, itemWithUnit } = text;
  const display =
    yesNoUnknown !== undefined
      ? yesNoUnknown[interval.lo >= 1 ? 0 : interval.hi < 1 ? 1 : 2]
      : itemWithUnit !== undefined && interval.lo === interval.hi
        ? fillOne(itemWithUnit, 'n', formatNumber(lang, interval.lo))
        : fillOne(text.item, 'value', formatValue(text, interval, lang));
  return { measure: text.name, fields: text.fields, value: { min: interval.lo, max: interval.hi }, display };
}

/** What one measure read, for the result and its explanation. */
export function factRead(name: MeasureName | CategoryName, facts: Facts, lang: Lang): FactRead {
  return readOne(measureText(name, lang), facts, lang);
}

export function factsRead(
  reads: ReadonlyArray<MeasureName | CategoryName>,
  facts: Facts,
  lang: Lang,
): FactRead[] {
  const out: FactRead[] = new Array(reads.length);
  for (let i = 0; i < reads.length; i++)
    out[i] = factRead(reads[i] as MeasureName | CategoryName, facts, lang);
  return out;
}

/** What a condition read, for an assessment's facts. */
export type FactReader = (facts: Facts) => FactRead[];

/**
 * factsRead(measuresRead(condition), facts, lang) as a function of the facts, with the measure
 * texts worked out now: for rule conditions, which are read in every assessment.
 */
export function factReader(condition: Condition, lang: Lang): FactReader {
  const texts = measuresRead(condition).map((name) => measureText(name, lang));
  const only = texts.length === 1 ? texts[0] : undefined;
  // Most criteria read one measure.
  if (only) return (facts) => [readOne(only, facts, lang)];
  return (facts) => {
    // A plain loop rather than map() with a closure: this runs for every criterion of every assessment.
    const out: FactRead[] = new Array(texts.length);
    for (let i = 0; i < texts.length; i++) out[i] = readOne(texts[i] as MeasureText, facts, lang);
    return out;
  };
}

export function joinFacts(reads: readonly FactRead[], lang: Lang): string {
  if (reads.length === 0) return '';
  if (reads.length === 1) return (reads[0] as FactRead).display;
  const separator = valueTextsOf(lang).separator;
  let text = (reads[0] as FactRead).display;
  for (let i = 1; i < reads.length; i++) text += separator + (reads[i] as FactRead).display;
  return text;
}

export { measuresRead };

const citationCache = new WeakMap<readonly SourceRef[], Citation[]>();

/**
 * A rule's source references as the assessment cites them: `{ ref, section }`, the source itself
 * being listed once in `Assessment.sources` (see `sourcesCited`). Cached: rule objects are frozen.
 */
export function cite(refs: readonly SourceRef[], rules: RouteRules): Citation[] {
  let citations = citationCache.get(refs);
  if (!citations) {
    citations = refs.map((r) => {
      if (!rules.sources[r.ref]) throw new Error(`Rule cites unknown source "${r.ref}"`);
      return { ref: r.ref, section: r.section };
    });
    citationCache.set(refs, citations);
  }
  return citations;
}

const sourceCache = new WeakMap<Source, CitedSource>();

/** A source as `Assessment.sources` lists it (one object per source, shared: rules are frozen). */
export function citedSource(source: Source): CitedSource {
  let cited = sourceCache.get(source);
  if (!cited) {
    const { title, url, publisher, official, retrieved } = source;
    cited = Object.freeze({ title, url, publisher, official, retrieved });
    sourceCache.set(source, cited);
  }
  return cited;
}

/**
 * Adds the sources of some citations to a list of cited sources, in order of first citation.
 * Throws on a ref the rules do not know (the loader checks refs, so this is a broken rule set).
 */
export function addSources(
  into: Record<string, CitedSource>,
  citations: readonly Citation[],
  sources: RouteRules['sources'],
): void {
  for (const c of citations) {
    if (Object.hasOwn(into, c.ref)) continue;
    const source = sources[c.ref];
    if (!source) throw new Error(`Rule cites unknown source "${c.ref}"`);
    into[c.ref] = citedSource(source);
  }
}

/**
 * Citations with their sources written in, for showing them: an assessment's citations with its
 * `sources` (or the rules' `sources`). A ref missing from the list shows as itself, without a link.
 */
export function resolveCitations(
  citations: readonly Citation[],
  sources: Readonly<Record<string, { title: string; url: string; official: boolean }>>,
): ResolvedCitation[] {
  return citations.map(({ ref, section }) => {
    const s = Object.hasOwn(sources, ref) ? sources[ref] : undefined;
    return { ref, section, title: s?.title ?? ref, url: s?.url ?? '', official: s?.official ?? false };
  });
}

const resolvedCache = new WeakMap<readonly SourceRef[], ResolvedCitation[]>();

/**
 * A rule's source references resolved in full against its route's sources.yaml, as route guides
 * and `routewise rules` give them (cached: rule objects are frozen).
 */
export function citeInFull(refs: readonly SourceRef[], rules: RouteRules): ResolvedCitation[] {
  let citations = resolvedCache.get(refs);
  if (!citations) {
    for (const r of refs) if (!rules.sources[r.ref]) throw new Error(`Rule cites unknown source "${r.ref}"`);
    citations = resolveCitations(refs, rules.sources);
    resolvedCache.set(refs, citations);
  }
  return citations;
}
