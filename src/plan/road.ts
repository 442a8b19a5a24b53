import { isoDay, limitOfStay } from '../case/dates.ts';
import { extensionWindow } from '../case/extension-window.ts';
import { assess, RulesNotInForceError } from '../engine/assess.ts';
import { formatNumber } from '../engine/explain.ts';
import type { Assessment, RuleVersionUsed } from '../engine/result.ts';
import { formatHongKong, fromEpochDay, type PlainDate, parsePlainDate } from '../engine/time.ts';
import { formatPlanDay, planMessage } from '../i18n/plan-messages.ts';
import type { Profile } from '../profile/schema.ts';
import type { ResidenceRules, ResidenceVersion } from '../rules/residence.ts';
import type { Lang } from '../rules/schema.ts';
import type { Dated, RouteRules } from '../rules/types.ts';
import { versionAt } from '../rules/types.ts';
import { addMonths, dayOf } from './moments.ts';
import { personsPhrase } from './windows.ts';

export type { ResidenceRules } from '../rules/residence.ts';

export type RoadStepKind =
  | 'submit'
  | 'fees'
  | 'decision'
  | 'entry'
  | 'extension'
  | 'top_tier'
  | 'seven_years'
  | 'verification'
  | 'verification_decision';

/** What a statement of the road rests on: a rule version, a profile fact, or an assumption. */
export interface RoadBasis {
  ruleVersion?: { part: string; id: string; from: string; confidence: string };
  fact?: string;
  assumption?: string;
}

export interface RoadStep {
  kind: RoadStepKind;
  /** The day the step starts or happens (YYYY-MM-DD, Hong Kong), when it can be dated. */
  date: string | null;
  /** The last day of the step's window (an extension's application window), when it has one. */
  until: string | null;
  text: string;
  /** What the step asks of you (an extension's conditions), in the rules' words. */
  requirements: string[];
  /** True when a rule the step rests on is not official, or the step is an estimate. */
  uncertain: boolean;
  basis: RoadBasis[];
}

export interface Road {
  /** The submission moment the road starts from. */
  submittedAt: string;
  status: Assessment['status'] | 'no_rules';
  steps: RoadStep[];
  /** Time in Hong Kong that does not count as ordinary residence. */
  notCounted: string[];
  /** How ordinary residence is judged, and what the official texts leave open. */
  caveats: string[];
  residenceVersion: { id: string; from: string; confidence: string } | null;
}

/**
 * The first day an extension may be applied for, by the dated extension-window rules of the route
 * (the rule in force on the day of applying decides, so a change such as 1 March 2026 is followed).
 * A route without window rules falls back to the four weeks every scheme page states, marked.
 */
function windowFrom(
  rules: RouteRules,
  limit: PlainDate,
  test: string,
): { from: PlainDate; held: boolean; uncertain: boolean } {
  const window = extensionWindow(rules, isoDay(limit), test);
  if (!window) return { from: fromEpochDay(limit.epochDay - 28), held: false, uncertain: true };
  return {
    from: parsePlainDate(window.from),
    held: true,
    uncertain: window.version.confidence !== 'official',
  };
}

/** Two sentences one after the other: a space between them in English, none in Chinese. */
const both = (lang: Lang, a: string, b: string): string => (lang === 'en' ? `${a} ${b}` : `${a}${b}`);

function versionBasis(v: RuleVersionUsed | undefined): RoadBasis[] {
  return v ? [{ ruleVersion: { part: v.part, id: v.id, from: v.from, confidence: v.confidence } }] : [];
}

function residenceBasis(v: Dated<ResidenceVersion>): RoadBasis {
  return { ruleVersion: { part: 'residence', id: v.id, from: v.from, confidence: v.confidence } };
}

