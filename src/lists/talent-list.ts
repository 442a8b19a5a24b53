import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseFile, RULES_DIR, RuleFileError, type RuleProblem } from '../rules/loader.ts';
import { Confidence, Localized, type Source, SourceRef, SourcesFile } from '../rules/schema.ts';
import {
  acrossVersions,
  caveat,
  hanDice,
  InvalidMomentError,
  type LookupOptions,
  lookupSettings,
  wordsScore,
} from './similarity.ts';

export { InvalidMomentError };

/**
 * The Talent List of Hong Kong in each of its versions (rules/hk/lists/talent-list/), a forgiving
 * look-up of a profession by id or name in any language, and the answer the engine needs: is a
 * profession on the version in force at a submission moment? The data is incomplete — each version
 * says how many professions it officially has and whether all of them are held — so "not held" is
 * never turned into "not on the list".
 */

/** The Talent List folder shipped with Routewise. */
export const TALENT_LIST_DIR = join(RULES_DIR, 'hk', 'lists', 'talent-list');

const slug = z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens');
const instant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\+08:00|Z)$/,
    'an ISO date-time with its offset, e.g. 2025-03-01T00:00:00+08:00',
  );

const Caveat = z.object({ code: slug, text: Localized }).strict();
export type Caveat = z.infer<typeof Caveat>;

/** A name as the sources give it: English always; Chinese only where an official text gives it. */
const Name = z
  .object({
    en: z.string().min(1),
    'zh-Hant': z.string().min(1).optional(),
    'zh-Hans': z.string().min(1).optional(),
  })
  .strict()
  .refine(
    (n) => (n['zh-Hant'] === undefined) === (n['zh-Hans'] === undefined),
    'give both Chinese names (zh-Hant and zh-Hans) or neither',
  );

const Segment = z.object({ id: slug, name: Name }).strict();

const ProfessionEntry = z
  .object({
    id: slug,
    segment: slug.nullable().describe("An id from the version's segments; null when the list had none."),
    name: Name,
    aliases: z.array(z.string().min(1)).default([]).describe('Other official wordings of the same name.'),
    confidence: Confidence.describe('How sure it is that this profession, so named, is on this version.'),
    note: Localized.optional(),
  })
  .strict();

/** A version's own file: from when it is in force, the sources that name it, and what it holds. */
const VersionFile = z
  .object({
    from: instant,
    sources: z.array(SourceRef).min(1),
    segments: z.array(Segment),
    professions: z.array(ProfessionEntry),
  })
  .strict();

const ListVersion = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    file: z.string().regex(/^[\w.-]+\.yaml$/),
    officialCount: z.number().int().positive(),
    segmentCount: z.number().int().positive().nullable(),
    complete: z.boolean().describe('Whether every profession of the official list is held.'),
    missing: Localized.optional().describe(
      'Which professions are not held, and why (required when incomplete).',
    ),
    confidence: Confidence,
    note: Localized.optional(),
    added: z.array(slug).default([]).describe('Professions announced as added by this version.'),
    removed: z.array(slug).default([]).describe('Professions announced as removed by this version.'),
  })
  .strict();

const Effect = z
  .object({
    id: slug,
    routes: z.array(z.string().regex(/^[a-z0-9.-]+$/)).min(1),
    from: instant,
    until: instant.nullable().describe('The moment the effect ends (exclusive); null while it lasts.'),
    effect: Localized,
    confidence: Confidence,
    note: Localized.optional(),
    sources: z.array(SourceRef).min(1),
  })
  .strict();

const Manifest = z
  .object({
    id: z.string().min(1),
    name: Localized,
    officialSite: z.string().url(),
    caveats: z.array(Caveat).min(1),
    effects: z.array(Effect),
    versions: z.array(ListVersion).min(1),
  })
  .strict();

export interface TalentSegment {
  id: string;
  /** The Chinese fields repeat the English name when no Chinese name is published. */
  name: Localized;
  chineseNamePublished: boolean;
}

export interface TalentProfession {
  id: string;
  segment: TalentSegment | null;
  /** The Chinese fields repeat the English name when no Chinese name is published. */
  name: Localized;
  chineseNamePublished: boolean;
  aliases: string[];
  confidence: Confidence;
  note?: Localized;
}

