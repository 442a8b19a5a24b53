import type { Dependant, Profile } from '../profile/schema.ts';
import type {
  Criterion,
  Factor,
  Lang,
  PointsLine,
  SourceRef,
  StayPlan,
  TestVersion,
} from '../rules/schema.ts';
import { type Dated, type RouteRules, type TestRules, versionAt } from '../rules/types.ts';
import { compiled, evaluate, Facts, type Outcome } from './conditions.ts';
import {
  addSources,
  cite,
  completeMessage,
  type FactReader,
  factRead,
  factReader,
  factsRead,
  joinFacts,
  localize,
  measuresRead,
  message,
  partialMessage,
  uncertainRuleWarning,
} from './explain.ts';
import type { CategoryName, MeasureName } from './measures.ts';
import { notOpenYet } from './not-open.ts';
import type {
  Assessment,
  Citation,
  CitedSource,
  CriterionResult,
  DependantResult,
  Fees,
  NextStep,
  Range,
  RuleVersionUsed,
  Score,
  Status,
  Stay,
  TestResult,
  Warning,
} from './result.ts';
import { ageOn, formatHongKong, hongKongDate, parseInstant } from './time.ts';

export interface AssessOptions {
  /** Language of labels and explanations; English by default. */
  lang?: Lang;
  /** Which of the route's tests to assess; all of them by default. */
  tests?: readonly string[];
}

/** Raised when the submission moment is not an ISO date-time with an offset. */
export class InvalidMomentError extends Error {
  constructor(readonly value: string) {
    super(`Not an ISO 8601 date-time with an offset: "${value}"`);
    this.name = 'InvalidMomentError';
  }
}

/** Raised when the route (or one of its parts) had no rules yet at the submission moment. */
export class RulesNotInForceError extends Error {
  constructor(
    readonly routeId: string,
    readonly part: string,
    readonly at: string,
    readonly earliest: string,
  ) {
    super(`${routeId} had no ${part} rules in force at ${at}; the earliest start at ${earliest}`);
    this.name = 'RulesNotInForceError';
  }
}

/** Raised when a requested test is not one of the route's tests. */
export class UnknownTestError extends Error {
  constructor(
    readonly test: string,
    readonly known: readonly string[],
  ) {
    super(`Unknown test "${test}"; expected one of ${known.join(', ')}`);
    this.name = 'UnknownTestError';
  }
}

interface Context {
  rules: RouteRules;
  facts: Facts;
  lang: Lang;
  /** The submission moment; written out (formatHongKong) only where an output shows it. */
  atMs: number;
  /**
   * Uncertain rules used, by id: the name to show and the note saying what is uncertain. Only
   * collected for a full assessment, which warns of them: assessTest has no warnings to write.
   */
  uncertain: Map<string, { name: string; note: string | undefined }> | undefined;
  /** Computed once, on first use: by the family points lines or by the full assessment. */
  dependants?: DependantResult[];
}

function required<T extends { from: string }>(
  ctx: Context,
  versions: ReadonlyArray<Dated<T>>,
  part: string,
): Dated<T> {
  const version = versionAt(versions, ctx.atMs);
  if (!version) {
    const earliest = versions[0]?.from ?? 'never';
    throw new RulesNotInForceError(ctx.rules.route.id, part, formatHongKong(ctx.atMs), earliest);
  }
  return version;
}

function used(
  ctx: Context,
  part: string,
  v: Dated<{ id: string; from: string; confidence: RuleVersionUsed['confidence']; sources: SourceRef[] }> & {
    note?: { en: string; 'zh-Hant': string; 'zh-Hans': string } | undefined;
  },
): RuleVersionUsed {
  if (v.confidence === 'uncertain') noteUncertain(ctx, v.id, `${v.id}, ${v.from.slice(0, 10)}`, v.note);
  return {
    part,
    id: v.id,
    file: v.file,
    from: v.from,
    to: v.to,
    confidence: v.confidence,
    sources: versionCitations(v, ctx.rules),
  };
}

const versionCitationCache = new WeakMap<object, Citation[]>();

