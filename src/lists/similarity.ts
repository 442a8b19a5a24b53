import type { Localized } from '../rules/schema.ts';

/**
 * What the official-list look-ups (eligible universities, Talent List) share: forgiving name
 * matching (edit distance, word and bigram similarity), their options and the moment a look-up is
 * asked for, the gathering of every entry across the list's versions, and their caveats.
 */

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swapped neighbours. */
export function editDistance(a: string, b: string): number {
  const w = b.length + 1;
  const d = new Uint16Array((a.length + 1) * w);
  const at = (i: number, j: number): number => d[i * w + j] ?? 0;
  for (let i = 0; i <= a.length; i++) d[i * w] = i;
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, at(i - 2, j - 2) + 1);
      d[i * w + j] = v;
    }
  }
  return at(a.length, b.length);
}

/** 1 for the same word, a small misspelling scores 0.75–1, anything else 0. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (Math.min(a.length, b.length) <= 3) return 0; // short words and abbreviations match exactly or not at all
  const s = 1 - editDistance(a, b) / Math.max(a.length, b.length);
  return s >= 0.75 ? s : 0;
}

/** How well the words of `from` are found among those of `to`; words in `generic` count half. */
function coverage(from: readonly string[], to: readonly string[], generic: ReadonlySet<string>): number {
  let total = 0;
  let got = 0;
  for (const w of from) {
    const weight = generic.has(w) ? 0.5 : 1;
    total += weight;
    got += weight * Math.max(0, ...to.map((u) => wordSimilarity(w, u)));
  }
  return total === 0 ? 0 : got / total;
}

/**
 * How well a name's words match a query's: mostly how much of the query the name holds, a little
 * how much of the name the query holds (so a longer name that holds every word still ranks lower).
 */
export function wordsScore(
  query: readonly string[],
  name: readonly string[],
  generic: ReadonlySet<string>,
): number {
  return 0.75 * coverage(query, name, generic) + 0.25 * coverage(name, query, generic);
}

function bigrams(s: string): string[] {
  const chars = [...s];
  return chars.length < 2 ? chars : chars.slice(1).map((c, i) => chars[i] + c);
}

/** Dice similarity of the character pairs of two Chinese names: 1 when they are the same. */
export function hanDice(query: string, name: string): number {
  if (query === name) return 1;
  const a = bigrams(query);
  const b = bigrams(name);
  return (2 * a.filter((g) => b.includes(g)).length) / (a.length + b.length);
}

/** Raised for a look-up moment that is neither an ISO date-time with offset nor a date. */
export class InvalidMomentError extends Error {
  constructor(readonly value: string) {
    super(
      `"${value}" is not an ISO 8601 date-time with an offset (e.g. 2024-11-01T00:00:00+08:00) or a date`,
    );
    this.name = 'InvalidMomentError';
  }
}

/** A look-up moment in epoch milliseconds: a date means 00:00 Hong Kong time that day. */
export function momentMs(at: string): number {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T00:00:00+08:00` : at;
  const ms = /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new InvalidMomentError(at);
  return ms;
}

/** What every look-up of an official list accepts. */
export interface LookupOptions {
  /** An ISO 8601 moment with its offset, or a date (00:00 Hong Kong time). */
  at?: string;
  /** At most this many matches (default 10). */
  limit?: number;
  /** Matches scoring below this are left out (default 0.6). */
  minScore?: number;
}

/** The options of a look-up with their defaults, the moment read (InvalidMomentError when it cannot be). */
export function lookupSettings(options: LookupOptions): {
  atMs: number | undefined;
  limit: number;
  minScore: number;
} {
  return {
    atMs: options.at === undefined ? undefined : momentMs(options.at),
    limit: options.limit ?? 10,
    minScore: options.minScore ?? 0.6,
  };
}

/**
 * Every entry on any version of a list, by key, in the versions' order: its entry on the latest
 * version listing it (names and details can change), and every version listing it.
 */
export function acrossVersions<V, E>(
  versions: readonly V[],
  entriesOf: (version: V) => readonly E[],
  keyOf: (entry: E) => string,
): Map<string, { entry: E; versions: V[] }> {
  const byKey = new Map<string, { entry: E; versions: V[] }>();
  for (const v of versions) {
    for (const entry of entriesOf(v)) {
      const seen = byKey.get(keyOf(entry));
      if (seen) {
        seen.entry = entry;
        seen.versions.push(v);
      } else byKey.set(keyOf(entry), { entry, versions: [v] });
    }
  }
  return byKey;
}

/** A caveat a look-up adds to a match, in the three languages. */
export function caveat(
  code: string,
  en: string,
  zhHant: string,
  zhHans: string,
): { code: string; text: Localized } {
  return { code, text: { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans } };
}
