import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/**
 * Noto Sans HK and Noto Sans SC for the PDF, from the npm packages @fontsource-variable/noto-sans-hk
 * and -sc (about 5 MB each, nothing fetched at run time). Those packages split each font into
 * about 110 WOFF2 files by Unicode range, as browsers want; pdfkit wants one font per run of text.
 * So a paragraph is cut into runs by the file that holds each character, and each file used is
 * embedded (pdfkit subsets it to the glyphs used). The files are variable fonts whose default
 * instance is Thin: we take the named Regular and Bold instances, which fontkit re-encodes when
 * subsetting.
 */

export type FamilyId = 'hk' | 'sc';
export type Weight = 'Regular' | 'Bold';

interface FamilyInfo {
  /** The PostScript family name, as it appears (with a suffix) in the PDF's font names. */
  postscript: string;
  dir: string;
  file: string;
  /** Code point → subset key ("latin", "[102]", …). */
  coverage: Map<number, string>;
}

const packages: Record<FamilyId, { pkg: string; postscript: string; file: string }> = {
  hk: { pkg: '@fontsource-variable/noto-sans-hk', postscript: 'NotoSansHK', file: 'noto-sans-hk' },
  sc: { pkg: '@fontsource-variable/noto-sans-sc', postscript: 'NotoSansSC', file: 'noto-sans-sc' },
};

const require = createRequire(import.meta.url);
const families = new Map<FamilyId, FamilyInfo>();
const fonts = new Map<string, fontkit.Font>();

function parseRange(range: string): [number, number] {
  const [lo = '', hi] = range.trim().replace(/^U\+/i, '').split('-');
  const start = Number.parseInt(lo, 16);
  return [start, hi === undefined ? start : Number.parseInt(hi, 16)];
}

function family(id: FamilyId): FamilyInfo {
  const cached = families.get(id);
  if (cached) return cached;
  const { pkg, postscript, file } = packages[id];
  const unicodeJson = require.resolve(`${pkg}/unicode.json`);
  const ranges = JSON.parse(readFileSync(unicodeJson, 'utf8')) as Record<string, string>;
  // Latin first, so that ASCII always comes from the one small Latin file.
  const keys = Object.keys(ranges).sort((a, b) => rank(a) - rank(b));
  const coverage = new Map<number, string>();
  for (const key of keys) {
    for (const range of (ranges[key] ?? '').split(',')) {
      const [lo, hi] = parseRange(range);
      for (let cp = lo; cp <= hi; cp++) if (!coverage.has(cp)) coverage.set(cp, key);
    }
  }
  const info = { postscript, dir: join(dirname(unicodeJson), 'files'), file, coverage };
  families.set(id, info);
  return info;
}

function rank(key: string): number {
  if (key === 'latin') return 0;
  if (key === 'latin-ext') return 1;
  return key.startsWith('[') ? 2 : 3;
}

/** The file name part of a subset key: "[102]" → "102". */
function subsetName(key: string): string {
  return key.replace(/[[\]]/g, '');
}

/**
 * The fontkit font for one subset file at one weight, cached for the life of the process (the
 * documents that use it each make their own subset of it).
 */
export function subsetFont(id: FamilyId, key: string, weight: Weight): fontkit.Font {
  const cacheKey = `${id}/${key}/${weight}`;
  const cached = fonts.get(cacheKey);
  if (cached) return cached;
  const info = family(id);
  const path = join(info.dir, `${info.file}-${subsetName(key)}-wght-normal.woff2`);
  const base = fontkit.create(readFileSync(path)) as fontkit.Font;
  const font = base.getVariation(weight);
  // Every subset file carries the name of the default instance ("NotoSansHK-Thin"); pdfkit keys
  // its font cache by that name, so each subset and weight needs a name of its own.
  Object.defineProperty(font, 'postscriptName', { value: `${info.postscript}-${weight}-${subsetName(key)}` });
  fonts.set(cacheKey, font);
  return font;
}

export interface Run {
  /** Family and subset holding every character of the run; null for text no font here holds. */
  family: FamilyId;
  key: string;
  text: string;
}

const VARIATION_SELECTOR = /[\uFE00-\uFE0F]/;

/**
 * Cuts text into runs that one subset file can draw, preferring the primary family (its forms
 * are the right ones for the language) and falling back to the other for characters it lacks.
 * A character neither holds becomes U+FFFD, which the Latin file has.
 *
 * @example
 * runs('符合 met', 'hk', 'sc') // [{family:'hk', key:'[118]', text:'符'}, …, {family:'hk', key:'latin', text:' met'}]
 */
export function runs(text: string, primary: FamilyId, fallback: FamilyId): Run[] {
  const out: Run[] = [];
  const first = family(primary);
  const second = family(fallback);
  for (const ch of text) {
    if (VARIATION_SELECTOR.test(ch)) continue;
    const cp = ch.codePointAt(0) ?? 0xfffd;
    let fam: FamilyId = primary;
    let key = first.coverage.get(cp);
    let char = ch;
    if (key === undefined) {
      key = second.coverage.get(cp);
      fam = fallback;
    }
    if (key === undefined) {
      fam = primary;
      key = 'latin';
      char = '\uFFFD';
    }
    const last = out[out.length - 1];
    if (last && last.family === fam && last.key === key) last.text += char;
    else out.push({ family: fam, key, text: char });
  }
  return out;
}