/**
 * A rule version's citations: an array of its own, one per (frozen) version object, even if two
 * versions shared their list of references. The array then stands for the version itself, which
 * is how sourcesCited() finds the sources of a set of versions again.
 */
function versionCitations(v: { sources: readonly SourceRef[] }, rules: RouteRules): Citation[] {
  let citations = versionCitationCache.get(v);
  if (!citations) {
    citations = [...cite(v.sources, rules)];
    versionCitationCache.set(v, citations);
  }
  return citations;
}

function noteUncertain(
  ctx: Context,
  id: string,
  name: string,
  note: { en: string; 'zh-Hant': string; 'zh-Hans': string } | undefined,
) {
  if (ctx.uncertain && !ctx.uncertain.has(id))
    ctx.uncertain.set(id, { name, note: note ? localize(note, ctx.lang) : undefined });
}

/**
 * What showing one criterion needs that does not depend on the applicant: its label and note, the
 * explanation for each outcome with the label filled in, its compiled condition, the reader of its
 * facts and its citations. Rule objects are frozen and live as long as the process, so this is
 * worked out once per list of criteria and language — one lookup per test or prerequisites
 * version — instead of for every criterion of every assessment.
 */
interface CriterionPlan {
  criterion: Criterion;
  label: string;
  note: string | undefined;
  explanation: Readonly<Record<Outcome, readonly string[]>>;
  outcome: (facts: Facts) => Outcome;
  read: FactReader;
  sources: Citation[];
}

const planCache = new WeakMap<readonly Criterion[], Partial<Record<Lang, CriterionPlan[]>>>();

function criterionPlans(ctx: Context, criteria: readonly Criterion[]): CriterionPlan[] {
  let byLang = planCache.get(criteria);
  if (!byLang) {
    byLang = {};
    planCache.set(criteria, byLang);
  }
  let plans = byLang[ctx.lang];
  if (!plans) {
    const lang = ctx.lang;
    plans = criteria.map((criterion) => {
      const label = localize(criterion.label, lang);
      return {
        criterion,
        label,
        note: criterion.note ? localize(criterion.note, lang) : undefined,
        explanation: {
          met: partialMessage(lang, 'explain.met', { label }),
          not_met: partialMessage(lang, 'explain.not_met', { label }),
          unknown: partialMessage(lang, 'explain.unknown', { label }),
        },
        outcome: compiled(criterion.when),
        read: factReader(criterion.when, lang),
        sources: cite(criterion.sources, ctx.rules),
      };
    });
    byLang[ctx.lang] = plans;
  }
  return plans;
}

/** Every criterion of a list, explained. */
function criteriaResults(ctx: Context, criteria: readonly Criterion[]): CriterionResult[] {
  const plans = criterionPlans(ctx, criteria);
  const results: CriterionResult[] = new Array(plans.length);
  for (let i = 0; i < plans.length; i++) results[i] = criterionResult(ctx, plans[i] as CriterionPlan);
  return results;
}

function criterionResult(ctx: Context, plan: CriterionPlan): CriterionResult {
  const { criterion } = plan;
  const outcome = plan.outcome(ctx.facts);
  const reads = plan.read(ctx.facts);
  if (criterion.confidence === 'uncertain') noteUncertain(ctx, criterion.id, plan.label, criterion.note);
  // message(lang, `explain.${outcome}`, { facts, label }), from the template filled once.
  const explanation = completeMessage(plan.explanation[outcome], 'facts', joinFacts(reads, ctx.lang));
  const { id, confidence } = criterion;
  const { label, sources, note } = plan;
  // Written whole, with or without the note, rather than adding the note afterwards: an added
  // property costs an object of its own. The keys are in the same order either way.
  return note === undefined
    ? { id, label, outcome, facts: reads, explanation, sources, confidence }
    : { id, label, outcome, facts: reads, explanation, sources, confidence, note };
}

interface LineScore extends Range {
  outcome: Outcome;
}

