import { formatNumber } from '../engine/explain.ts';
import type { MeasureName } from '../engine/measures.ts';
import { measureFacts } from '../engine/measures.ts';
import type { Assessment, CriterionResult } from '../engine/result.ts';
import { measureLabels } from '../i18n/engine-messages.ts';
import { formatPlanMoment, type PlanMessageKey, planMessage } from '../i18n/plan-messages.ts';
import type { Profile } from '../profile/schema.ts';
import type { Lang } from '../rules/schema.ts';
import { type RouteRules, versionAt } from '../rules/types.ts';
import { evaluateAt } from './evaluate.ts';

/**
 * What it would take: a catalogue of levers over profile fields — facts a person can find out,
 * things a person can do — tried on a route one at a time and then in pairs. The catalogue says
 * of each field whether it can change at all; a fact that cannot (age, nationality, place of
 * birth, past records) is never changed, only found out when it is unknown. Nothing here names a
 * route: amounts to reach come from the route's own conditions.
 */

export type SuggestionKind = 'evidence' | 'time' | 'doable';

/** One change to the profile: `set` a value at a dotted path, or `append` an item to an array. */
export interface ProfileChange {
  op: 'set' | 'append';
  /** Dotted path into the profile, array items by position (education.degrees.0.eligibleUniversity). */
  path: string;
  value: unknown;
}

export interface Suggestion {
  kind: SuggestionKind;
  /** The lever ids, for programs (e.g. "find:education.degrees[].eligibleUniversity", "doable:english"). */
  levers: string[];
  changes: ProfileChange[];
  /** The criteria that the changes make met. */
  meets: Array<{ test: string | null; id: string; label: string }>;
  /** The first moment the route is met with the changes, Hong Kong time. */
  from: string;
  description: string;
}

type FieldKind = 'boolean' | 'amount' | 'level';

/**
 * Every leaf field a lever may touch: its kind and whether the person can change it. A field not
 * listed is never touched. Facts about the past (a degree's institution, a job's level) and about
 * the person (birth, nationality, records) are fixed: they can only be found out.
 */
const FIELDS: Record<string, { kind: FieldKind; changeable: boolean }> = {
  'person.mainlandResident': { kind: 'boolean', changeable: false },
  'person.prcPassportAbroad.appliesFromOverseas': { kind: 'boolean', changeable: false },
  'person.prcPassportAbroad.overseasPermanentResidence': { kind: 'boolean', changeable: false },
  'person.prcPassportAbroad.livedOverseasAtLeastOneYear': { kind: 'boolean', changeable: false },
  'character.selfSupporting': { kind: 'boolean', changeable: false },
  'character.criminalRecord': { kind: 'boolean', changeable: false },
  'character.adverseImmigrationRecord': { kind: 'boolean', changeable: false },
  'education.degrees[].level': { kind: 'level', changeable: false },
  'education.degrees[].stem': { kind: 'boolean', changeable: false },
  'education.degrees[].eligibleUniversity': { kind: 'boolean', changeable: false },
  'education.degrees[].renownedInstitution': { kind: 'boolean', changeable: false },
  'education.professionalQualification': { kind: 'boolean', changeable: true },
  'languages.chinese.written': { kind: 'boolean', changeable: true },
  'languages.chinese.putonghua': { kind: 'boolean', changeable: true },
  'languages.chinese.cantonese': { kind: 'boolean', changeable: true },
  'languages.english.written': { kind: 'boolean', changeable: true },
  'languages.english.spoken': { kind: 'boolean', changeable: true },
  'languages.others[].written': { kind: 'boolean', changeable: true },
  'languages.others[].spoken': { kind: 'boolean', changeable: true },
  'work.periods[].graduateLevel': { kind: 'boolean', changeable: false },
  'work.periods[].seniorRole': { kind: 'boolean', changeable: false },
  'work.periods[].multinationalOrRenowned': { kind: 'boolean', changeable: false },
  'work.periods[].international': { kind: 'boolean', changeable: false },
  'income.lastYearHKD': { kind: 'amount', changeable: true },
  'business.ownsBusiness': { kind: 'boolean', changeable: false },
  'business.businessProfitLastYearHKD': { kind: 'amount', changeable: false },
  'business.ownsListedCompany': { kind: 'boolean', changeable: false },
  'achievements.exceptionalAward': { kind: 'boolean', changeable: false },
  'achievements.peerRecognition': { kind: 'boolean', changeable: false },
  'family.hkPermanentResidentInHongKong': { kind: 'boolean', changeable: false },
  'family.parentChinesePermanentResidentSettledOverseas': { kind: 'boolean', changeable: false },
  'jobOffer.relevantToQualifications': { kind: 'boolean', changeable: true },
  'jobOffer.degreeLevelPost': { kind: 'boolean', changeable: true },
  'jobOffer.annualSalaryHKD': { kind: 'amount', changeable: true },
  'jobOffer.marketLevelPay': { kind: 'boolean', changeable: true },
  'jobOffer.cannotBeFilledLocally': { kind: 'boolean', changeable: false },
  'jobOffer.employerHasTechTasQuota': { kind: 'boolean', changeable: false },
  'jobOffer.researchAndDevelopment': { kind: 'boolean', changeable: false },
  'investment.netAssetsHKD': { kind: 'amount', changeable: false },
  'investment.plannedInvestmentHKD': { kind: 'amount', changeable: true },
  'sponsor.canSupportAndAccommodate': { kind: 'boolean', changeable: false },
  'sponsor.applicantUnmarried': { kind: 'boolean', changeable: false },
  'dependants[].mainlandResident': { kind: 'boolean', changeable: false },
  'dependants[].married': { kind: 'boolean', changeable: false },
  'dependants[].hasDegree': { kind: 'boolean', changeable: false },
};

