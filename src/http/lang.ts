import { type Lang, languages } from '../rules/schema.ts';

/**
 * The language of a response: `?lang=` when given (it must be one Routewise speaks), otherwise
 * the best match in Accept-Language, otherwise the default. Chinese tags map by script, then by
 * region: zh-Hant, zh-HK, zh-MO, zh-TW → Traditional; zh-Hans, zh-CN, zh-SG and bare zh →
 * Simplified.
 */

/** Maps one language tag to a language Routewise speaks, or undefined. */
export function matchLanguage(tag: string): Lang | undefined {
  const parts = tag.trim().toLowerCase().split(/[-_]/);
  const primary = parts[0];
  if (primary === 'en') return 'en';
  if (primary !== 'zh') return undefined;
  const rest = parts.slice(1);
  if (rest.includes('hant')) return 'zh-Hant';
  if (rest.includes('hans')) return 'zh-Hans';
  if (rest.some((p) => p === 'hk' || p === 'mo' || p === 'tw')) return 'zh-Hant';
  return 'zh-Hans';
}

/** The best language for an Accept-Language header (quality values honoured), or undefined. */
export function fromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag && r.tag !== '*' && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const r of ranked) {
    const lang = matchLanguage(r.tag);
    if (lang) return lang;
  }
  return undefined;
}

/** A `?lang=` value: exactly one of the three codes (case-insensitive), or undefined. */
export function parseLangParam(value: string): Lang | undefined {
  return languages.find((l) => l.toLowerCase() === value.trim().toLowerCase());
}