function lineScore(ctx: Context, line: PointsLine): LineScore {
  if ('points' in line) {
    const outcome = evaluate(line.when, ctx.facts);
    if (outcome === 'met') return { min: line.points, max: line.points, outcome };
    if (outcome === 'not_met') return { min: 0, max: 0, outcome };
    return { min: 0, max: line.points, outcome };
  }
  const units = ctx.facts.get(line.perUnitOf);
  const min = Math.min(units.lo * line.pointsPerUnit, line.maxPoints);
  const max = Math.min(units.hi * line.pointsPerUnit, line.maxPoints);
  return { min, max, outcome: min === max ? (min > 0 ? 'met' : 'not_met') : 'unknown' };
}

function lineReads(line: PointsLine): Array<MeasureName | CategoryName> {
  return 'points' in line ? measuresRead(line.when) : [line.perUnitOf];
}

function factorResult(ctx: Context, factor: Factor): CriterionResult {
  const reads: Array<MeasureName | CategoryName> = [];
  const matched: string[] = [];
  // Bands are listed highest first and the first that holds scores; while an earlier band is
  // unknown, any later band that could hold is a possible score too.
  let bandMin = Number.POSITIVE_INFINITY;
  let bandMax = 0;
  let settled = false;
  for (const band of factor.bands) {
    for (const m of lineReads(band)) if (!reads.includes(m)) reads.push(m);
    const s = lineScore(ctx, band);
    if (s.outcome === 'not_met') continue;
    bandMin = Math.min(bandMin, s.min);
    bandMax = Math.max(bandMax, s.max);
    if (s.outcome === 'met') {
      if (bandMin === bandMax) matched.push(localize(band.label, ctx.lang));
      settled = true;
      break;
    }
  }
  if (!settled) bandMin = 0;
  let min = bandMin;
  let max = bandMax;
  for (const bonus of factor.bonuses) {
    for (const m of lineReads(bonus)) if (!reads.includes(m)) reads.push(m);
    const s = lineScore(ctx, bonus);
    min += s.min;
    max += s.max;
    if (s.outcome === 'met') matched.push(localize(bonus.label, ctx.lang));
  }
  const capped = max > factor.cap;
  min = Math.min(min, factor.cap);
  max = Math.min(max, factor.cap);

  const label = localize(factor.label, ctx.lang);
  const factList = factsRead(reads, ctx.facts, ctx.lang);
  const factText = joinFacts(factList, ctx.lang);
  let explanation: string;
  let outcome: Outcome;
  if (min !== max) {
    outcome = 'unknown';
    explanation = message(ctx.lang, 'explain.pointsRange', { lo: min, hi: max, facts: factText });
  } else if (max === 0) {
    outcome = 'not_met';
    explanation = message(ctx.lang, 'explain.pointsNone', { facts: factText, label });
  } else {
    outcome = 'met';
    explanation = message(ctx.lang, 'explain.points', {
      points: max,
      facts: factText,
      line: matched.join('” + “'),
    });
    if (capped) explanation += message(ctx.lang, 'explain.pointsCapped', { cap: factor.cap });
  }
  if (factor.confidence === 'uncertain') noteUncertain(ctx, factor.id, label, factor.note);
  const result: CriterionResult = {
    id: factor.id,
    label,
    outcome,
    facts: factList,
    points: {
      min,
      max,
      cap: factor.cap,
      line: min === max && matched.length > 0 ? matched.join(' + ') : null,
    },
    explanation,
    sources: cite(factor.sources, ctx.rules),
    confidence: factor.confidence,
  };
  if (factor.note) result.note = localize(factor.note, ctx.lang);
  return result;
}

function scoreTest(version: TestVersion, criteria: CriterionResult[]): { score: Score; status: Status } {
  if (version.scoring.kind === 'points') {
    let min = 0;
    let max = 0;
    for (const c of criteria) {
      min += c.points?.min ?? 0;
      max += c.points?.max ?? 0;
    }
    const { passMark, maximum } = version.scoring;
    const status: Status = min >= passMark ? 'eligible' : max < passMark ? 'not_eligible' : 'undetermined';
    return { score: { kind: 'points', points: { min, max }, passMark, maximum }, status };
  }
  let met = 0;
  let unknown = 0;
  for (const c of criteria) {
    if (c.outcome === 'met') met++;
    else if (c.outcome === 'unknown') unknown++;
  }
  const range = { min: met, max: met + unknown };
  if (version.scoring.kind === 'count') {
    const { threshold } = version.scoring;
    const status: Status =
      met >= threshold ? 'eligible' : met + unknown < threshold ? 'not_eligible' : 'undetermined';
    return { score: { kind: 'count', met: range, threshold, of: criteria.length }, status };
  }
  const status: Status = met > 0 ? 'eligible' : unknown > 0 ? 'undetermined' : 'not_eligible';
  return {
    score: { kind: 'any', met: range, of: criteria.length, fullMarks: version.scoring.fullMarks ?? null },
    status,
  };
}

