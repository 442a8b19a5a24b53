import { formatNumber } from '../engine/explain.ts';
import type { CriterionResult, Score, Status } from '../engine/result.ts';
import { ageOn, formatHongKong, fromEpochDay } from '../engine/time.ts';
import { formatPlanMoment, type PlanMessageKey, planMessage } from '../i18n/plan-messages.ts';
import type { Profile } from '../profile/schema.ts';
import type { Lang } from '../rules/schema.ts';
import type { RouteRules } from '../rules/types.ts';
import { type Evaluation, evaluateAt } from './evaluate.ts';
import { dayOf, type MomentReason, midnight, momentsOf } from './moments.ts';

export type WindowStatus = Status | 'no_rules';

export type ChangeKind = 'start' | 'rule' | 'opened' | 'criterion' | 'dependant' | 'status';

export interface PlanChange {
  kind: ChangeKind;
  /** The criterion whose outcome changes: `test` null for a requirement every applicant must meet. */
  criterion?: { test: string | null; id: string; label: string; from: string; to: string };
  /** The rule version that starts, for a change of rules. */
  ruleVersion?: { part: string; id: string; from: string };
  /** The profile field whose movement in time makes the change (e.g. person.dateOfBirth). */
  fact?: string;
  description: string;
}

export interface PlanWindow {
  /** Start of the window (included), Hong Kong time. */
  from: string;
  /** End of the window (excluded): the next window's start, or the end of the plan. */
  to: string;
  status: WindowStatus;
  statusLabel: string;
  /** The changes at the window's start; for the first window, what holds at the plan's start. */
  changes: PlanChange[];
}

/** A window with what the planner keeps to reason further (not part of the JSON). */
export interface FoundWindow extends PlanWindow {
  fromMs: number;
  toMs: number;
  evaluation: Evaluation;
}

/**
 * Every moment between fromMs and toMs where the evaluation differs from the moment before, each
 * to the exact day (or the exact instant of a rule start): between two listed moments whose
 * evaluations differ, the span is halved by days until no day lies between.
 */
function changePoints(
  profile: Profile,
  rules: RouteRules,
  fromMs: number,
  toMs: number,
  lang: Lang,
): { points: Array<{ ms: number; evaluation: Evaluation }>; reasons: Map<number, Set<MomentReason>> } {
  const { instants, reasons } = momentsOf(profile, rules, fromMs, toMs);
  const cache = new Map<number, Evaluation>();
  const at = (ms: number): Evaluation => {
    let e = cache.get(ms);
    if (!e) {
      e = evaluateAt(profile, rules, ms, lang);
      cache.set(ms, e);
    }
    return e;
  };
  const points: Array<{ ms: number; evaluation: Evaluation }> = [{ ms: fromMs, evaluation: at(fromMs) }];
  const split = (a: number, ea: Evaluation, b: number, eb: Evaluation): void => {
    if (ea.signature === eb.signature) return;
    // The midnights strictly between a and b; none means the change is at b.
    const firstDay = dayOf(a) + 1;
    const lastDay = midnight(dayOf(b)) < b ? dayOf(b) : dayOf(b) - 1;
    if (lastDay < firstDay) {
      points.push({ ms: b, evaluation: eb });
      return;
    }
    const m = midnight(Math.floor((firstDay + lastDay) / 2));
    const em = at(m);
    split(a, ea, m, em);
    split(m, em, b, eb);
  };
  for (let i = 1; i < instants.length; i++) {
    const a = instants[i - 1] as number;
    const b = instants[i] as number;
    split(a, at(a), b, at(b));
  }
  return { points, reasons };
}

function statusOf(e: Evaluation): WindowStatus {
  return e.kind === 'assessed' ? e.assessment.status : 'no_rules';
}

function scorePhrase(lang: Lang, score: Score | undefined): string {
  if (!score) return '';
  const range = (r: { min: number; max: number }) =>
    r.min === r.max ? formatNumber(lang, r.min) : `${formatNumber(lang, r.min)}–${formatNumber(lang, r.max)}`;
  if (score.kind === 'count')
    return planMessage(lang, 'score.count', {
      met: range(score.met),
      of: score.of,
      threshold: score.threshold,
    });
  if (score.kind === 'points')
    return planMessage(lang, 'score.points', { points: range(score.points), passMark: score.passMark });
  return '';
}

