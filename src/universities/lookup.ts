import { basename, join } from 'node:path';
import { z } from 'zod';
import {
  acrossVersions,
  caveat,
  editDistance,
  hanDice,
  InvalidMomentError,
  type LookupOptions,
  lookupSettings,
  wordsScore,
} from '../lists/similarity.ts';
import { parseFile, RULES_DIR, RuleFileError, type RuleProblem } from '../rules/loader.ts';
import { Confidence, Localized, SourceRef, SourcesFile } from '../rules/schema.ts';

export { InvalidMomentError };

/**
 * The TTPS Aggregate List of Eligible Universities in each of its versions
 * (rules/hk/lists/eligible-universities/), and a forgiving look-up of an institution by name,
 * abbreviation or Chinese name (rules/hk/lists/institution-aliases.yaml).
 */

/** The lists folder shipped with Routewise. */
export const LISTS_DIR = join(RULES_DIR, 'hk', 'lists');

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, e.g. 2024-11-01');
const instant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\+08:00|Z)$/,
    'an ISO date-time with its offset, e.g. 2024-11-01T00:00:00+08:00',
  );

const Caveat = z.object({ code: z.string().regex(/^[a-z0-9-]+$/), text: Localized }).strict();
export type Caveat = z.infer<typeof Caveat>;

const ListVersion = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    from: instant,
    file: z.string().regex(/^[\w.-]+\.yaml$/),
    officialCount: z.number().int().positive(),
    confidence: Confidence,
    note: Localized.optional(),
    sources: z.array(SourceRef).min(1),
    added: z.array(z.string().min(1)).default([]),
    removed: z.array(z.string().min(1)).default([]),
  })
  .strict();

const ListManifest = z
  .object({
    id: z.string().min(1),
    name: Localized,
    officialDocument: z.string().url(),
    caveats: z.array(Caveat).min(1),
    versions: z.array(ListVersion).min(1),
  })
  .strict();

const Institution = z
  .object({
    name: z.string().min(1),
    country: z.string().min(1),
    nameZh: z.string().min(1).optional(),
    added: day.optional().describe('When the institution was added, per Government announcements.'),
  })
  .strict();

const VersionFile = z.object({ institutions: z.array(Institution).min(1) }).strict();

const AliasesFile = z
  .object({
    sources: z.array(SourceRef).min(1),
    confidence: Confidence,
    note: Localized,
    institutions: z
      .array(z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)).min(1) }).strict())
      .min(1),
    foldTraditional: z
      .string()
      .transform((s) => s.replace(/\s+/g, ''))
      .refine((s) => [...s].length % 2 === 0, 'pairs of characters (Traditional then Simplified)'),
  })
  .strict();

export type Institution = z.infer<typeof Institution>;

export interface ListVersionData {
  id: string;
  from: string;
  /** When the next version starts; null while this one is the latest. */
  to: string | null;
  fromMs: number;
  toMs: number | null;
  confidence: Confidence;
  note?: Localized;
  sources: SourceRef[];
  officialCount: number;
  /** The version's file, relative to the rules folder. */
  file: string;
  institutions: Institution[];
}

export interface UniversityLists {
  id: string;
  name: Localized;
  officialDocument: string;
  caveats: Caveat[];
  versions: ListVersionData[];
  /** Other names (normalised) → institution names. */
  aliases: Map<string, string[]>;
  /** What the aliases are (search aids, not an official list): said with a match found by one. */
  aliasNote: Localized;
  fold: Map<string, string>;
}

/**
 * Loads and checks the eligible-university list and the aliases from a lists folder (e.g.
 * rules/hk/lists, with sources.yaml in the folder above): every version's count against its
 * official count, its announced additions and removals against the previous version, every source
 * reference and every alias's institution. Throws RuleFileError listing every problem with file:line.
 */