export interface TalentListVersion {
  id: string;
  from: string;
  /** When the next version starts; null while this one is the latest. */
  to: string | null;
  fromMs: number;
  toMs: number | null;
  officialCount: number;
  segmentCount: number | null;
  /** Whether every profession of the official list is held. */
  complete: boolean;
  /** What is not held, when incomplete. */
  missing?: Localized;
  confidence: Confidence;
  note?: Localized;
  sources: SourceRef[];
  added: string[];
  removed: string[];
  /** The version's file, relative to the rules folder. */
  file: string;
  segments: TalentSegment[];
  /** The professions held (all of them when `complete`). */
  professions: TalentProfession[];
}

export interface TalentListEffect {
  id: string;
  routes: string[];
  from: string;
  until: string | null;
  fromMs: number;
  untilMs: number | null;
  effect: Localized;
  confidence: Confidence;
  note?: Localized;
  sources: SourceRef[];
}

export interface TalentList {
  id: string;
  name: Localized;
  officialSite: string;
  caveats: Caveat[];
  effects: TalentListEffect[];
  versions: TalentListVersion[];
  /** The sources the list cites: the jurisdiction's and the list's own. */
  sources: Record<string, Source>;
  /** Exact keys (normalised id, names and aliases in every language) → profession id. */
  keys: Map<string, string>;
  /** The version id that announced each profession as added, when one did. */
  addedIn: Map<string, string>;
}

const localized = (name: z.infer<typeof Name>): { name: Localized; chineseNamePublished: boolean } => {
  const hant = name['zh-Hant'];
  const hans = name['zh-Hans'];
  return hant !== undefined && hans !== undefined
    ? { name: { en: name.en, 'zh-Hant': hant, 'zh-Hans': hans }, chineseNamePublished: true }
    : { name: { en: name.en, 'zh-Hant': name.en, 'zh-Hans': name.en }, chineseNamePublished: false };
};

/**
 * Loads and checks the Talent List from its folder (e.g. rules/hk/lists/talent-list), with the
 * jurisdiction's sources.yaml two folders up and the list's own sources.yaml: every version's count
 * against its official count and `complete` flag, its announced additions and removals against the
 * earlier versions, every segment and source reference, and that no name points to two professions.
 * Throws RuleFileError listing every problem with file:line.
 *
 * @example
 * const list = loadTalentList();
 * list.versions.map((v) => `${v.id}: ${v.professions.length}/${v.officialCount}`);
 * // ['2018-08-28: 11/11', '2021: 13/13', '2023-05-16: 11/51', '2025-03-01: 9/60']
 */