/** The fields behind the facts still unknown in undecided criteria: the ones worth finding out. */
function decidingFields(criteria: readonly CriterionResult[]): string[] {
  const fields: string[] = [];
  for (const c of criteria) {
    if (c.outcome !== 'unknown') continue;
    for (const f of c.facts) {
      const known = f.value !== null && (typeof f.value === 'string' || f.value.min === f.value.max);
      if (known) continue;
      for (const field of f.fields) if (!fields.includes(field)) fields.push(field);
    }
  }
  return fields;
}

function assessOneTest(ctx: Context, test: TestRules): TestResult {
  const part = `test:${test.id}`;
  const version = required(ctx, test.versions, part);
  const criteria =
    'factors' in version
      ? version.factors.map((f) => factorResult(ctx, f))
      : criteriaResults(ctx, version.criteria);
  const { score, status } = scoreTest(version, criteria);
  return {
    test: test.id,
    name: localize(test.name, ctx.lang),
    version: used(ctx, part, version),
    status,
    score,
    criteria,
    deciding: status === 'undetermined' ? decidingFields(criteria) : [],
  };
}

function context(
  profile: Profile,
  rules: RouteRules,
  submittedAt: string,
  lang: Lang,
  warnings: boolean,
): Context {
  const atMs = parseInstant(submittedAt);
  if (atMs === undefined) throw new InvalidMomentError(submittedAt);
  const lists = rules.lists;
  const ctx: Context = {
    rules,
    facts: new Facts(
      profile,
      hongKongDate(atMs),
      (index) => {
        const outcome = dependantResults(ctx)[index]?.outcome ?? 'not_met';
        return outcome === 'met'
          ? { lo: 1, hi: 1 }
          : outcome === 'not_met'
            ? { lo: 0, hi: 0 }
            : { lo: 0, hi: 1 };
      },
      lists && {
        eligibleUniversity: (name) => lists.eligibleUniversity(name, atMs),
        talentListProfession: (profession) => lists.talentListProfession(profession, atMs),
      },
    ),
    lang,
    atMs,
    uncertain: warnings ? new Map() : undefined,
  };
  return ctx;
}

function selectTests(rules: RouteRules, wanted: readonly string[] | undefined): TestRules[] {
  if (!wanted) return [...rules.tests];
  // Plain loops rather than map() and find() with closures: assessTest comes through here each time.
  const tests: TestRules[] = [];
  for (const id of wanted) {
    let test: TestRules | undefined;
    for (const t of rules.tests) {
      if (t.id === id) {
        test = t;
        break;
      }
    }
    if (!test)
      throw new UnknownTestError(
        id,
        rules.tests.map((t) => t.id),
      );
    tests.push(test);
  }
  return tests;
}

/**
 * One test of a route, explained criterion by criterion: the core of an assessment, without
 * fees, stay or steps.
 *
 * @example assessTest(profile, rules, '2025-03-01T10:00:00+08:00', 'gpt').status // 'eligible'
 */
export function assessTest(
  profile: Profile,
  rules: RouteRules,
  submittedAt: string,
  testId: string,
  lang: Lang = 'en',
): TestResult {
  const ctx = context(profile, rules, submittedAt, lang, false);
  return assessOneTest(ctx, selectTests(rules, [testId])[0] as TestRules);
}