export function loadUniversityLists(dir: string = LISTS_DIR): UniversityLists {
  const problems: RuleProblem[] = [];
  const listDir = join(dir, 'eligible-universities');
  const root = join(dir, '..', '..');
  const sources = parseFile(join(dir, '..', 'sources.yaml'), SourcesFile, problems, root);
  const manifest = parseFile(join(listDir, 'list.yaml'), ListManifest, problems, root);
  const aliasesFile = parseFile(join(dir, 'institution-aliases.yaml'), AliasesFile, problems, root);
  const versions: ListVersionData[] = [];
  if (manifest) {
    const at = (i: number, key: string, message: string) =>
      problems.push({
        file: manifest.file,
        line: manifest.lineOf(['versions', i, key]),
        path: `versions.${i}.${key}`,
        message,
      });
    const ids = new Set<string>();
    manifest.value.versions.forEach((v, i) => {
      if (ids.has(v.id)) at(i, 'id', `duplicate version id "${v.id}"`);
      ids.add(v.id);
      v.sources.forEach((s, j) => {
        if (sources && !(s.ref in sources.value.sources))
          at(i, 'sources', `sources.${j}: unknown source "${s.ref}" (not in sources.yaml)`);
      });
      const prev = manifest.value.versions[i - 1];
      if (prev && Date.parse(prev.from) >= Date.parse(v.from))
        at(i, 'from', `versions must be in chronological order: ${v.from} is not after ${prev.from}`);
      const next = manifest.value.versions[i + 1];
      const parsed = parseFile(join(listDir, v.file), VersionFile, problems, root);
      if (!parsed) return;
      const list = parsed.value.institutions;
      if (list.length !== v.officialCount)
        at(i, 'officialCount', `${basename(v.file)} has ${list.length} institutions, not ${v.officialCount}`);
      const seen = new Set<string>();
      list.forEach((inst, j) => {
        if (seen.has(inst.name))
          problems.push({
            file: parsed.file,
            line: parsed.lineOf(['institutions', j, 'name']),
            path: `institutions.${j}.name`,
            message: `"${inst.name}" is listed twice`,
          });
        seen.add(inst.name);
      });
      const before = versions[i - 1];
      if (before) {
        const had = new Set(before.institutions.map((x) => x.name));
        for (const name of v.added)
          if (had.has(name) || !seen.has(name))
            at(i, 'added', `"${name}" is announced as added but is not new in ${v.file}`);
        for (const name of v.removed)
          if (!had.has(name) || seen.has(name))
            at(i, 'removed', `"${name}" is announced as removed but is not gone from ${v.file}`);
        const added = [...seen].filter((n) => !had.has(n) && !v.added.includes(n));
        const removed = [...had].filter((n) => !seen.has(n) && !v.removed.includes(n));
        if (added.length > 0 || removed.length > 0)
          at(
            i,
            'file',
            `changes not announced: added ${JSON.stringify(added)}, removed ${JSON.stringify(removed)}`,
          );
      }
      versions.push({
        id: v.id,
        from: v.from,
        to: next?.from ?? null,
        fromMs: Date.parse(v.from),
        toMs: next ? Date.parse(next.from) : null,
        confidence: v.confidence,
        ...(v.note ? { note: v.note } : {}),
        sources: v.sources,
        officialCount: v.officialCount,
        file: `hk/lists/eligible-universities/${v.file}`,
        institutions: list,
      });
    });
  }
  const fold = new Map<string, string>();
  const aliases = new Map<string, string[]>();
  if (aliasesFile) {
    const chars = [...aliasesFile.value.foldTraditional];
    for (let i = 0; i + 1 < chars.length; i += 2) fold.set(chars[i] as string, chars[i + 1] as string);
    aliasesFile.value.sources.forEach((s, j) => {
      if (sources && !(s.ref in sources.value.sources))
        problems.push({
          file: aliasesFile.file,
          line: aliasesFile.lineOf(['sources', j, 'ref']),
          path: `sources.${j}.ref`,
          message: `unknown source "${s.ref}" (not in sources.yaml)`,
        });
    });
    const known = new Set(versions.flatMap((v) => v.institutions.map((x) => x.name)));
    aliasesFile.value.institutions.forEach((entry, i) => {
      if (manifest && !known.has(entry.name)) {
        problems.push({
          file: aliasesFile.file,
          line: aliasesFile.lineOf(['institutions', i, 'name']),
          path: `institutions.${i}.name`,
          message: `"${entry.name}" is not on any version of the list`,
        });
      }
      for (const alias of entry.aliases) {
        const key = keyOf(alias, fold);
        const names = aliases.get(key) ?? [];
        if (!names.includes(entry.name)) names.push(entry.name);
        aliases.set(key, names);
      }
    });
  }
  if (problems.length > 0 || !manifest || !aliasesFile) throw new RuleFileError(problems);
  const { id, name, officialDocument, caveats } = manifest.value;
  const aliasNote = aliasesFile.value.note;
  return { id, name, officialDocument, caveats, versions, aliases, aliasNote, fold };
}

