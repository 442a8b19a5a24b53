import { type CategoryName, categoryNames, type MeasureName, measureNames } from '../engine/measures.ts';
import {
  hongKongProgrammes,
  placesOfBirth,
  sponsorRelations,
  sponsorStatuses,
  technologyAreas,
  workFields,
} from '../profile/schema.ts';
import { conditionReads, testVersionReads } from '../rules/reads.ts';
import type { Dated, RouteRules } from '../rules/types.ts';
import { versionAt } from '../rules/types.ts';
import {
  answersFromProfile,
  answersOnPath,
  asksPrcPassport,
  profileFromAnswers,
  relevantInputs,
  value,
} from './answers.ts';
import { inputsOf } from './index.ts';
import { type Answer, type Answers, DONT_KNOW, type FieldSpec, type Flow, type FlowNode } from './types.ts';

/**
 * The comparison questionnaire: one profile for every route at once, one question per page. It
 * asks only what the routes need: each input names the measures (the numbers rules compare) it
 * feeds, and is asked only when a route's rules in force on the chosen submission day read one of
 * them — so a route that is not shipped, or a rule of another era, asks nothing. Follow-up pages
 * open only on the answer that calls for them: the job offer's details only with an offer, the
 * sponsor's only with a sponsor, the investment's only for someone who might invest.
 */

/** What an input feeds: a measure or category the rules read, or "family" (dependants and fees). */
export type Need = MeasureName | CategoryName | 'family';

/** The needs of the rules in force on a day (YYYY-MM-DD), or of the latest rules when undefined. */
export type NeedsAt = (day: string | undefined) => ReadonlySet<Need>;

/** The node whose answer is the submission day. */
export const APPLY_DATE = 'apply-date';

// ---------------------------------------------------------------------------------------------
// What the rules read
// ---------------------------------------------------------------------------------------------

/** Every need of one route's rule versions in force at an instant (or of its latest versions). */
function routeNeedsAt(rules: RouteRules, atMs: number | undefined, out: Set<Need>): void {
  const pick = <T>(versions: ReadonlyArray<Dated<T>>): Dated<T> | undefined =>
    atMs === undefined ? versions[versions.length - 1] : versionAt(versions, atMs);
  for (const item of pick(rules.prerequisites)?.items ?? []) conditionReads(item.when, out);
  for (const test of rules.tests) {
    const version = pick(test.versions);
    if (version) testVersionReads(version, out);
  }
  for (const step of pick(rules.steps)?.steps ?? []) conditionReads(step.when, out);
  if ((pick(rules.exclusions)?.nationalities.length ?? 0) > 0) out.add('nationality');
  // Dependants who can come change the family's fees and have checks of their own.
  if ((pick(rules.dependants)?.relations.length ?? 0) > 0) out.add('family');
}

/**
 * What the routes' rules read on a submission day: the versions in force at its first and its last
 * moment (a rule may start during the day), or every route's latest versions for an unknown day.
 *
 * @example routeNeeds([shippedRoute('hk.ttps')])('2025-06-01').has('income.withOwnedBusinessHKD') // true
 */
export function routeNeeds(routes: readonly RouteRules[]): NeedsAt {
  const cache = new Map<string, ReadonlySet<Need>>();
  return (day) => {
    const key = day ?? '';
    let needs = cache.get(key);
    if (!needs) {
      const out = new Set<Need>();
      const moments =
        day === undefined
          ? [undefined]
          : [Date.parse(`${day}T00:00:00+08:00`), Date.parse(`${day}T23:59:59+08:00`)];
      for (const rules of routes) for (const at of moments) routeNeedsAt(rules, at, out);
      needs = out;
      if (cache.size > 500) cache.clear();
      cache.set(key, needs);
    }
    return needs;
  };
}

// ---------------------------------------------------------------------------------------------
// The submission day
// ---------------------------------------------------------------------------------------------