export function loadTalentList(dir: string = TALENT_LIST_DIR): TalentList {
  const problems: RuleProblem[] = [];
  const root = join(dir, '..', '..', '..');
  const shared = parseFile(join(dir, '..', '..', 'sources.yaml'), SourcesFile, problems, root);
  const ownPath = join(dir, 'sources.yaml');
  const own = existsSync(ownPath) ? parseFile(ownPath, SourcesFile, problems, root) : undefined;
  for (const id of Object.keys(own?.value.sources ?? {})) {
    if (own && shared && id in shared.value.sources)
      problems.push({
        file: own.file,
        line: own.lineOf(['sources', id]),
        path: `sources.${id}`,
        message: `"${id}" is already defined in the jurisdiction's sources.yaml`,
      });
  }
  const sources: Record<string, Source> = { ...shared?.value.sources, ...own?.value.sources };
  const manifest = parseFile(join(dir, 'list.yaml'), Manifest, problems, root);
  const versions: TalentListVersion[] = [];
  const keys = new Map<string, string>();
  const addedIn = new Map<string, string>();

  if (manifest) {
    const at = (path: PropertyKey[], message: string) =>
      problems.push({ file: manifest.file, line: manifest.lineOf(path), path: path.join('.'), message });
    const checkSources = (
      refs: readonly SourceRef[],
      path: PropertyKey[],
      report: (path: PropertyKey[], message: string) => void = at,
    ) =>
      refs.forEach((s, j) => {
        if (shared && !(s.ref in sources))
          report([...path, 'sources', j, 'ref'], `unknown source "${s.ref}" (not in sources.yaml)`);
      });

    manifest.value.effects.forEach((e, i) => {
      checkSources(e.sources, ['effects', i]);
      if (e.until !== null && Date.parse(e.until) <= Date.parse(e.from))
        at(['effects', i, 'until'], `an effect must end after it starts: ${e.until} is not after ${e.from}`);
      if (e.confidence !== 'official' && !e.note)
        at(['effects', i, 'note'], 'a note is required when the confidence is not official');
    });

    const ids = new Set<string>();
    // Each version's file says from when it is in force: the next one's start ends the previous.
    const files = manifest.value.versions.map((v) =>
      parseFile(join(dir, v.file), VersionFile, problems, root),
    );
    manifest.value.versions.forEach((v, i) => {
      const path = ['versions', i];
      if (ids.has(v.id)) at([...path, 'id'], `duplicate version id "${v.id}"`);
      ids.add(v.id);
      if (v.confidence !== 'official' && !v.note)
        at([...path, 'note'], 'a note is required when the confidence is not official');
      if (v.complete && v.missing) at([...path, 'missing'], 'a complete version has nothing missing');
      if (!v.complete && !v.missing)
        at([...path, 'missing'], 'an incomplete version must say what is missing');

      const parsed = files[i];
      if (!parsed) return;
      const inFile = (p: PropertyKey[], message: string) =>
        problems.push({ file: parsed.file, line: parsed.lineOf(p), path: p.join('.'), message });
      const { from } = parsed.value;
      checkSources(parsed.value.sources, [], inFile);
      const previousFrom = files[i - 1]?.value.from;
      if (previousFrom && Date.parse(previousFrom) >= Date.parse(from))
        inFile(['from'], `versions must be in chronological order: ${from} is not after ${previousFrom}`);
      const segments = new Map<string, TalentSegment>();
      parsed.value.segments.forEach((s, j) => {
        if (segments.has(s.id)) inFile(['segments', j, 'id'], `segment "${s.id}" is listed twice`);
        segments.set(s.id, { id: s.id, ...localized(s.name) });
      });
      if (v.segmentCount !== null && segments.size > v.segmentCount)
        at(
          [...path, 'segmentCount'],
          `${v.file} names ${segments.size} segments, more than ${v.segmentCount}`,
        );

      const professions: TalentProfession[] = [];
      const listed = new Set<string>();
      parsed.value.professions.forEach((p, j) => {
        if (listed.has(p.id)) inFile(['professions', j, 'id'], `"${p.id}" is listed twice`);
        listed.add(p.id);
        const segment = p.segment === null ? null : segments.get(p.segment);
        if (segment === undefined)
          inFile(['professions', j, 'segment'], `no segment "${p.segment}" in ${v.file}`);
        if (p.confidence !== 'official' && !p.note)
          inFile(['professions', j, 'note'], 'a note is required when the confidence is not official');
        const forms = [
          p.id.replace(/-/g, ' '),
          p.name.en,
          p.name['zh-Hant'],
          p.name['zh-Hans'],
          ...p.aliases,
        ];
        for (const form of forms) {
          if (form === undefined) continue;
          const key = exactKey(form);
          const owner = keys.get(key);
          if (owner !== undefined && owner !== p.id)
            inFile(['professions', j, 'name'], `"${form}" already names the profession "${owner}"`);
          keys.set(key, p.id);
        }
        professions.push({
          id: p.id,
          segment: segment ?? null,
          ...localized(p.name),
          aliases: p.aliases,
          confidence: p.confidence,
          ...(p.note ? { note: p.note } : {}),
        });
      });

      if (listed.size > v.officialCount)
        at(
          [...path, 'officialCount'],
          `${v.file} holds ${listed.size} professions, more than ${v.officialCount}`,
        );
      if (v.complete && listed.size !== v.officialCount)
        at([...path, 'complete'], `${v.file} holds ${listed.size} professions, not all ${v.officialCount}`);

      const earlier = versions.flatMap((e) => e.professions.map((p) => p.id));
      for (const id of v.added) {
        if (!listed.has(id)) at([...path, 'added'], `"${id}" is announced as added but is not in ${v.file}`);
        else if (earlier.includes(id))
          at([...path, 'added'], `"${id}" is announced as added but was listed before`);
        else addedIn.set(id, v.id);
      }
      const before = versions[i - 1];
      for (const id of v.removed) {
        if (listed.has(id) || !before?.professions.some((p) => p.id === id))
          at([...path, 'removed'], `"${id}" is announced as removed but is not gone from ${v.file}`);
      }
      if (before?.complete && v.complete) {
        const had = new Set(before.professions.map((p) => p.id));
        const unannounced = [
          ...[...listed].filter((id) => !had.has(id) && !v.added.includes(id)),
          ...[...had].filter((id) => !listed.has(id) && !v.removed.includes(id)),
        ];
        if (unannounced.length > 0)
          at([...path, 'file'], `changes not announced in added/removed: ${JSON.stringify(unannounced)}`);
      }

      const nextFrom = files[i + 1]?.value.from;
      versions.push({
        id: v.id,
        from,
        to: nextFrom ?? null,
        fromMs: Date.parse(from),
        toMs: nextFrom ? Date.parse(nextFrom) : null,
        officialCount: v.officialCount,
        segmentCount: v.segmentCount,
        complete: v.complete,
        ...(v.missing ? { missing: v.missing } : {}),
        confidence: v.confidence,
        ...(v.note ? { note: v.note } : {}),
        sources: parsed.value.sources,
        added: v.added,
        removed: v.removed,
        file: `hk/lists/talent-list/${v.file}`,
        segments: [...segments.values()],
        professions,
      });
    });
  }
  if (problems.length > 0 || !manifest) throw new RuleFileError(problems);
  const { id, name, officialSite, caveats } = manifest.value;
  const effects = manifest.value.effects.map((e) => ({
    ...e,
    fromMs: Date.parse(e.from),
    untilMs: e.until === null ? null : Date.parse(e.until),
  }));
  return { id, name, officialSite, caveats, effects, versions, sources, keys, addedIn };
}