function step(
  kind: RoadStepKind,
  date: PlainDate | null,
  text: string,
  basis: RoadBasis[],
  extra: Partial<Pick<RoadStep, 'until' | 'requirements' | 'uncertain'>> = {},
): RoadStep {
  const uncertain =
    extra.uncertain ??
    basis.some((b) => b.ruleVersion !== undefined && b.ruleVersion.confidence !== 'official');
  return {
    kind,
    date: date ? isoDay(date) : null,
    until: extra.until ?? null,
    text,
    requirements: extra.requirements ?? [],
    uncertain,
    basis,
  };
}

/**
 * The road from a submission to permanent residence under one route: submission and fees,
 * the decision, entry, each extension with its application window and conditions, the top tier
 * where the stay rules have one, the day seven years of continuous ordinary residence could be
 * completed and the verification after it. Dates count from an entry assumed on the submission
 * day (said in the road), since Routewise holds no processing times.
 */
export function roadFor(
  profile: Profile,
  rules: RouteRules,
  submitMs: number,
  residence: ResidenceRules,
  lang: Lang,
): Road {
  const submittedAt = formatHongKong(submitMs);
  const residenceVersion = versionAt(residence.versions, submitMs) ?? null;
  const notCounted = residenceVersion ? residenceVersion.notCounted.map((n) => n[lang]) : [];
  const caveats = residenceVersion
    ? [residenceVersion.judgement[lang], ...(residenceVersion.note ? [residenceVersion.note[lang]] : [])]
    : [];
  const residenceView = residenceVersion
    ? { id: residenceVersion.id, from: residenceVersion.from, confidence: residenceVersion.confidence }
    : null;
  let a: Assessment;
  try {
    a = assess(profile, rules, submittedAt, { lang });
  } catch (error) {
    if (!(error instanceof RulesNotInForceError)) throw error;
    return {
      submittedAt,
      status: 'no_rules',
      steps: [step('submit', null, planMessage(lang, 'road.none'), [])],
      notCounted,
      caveats,
      residenceVersion: residenceView,
    };
  }
  const used = (part: string) => a.rulesUsed.find((r) => r.part === part);
  const submitDay = fromEpochDay(dayOf(submitMs));
  const steps: RoadStep[] = [];
  const date = (d: PlainDate) => formatPlanDay(lang, d.epochDay);

  steps.push(
    step('submit', submitDay, planMessage(lang, 'road.submit', { date: date(submitDay) }), [
      ...versionBasis(a.tests.find((t) => t.test === a.recommendedTest)?.version ?? a.tests[0]?.version),
    ]),
  );
  if (a.fees) {
    steps.push(
      step(
        'fees',
        submitDay,
        both(
          lang,
          planMessage(lang, 'road.fees', {
            total: formatNumber(lang, a.fees.totalHKD),
            persons: personsPhrase(lang, a.fees.persons),
          }),
          planMessage(lang, 'road.familyFees'),
        ),
        [...versionBasis(a.fees.version), { fact: 'dependants' }],
      ),
    );
  }
  steps.push(step('decision', null, planMessage(lang, 'road.decision'), versionBasis(used('selection'))));

  const stay = a.stay;
  const stayBasis = versionBasis(used('stay'));
  const entryBasis: RoadBasis[] = [...stayBasis, { assumption: 'entry_on_submission_day' }];
  let sevenYears: PlainDate | null = null;
  const firstLimit = stay?.initialMonths ? limitOfStay(submitDay, stay.initialMonths) : null;
  const entryText = !stay
    ? planMessage(lang, 'road.entryNoStay', { date: date(submitDay) })
    : stay.initialMonths === null || firstLimit === null
      ? planMessage(lang, 'road.entryNotFixed', { date: date(submitDay), note: stay.initialNote ?? '' })
      : planMessage(lang, 'road.entry', {
          date: date(submitDay),
          months: stay.initialMonths,
          limit: date(firstLimit),
        });
  steps.push(
    step('entry', submitDay, both(lang, entryText, planMessage(lang, 'road.entryAssumed')), entryBasis, {
      ...(stay ? {} : { uncertain: true }),
    }),
  );
  if (stay?.conditionOfStay === 'linked_to_sponsor')
    steps.push(
      step('extension', null, planMessage(lang, 'road.linkedToSponsor'), stayBasis, {
        requirements: stay.extensionRequirements,
      }),
    );
  if (stay && firstLimit) {
    if (residenceVersion) sevenYears = addMonths(submitDay, residenceVersion.continuousYears * 12);
    // Extensions until the stay reaches the day the seven years could be complete.
    let limit = firstLimit;
    let n = 0;
    let topTierShown = false;
    const end = sevenYears ?? addMonths(submitDay, 84);
    while (limit.epochDay < end.epochDay && n < 10) {
      n++;
      const window = windowFrom(rules, limit, stay.test);
      const opens = window.from;
      const years = stay.extensionsYears[n - 1] ?? stay.extensionsYears[stay.extensionsYears.length - 1];
      const requirements = stay.extensionRequirements;
      const basis: RoadBasis[] = [...stayBasis, { assumption: 'each_extension_granted' }];
      const windowNote = window.held
        ? ''
        : (lang === 'en' ? ' ' : '') + planMessage(lang, 'road.windowNote', { days: 28 });
      if (years === undefined) {
        steps.push(
          step(
            'extension',
            opens,
            planMessage(lang, 'road.extensionOpen', {
              n,
              windowFrom: date(opens),
              windowTo: date(limit),
              limit: date(limit),
            }) + windowNote,
            basis,
            { until: isoDay(limit), requirements, uncertain: true },
          ),
        );
        break;
      }
      const newLimit = limitOfStay(fromEpochDay(limit.epochDay + 1), Math.round(years * 12));
      steps.push(
        step(
          'extension',
          opens,
          planMessage(lang, 'road.extension', {
            n,
            windowFrom: date(opens),
            windowTo: date(limit),
            limit: date(limit),
            years: formatNumber(lang, years),
            newLimit: date(newLimit),
          }) + windowNote,
          basis,
          { until: isoDay(limit), requirements, ...(window.uncertain ? { uncertain: true } : {}) },
        ),
      );
      const tier = stay.topTier;
      if (tier && !topTierShown && (limit.epochDay - submitDay.epochDay) / 365.25 >= tier.afterYears - 0.01) {
        topTierShown = true;
        steps.push(
          step(
            'top_tier',
            opens,
            planMessage(lang, 'road.topTier', {
              afterYears: formatNumber(lang, tier.afterYears),
              income: formatNumber(lang, tier.assessableIncomeHKD),
              years: formatNumber(lang, tier.extensionYears),
            }),
            [...stayBasis, { fact: 'income.lastYearHKD' }],
          ),
        );
      }
      limit = newLimit;
    }
  }
  if (residenceVersion && sevenYears === null)
    sevenYears = addMonths(submitDay, residenceVersion.continuousYears * 12);
  if (residenceVersion && sevenYears) {
    const rb = residenceBasis(residenceVersion);
    steps.push(
      step(
        'seven_years',
        sevenYears,
        planMessage(lang, 'road.sevenYears', {
          date: date(sevenYears),
          years: residenceVersion.continuousYears,
        }),
        [rb, { assumption: 'entry_on_submission_day' }, { assumption: 'continuous_ordinary_residence' }],
      ),
    );
    steps.push(
      step(
        'verification',
        sevenYears,
        planMessage(lang, 'road.verify', {
          date: date(sevenYears),
          text: residenceVersion.verification[lang],
        }),
        [rb],
      ),
    );
    const decided = fromEpochDay(sevenYears.epochDay + residenceVersion.verificationWeeks * 7);
    steps.push(
      step(
        'verification_decision',
        decided,
        planMessage(lang, 'road.verifyDone', {
          weeks: residenceVersion.verificationWeeks,
          date: date(decided),
        }),
        [rb],
        { uncertain: true },
      ),
    );
  }
  return { submittedAt, status: a.status, steps, notCounted, caveats, residenceVersion: residenceView };
}