/** The submission day answered (YYYY-MM-DD), or undefined while unknown or not answered. */
export function applyDay(answers: Answers): string | undefined {
  const day = value(answers, APPLY_DATE, 'date');
  return typeof day === 'string' && day !== DONT_KNOW ? day : undefined;
}

const bornInChina = ['hong_kong', 'mainland', 'macao', 'taiwan'];

// ---------------------------------------------------------------------------------------------
// The questions
// ---------------------------------------------------------------------------------------------

/** The measures and categories of the rules about one part of the profile (e.g. "jobOffer"). */
function needsOf(part: string, pattern?: RegExp): Need[] {
  return [...measureNames, ...categoryNames].filter(
    (name) => name.startsWith(`${part}.`) && (!pattern || pattern.test(name)),
  );
}

const DEGREE_NEEDS = needsOf('degrees');
/** What an institution on the eligible-university list decides. */
const ELIGIBLE_LIST_NEEDS = needsOf('degrees', /eligibleUniversity/i);
const HONG_KONG_STUDY_NEEDS = needsOf('degrees', /hongKong|Gba/);
const WORK_NEEDS = needsOf('work');
const JOB_NEEDS = needsOf('jobOffer');
const SPONSOR_NEEDS = needsOf('sponsor');
const INVESTMENT_NEEDS = needsOf('investment');
const FAMILY_NEEDS: Need[] = ['family', ...needsOf('dependants')];
const INCOME_NEEDS: Need[] = ['income.lastYearHKD', 'income.withOwnedBusinessHKD'];
const BUSINESS_NEEDS: Need[] = ['business.ownedProfitHKD', 'income.withOwnedBusinessHKD'];
const TALENT_NEEDS: Need[] = ['talentList.meets'];

/** An input with the needs it serves; an input without needs is always asked. */
type Input = FieldSpec & { needs?: readonly Need[] };

type Gate = (answers: Answers) => boolean;

interface QuestionSpec {
  kind: 'question';
  id: string;
  fields: readonly string[];
  gate?: Gate;
  inputs: readonly Input[];
  defaults?: (today: string) => Answer;
}

interface ListSpec {
  kind: 'list';
  id: string;
  fields: readonly string[];
  gate?: Gate;
  item: readonly Input[];
  maxItems: number;
}

const yesno = (name: string, needs?: readonly Need[]): Input =>
  needs ? { name, type: 'yesno', unknown: true, needs } : { name, type: 'yesno', unknown: true };

const answered =
  (id: string, field: string, v: unknown): Gate =>
  (a) =>
    value(a, id, field) === v;

