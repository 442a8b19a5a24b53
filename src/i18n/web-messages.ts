import { IntlMessageFormat } from 'intl-messageformat';
import type { Lang } from '../rules/schema.ts';
import { en, type WebCatalogue, type WebMessageKey } from './web-messages.en.ts';
import { zhHans } from './web-messages.zh-Hans.ts';
import { zhHant } from './web-messages.zh-Hant.ts';

/**
 * The words of the web pages, in every language Routewise speaks: one catalogue a language
 * (web-messages.en.ts defines the keys; web-messages.zh-Hant.ts and web-messages.zh-Hans.ts are
 * typed Record<Key, string>, so a missing translation fails to compile), so a translator edits
 * one file. Messages are ICU MessageFormat ({name}, plurals).
 *
 * Rule wording (criteria, fees, steps) is not here: it comes from the rule data, translated there.
 */
export type { WebCatalogue, WebMessageKey };

export const webCatalogues: Record<Lang, WebCatalogue> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

const formats = new Map<string, IntlMessageFormat>();

/** The locale used to format numbers, dates and plurals for a language. */
export const locales: Record<Lang, string> = { en: 'en-GB', 'zh-Hant': 'zh-Hant-HK', 'zh-Hans': 'zh-Hans' };

/** Whether a key exists (for keys built at run time, such as a question's optional hint). */
export function hasWebMessage(key: string): key is WebMessageKey {
  return Object.hasOwn(en, key);
}

/**
 * One message in one language, its {placeholders} filled.
 *
 * @example webMessage('zh-Hant', 'word.years', { n: 3 }) // '3年'
 */
export function webMessage(lang: Lang, key: WebMessageKey, params?: Record<string, string | number>): string {
  const template = webCatalogues[lang][key];
  if (!params) return template;
  const id = `${lang}\u0000${key}`;
  let format = formats.get(id);
  if (!format) {
    format = new IntlMessageFormat(template, locales[lang], undefined, { ignoreTag: true });
    formats.set(id, format);
  }
  return String(format.format(params));
}
