import type { Lang } from '../rules/schema.ts';

/**
 * The message function of a catalogue with {placeholders}: each message is split at its
 * placeholders once, on first use, and filled by joining; a placeholder without a value stays as
 * written, so a missing parameter shows instead of vanishing. Catalogues that sit on hot paths
 * (the comparison, the planner) share this one implementation.
 *
 * @example
 * const message = templateMessages({ en: { hi: 'Hello {name}' }, 'zh-Hant': { hi: '你好 {name}' }, 'zh-Hans': { hi: '你好 {name}' } });
 * message('en', 'hi', { name: 'Ada' }); // 'Hello Ada'
 */
export function templateMessages<K extends string>(
  catalogues: Record<Lang, Record<K, string>>,
): (lang: Lang, key: K, params?: Record<string, string | number>) => string {
  const compiled = new Map<string, readonly string[]>();
  return (lang, key, params = {}) => {
    const id = `${lang}\u0000${key}`;
    let parts = compiled.get(id);
    if (!parts) {
      parts = catalogues[lang][key].split(/\{(\w+)\}/);
      compiled.set(id, parts);
    }
    let out = parts[0] as string;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i] as string;
      out += (name in params ? String(params[name]) : `{${name}}`) + (parts[i + 1] as string);
    }
    return out;
  };
}