let shipped: UniversityLists | undefined;

/** The list shipped with Routewise, loaded once per process. */
export function shippedUniversityLists(): UniversityLists {
  shipped ??= loadUniversityLists();
  return shipped;
}

// --- Normalising and comparing names ---

const HAN = /\p{Script=Han}/u;
const DROPPED = new Set(['the', 'of', 'and', 'at', 'in', 'for', 'de', 'di', 'du', 'des', 'la', 'le', 'zu']);
const GENERIC = new Set([
  'university',
  'universite',
  'universitat',
  'universidad',
  'universiti',
  'universiteit',
  'universita',
  'institute',
  'institut',
  'college',
  'school',
  'technology',
]);
const EXPAND: Record<string, string> = {
  univ: 'university',
  uni: 'university',
  inst: 'institute',
  tech: 'technology',
};

function tokens(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/&/g, ' and ')
    .replace(/['’.]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => EXPAND[w] ?? w);
  const kept = words.filter((w) => !DROPPED.has(w));
  return kept.length > 0 ? kept : words;
}

function foldHan(text: string, fold: Map<string, string>): string {
  return [...text.replace(/[\s\p{P}]/gu, '')].map((c) => fold.get(c) ?? c).join('');
}

/** The form under which names and aliases are compared exactly. */
function keyOf(text: string, fold: Map<string, string>): string {
  return HAN.test(text) ? foldHan(text, fold) : tokens(text).join(' ');
}

/**
 * The words' score, or the names' similarity written without spaces when that is very high (the
 * same name with its words split or joined otherwise).
 */
function latinScore(query: string[], name: string[]): number {
  const tokenScore = wordsScore(query, name, GENERIC);
  const a = query.join('');
  const b = name.join('');
  const whole = 1 - editDistance(a, b) / Math.max(a.length, b.length, 1);
  return Math.max(tokenScore, whole >= 0.9 ? whole : 0);
}

// --- The look-up ---

export interface ListMembership {
  versionId: string;
  from: string;
  to: string | null;
  confidence: Confidence;
}

export interface InstitutionMatch {
  /** The English name as the list spells it. */
  name: string;
  nameZh?: string;
  country?: string;
  /** 0–1; 1 for an exact name or alias. */
  score: number;
  /** The list versions the institution is on, oldest first. */
  lists: ListMembership[];
  /**
   * Whether it is on the version in force at `at`; absent when no `at` was given or `at` is before
   * the earliest version held (2024-01-01).
   */
  inForceAt?: boolean;
  /** Always includes the transcription caveat and the QMAS-criterion-2 caveat. */
  caveats: Caveat[];
}

export interface FindOptions extends LookupOptions {
  lists?: UniversityLists;
}

interface ListIndex {
  /** Every institution on any version, keyed by its English name. */
  byName: ReturnType<typeof acrossVersions<ListVersionData, Institution>>;
  /** Each institution's aliases. */
  otherNames: Map<string, string[]>;
}

const indexes = new WeakMap<UniversityLists, ListIndex>();

/** What every look-up in the lists reads, worked out once per loaded lists. */
function indexOf(lists: UniversityLists): ListIndex {
  let index = indexes.get(lists);
  if (!index) {
    const byName = acrossVersions(
      lists.versions,
      (v) => v.institutions,
      (inst) => inst.name,
    );
    const otherNames = new Map<string, string[]>();
    for (const [alias, names] of lists.aliases)
      for (const n of names) otherNames.set(n, [...(otherNames.get(n) ?? []), alias]);
    index = { byName, otherNames };
    indexes.set(lists, index);
  }
  return index;
}

/**
 * Finds an institution on the TTPS Aggregate List by English name (forgiving case, accents,
 * punctuation, "the", "&", "Univ." and small misspellings), abbreviation or Chinese name in either
 * script. Returns the best matches first, each with the list versions it is on and, given `at`,
 * whether it is on the version in force then; [] when nothing matches.
 */
export function findInstitution(query: string, options: FindOptions = {}): InstitutionMatch[] {
  const lists = options.lists ?? shippedUniversityLists();
  const { atMs, limit, minScore } = lookupSettings(options);
  const han = HAN.test(query);
  const key = keyOf(query, lists.fold);
  if (!key) return [];
  const queryTokens = han ? [] : tokens(query);

  const { byName, otherNames } = indexOf(lists);

  const exact = new Set(lists.aliases.get(key) ?? []);
  const first = lists.versions[0];
  const matches: InstitutionMatch[] = [];
  for (const [name, { entry: inst, versions }] of byName) {
    let score = exact.has(name) ? 1 : 0;
    const forms = [name, ...(inst.nameZh ? [inst.nameZh] : []), ...(otherNames.get(name) ?? [])];
    for (const form of forms) {
      if (score === 1) break;
      const formHan = HAN.test(form);
      if (formHan !== han) continue;
      score = Math.max(
        score,
        han ? hanDice(key, foldHan(form, lists.fold)) : latinScore(queryTokens, formHan ? [] : tokens(form)),
      );
    }
    if (score < minScore) continue;
    const match: InstitutionMatch = {
      name,
      ...(inst.nameZh ? { nameZh: inst.nameZh } : {}),
      country: inst.country,
      score: Math.round(score * 1000) / 1000,
      lists: versions.map((v) => ({ versionId: v.id, from: v.from, to: v.to, confidence: v.confidence })),
      caveats: [...lists.caveats],
    };
    const ownNames = [name, ...(inst.nameZh ? [inst.nameZh] : [])].map((n) => keyOf(n, lists.fold));
    if (exact.has(name) && !ownNames.includes(key))
      match.caveats.push({ code: 'found-by-alias', text: lists.aliasNote });
    if (versions.some((v) => v.confidence === 'uncertain')) {
      match.caveats.push(
        caveat(
          'derived-versions',
          '⚠️ The versions before 2026-01-01 are reconstructed from the announced changes, not copies of the official lists.',
          '⚠️ 2026-01-01 之前的版本是根據公布的增刪推算，並非官方名單原文。',
          '⚠️ 2026-01-01 之前的版本是根据公布的增删推算，并非官方名单原文。',
        ),
      );
    }
    if (atMs !== undefined && first) {
      if (atMs < first.fromMs) {
        match.caveats.push(
          caveat(
            'no-version-held',
            `⚠️ No version of the list before ${first.from.slice(0, 10)} is held, so whether it was on the list then is unknown.`,
            `⚠️ 未有 ${first.from.slice(0, 10)} 之前的名單版本，無法判斷當時是否在名單上。`,
            `⚠️ 未有 ${first.from.slice(0, 10)} 之前的名单版本，无法判断当时是否在名单上。`,
          ),
        );
      } else {
        match.inForceAt = versions.some((v) => v.fromMs <= atMs && (v.toMs === null || atMs < v.toMs));
      }
    }
    matches.push(match);
  }
  matches.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return matches.slice(0, limit);
}

/**
 * Whether an institution is on the list version in force at an instant, for the engine: only a
 * name the data recognises exactly (its list name, an alias or a Chinese name) decides; a fuzzy
 * match could be another institution, so it decides nothing (undefined), and neither does an
 * instant before the earliest version held. Answers are kept per name: a profile names few
 * institutions, and every assessment of it asks again.
 */
export function eligibleUniversityLookup(
  lists: UniversityLists = shippedUniversityLists(),
): (institution: string, atMs: number) => boolean | undefined {
  const memberships = new Map<string, ListVersionData[] | null>();
  return (institution, atMs) => {
    let versions = memberships.get(institution);
    if (versions === undefined) {
      const best = findInstitution(institution, { lists, limit: 1, minScore: 1 })[0];
      versions = best ? lists.versions.filter((v) => v.institutions.some((i) => i.name === best.name)) : null;
      memberships.set(institution, versions);
    }
    if (versions === null) return undefined;
    const first = lists.versions[0];
    if (!first || atMs < first.fromMs) return undefined;
    return versions.some((v) => v.fromMs <= atMs && (v.toMs === null || atMs < v.toMs));
  };
}
