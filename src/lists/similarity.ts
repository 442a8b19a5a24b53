/**
 * Forgiving name matching shared by the official-list look-ups (eligible universities, Talent
 * List): edit distance, word and bigram similarity, and reading the moment a look-up is asked for.
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
export function coverage(
  from: readonly string[],
  to: readonly string[],
  generic: ReadonlySet<string>,
): number {
  let total = 0;
  let got = 0;
  for (const w of from) {
    const weight = generic.has(w) ? 0.5 : 1;
    total += weight;
    got += weight * Math.max(0, ...to.map((u) => wordSimilarity(w, u)));
  }
  return total === 0 ? 0 : got / total;
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
