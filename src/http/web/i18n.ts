import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { hasWebMessage, locales, type WebMessageKey, webMessage } from '../../i18n/web-messages.ts';
import { type Lang, languages } from '../../rules/schema.ts';
import { fromAcceptLanguage, parseLangParam } from '../lang.ts';
import { isHttps } from './security.ts';

/** The value of `<html lang>` for each language. */
export const htmlLang: Record<Lang, string> = { en: 'en', 'zh-Hant': 'zh-Hant-HK', 'zh-Hans': 'zh-Hans' };

/** How each language names itself in the switcher (short label, full name). */
export const langLabels: Record<Lang, { short: string; name: string }> = {
  en: { short: 'en', name: 'English' },
  'zh-Hant': { short: '繁', name: '繁體中文' },
  'zh-Hans': { short: '简', name: '简体中文' },
};

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

const LANG_COOKIE = 'lang';

/**
 * The page language: `?lang=` (remembered in the `lang` cookie), then the cookie, then the
 * fallback (a saved case's language), then the browser's Accept-Language, then the default.
 */
export function resolveLang(c: Context, defaultLang: Lang, fallback?: Lang): Lang {
  const raw = c.req.query('lang');
  const query = raw === undefined ? undefined : parseLangParam(raw);
  if (query) {
    if (getCookie(c, LANG_COOKIE) !== query) rememberLang(c, query);
    return query;
  }
  const cookie = getCookie(c, LANG_COOKIE);
  if (isLang(cookie)) return cookie;
  return fallback ?? fromAcceptLanguage(c.req.header('accept-language')) ?? defaultLang;
}

export function rememberLang(c: Context, lang: Lang): void {
  setCookie(c, LANG_COOKIE, lang, {
    path: '/',
    sameSite: 'Lax',
    httpOnly: true,
    secure: isHttps(c),
    maxAge: 365 * 24 * 3600,
  });
}

/** Translation and formatting for one page. */
export interface T {
  (key: WebMessageKey, params?: Record<string, string | number>): string;
  lang: Lang;
  /** A key built at run time (a question's wording); the key itself when missing. */
  dyn(key: string, params?: Record<string, string | number>): string;
  /** Whether a run-time key exists (optional hints). */
  has(key: string): boolean;
  /** A calendar day (YYYY-MM-DD) written out: "15 June 1988", "1988年6月15日". */
  date(iso: string): string;
  /** A month (YYYY-MM): "June 1988". */
  month(iso: string): string;
  /** An instant, in Hong Kong time. */
  moment(iso: string): string;
  /** HK$ with thousands separators. */
  hkd(amount: number): string;
  number(n: number): string;
  list(items: readonly string[]): string;
  country(alpha2: string | undefined, fallback: string): string;
}

const cache = new Map<Lang, T>();

export function translator(lang: Lang): T {
  const hit = cache.get(lang);
  if (hit) return hit;
  const locale = locales[lang];
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const momentFormat = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Hong_Kong',
  });
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });
  const regions = new Intl.DisplayNames(locale, { type: 'region' });
  const t = ((key: WebMessageKey, params?: Record<string, string | number>) =>
    webMessage(lang, key, params)) as T;
  t.lang = lang;
  t.has = (key) => hasWebMessage(key);
  t.dyn = (key, params) => (hasWebMessage(key) ? webMessage(lang, key, params) : key);
  t.date = (iso) => {
    const ms = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(ms) ? iso : dateFormat.format(ms);
  };
  t.month = (iso) => {
    const ms = Date.parse(`${iso.slice(0, 7)}-01T00:00:00Z`);
    return Number.isNaN(ms) ? iso : monthFormat.format(ms);
  };
  t.moment = (iso) => {
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? iso : momentFormat.format(ms);
  };
  t.number = (n) => numberFormat.format(n);
  t.hkd = (amount) => webMessage(lang, 'word.hkd', { amount: numberFormat.format(amount) });
  t.list = (items) => listFormat.format(items);
  t.country = (alpha2, fallback) => (alpha2 ? (regions.of(alpha2) ?? fallback) : fallback);
  cache.set(lang, t);
  return t;
}