/** Whether a lever may change a field the person already answered (schema path, items as []). */
export function isChangeable(field: string): boolean {
  return FIELDS[field]?.changeable === true;
}

/** The schema path of a dotted path: array positions become []. */
export function schemaPath(path: string): string {
  return path.replace(/\.\d+(?=\.|$)/g, '[]');
}

interface Lever {
  id: string;
  kind: 'evidence' | 'doable';
  changes: ProfileChange[];
  action: string;
}

function getPath(doc: unknown, path: string): unknown {
  let node = doc;
  for (const seg of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

/** The profile with the changes made (a copy; the profile given is not touched). */
export function applyChanges(profile: Profile, changes: readonly ProfileChange[]): Profile {
  const copy = structuredClone(profile) as unknown as Record<string, unknown>;
  for (const change of changes) {
    const segments = change.path.split('.');
    const last = segments.pop() as string;
    let node: unknown = copy;
    for (const seg of segments) node = (node as Record<string, unknown>)[seg];
    const parent = node as Record<string, unknown>;
    if (change.op === 'append') {
      const list = parent[last];
      parent[last] = [...(Array.isArray(list) ? list : []), structuredClone(change.value)];
    } else {
      parent[last] = structuredClone(change.value);
    }
  }
  return copy as unknown as Profile;
}

/** Every leaf of the profile set to "unknown", as dotted paths. */
function unknownLeaves(doc: unknown, prefix: string, into: string[]): void {
  if (Array.isArray(doc)) {
    doc.forEach((item, i) => {
      unknownLeaves(item, prefix ? `${prefix}.${i}` : String(i), into);
    });
  } else if (doc !== null && typeof doc === 'object') {
    for (const [key, value] of Object.entries(doc))
      unknownLeaves(value, prefix ? `${prefix}.${key}` : key, into);
  } else if (doc === 'unknown') {
    into.push(prefix);
  }
}

/** Number thresholds the route's rules in force compare each amount field with. */
function amountsOf(rules: RouteRules, atMs: number): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.measure === 'string' && typeof o.value === 'number' && typeof o.op === 'string') {
      const value = o.op === '>' ? o.value + 1 : o.value;
      if (o.op === '>=' || o.op === '>' || o.op === '==') {
        for (const field of measureFacts[o.measure as MeasureName] ?? []) {
          if (FIELDS[field]?.kind !== 'amount') continue;
          const list = found.get(field) ?? [];
          if (!list.includes(value)) list.push(value);
          found.set(field, list);
        }
      }
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(versionAt(rules.prerequisites, atMs));
  for (const t of rules.tests) walk(versionAt(t.versions, atMs));
  for (const list of found.values()) list.sort((a, b) => a - b);
  return found;
}

/** The label of the measure that reads a field, for "find out …" sentences. */
function measureOfField(field: string): MeasureName | undefined {
  for (const [measure, fields] of Object.entries(measureFacts))
    if (fields.includes(field) && fields.length === 1) return measure as MeasureName;
  for (const [measure, fields] of Object.entries(measureFacts))
    if (fields.includes(field)) return measure as MeasureName;
  return undefined;
}

/** The words for a fact the person can find out: its measure's label, and whose it is. */
function factWords(lang: Lang, path: string, field: string): string {
  const measure = measureOfField(field) ?? measureOfField(field.split('.').slice(0, 1).join('.'));
  const name = measure ? measureLabels[measure][lang] : field;
  const index = /\.(\d+)\./.exec(path);
  const n = index ? Number(index[1]) + 1 : 0;
  if (field.startsWith('education.degrees[]'))
    return planMessage(lang, 'lever.factOfDegree', { measure: name, n });
  if (field.startsWith('work.periods[]'))
    return planMessage(lang, 'lever.factOfPeriod', { measure: name, n });
  if (field.startsWith('dependants[]'))
    return planMessage(lang, 'lever.factOfDependant', { measure: name, n });
  return planMessage(lang, 'lever.fact', { measure: name });
}

function hkd(lang: Lang, n: number): string {
  return lang === 'en' ? `HK$${formatNumber(lang, n)}` : `港幣 ${formatNumber(lang, n)} 元`;
}

/** The fields behind criteria that are not met or not known: the only ones worth a lever. */
function openFields(a: Assessment): Set<string> {
  const fields = new Set<string>();
  const add = (c: CriterionResult) => {
    if (c.outcome === 'met') return;
    for (const f of c.facts) for (const field of f.fields) fields.add(field);
  };
  for (const c of a.prerequisites) add(c);
  for (const t of a.tests) for (const c of t.criteria) add(c);
  return fields;
}

/** Whether a schema path is read by a criterion, directly or through its parent object. */
function isRead(field: string, open: ReadonlySet<string>): boolean {
  if (open.has(field)) return true;
  const parts = field.split('.');
  for (let i = parts.length - 1; i > 0; i--) if (open.has(parts.slice(0, i).join('.'))) return true;
  return false;
}

function leversFor(profile: Profile, rules: RouteRules, a: Assessment, atMs: number, lang: Lang): Lever[] {
  const open = openFields(a);
  const amounts = amountsOf(rules, atMs);
  const levers: Lever[] = [];
  const unknown: string[] = [];
  unknownLeaves(profile, '', unknown);
  for (const path of unknown) {
    const field = schemaPath(path);
    const spec = FIELDS[field];
    if (!spec || !isRead(field, open)) continue;
    const fact = factWords(lang, path, field);
    if (spec.kind === 'boolean') {
      for (const value of [true, false]) {
        levers.push({
          id: `find:${field}=${value}`,
          kind: 'evidence',
          changes: [{ op: 'set', path, value }],
          action: planMessage(lang, value ? 'lever.findYes' : 'lever.findNo', { fact }),
        });
      }
    } else if (spec.kind === 'amount') {
      for (const value of amounts.get(field) ?? []) {
        levers.push({
          id: `find:${field}>=${value}`,
          kind: 'evidence',
          changes: [{ op: 'set', path, value }],
          action: planMessage(lang, 'lever.findAtLeast', { fact, amount: hkd(lang, value) }),
        });
      }
    } else {
      for (const value of ['bachelor', 'master', 'doctorate'] as const) {
        levers.push({
          id: `find:${field}=${value}`,
          kind: 'evidence',
          changes: [{ op: 'set', path, value }],
          action: planMessage(lang, 'lever.findLevel', { fact, level: planMessage(lang, `level.${value}`) }),
        });
      }
    }
  }
  const doable = (id: string, key: PlanMessageKey, changes: ProfileChange[], params = {}) => {
    const fields = changes.map((c) => schemaPath(c.path));
    if (!fields.some((f) => isRead(f, open) || open.has(f.split('.')[0] as string))) return;
    // A change that sets nothing new is not a lever.
    if (changes.every((c) => c.op === 'set' && getPath(profile, c.path) === c.value)) return;
    levers.push({ id: `doable:${id}`, kind: 'doable', changes, action: planMessage(lang, key, params) });
  };
  const { english, chinese } = profile.languages;
  if (english.written !== true || english.spoken !== true) {
    doable('english', 'lever.english', [
      { op: 'set', path: 'languages.english.written', value: true },
      { op: 'set', path: 'languages.english.spoken', value: true },
    ]);
  }
  if (chinese.written !== true || (chinese.putonghua !== true && chinese.cantonese !== true)) {
    doable('chinese', 'lever.chinese', [
      { op: 'set', path: 'languages.chinese.written', value: true },
      { op: 'set', path: 'languages.chinese.putonghua', value: true },
    ]);
  }
  if (profile.education.professionalQualification !== true) {
    doable('professional', 'lever.professional', [
      { op: 'set', path: 'education.professionalQualification', value: true },
    ]);
  }
  const degrees = profile.education.degrees;
  for (const level of ['bachelor', 'master', 'doctorate'] as const) {
    const degree = {
      level,
      institution: 'unknown',
      subject: 'unknown',
      stem: 'unknown',
      eligibleUniversity: true,
      renownedInstitution: 'unknown',
      yearAwarded: 'unknown',
      graduationDate: 'unknown',
      hongKongProgramme: 'none',
    };
    const changes: ProfileChange[] =
      degrees === 'unknown'
        ? [{ op: 'set', path: 'education.degrees', value: [degree] }]
        : [{ op: 'append', path: 'education.degrees', value: degree }];
    if (open.has('education.degrees[].level') || open.has('education.degrees[].eligibleUniversity'))
      levers.push({
        id: `doable:degree-${level}`,
        kind: 'doable',
        changes,
        action: planMessage(lang, `lever.degree.${level}`),
      });
  }
  const offer = profile.jobOffer;
  if (
    open.has('jobOffer') ||
    open.has('jobOffer.relevantToQualifications') ||
    open.has('jobOffer.degreeLevelPost')
  ) {
    const salaries = amounts.get('jobOffer.annualSalaryHKD') ?? [];
    const base = offer !== 'unknown' && offer !== 'none' ? offer : undefined;
    const value = {
      relevantToQualifications: true,
      degreeLevelPost: true,
      annualSalaryHKD: base?.annualSalaryHKD ?? (salaries.length > 0 ? (salaries[0] as number) : 'unknown'),
      marketLevelPay: true,
      cannotBeFilledLocally: base?.cannotBeFilledLocally ?? 'unknown',
      employerHasTechTasQuota: base?.employerHasTechTasQuota ?? 'unknown',
      researchAndDevelopment: base?.researchAndDevelopment ?? 'unknown',
      technologyArea: base?.technologyArea ?? 'unknown',
    };
    if (
      base?.relevantToQualifications !== true ||
      base.degreeLevelPost !== true ||
      base.marketLevelPay !== true
    )
      levers.push({
        id: 'doable:job-offer',
        kind: 'doable',
        changes: [{ op: 'set', path: 'jobOffer', value }],
        action: planMessage(lang, 'lever.jobOffer'),
      });
  }
  for (const [field, values] of amounts) {
    if (!FIELDS[field]?.changeable || field.includes('[]')) continue;
    const current = getPath(profile, field);
    if (typeof current !== 'number') continue;
    const measure = measureOfField(field);
    for (const value of values) {
      if (value <= current) continue;
      levers.push({
        id: `doable:${field}>=${value}`,
        kind: 'doable',
        changes: [{ op: 'set', path: field, value }],
        action: planMessage(lang, 'lever.amount', {
          amount: hkd(lang, value),
          measure: measure ? measureLabels[measure][lang] : field,
        }),
      });
      break;
    }
  }
  return levers;
}

function metCriteria(a: Assessment): Map<string, { test: string | null; id: string; label: string }> {
  const met = new Map<string, { test: string | null; id: string; label: string }>();
  for (const c of a.prerequisites)
    if (c.outcome === 'met') met.set(`p:${c.id}`, { test: null, id: c.id, label: c.label });
  for (const t of a.tests)
    for (const c of t.criteria)
      if (c.outcome === 'met') met.set(`${t.test}:${c.id}`, { test: t.test, id: c.id, label: c.label });
  return met;
}

function describe(
  lang: Lang,
  action: string,
  meets: Array<{ label: string }>,
  fromMs: number,
  startMs: number,
): string {
  const criteria = meets
    .map((m) => (lang === 'en' ? `“${m.label}”` : `「${m.label}」`))
    .join(lang === 'en' ? ', ' : '、');
  const date = formatPlanMoment(lang, fromMs);
  const later = fromMs > startMs;
  const outcome =
    meets.length === 0
      ? planMessage(lang, later ? 'suggest.outcomeNoCriteriaFrom' : 'suggest.outcomeNoCriteria', { date })
      : planMessage(lang, later ? 'suggest.outcomeFrom' : 'suggest.outcome', { criteria, date });
  return planMessage(lang, 'suggest.sentence', { action, outcome });
}

const KIND_ORDER: Record<SuggestionKind, number> = { evidence: 0, time: 1, doable: 2 };
/** How many levers that help on their own go on to be tried in pairs: 45 pairs at most. */
const PAIR_POOL = 10;

/**
 * The smallest sets of changes (one, then two) that make the route eligible at one of the given
 * moments (the plan's start and each later window start), earliest moment first.
 */
export function suggestionsFor(
  profile: Profile,
  rules: RouteRules,
  base: Assessment,
  moments: readonly number[],
  lang: Lang,
): Suggestion[] {
  const startMs = moments[0] as number;
  const levers = leversFor(profile, rules, base, startMs, lang);
  const baseMet = metCriteria(base);
  const baseMetCount = baseMet.size;
  const found: Suggestion[] = [];
  const helpful: Lever[] = [];

  const firstEligible = (applied: Profile): { ms: number; a: Assessment } | undefined => {
    for (const ms of moments) {
      const e = evaluateAt(applied, rules, ms, lang);
      if (e.kind === 'assessed' && e.assessment.status === 'eligible') return { ms, a: e.assessment };
    }
    return undefined;
  };
  const suggestion = (set: Lever[], hit: { ms: number; a: Assessment }): Suggestion => {
    const after = metCriteria(hit.a);
    const meets = [...after].filter(([k]) => !baseMet.has(k)).map(([, v]) => v);
    const action =
      set.length === 1
        ? (set[0] as Lever).action
        : planMessage(lang, 'suggest.pair', { a: (set[0] as Lever).action, b: (set[1] as Lever).action });
    return {
      kind: set.some((l) => l.kind === 'doable') ? 'doable' : 'evidence',
      levers: set.map((l) => l.id),
      changes: set.flatMap((l) => l.changes),
      meets,
      from: formatHongKongMs(hit.ms),
      description: describe(lang, action, meets, hit.ms, startMs),
    };
  };

  for (const lever of levers) {
    const applied = applyChanges(profile, lever.changes);
    const hit = firstEligible(applied);
    if (hit) {
      found.push(suggestion([lever], hit));
      continue;
    }
    const e = evaluateAt(applied, rules, startMs, lang);
    if (
      e.kind === 'assessed' &&
      (metCriteria(e.assessment).size > baseMetCount || e.assessment.status !== base.status)
    )
      helpful.push(lever);
  }
  const pool = helpful.slice(0, PAIR_POOL);
  for (let i = 0; i < pool.length; i++) {
    for (let j = i + 1; j < pool.length; j++) {
      const a = pool[i] as Lever;
      const b = pool[j] as Lever;
      // Two answers to the same question cannot both hold.
      if (a.changes.some((ca) => b.changes.some((cb) => ca.path === cb.path && ca.op === 'set'))) continue;
      const hit = firstEligible(applyChanges(profile, [...a.changes, ...b.changes]));
      if (hit) found.push(suggestion([a, b], hit));
    }
  }
  return found.sort(
    (x, y) =>
      KIND_ORDER[x.kind] - KIND_ORDER[y.kind] ||
      x.levers.length - y.levers.length ||
      Date.parse(x.from) - Date.parse(y.from),
  );
}

function formatHongKongMs(ms: number): string {
  const local = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
}