const specs: ReadonlyArray<QuestionSpec | ListSpec> = [
  {
    kind: 'question',
    id: APPLY_DATE,
    fields: [],
    inputs: [{ name: 'date', type: 'date', unknown: true }],
    defaults: (today) => ({ date: today }),
  },
  {
    kind: 'question',
    id: 'date-of-birth',
    fields: ['person.dateOfBirth'],
    inputs: [{ name: 'dateOfBirth', type: 'date', unknown: true, needs: ['age'] }],
  },
  {
    kind: 'question',
    id: 'nationality',
    fields: ['person.nationality'],
    inputs: [
      {
        name: 'nationality',
        type: 'country',
        unknown: true,
        needs: ['nationality', 'person.prcPassportExemption'],
      },
    ],
  },
  {
    kind: 'question',
    id: 'mainland-resident',
    fields: ['person.mainlandResident'],
    inputs: [yesno('mainlandResident', ['person.mainlandResident'])],
  },
  {
    kind: 'question',
    id: 'prc-passport',
    fields: ['person.prcPassportAbroad'],
    gate: asksPrcPassport,
    inputs: [
      yesno('appliesFromOverseas', ['person.prcPassportExemption']),
      yesno('overseasPermanentResidence', [
        'person.prcPassportExemption',
        'person.overseasPermanentResidence',
      ]),
      yesno('livedOverseasAtLeastOneYear', ['person.prcPassportExemption']),
    ],
  },
  {
    kind: 'question',
    id: 'place-of-birth',
    fields: ['person.placeOfBirth'],
    inputs: [
      {
        name: 'placeOfBirth',
        type: 'choice',
        options: placesOfBirth,
        unknown: true,
        needs: ['person.bornOverseas'],
      },
    ],
  },
  {
    kind: 'question',
    id: 'parent-settled-overseas',
    fields: ['family.parentChinesePermanentResidentSettledOverseas'],
    // Only someone born outside China can be the second generation the scheme is for.
    gate: (a) => !bornInChina.includes(String(value(a, 'place-of-birth', 'placeOfBirth'))),
    inputs: [
      yesno('parentChinesePermanentResidentSettledOverseas', [
        'family.parentChinesePermanentResidentSettledOverseas',
      ]),
    ],
  },
  {
    kind: 'question',
    id: 'self-supporting',
    fields: ['character.selfSupporting'],
    inputs: [yesno('selfSupporting', ['character.selfSupporting'])],
  },
  {
    kind: 'question',
    id: 'criminal-record',
    fields: ['character.criminalRecord'],
    inputs: [yesno('criminalRecord', ['character.criminalRecord'])],
  },
  {
    kind: 'question',
    id: 'adverse-immigration-record',
    fields: ['character.adverseImmigrationRecord'],
    inputs: [yesno('adverseImmigrationRecord', ['character.adverseImmigrationRecord'])],
  },
  {
    kind: 'question',
    id: 'has-degree',
    fields: ['education.degrees'],
    inputs: [yesno('hasDegree', DEGREE_NEEDS)],
  },
  {
    kind: 'list',
    id: 'degrees',
    fields: ['education.degrees[]'],
    gate: answered('has-degree', 'hasDegree', true),
    maxItems: 10,
    item: [
      {
        name: 'level',
        type: 'choice',
        options: ['bachelor', 'master', 'doctorate'],
        unknown: true,
        needs: DEGREE_NEEDS,
      },
      { name: 'institution', type: 'text', unknown: true, maxLength: 200, needs: ELIGIBLE_LIST_NEEDS },
      yesno('eligibleUniversity', ELIGIBLE_LIST_NEEDS),
      yesno('stem', ['degrees.eligibleUniversityPostgraduateStem', 'degrees.stemEligibleUniversity']),
      yesno('renownedInstitution', ['degrees.renowned']),
      {
        name: 'yearAwarded',
        type: 'year',
        unknown: true,
        needs: ['degrees.eligibleUniversityBachelorRecent'],
      },
      {
        name: 'hongKongProgramme',
        type: 'choice',
        options: hongKongProgrammes,
        unknown: true,
        needs: HONG_KONG_STUDY_NEEDS,
      },
      {
        name: 'graduationDate',
        type: 'date',
        unknown: true,
        needs: ['degrees.hongKongOrGbaRecent'],
        onlyWhen: { field: 'hongKongProgramme', in: ['ugc_funded', 'self_financed', 'gba_campus'] },
      },
    ],
  },
  {
    kind: 'question',
    id: 'professional-qualification',
    fields: ['education.professionalQualification'],
    inputs: [yesno('professionalQualification', ['professionalQualification'])],
  },
  {
    kind: 'question',
    id: 'work',
    fields: ['work'],
    inputs: [
      { name: 'format', type: 'choice', options: ['periods', 'totals'], unknown: true, needs: WORK_NEEDS },
    ],
  },
  {
    kind: 'list',
    id: 'work-periods',
    fields: ['work'],
    gate: answered('work', 'format', 'periods'),
    maxItems: 20,
    item: [
      { name: 'from', type: 'month', present: false, needs: WORK_NEEDS },
      { name: 'to', type: 'month', present: true, needs: WORK_NEEDS },
      yesno('graduateLevel', WORK_NEEDS),
      yesno('seniorRole', ['work.seniorYears']),
      yesno('multinationalOrRenowned', ['work.multinationalYears']),
      {
        name: 'field',
        type: 'choice',
        options: workFields,
        unknown: true,
        needs: ['work.specifiedFieldYears'],
      },
      yesno('international', ['work.internationalYears']),
    ],
  },
  {
    kind: 'question',
    id: 'work-totals',
    fields: ['work'],
    gate: answered('work', 'format', 'totals'),
    inputs: [
      {
        name: 'graduateYears',
        type: 'years',
        unknown: true,
        needs: ['work.graduateYears', 'work.yearsInLastFive'],
      },
      { name: 'seniorYears', type: 'years', unknown: true, needs: ['work.seniorYears'] },
      { name: 'multinationalYears', type: 'years', unknown: true, needs: ['work.multinationalYears'] },
      { name: 'specifiedFieldYears', type: 'years', unknown: true, needs: ['work.specifiedFieldYears'] },
      { name: 'internationalYears', type: 'years', unknown: true, needs: ['work.internationalYears'] },
    ],
  },
  {
    kind: 'question',
    id: 'income',
    fields: ['income.lastYearHKD'],
    inputs: [{ name: 'lastYearHKD', type: 'amount', unknown: true, needs: INCOME_NEEDS }],
  },
  {
    kind: 'question',
    id: 'business',
    fields: ['business.ownsBusiness'],
    inputs: [yesno('ownsBusiness', BUSINESS_NEEDS)],
  },
  {
    kind: 'question',
    id: 'business-profit',
    fields: ['business.businessProfitLastYearHKD'],
    gate: answered('business', 'ownsBusiness', true),
    inputs: [{ name: 'profitHKD', type: 'amount', unknown: true, needs: BUSINESS_NEEDS }],
  },
  {
    kind: 'question',
    id: 'listed-company',
    fields: ['business.ownsListedCompany'],
    inputs: [yesno('ownsListedCompany', ['business.ownsListedCompany'])],
  },
  { kind: 'question', id: 'talent-list', fields: ['talentList'], inputs: [yesno('meets', TALENT_NEEDS)] },
  {
    kind: 'question',
    id: 'talent-list-profession',
    fields: ['talentList'],
    gate: answered('talent-list', 'meets', true),
    inputs: [{ name: 'profession', type: 'profession', unknown: true, maxLength: 200, needs: TALENT_NEEDS }],
  },
  { kind: 'question', id: 'job-offer', fields: ['jobOffer'], inputs: [yesno('hasOffer', JOB_NEEDS)] },
  {
    kind: 'question',
    id: 'job-offer-post',
    fields: ['jobOffer.relevantToQualifications', 'jobOffer.degreeLevelPost'],
    gate: answered('job-offer', 'hasOffer', true),
    inputs: [
      yesno('relevantToQualifications', ['jobOffer.relevant']),
      yesno('degreeLevelPost', ['jobOffer.degreeLevelPost']),
    ],
  },
  {
    kind: 'question',
    id: 'job-offer-pay',
    fields: ['jobOffer.annualSalaryHKD', 'jobOffer.marketLevelPay'],
    gate: answered('job-offer', 'hasOffer', true),
    inputs: [
      { name: 'annualSalaryHKD', type: 'amount', unknown: true, needs: ['jobOffer.annualSalaryHKD'] },
      yesno('marketLevelPay', ['jobOffer.marketLevelPay']),
    ],
  },
  {
    kind: 'question',
    id: 'job-offer-employer',
    fields: ['jobOffer.cannotBeFilledLocally', 'jobOffer.employerHasTechTasQuota'],
    gate: answered('job-offer', 'hasOffer', true),
    inputs: [
      yesno('cannotBeFilledLocally', ['jobOffer.cannotBeFilledLocally']),
      yesno('employerHasTechTasQuota', ['jobOffer.employerHasTechTasQuota']),
    ],
  },
  {
    kind: 'question',
    id: 'job-offer-technology',
    fields: ['jobOffer.researchAndDevelopment', 'jobOffer.technologyArea'],
    gate: answered('job-offer', 'hasOffer', true),
    inputs: [
      yesno('researchAndDevelopment', ['jobOffer.researchAndDevelopment']),
      {
        name: 'technologyArea',
        type: 'choice',
        options: technologyAreas,
        unknown: true,
        needs: ['jobOffer.technologyArea'],
      },
    ],
  },
  {
    kind: 'question',
    id: 'languages-chinese',
    fields: ['languages.chinese', 'languages'],
    inputs: [
      yesno('written', ['languages.chinese', 'languages.count']),
      yesno('putonghua', ['languages.chinese', 'languages.count']),
      yesno('cantonese', ['languages.chinese', 'languages.count']),
    ],
  },
  {
    kind: 'question',
    id: 'languages-english',
    fields: ['languages.english', 'languages'],
    inputs: [
      yesno('written', ['languages.english', 'languages.count']),
      yesno('spoken', ['languages.english', 'languages.count']),
    ],
  },
  {
    kind: 'question',
    id: 'languages-other',
    fields: ['languages.others', 'languages'],
    inputs: [
      {
        name: 'others',
        type: 'textList',
        unknown: true,
        maxItems: 10,
        maxLength: 60,
        needs: ['languages.otherCount', 'languages.count'],
      },
    ],
  },
  {
    kind: 'question',
    id: 'achievements',
    fields: ['achievements.exceptionalAward', 'achievements.peerRecognition'],
    inputs: [
      yesno('exceptionalAward', ['achievements.exceptionalAward']),
      yesno('peerRecognition', ['achievements.peerRecognition']),
    ],
  },
  {
    kind: 'question',
    id: 'family-in-hong-kong',
    fields: ['family.hkPermanentResidentInHongKong'],
    inputs: [yesno('hkPermanentResidentInHongKong', ['family.hkPermanentResidentInHongKong'])],
  },
  { kind: 'question', id: 'sponsor', fields: ['sponsor'], inputs: [yesno('hasSponsor', SPONSOR_NEEDS)] },
  {
    kind: 'question',
    id: 'sponsor-relation',
    fields: ['sponsor.relation'],
    gate: answered('sponsor', 'hasSponsor', true),
    inputs: [
      { name: 'relation', type: 'choice', options: sponsorRelations, unknown: true, needs: SPONSOR_NEEDS },
    ],
  },
  {
    kind: 'question',
    id: 'sponsor-status',
    fields: ['sponsor.status'],
    gate: answered('sponsor', 'hasSponsor', true),
    inputs: [
      { name: 'status', type: 'choice', options: sponsorStatuses, unknown: true, needs: ['sponsor.status'] },
    ],
  },
  {
    kind: 'question',
    id: 'sponsor-support',
    fields: ['sponsor.canSupportAndAccommodate'],
    gate: answered('sponsor', 'hasSponsor', true),
    inputs: [yesno('canSupportAndAccommodate', ['sponsor.canSupportAndAccommodate'])],
  },
  {
    kind: 'question',
    id: 'sponsor-unmarried',
    fields: ['sponsor.applicantUnmarried'],
    // Only a child coming to a parent must be unmarried.
    gate: (a) =>
      value(a, 'sponsor', 'hasSponsor') === true &&
      ['parent', DONT_KNOW].includes(String(value(a, 'sponsor-relation', 'relation'))),
    inputs: [yesno('applicantUnmarried', ['sponsor.applicantUnmarried'])],
  },
  {
    kind: 'question',
    id: 'might-invest',
    fields: ['investment.plannedInvestmentHKD'],
    inputs: [yesno('mightInvest', INVESTMENT_NEEDS)],
  },
  {
    kind: 'question',
    id: 'investment',
    fields: ['investment.netAssetsHKD', 'investment.plannedInvestmentHKD'],
    gate: answered('might-invest', 'mightInvest', true),
    inputs: [
      { name: 'netAssetsHKD', type: 'amount', unknown: true, needs: ['investment.netAssetsHKD'] },
      {
        name: 'plannedInvestmentHKD',
        type: 'amount',
        unknown: true,
        needs: ['investment.plannedInvestmentHKD'],
      },
    ],
  },
  {
    kind: 'question',
    id: 'has-dependants',
    fields: ['dependants'],
    inputs: [yesno('hasDependants', FAMILY_NEEDS)],
  },
  {
    kind: 'list',
    id: 'dependants',
    fields: ['dependants[]'],
    gate: answered('has-dependants', 'hasDependants', true),
    maxItems: 12,
    item: [
      {
        name: 'relation',
        type: 'choice',
        options: ['spouse', 'civil_partner', 'child'],
        unknown: false,
        needs: FAMILY_NEEDS,
      },
      { name: 'dateOfBirth', type: 'date', unknown: true, needs: FAMILY_NEEDS },
      { name: 'nationality', type: 'country', unknown: true, needs: FAMILY_NEEDS },
      yesno('mainlandResident', FAMILY_NEEDS),
      {
        ...yesno('hasDegree', ['dependants.spouseWithDegree']),
        onlyWhen: { field: 'relation', in: ['spouse', 'civil_partner'] },
      },
      { ...yesno('married', FAMILY_NEEDS), onlyWhen: { field: 'relation', in: ['child'] } },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// The flow
// ---------------------------------------------------------------------------------------------

/** The comparison's route id in drafts and flows: not a route, every route. */
export const COMPARE_FLOW_ID = 'compare';

/**
 * The comparison questionnaire for what `needsAt` says the rules read (see routeNeeds). Every
 * input is asked only when a need of it is read on the submission day answered first; a page
 * none of whose inputs is needed is skipped.
 *
 * @example
 * const flow = comparisonFlowFor(routeNeeds(SHIPPED_ROUTE_IDS.map(shippedRoute)));
 * path(flow, {}).map((n) => n.id); // ['apply-date', 'date-of-birth', 'nationality', …]
 */
export function comparisonFlowFor(needsAt: NeedsAt): Flow {
  const inputNeeded = (answers: Answers, input: Input): boolean => {
    if (!input.needs) return true;
    const needs = needsAt(applyDay(answers));
    return input.needs.some((n) => needs.has(n));
  };
  const nodes: FlowNode[] = specs.map((s) => {
    const inputs = s.kind === 'list' ? s.item : s.inputs;
    const when = (answers: Answers) =>
      (s.gate ? s.gate(answers) : true) && inputs.some((input) => inputNeeded(answers, input));
    const fields = s.fields;
    // The node keeps its inputs' needs on them: inputWhen reads them back.
    return s.kind === 'list'
      ? { kind: 'list', id: s.id, fields, when, followUp: !!s.gate, item: s.item, maxItems: s.maxItems }
      : {
          kind: 'question',
          id: s.id,
          fields,
          when,
          followUp: !!s.gate,
          inputs: s.inputs,
          ...(s.defaults ? { defaults: s.defaults } : {}),
        };
  });

  const flow: Flow = {
    routeId: COMPARE_FLOW_ID,
    nodes,
    submissionNode: APPLY_DATE,
    inputWhen: (answers, _node, spec) => inputNeeded(answers, spec as Input),
    toProfile(answers) {
      // Only the inputs asked on the submission day answered count: a fact the day's rules do not
      // read stays unknown even when an earlier visit answered it.
      const keep = (node: FlowNode, a: Answer): Answer => relevantInputs(inputsOf(flow, node, answers), a);
      return profileFromAnswers(answersOnPath(nodes, answers, keep));
    },
    fromProfile: answersFromProfile,
  };
  return flow;
}

/**
 * The comparison questionnaire for these routes: it asks what their rules read.
 *
 * @example comparisonFlow(SHIPPED_ROUTE_IDS.map(shippedRoute))
 */
export function comparisonFlow(routes: readonly RouteRules[]): Flow {
  return comparisonFlowFor(routeNeeds(routes));
}