function exclusionResult(ctx: Context): CriterionResult {
  const version = required(ctx, ctx.rules.exclusions, 'exclusions');
  const nationality = ctx.facts.category('nationality');
  const list =
    version.nationalities.length > 0 ? version.nationalities.join(', ') : message(ctx.lang, 'exclusion.none');
  const none = version.nationalities.length === 0;
  const outcome: Outcome = none
    ? 'met'
    : nationality === undefined
      ? 'unknown'
      : version.nationalities.includes(nationality)
        ? 'not_met'
        : 'met';
  return {
    id: 'nationality-not-excluded',
    label: message(ctx.lang, 'exclusion.label'),
    outcome,
    facts: [factRead('nationality', ctx.facts, ctx.lang)],
    explanation: none
      ? message(ctx.lang, 'exclusion.noneExcluded')
      : message(ctx.lang, `exclusion.${outcome}`, { nationality: nationality ?? '', list }),
    sources: cite(version.sources, ctx.rules),
    confidence: version.confidence,
    ...(version.note ? { note: localize(version.note, ctx.lang) } : {}),
  };
}

function allOf(outcomes: readonly Outcome[]): Outcome {
  let result: Outcome = 'met';
  for (const o of outcomes) {
    if (o === 'not_met') return 'not_met';
    if (o === 'unknown') result = 'unknown';
  }
  return result;
}

function dependantResults(ctx: Context): DependantResult[] {
  if (ctx.dependants) return ctx.dependants;
  const dependants = ctx.facts.profile.dependants;
  if (dependants === 'unknown' || dependants.length === 0) {
    ctx.dependants = [];
  } else {
    const rules = required(ctx, ctx.rules.dependants, 'dependants');
    ctx.dependants = dependants.map((d, i) => dependantResult(ctx, rules, d, i + 1));
  }
  return ctx.dependants;
}

function dependantResult(
  ctx: Context,
  rules: Dated<RouteRules['dependants'][number]>,
  d: Dependant,
  index: number,
): DependantResult {
  const { lang } = ctx;
  const relation = message(lang, `relation.${d.relation}`);
  const reasons: string[] = [];
  const outcomes: Outcome[] = [];
  const fail = (o: Outcome, reason: string) => {
    outcomes.push(o);
    reasons.push(reason);
  };
  if (!rules.relations.includes(d.relation))
    fail('not_met', message(lang, 'dependant.relation', { relation }));
  if (d.relation === 'child') {
    if (d.dateOfBirth === 'unknown') {
      fail('unknown', message(lang, 'dependant.childAgeUnknown', { age: rules.childUnderAge }));
    } else {
      const age = ageOn(d.dateOfBirth, ctx.facts.on);
      if (age >= rules.childUnderAge)
        fail('not_met', message(lang, 'dependant.childAge', { age: rules.childUnderAge, actual: age }));
    }
    if (rules.childMustBeUnmarried && d.married !== false) {
      fail(
        d.married === 'unknown' ? 'unknown' : 'not_met',
        message(lang, d.married === 'unknown' ? 'dependant.childMarriedUnknown' : 'dependant.childMarried'),
      );
    }
  }
  const list = rules.excludedNationalities.join(', ');
  if (d.nationality === 'unknown') {
    if (rules.excludedNationalities.length > 0)
      fail('unknown', message(lang, 'dependant.nationalityUnknown', { list }));
  } else if (rules.excludedNationalities.includes(d.nationality)) {
    fail('not_met', message(lang, 'dependant.nationality', { nationality: d.nationality }));
  }
  if (!rules.mainlandResidentsAllowed && d.mainlandResident !== false) {
    fail(d.mainlandResident === 'unknown' ? 'unknown' : 'not_met', message(lang, 'dependant.mainland'));
  }
  const outcome = allOf(outcomes);
  return {
    index,
    relation: d.relation,
    outcome,
    reasons: outcome === 'met' ? [message(lang, 'dependant.qualifies')] : reasons,
  };
}

function combine(prerequisites: Outcome, tests: Status): Status {
  if (prerequisites === 'not_met' || tests === 'not_eligible') return 'not_eligible';
  if (prerequisites === 'met' && tests === 'eligible') return 'eligible';
  return 'undetermined';
}

