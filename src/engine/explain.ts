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

/** Fills a message's {placeholders}. */
export function message(lang: Lang, key: EngineMessageKey, params?: Record<string, string | number>): string {
  const template = engineCatalogues[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function formatNumber(lang: Lang, n: number): string {
  return numberFormats[lang].format(n);
}

export function localize(text: Localized, lang: Lang): string {
  return text[lang];
}

const moneyMeasures = new Set<MeasureName>(['income.lastYearHKD', 'business.ownedProfitHKD']);

function formatValue(name: MeasureName, value: Interval, lang: Lang): string {
  if (booleanMeasures.has(name)) {
    if (value.lo >= 1) return message(lang, 'value.yes');
    if (value.hi < 1) return message(lang, 'value.no');
    return message(lang, 'value.unknown');
  }
  const unit = (n: number): string => {
    const text = formatNumber(lang, n);
    if (moneyMeasures.has(name)) return message(lang, 'value.hkd', { n: text });
    if (name.startsWith('work.')) return message(lang, 'value.years', { n: text });
    return text;
  };
  if (value.lo === value.hi) return unit(value.lo);
  if (value.hi >= OPEN_BOUND || (name === 'age' && value.lo === 0)) {
    return value.lo === 0 ? message(lang, 'value.unknown') : message(lang, 'value.atLeast', { lo: unit(value.lo) });
  }
  if (name.startsWith('work.') && value.lo === 0 && value.hi >= 80) return message(lang, 'value.unknown');
  return message(lang, 'value.between', { lo: unit(value.lo), hi: unit(value.hi) });
}

/** What one measure read, for the result and its explanation. */
export function factRead(name: MeasureName | CategoryName, facts: Facts, lang: Lang): FactRead {
  const label = measureLabels[name][lang];
  if (name === 'nationality') {
    const value = facts.category(name);
    return {
      measure: name,
      fields: measureFacts[name],
      value: value ?? null,
      display: message(lang, 'fact.item', { name: label, value: value ?? message(lang, 'value.unknown') }),
    };
  }
  const interval = facts.get(name);
  return {
    measure: name,
    fields: measureFacts[name],
    value: { min: interval.lo, max: interval.hi },
    display: message(lang, 'fact.item', { name: label, value: formatValue(name, interval, lang) }),
  };
}

export function factsRead(reads: ReadonlyArray<MeasureName | CategoryName>, facts: Facts, lang: Lang): FactRead[] {
  return reads.map((name) => factRead(name, facts, lang));
}

export function joinFacts(reads: readonly FactRead[], lang: Lang): string {
  return reads.map((r) => r.display).join(message(lang, 'fact.separator'));
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
