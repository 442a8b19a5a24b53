import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/**
 * Noto Sans HK and Noto Sans SC for the PDF, from the npm packages @fontsource-variable/noto-sans-hk
 * and -sc (about 5 MB each, nothing fetched at run time; see docs/decisions for the choice), and
 * Noto Sans (@fontsource-variable/noto-sans, 4 MB) for English, whose quotation marks and dashes
 * are Latin-width where the CJK fonts' are full-width.
 *
 * Those packages split each font into about 110 WOFF2 files by Unicode range, as browsers want;
 * pdfkit wants one font per run of text. So a paragraph is cut into runs by the file that holds
 * each character, and each file used is embedded (pdfkit subsets it to the glyphs used).
 *
 * The files are variable fonts whose default instance is Thin. fontkit 2.0.4 applies variations
 * only to plain TrueType (not WOFF2), so each file is first unpacked to TrueType with wawoff2
 * (Google's woff2 decoder compiled to WebAssembly); then we take the named Regular or Bold
 * instance. fontkit re-encodes varied glyphs when subsetting, but its encoder passes a number
 * where restructure 3 wants a buffer and throws; `encodeSimpleGlyph` below does that step.
 */

export type FamilyId = 'latin' | 'hk' | 'sc';
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
  latin: { pkg: '@fontsource-variable/noto-sans', postscript: 'NotoSans', file: 'noto-sans' },
  hk: { pkg: '@fontsource-variable/noto-sans-hk', postscript: 'NotoSansHK', file: 'noto-sans-hk' },
  sc: { pkg: '@fontsource-variable/noto-sans-sc', postscript: 'NotoSansSC', file: 'noto-sans-sc' },
};

const require = createRequire(import.meta.url);

/** Google's woff2 decoder (WebAssembly); `decompress` appears once its runtime has started. */
const woff2 = require('wawoff2/build/decompress_binding.js') as {
  decompress?: (data: Uint8Array) => Uint8Array | false;
  onRuntimeInitialized?: () => void;
};
let woff2Ready: Promise<void> | undefined;

/** Resolves once fonts can be loaded; await it before laying out text. */
export function fontsReady(): Promise<void> {
  if (typeof woff2.decompress === 'function') return Promise.resolve();
  woff2Ready ??= new Promise<void>((resolve) => {
    const previous = woff2.onRuntimeInitialized;
    woff2.onRuntimeInitialized = () => {
      previous?.();
      resolve();
    };
  });
  return woff2Ready;
}
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
  if (typeof woff2.decompress !== 'function')
    throw new Error('fonts are not ready: await fontsReady() first');
  const ttf = woff2.decompress(readFileSync(path));
  if (ttf === false) throw new Error(`cannot decode the font file ${path}`);
  const base = fontkit.create(Buffer.from(ttf)) as fontkit.Font;
  const font = base.getVariation(weight);
  // Every subset file carries the name of the default instance ("NotoSansHK-Thin"); pdfkit keys
  // its font cache by that name, so each subset and weight needs a name of its own.
  Object.defineProperty(font, 'postscriptName', { value: `${info.postscript}-${weight}-${subsetName(key)}` });
  const createSubset = font.createSubset.bind(font);
  Object.defineProperty(font, 'createSubset', {
    value: () => {
      const subset = createSubset() as unknown as {
        glyphEncoder: { encodeSimple: typeof encodeSimpleGlyph };
      };
      subset.glyphEncoder = { encodeSimple: encodeSimpleGlyph };
      return subset;
    },
  });
  fonts.set(cacheKey, font);
  return font;
}

export interface Run {
  /** Family and subset file holding every character of the run. */
  family: FamilyId;
  key: string;
  text: string;
}

const VARIATION_SELECTOR = /[\uFE00-\uFE0F]/;

/**
 * Cuts text into runs that one subset file can draw, taking each character from the first family
 * in `families` that has it (the first is the language's own: its forms are the right ones). A
 * character none holds becomes U+FFFD, which every Latin file has.
 *
 * @example
 * runs('符合 met', ['hk', 'sc']) // [{family:'hk', key:'[118]', text:'符'}, …, {family:'hk', key:'latin', text:' met'}]
 */
export function runs(text: string, families: readonly FamilyId[]): Run[] {
  const out: Run[] = [];
  const infos = families.map((id) => ({ id, info: family(id) }));
  const first = infos[0];
  if (!first) throw new Error('runs: no font family given');
  for (const ch of text) {
    if (VARIATION_SELECTOR.test(ch)) continue;
    const cp = ch.codePointAt(0) ?? 0xfffd;
    let fam: FamilyId = first.id;
    let key: string | undefined;
    let char = ch;
    for (const { id, info } of infos) {
      key = info.coverage.get(cp);
      if (key !== undefined) {
        fam = id;
        break;
      }
    }
    if (key === undefined) {
      key = 'latin';
      char = '\uFFFD';
    }
    const last = out[out.length - 1];
    if (last && last.family === fam && last.key === key) last.text += char;
    else out.push({ family: fam, key, text: char });
  }
  return out;
}

interface GlyphPath {
  commands: Array<{ command: string; args: number[] }>;
}

const ON_CURVE = 1;

/**
 * Encodes a TrueType simple glyph (the `glyf` entry) from a fontkit path of moveTo, lineTo,
 * quadraticCurveTo and closePath, rounding the varied coordinates to font units. Every point is
 * written in full (16-bit deltas, one flag each): simple beats small for a few hundred glyphs.
 * Hinting instructions are dropped, since they were written for the default outlines.
 */
export function encodeSimpleGlyph(path: GlyphPath): Uint8Array {
  const xs: number[] = [];
  const ys: number[] = [];
  const flags: number[] = [];
  const ends: number[] = [];
  for (const c of path.commands) {
    for (let j = 0; j + 1 < c.args.length; j += 2) {
      xs.push(Math.round(c.args[j] as number));
      ys.push(Math.round(c.args[j + 1] as number));
      flags.push(c.command === 'quadraticCurveTo' && j === 0 ? 0 : ON_CURVE);
    }
    if (c.command === 'closePath' && xs.length > 0 && ends[ends.length - 1] !== xs.length - 1)
      ends.push(xs.length - 1);
  }
  if (xs.length > 0 && ends[ends.length - 1] !== xs.length - 1) ends.push(xs.length - 1);
  if (xs.length === 0) return new Uint8Array(0);

  const points = xs.length;
  const size = 10 + 2 * ends.length + 2 + points + 4 * points;
  const padded = size + ((4 - (size % 4)) % 4);
  const out = new Uint8Array(padded);
  const view = new DataView(out.buffer);
  let pos = 0;
  const int16 = (v: number) => {
    view.setInt16(pos, v);
    pos += 2;
  };
  int16(ends.length);
  int16(Math.min(...xs));
  int16(Math.min(...ys));
  int16(Math.max(...xs));
  int16(Math.max(...ys));
  for (const end of ends) int16(end);
  int16(0); // no instructions
  for (const flag of flags) out[pos++] = flag;
  let last = 0;
  for (const x of xs) {
    int16(x - last);
    last = x;
  }
  last = 0;
  for (const y of ys) {
    int16(y - last);
    last = y;
  }
  return out;
}