function bestOfTests(results: readonly TestResult[]): Status {
  if (results.some((t) => t.status === 'eligible')) return 'eligible';
  if (results.some((t) => t.status === 'undetermined')) return 'undetermined';
  return 'not_eligible';
}

function gap(ctx: Context, score: Score): string {
  switch (score.kind) {
    case 'points': {
      const n = Math.max(0, score.passMark - score.points.min);
      return message(ctx.lang, n === 1 ? 'recommend.gapPoint' : 'recommend.gapPoints', { n });
    }
    case 'count': {
      const n = Math.max(0, score.threshold - score.met.min);
      return message(ctx.lang, n === 1 ? 'recommend.gapCriterion' : 'recommend.gapCriteria', { n });
    }
    case 'any':
      return message(ctx.lang, 'recommend.gapAny');
  }
}

function stayPlan(stay: Dated<RouteRules['stay'][number]>, test: string): StayPlan | undefined {
  return stay.byTest[test];
}

function recommend(ctx: Context, results: readonly TestResult[], stay: Dated<RouteRules['stay'][number]>) {
  const eligible = results.filter((t) => t.status === 'eligible');
  if (eligible.length > 1) {
    // Among tests that are met, the longer initial stay is the better fit: it postpones the first
    // extension, and with it the first time the entrant must prove they have settled.
    const best = eligible.reduce((a, b) =>
      (stayPlan(stay, b.test)?.initialMonths ?? 0) > (stayPlan(stay, a.test)?.initialMonths ?? 0) ? b : a,
    );
    const months = stayPlan(stay, best.test)?.initialMonths ?? 0;
    return { test: best.test, text: message(ctx.lang, 'recommend.both', { test: best.name, months }) };
  }
  if (eligible.length === 1) {
    const only = eligible[0] as TestResult;
    return { test: only.test, text: message(ctx.lang, 'recommend.only', { test: only.name }) };
  }
  // Of the tests still open, the one with the smallest share of its threshold left to prove.
  let open: TestResult | undefined;
  for (const t of results) {
    if (t.status === 'undetermined' && (!open || remaining(t.score) < remaining(open.score))) open = t;
  }
  if (open) {
    return {
      test: open.test,
      text: message(ctx.lang, 'recommend.undetermined', { test: open.name, gap: gap(ctx, open.score) }),
    };
  }
  return { test: null, text: message(ctx.lang, 'recommend.none') };
}

/** The share of a test's threshold not yet proved by known facts: 0 met, 1 nothing proved. */
function remaining(score: Score): number {
  switch (score.kind) {
    case 'points':
      return Math.max(0, score.passMark - score.points.min) / score.passMark;
    case 'count':
      return Math.max(0, score.threshold - score.met.min) / score.threshold;
    case 'any':
      return score.met.min > 0 ? 0 : 1;
  }
}

function feesFor(ctx: Context, persons: number, stay: StayPlan | undefined, test: string): Fees {
  const version = required(ctx, ctx.rules.fees, 'fees');
  const stayDays =
    stay && stay.initialMonths !== null ? Math.round((stay.initialMonths * 365) / 12) : undefined;
  const lines = version.perPerson
    .filter((item) => {
      if (item.tests !== undefined && !item.tests.includes(test)) return false;
      if (stayDays === undefined) return item.stayDaysAtMost === undefined;
      if (item.stayDaysAtMost !== undefined && stayDays > item.stayDaysAtMost) return false;
      if (item.stayDaysOver !== undefined && stayDays <= item.stayDaysOver) return false;
      return true;
    })
    .map((item) => ({
      id: item.id,
      label: localize(item.label, ctx.lang),
      amountHKD: item.amountHKD,
      persons,
      subtotalHKD: item.amountHKD * persons,
      refundable: item.refundable,
      payable: localize(item.payable, ctx.lang),
    }));
  return {
    regime: localize(version.regime, ctx.lang),
    version: used(ctx, 'fees', version),
    persons,
    lines,
    totalHKD: lines.reduce((sum, l) => sum + l.subtotalHKD, 0),
  };
}

