import type { Outcome } from '../engine/conditions.ts';
import type { Assessment, ResolvedCitation } from '../engine/result.ts';
import type { PlainDate } from '../engine/time.ts';
import type { Profile } from '../profile/schema.ts';
import type { CaseRules, TrackerStage } from '../rules/case-schema.ts';
import type { Lang } from '../rules/schema.ts';
import { addDays, addYears, isoDay, limitOfStay, parsePlainDate } from './dates.ts';
import { type CaseRuleVersion, caseVersion, citeCase, factsOf, localize, versionView } from './evidence.ts';
import { extensionWindow } from './extension-window.ts';
import { fill } from './messages.ts';
import { evaluateTrigger } from './trigger.ts';

/** What the person recorded for a stage (the store's TrackerStage). */
export interface StageRecord {
  stageId: string;
  date: string | null;
  note: string;
  updatedAt?: string;
}

/** Dates computed from a date the person set on another stage. */
export interface DerivedDates {
  /** The last day of the stay this extension extends. */
  limitOfStay?: string;
  /** First and last day of the window in which to apply for the extension. */
  windowFrom?: string;
  windowTo?: string;
  /** The new limit of stay if the extension is granted in the usual pattern. */
  newLimitOfStay?: string;
  /** The first day the stage can happen (e.g. permanent residence seven years after entry). */
  eligibleFrom?: string;
}

export interface TrackerStageView {
  id: string;
  label: string;
  detail: string | null;
  /** The date the person set (YYYY-MM-DD), or null. */
  date: string | null;
  note: string;
  updatedAt: string | null;
  /** True when the stage applies only if a fact not yet known turns out a certain way. */
  conditional: boolean;
  /** The stage whose date the derived dates count from, if any. */
  derivedFrom: string | null;
  /** Computed dates; null until the stage they count from has a date (or when none apply). */
  derived: DerivedDates | null;
  sources: ResolvedCitation[];
}

export interface Tracker {
  version: CaseRuleVersion;
  stages: TrackerStageView[];
}

interface Expanded {
  rule: TrackerStage;
  id: string;
  params: Record<string, string | number>;
  /** For a repeated extension stage: its number (1-based). */
  extension?: number;
}

function expand(stage: TrackerStage, assessment: Assessment): Expanded[] {
  if (stage.repeat !== 'extensions') return [{ rule: stage, id: stage.id, params: {} }];
  const years = assessment.stay?.extensionsYears ?? [];
  return years.map((y, i) => ({
    rule: stage,
    id: `${stage.id}-${i + 1}`,
    params: { n: i + 1, years: y },
    extension: i + 1,
  }));
}

function derive(
  e: Expanded,
  assessment: Assessment,
  rules: CaseRules,
  dates: ReadonlyMap<string, string | null>,
): DerivedDates | null {
  const d = e.rule.derive;
  if (!d) return null;
  const start = dates.get(d.from);
  if (!start) return null;
  const from: PlainDate = parsePlainDate(start);
  if (d.kind === 'years-after') return { eligibleFrom: isoDay(addYears(from, d.years)) };
  const stay = assessment.stay;
  if (!stay || stay.initialMonths === null || e.extension === undefined) return null;
  // Walk the usual pattern: the initial stay, then each earlier extension, to this one's limit.
  let limit = limitOfStay(from, stay.initialMonths);
  for (let k = 1; k < e.extension; k++) {
    limit = limitOfStay(addDays(limit, 1), (stay.extensionsYears[k - 1] ?? 0) * 12);
  }
  const years = stay.extensionsYears[e.extension - 1] ?? 0;
  // The window in force on the days before this limit of stay, not at the first submission: a
  // change of the window after entry applies to the extensions that fall after it.
  const window =
    rules.extensionWindow.length > 0
      ? extensionWindow(rules, isoDay(limit), stay.test)
      : d.windowDays !== undefined
        ? { from: isoDay(addDays(limit, -d.windowDays)), to: isoDay(limit) }
        : undefined;
  const newLimit = isoDay(limitOfStay(addDays(limit, 1), years * 12));
  return window
    ? { limitOfStay: isoDay(limit), windowFrom: window.from, windowTo: window.to, newLimitOfStay: newLimit }
    : { limitOfStay: isoDay(limit), newLimitOfStay: newLimit };
}

/**
 * The application tracker for a case: the stages of the route's tracker.yaml in force at the
 * submission moment, with the dates the person recorded and the dates computable from them
 * (each extension's limit of stay from the date of entry and the stay plan of the assessment, and
 * its window from the route's dated extension windows — see extensionWindow(); permanent residence
 * seven years after entry). Stages for other people
 * (e.g. Mainland residents only) are left out when the profile rules them out.
 *
 * @example
 * const t = trackerFor(profile, assessment, shippedCaseRules('hk.qmas'), [{ stageId: 'entered', date: '2025-03-01', note: '' }], 'en');
 * t.stages.find((s) => s.id === 'extension-1')?.derived; // { limitOfStay: '2028-02-29', windowFrom: '2028-02-01', … }
 */
export function trackerFor(
  profile: Profile,
  assessment: Assessment,
  rules: CaseRules,
  recorded: readonly StageRecord[],
  lang: Lang,
): Tracker {
  const version = caseVersion(rules.tracker, assessment, 'tracker');
  const facts = factsOf(profile, assessment);
  const byId = new Map(recorded.map((r) => [r.stageId, r]));
  const dates = new Map(recorded.map((r) => [r.stageId, r.date]));
  const stages: TrackerStageView[] = [];
  for (const stage of version.stages) {
    const outcome: Outcome = stage.when
      ? evaluateTrigger(stage.when, { facts, assessment }, { fields: [], criteria: [] })
      : 'met';
    if (outcome === 'not_met') continue;
    for (const e of expand(stage, assessment)) {
      const record = byId.get(e.id);
      stages.push({
        id: e.id,
        label: fill(localize(stage.label, lang), e.params),
        detail: stage.detail ? fill(localize(stage.detail, lang), e.params) : null,
        date: record?.date ?? null,
        note: record?.note ?? '',
        updatedAt: record?.updatedAt ?? null,
        conditional: outcome === 'unknown',
        derivedFrom: stage.derive?.from ?? null,
        derived: derive(e, assessment, rules, dates),
        sources: citeCase(stage.sources ?? version.sources, rules),
      });
    }
  }
  return { version: versionView(version, rules, lang), stages };
}