/** Which fact moving in time explains a criterion's change at a moment, and how to say it. */
function reasonFor(
  c: CriterionResult,
  reasons: ReadonlySet<MomentReason>,
  profile: Profile,
  day: number,
  lang: Lang,
): { fact?: string; text: string } {
  const fields = c.facts.flatMap((f) => f.fields);
  const facts = c.facts.map((f) => f.display).join(lang === 'en' ? '; ' : '；');
  const dob = profile.person.dateOfBirth;
  if (reasons.has('rule') || reasons.has('list')) {
    return { text: planMessage(lang, reasons.has('rule') ? 'reason.rule' : 'reason.list') };
  }
  if (fields.includes('person.dateOfBirth') && dob !== 'unknown') {
    return {
      fact: 'person.dateOfBirth',
      text: planMessage(lang, 'reason.age', { age: ageOn(dob, fromEpochDay(day)) }),
    };
  }
  if (fields.some((f) => f === 'work' || f.startsWith('work.')))
    return { fact: 'work', text: planMessage(lang, 'reason.work', { facts }) };
  if (fields.includes('education.degrees[].graduationDate'))
    return {
      fact: 'education.degrees[].graduationDate',
      text: planMessage(lang, 'reason.graduation', { facts }),
    };
  if (fields.includes('education.degrees[].yearAwarded'))
    return { fact: 'education.degrees[].yearAwarded', text: planMessage(lang, 'reason.year', { facts }) };
  if (fields.includes('dependants'))
    return { fact: 'dependants', text: planMessage(lang, 'reason.dependant') };
  return { text: planMessage(lang, 'reason.time', { facts }) };
}

function criterionChange(
  test: { id: string | null; score: Score | undefined },
  before: CriterionResult | undefined,
  after: CriterionResult,
  reasons: ReadonlySet<MomentReason>,
  profile: Profile,
  ms: number,
  lang: Lang,
): PlanChange | undefined {
  const outcomeChanged = before?.outcome !== after.outcome;
  const pointsChanged =
    after.points !== undefined &&
    (before?.points?.min !== after.points.min || before?.points?.max !== after.points.max);
  if (!outcomeChanged && !pointsChanged) return undefined;
  const reason = reasonFor(after, reasons, profile, dayOf(ms), lang);
  const date = formatPlanMoment(lang, ms);
  const score = scorePhrase(lang, test.score);
  const description =
    after.points !== undefined && !outcomeChanged
      ? planMessage(lang, 'criterion.points', {
          date,
          reason: reason.text,
          label: after.label,
          points:
            after.points.min === after.points.max
              ? formatNumber(lang, after.points.min)
              : `${formatNumber(lang, after.points.min)}–${formatNumber(lang, after.points.max)}`,
          score,
        })
      : planMessage(lang, `criterion.${after.outcome}` as PlanMessageKey, {
          date,
          reason: reason.text,
          label: after.label,
          score,
        });
  return {
    kind: 'criterion',
    criterion: {
      test: test.id,
      id: after.id,
      label: after.label,
      from: before?.outcome ?? 'unknown',
      to: after.outcome,
    },
    ...(reason.fact ? { fact: reason.fact } : {}),
    description,
  };
}

function partLabel(lang: Lang, part: string): string {
  const key = `part.${part}` as PlanMessageKey;
  return planMessage(lang, key);
}