let shipped: TalentList | undefined;

/** The Talent List shipped with Routewise, loaded once per process. */
export function shippedTalentList(): TalentList {
  shipped ??= loadTalentList();
  return shipped;
}

/**
 * The version of the list in force at an instant, or undefined before the first list (28 August 2018).
 *
 * @example talentListAt(Date.parse('2024-06-01T00:00:00+08:00'))?.officialCount // 51
 */
export function talentListAt(
  atMs: number,
  list: TalentList = shippedTalentList(),
): TalentListVersion | undefined {
  for (let i = list.versions.length - 1; i >= 0; i--) {
    const v = list.versions[i] as TalentListVersion;
    if (v.fromMs <= atMs) return v;
  }
  return undefined;
}

/**
 * What a listed profession does on each route at an instant (e.g. the QMAS 30-point bonus until
 * 31 October 2024), optionally for one route only.
 *
 * @example talentListEffectsAt(Date.parse('2023-06-01T00:00:00+08:00'), 'hk.gep').map((e) => e.id)
 * // ['gep-asmtp-no-local-recruitment-proof']
 */
export function talentListEffectsAt(
  atMs: number,
  route?: string,
  list: TalentList = shippedTalentList(),
): TalentListEffect[] {
  return list.effects.filter(
    (e) =>
      e.fromMs <= atMs &&
      (e.untilMs === null || atMs < e.untilMs) &&
      (route === undefined || e.routes.includes(route)),
  );
}

/**
 * Whether a profession (by id) is on the version in force at an instant: true when that version
 * lists it; false when there was no list yet, when the version is complete and does not list it,
 * or when the profession was announced as added by a later version (or removed by an earlier one);
 * undefined when the version is incomplete and does not list it.
 */
export function professionListedAt(
  id: string,
  atMs: number,
  list: TalentList = shippedTalentList(),
): boolean | undefined {
  const version = talentListAt(atMs, list);
  if (!version) return false;
  if (version.professions.some((p) => p.id === id)) return true;
  if (version.complete) return false;
  const added = list.addedIn.get(id);
  const addedAt = added === undefined ? undefined : list.versions.find((v) => v.id === added);
  if (addedAt && addedAt.fromMs > version.fromMs) return false;
  for (const v of list.versions) if (v.fromMs <= version.fromMs && v.removed.includes(id)) return false;
  return undefined;
}

// --- Names -----------------------------------------------------------------------------------------

const HAN = /\p{Script=Han}/u;

function latinWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The form under which ids, names and aliases are compared exactly: case, accents and punctuation aside. */
function exactKey(text: string): string {
  return HAN.test(text) ? text.replace(/[\s\p{P}\p{S}]/gu, '') : latinWords(text).join(' ');
}

const DROPPED = new Set([
  'a',
  'an',
  'and',
  'but',
  'e',
  'etc',
  'experienced',
  'for',
  'g',
  'in',
  'including',
  'limited',
  'not',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);
const GENERIC = new Set(['professional', 'specialist', 'expert', 'experts', 'practitioner']);

/** Words for fuzzy matching: without filler words, singular ("actuaries" → "actuary"). */
function fuzzyWords(text: string): string[] {
  return latinWords(text)
    .filter((w) => !DROPPED.has(w))
    .map((w) => (w.length > 4 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

function hanScore(query: string, name: string): number {
  if (query === name) return 1;
  const dice = hanDice(query, name);
  const [short, long] = query.length <= name.length ? [query, name] : [name, query];
  const contained =
    short.length >= 2 && long.includes(short) ? 0.5 + (0.5 * [...short].length) / [...long].length : 0;
  return Math.max(dice, contained);
}

// --- The look-up ------------------------------------------------------------------------------------

export interface ProfessionListing {
  versionId: string;
  from: string;
  to: string | null;
  /** How sure it is that the profession, so named, is on that version. */
  confidence: Confidence;
  /** Whether that version is held in full. */
  complete: boolean;
}

export interface ProfessionMatch {
  id: string;
  /** The name on the latest version listing it (Chinese fields repeat the English when not published). */
  name: Localized;
  chineseNamePublished: boolean;
  segment: TalentSegment | null;
  /** 0–1; 1 only for an exact id, name or alias. */
  score: number;
  exact: boolean;
  /** The versions that list it, oldest first. */
  lists: ProfessionListing[];
  /** The version that announced it as added, when one did. */
  addedIn: string | null;
  /**
   * Given `at`: whether it is on the version in force then — true, false, or null when the version
   * in force is held only in part and does not list it. Absent without `at`.
   */
  inForceAt?: boolean | null;
  caveats: Caveat[];
}

export interface FindProfessionOptions extends LookupOptions {
  list?: TalentList;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * Finds professions on any version of the Talent List by id, or by name or alias in English or
 * Chinese (either script), forgiving case, punctuation, filler words ("experienced", "in", "the"),
 * plurals and small misspellings. Best matches first, each with the versions listing it and, given
 * `at`, whether it is on the version in force then; [] when nothing matches. A profession the data
 * does not hold cannot be found: that does not mean it is not on the list (see the caveats).
 *
 * @example findProfession('actuary', { at: '2019-01-01' })[0] // { id: 'actuaries', inForceAt: true, … }
 */
export function findProfession(query: string, options: FindProfessionOptions = {}): ProfessionMatch[] {
  const list = options.list ?? shippedTalentList();
  const { atMs, limit, minScore } = lookupSettings(options);
  const key = exactKey(query);
  if (!key) return [];
  const han = HAN.test(query);
  const queryWords = han ? [] : fuzzyWords(query);
  const exactId = list.keys.get(key);

  const byId = acrossVersions(
    list.versions,
    (v) => v.professions,
    (p) => p.id,
  );

  const matches: ProfessionMatch[] = [];
  for (const [id, { entry, versions }] of byId) {
    const exact = exactId === id;
    let score = exact ? 1 : 0;
    if (!exact) {
      const forms = new Set<string>([id.replace(/-/g, ' '), ...versions.flatMap(formsOf(id))]);
      for (const form of forms) {
        if (HAN.test(form) !== han) continue;
        score = Math.max(
          score,
          han ? hanScore(key, exactKey(form)) : wordsScore(queryWords, fuzzyWords(form), GENERIC),
        );
      }
      score = Math.min(score, 0.99);
    }
    if (score < minScore) continue;
    const addedIn = list.addedIn.get(id) ?? null;
    const match: ProfessionMatch = {
      id,
      name: entry.name,
      chineseNamePublished: entry.chineseNamePublished,
      segment: entry.segment,
      score: Math.round(score * 1000) / 1000,
      exact,
      lists: versions.map((v) => ({
        versionId: v.id,
        from: v.from,
        to: v.to,
        confidence: v.professions.find((p) => p.id === id)?.confidence ?? v.confidence,
        complete: v.complete,
      })),
      addedIn,
      caveats: [...list.caveats],
    };
    if (match.lists.some((l) => l.confidence === 'secondary'))
      match.caveats.push(
        caveat(
          'reported-name',
          '⚠️ This profession is named by press reports, not by an official text held here; its official title may differ.',
          '⚠️ 此專業見於新聞報道，並非此處所持的官方文本；官方名稱可能不同。',
          '⚠️ 此专业见于新闻报道，并非此处所持的官方文本；官方名称可能不同。',
        ),
      );
    if (match.lists.some((l) => l.confidence === 'uncertain'))
      match.caveats.push(
        caveat(
          'inferred-listing',
          '⚠️ On at least one version this profession is listed by inference (e.g. carried forward), not because a source names it there.',
          '⚠️ 此專業至少在一個版本中是推斷列入（例如沿用），並非有來源在該版本中列名。',
          '⚠️ 此专业至少在一个版本中是推断列入（例如沿用），并非有来源在该版本中列名。',
        ),
      );
    if (atMs !== undefined) {
      const version = talentListAt(atMs, list);
      const listed = professionListedAt(id, atMs, list);
      match.inForceAt = listed ?? null;
      if (!version) {
        const first = list.versions[0] as TalentListVersion;
        match.caveats.push(
          caveat(
            'before-first-list',
            `There was no Talent List before ${day(first.from)}.`,
            `${day(first.from)} 之前並無人才清單。`,
            `${day(first.from)} 之前并无人才清单。`,
          ),
        );
      } else if (listed === undefined) {
        match.caveats.push(
          caveat(
            'not-held-in-version',
            `⚠️ The version in force from ${day(version.from)} is held only in part (${version.professions.length} of ${version.officialCount} professions) and does not list it, so whether it was on the list then is unknown.`,
            `⚠️ 由 ${day(version.from)} 起生效的版本只收錄了部分專業（${version.officialCount} 個之中的 ${version.professions.length} 個），其中沒有此專業，因此無法判斷當時是否在清單上。`,
            `⚠️ 由 ${day(version.from)} 起生效的版本只收录了部分专业（${version.officialCount} 个之中的 ${version.professions.length} 个），其中没有此专业，因此无法判断当时是否在清单上。`,
          ),
        );
      }
      if (version && version.confidence === 'uncertain' && version.note) {
        match.caveats.push({ code: 'version-uncertain', text: version.note });
      }
    }
    matches.push(match);
  }
  matches.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return matches.slice(0, limit);
}

/** Every name form of a profession on the versions listing it: names in each language and aliases. */
function formsOf(id: string): (v: TalentListVersion) => string[] {
  return (v) => {
    const p = v.professions.find((x) => x.id === id);
    if (!p) return [];
    return p.chineseNamePublished
      ? [p.name.en, p.name['zh-Hant'], p.name['zh-Hans'], ...p.aliases]
      : [p.name.en, ...p.aliases];
  };
}

/**
 * Whether a named profession is on the Talent List version in force at an instant, for the engine
 * (ListLookup.talentListProfession). Only an exact id, name or alias (any language; case, accents and
 * punctuation aside) is recognised: a fuzzy match could be another profession. true: on the version
 * in force; false: a known profession not on that version (e.g. added later), or any profession before
 * the first list; undefined: a name not recognised, or a version held only in part that does not list
 * it — the engine then keeps the person's own answer.
 *
 * @example
 * const onList = talentListProfessionLookup();
 * onList('Accountants', Date.parse('2025-03-01T00:00:00+08:00')); // true
 * onList('Accountants', Date.parse('2025-02-28T23:59:00+08:00')); // false (added on 1 March 2025)
 * onList('Actuaries', Date.parse('2024-01-01T00:00:00+08:00'));   // undefined (2023 list held in part)
 */
export function talentListProfessionLookup(
  list: TalentList = shippedTalentList(),
): (profession: string, atMs: number) => boolean | undefined {
  const first = list.versions[0] as TalentListVersion;
  return (profession, atMs) => {
    if (atMs < first.fromMs) return false;
    const id = list.keys.get(exactKey(profession));
    return id === undefined ? undefined : professionListedAt(id, atMs, list);
  };
}