function nextSteps(ctx: Context): { steps: NextStep[]; version: RuleVersionUsed } {
  const version = required(ctx, ctx.rules.steps, 'steps');
  const steps: NextStep[] = [];
  for (const step of version.steps) {
    const applies: Outcome = step.when ? evaluate(step.when, ctx.facts) : 'met';
    if (applies === 'not_met') continue;
    steps.push({
      id: step.id,
      stage: step.stage,
      title: localize(step.title, ctx.lang),
      detail: localize(step.detail, ctx.lang),
      conditional: applies === 'unknown',
    });
  }
  return { steps, version: used(ctx, 'steps', version) };
}

interface CitedSet {
  /** The citations of each rule version used, in rulesUsed order: one array per version object. */
  versions: ReadonlyArray<readonly Citation[]>;
  sources: Readonly<Record<string, CitedSource>>;
}

const sourcesCache = new WeakMap<RouteRules, CitedSet[]>();

/**
 * The sources an assessment cites, each once, in order of first citation in the JSON: rule
 * versions, then prerequisites, then the criteria of each test. Which sources are cited depends
 * only on the rule versions used (every criterion of a version is always in the result), so the
 * list is worked out once per set of versions and shared, frozen, by every assessment that uses
 * the same versions. The set is found again by the identity of each version's citations array
 * (versionCitations): a few pointer comparisons and no allocation per assessment. A route has a
 * handful of such sets (eras × tests asked for × dependants or not).
 */
function sourcesCited(
  rules: RouteRules,
  rulesUsed: readonly RuleVersionUsed[],
  prerequisites: readonly CriterionResult[],
  tests: readonly TestResult[],
): Readonly<Record<string, CitedSource>> {
  let sets = sourcesCache.get(rules);
  if (!sets) {
    sets = [];
    sourcesCache.set(rules, sets);
  }
  search: for (const set of sets) {
    if (set.versions.length !== rulesUsed.length) continue;
    for (let i = 0; i < rulesUsed.length; i++)
      if (set.versions[i] !== (rulesUsed[i] as RuleVersionUsed).sources) continue search;
    return set.sources;
  }
  const list: Record<string, CitedSource> = {};
  for (const r of rulesUsed) addSources(list, r.sources, rules.sources);
  for (const c of prerequisites) addSources(list, c.sources, rules.sources);
  for (const t of tests) for (const c of t.criteria) addSources(list, c.sources, rules.sources);
  const sources = Object.freeze(list);
  sets.push({ versions: rulesUsed.map((r) => r.sources), sources });
  return sources;
}

export { NOT_OPEN_PREREQUISITE } from './not-open.ts';

/**
 * Assesses a profile against a route's rules in force at the submission moment: prerequisites,
 * nationality exclusions, every test, fees for the whole family, stay, steps and warnings. Pure:
 * no I/O, no clock; the same input always gives the same output.
 *
 * @example
 * const rules = loadRoute('rules/hk/qmas');
 * const result = assess(profile, rules, '2025-03-01T10:00:00+08:00', { lang: 'zh-Hant' });
 * result.status; // 'eligible' | 'not_eligible' | 'undetermined'
 */