/** What differs between the evaluations before and after a window's start, in words. */
function changesAt(
  before: Evaluation,
  after: Evaluation,
  ms: number,
  reasons: ReadonlySet<MomentReason>,
  profile: Profile,
  lang: Lang,
): PlanChange[] {
  const date = formatPlanMoment(lang, ms);
  const changes: PlanChange[] = [];
  if (after.kind === 'no_rules') {
    changes.push({
      kind: 'status',
      description: planMessage(lang, 'change.status', { date, status: planMessage(lang, 'status.no_rules') }),
    });
    return changes;
  }
  const a = after.assessment;
  if (before.kind === 'no_rules') {
    changes.push({ kind: 'opened', description: planMessage(lang, 'change.opened', { date }) });
    changes.push({
      kind: 'status',
      description: planMessage(lang, 'change.status', {
        date,
        status: planMessage(lang, `status.${a.status}`),
      }),
    });
    return changes;
  }
  const b = before.assessment;
  for (const r of a.rulesUsed) {
    const old = b.rulesUsed.find((x) => x.part === r.part);
    if (old && old.id === r.id) continue;
    const ruleVersion = { part: r.part, id: r.id, from: r.from };
    if (r.part === 'fees') {
      if (!a.fees || !b.fees || (a.fees.totalHKD === b.fees.totalHKD && old)) {
        changes.push({
          kind: 'rule',
          ruleVersion,
          description: planMessage(lang, 'change.part', { date, part: partLabel(lang, 'fees') }),
        });
        continue;
      }
      changes.push({
        kind: 'rule',
        ruleVersion,
        description: planMessage(lang, 'change.fees', {
          date,
          total: formatNumber(lang, a.fees.totalHKD),
          before: formatNumber(lang, b.fees.totalHKD),
          persons: personsPhrase(lang, a.fees.persons),
        }),
      });
    } else if (r.part.startsWith('test:')) {
      const test = a.tests.find((t) => `test:${t.test}` === r.part);
      changes.push({
        kind: 'rule',
        ruleVersion,
        description: planMessage(lang, 'change.test', { date, test: test?.name ?? r.part }),
      });
    } else {
      changes.push({
        kind: 'rule',
        ruleVersion,
        description: planMessage(lang, 'change.part', { date, part: partLabel(lang, r.part) }),
      });
    }
  }
  // Prerequisites (test null) and then each test's criteria, each against its own before.
  const lists = [
    { test: { id: null, score: undefined }, before: b.prerequisites, after: a.prerequisites },
    ...a.tests.map((t) => ({
      test: { id: t.test, score: t.score },
      before: b.tests.find((x) => x.test === t.test)?.criteria ?? [],
      after: t.criteria,
    })),
  ];
  for (const { test, before, after } of lists) {
    const byId = new Map(before.map((c) => [c.id, c]));
    for (const c of after) {
      const change = criterionChange(test, byId.get(c.id), c, reasons, profile, ms, lang);
      if (change) changes.push(change);
    }
  }
  for (const d of a.dependants) {
    const old = b.dependants.find((x) => x.index === d.index);
    if (old?.outcome === d.outcome) continue;
    changes.push({
      kind: 'dependant',
      fact: 'dependants',
      description: planMessage(lang, `change.dependant.${d.outcome}` as PlanMessageKey, {
        date,
        relation: relationWord(lang, d.relation),
        index: d.index,
      }),
    });
  }
  if (a.status !== b.status) {
    changes.push({
      kind: 'status',
      description: planMessage(lang, 'change.status', {
        date,
        status: planMessage(lang, `status.${a.status}`),
      }),
    });
  }
  return changes;
}

const RELATIONS: Record<Lang, Record<string, string>> = {
  en: { spouse: 'spouse', civil_partner: 'civil partner', child: 'child' },
  'zh-Hant': { spouse: '配偶', civil_partner: '民事伴侶', child: '子女' },
  'zh-Hans': { spouse: '配偶', civil_partner: '民事伴侣', child: '子女' },
};

function relationWord(lang: Lang, relation: string): string {
  return RELATIONS[lang][relation] ?? relation;
}

export function personsPhrase(lang: Lang, n: number): string {
  if (lang === 'en') return n === 1 ? '1 person' : `${n} people`;
  return `${n} 人`;
}

function startChanges(e: Evaluation, ms: number, lang: Lang): PlanChange[] {
  const date = formatPlanMoment(lang, ms);
  if (e.kind === 'no_rules') {
    return [
      {
        kind: 'start',
        description: planMessage(lang, 'change.noRulesYet', {
          date: formatPlanMoment(lang, Date.parse(e.error.earliest)),
        }),
      },
    ];
  }
  return [
    {
      kind: 'start',
      description: planMessage(lang, 'change.start', {
        date,
        status: planMessage(lang, `status.${e.assessment.status}`),
      }),
    },
  ];
}

/** The windows of one route from fromMs to toMs: spans of time with one evaluation each. */
export function windowsOf(
  profile: Profile,
  rules: RouteRules,
  fromMs: number,
  toMs: number,
  lang: Lang,
): FoundWindow[] {
  const { points, reasons } = changePoints(profile, rules, fromMs, toMs, lang);
  points.sort((x, y) => x.ms - y.ms);
  const windows: FoundWindow[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as { ms: number; evaluation: Evaluation };
    const next = points[i + 1];
    const endMs = next ? next.ms : toMs;
    const status = statusOf(p.evaluation);
    const prev = windows[windows.length - 1];
    const changes =
      i === 0
        ? startChanges(p.evaluation, p.ms, lang)
        : changesAt(
            (prev as FoundWindow).evaluation,
            p.evaluation,
            p.ms,
            reasons.get(p.ms) ?? reasonsNear(reasons, p.ms),
            profile,
            lang,
          );
    windows.push({
      from: formatHongKong(p.ms),
      to: formatHongKong(endMs),
      status,
      statusLabel: planMessage(lang, `status.${status}`),
      changes,
      fromMs: p.ms,
      toMs: endMs,
      evaluation: p.evaluation,
    });
  }
  return windows;
}

/** A change found by halving days lies on a day no listed moment names: only time moved. */
function reasonsNear(_reasons: Map<number, Set<MomentReason>>, _ms: number): ReadonlySet<MomentReason> {
  return new Set<MomentReason>(['grid']);
}