export function assess(
  profile: Profile,
  rules: RouteRules,
  submittedAt: string,
  options: AssessOptions = {},
): Assessment {
  const lang = options.lang ?? 'en';
  const ctx = context(profile, rules, submittedAt, lang, true);
  const tests = selectTests(rules, options.tests);
  const opened = rules.route.opened;
  if (opened && ctx.atMs < Date.parse(opened.at)) return notOpenYet(rules, ctx.atMs, lang, opened);

  const prerequisitesVersion = required(ctx, rules.prerequisites, 'prerequisites');
  const prerequisites = criteriaResults(ctx, prerequisitesVersion.items);
  prerequisites.push(exclusionResult(ctx));
  const exclusionsVersion = required(ctx, rules.exclusions, 'exclusions');
  const testResults = tests.map((t) => assessOneTest(ctx, t));

  const prerequisitesOutcome = allOf(prerequisites.map((p) => p.outcome));
  const status = combine(prerequisitesOutcome, bestOfTests(testResults));

  const stayVersion = required(ctx, rules.stay, 'stay');
  const recommendation = recommend(ctx, testResults, stayVersion);
  const stayTest = recommendation.test ?? (tests[0] as TestRules).id;
  const plan = stayPlan(stayVersion, stayTest);
  const stay: Stay | null = plan
    ? {
        test: stayTest,
        initialMonths: plan.initialMonths,
        initialNote: plan.initialNote ? localize(plan.initialNote, lang) : null,
        extensionsYears: plan.extensionsYears,
        pattern: plan.pattern,
        conditionOfStay: plan.conditionOfStay ?? null,
        topTier: plan.topTier ?? null,
        extensionRequirements: plan.extensionRequirements.map((r) => localize(r, lang)),
        permanentResidence: localize(rules.route.permanentResidence, lang),
      }
    : null;

  const dependants = dependantResults(ctx);
  const persons = 1 + dependants.filter((d) => d.outcome !== 'not_met').length;
  const fees = feesFor(ctx, persons, plan, stayTest);
  const steps = nextSteps(ctx);
  const selectionVersion = required(ctx, rules.selection, 'selection');
  const dependantsVersion = dependants.length > 0 ? required(ctx, rules.dependants, 'dependants') : undefined;

  const rulesUsed: RuleVersionUsed[] = [
    used(ctx, 'prerequisites', prerequisitesVersion),
    used(ctx, 'exclusions', exclusionsVersion),
    ...testResults.map((t) => t.version),
    used(ctx, 'stay', stayVersion),
    fees.version,
    steps.version,
    used(ctx, 'selection', selectionVersion),
  ];
  if (dependantsVersion) rulesUsed.push(used(ctx, 'dependants', dependantsVersion));

  const warnings: Warning[] = [{ code: 'not_approval', message: message(lang, 'warning.notApproval') }];
  if (selectionVersion.quota === 'suspended') {
    warnings.push({ code: 'quota_suspended', message: message(lang, 'warning.quotaSuspended') });
  }
  for (const d of dependants) {
    if (d.outcome === 'met') continue;
    const key = d.outcome === 'not_met' ? 'warning.dependantNotQualifying' : 'warning.dependantUndetermined';
    warnings.push({
      code: d.outcome === 'not_met' ? 'dependant_not_qualifying' : 'dependant_undetermined',
      message: message(lang, key, {
        index: d.index,
        relation: message(lang, `relation.${d.relation as 'spouse'}`),
        reasons: d.reasons.join(' '),
      }),
    });
  }
  for (const { name, note } of ctx.uncertain?.values() ?? []) {
    warnings.push({
      code: 'uncertain_rule',
      message: uncertainRuleWarning(lang, name, note),
    });
  }

  const deciding: string[] = [];
  if (status === 'undetermined') {
    const sources = [
      prerequisites,
      ...testResults.filter((t) => t.status === 'undetermined').map((t) => t.criteria),
    ];
    for (const field of sources.flatMap(decidingFields)) if (!deciding.includes(field)) deciding.push(field);
  }

  const routeName = localize(rules.route.name, lang);
  const at = formatHongKong(ctx.atMs);
  return {
    format: 'routewise.assessment/1',
    route: { id: rules.route.id, name: routeName },
    submittedAt: at,
    lang,
    status,
    summary: message(lang, 'summary', { route: routeName, status: message(lang, `status.${status}`), at }),
    rulesUsed,
    prerequisites,
    tests: testResults,
    recommendedTest: recommendation.test,
    recommendation: recommendation.text,
    deciding,
    best: status === 'undetermined' ? 'eligible' : status,
    worst: status === 'undetermined' ? 'not_eligible' : status,
    fees,
    stay,
    selection: {
      quota: selectionVersion.quota,
      quotaPeriod: selectionVersion.quotaPeriod ?? null,
      selectionExercise: selectionVersion.selectionExercise,
      decidedBy: localize(selectionVersion.decidedBy, lang),
      summary: localize(selectionVersion.summary, lang),
    },
    nextSteps: steps.steps,
    dependants,
    warnings,
    disclaimer: message(lang, 'disclaimer'),
    sources: sourcesCited(rules, rulesUsed, prerequisites, testResults),
  };
}
