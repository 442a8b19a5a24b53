import type { CategoryName, MeasureName } from '../engine/measures.ts';
import {
  type Degree,
  type Dependant,
  hongKongProgrammes,
  type JobOffer,
  type Profile,
  placesOfBirth,
  type Sponsor,
  sponsorRelations,
  sponsorStatuses,
  technologyAreas,
  type WorkPeriod,
  workFields,
} from '../profile/schema.ts';
import type { Condition } from '../rules/schema.ts';
import type { Dated, RouteRules } from '../rules/types.ts';
import { versionAt } from '../rules/types.ts';
import {
  type Answer,
  type Answers,
  DONT_KNOW,
  type FieldSpec,
  type Flow,
  type FlowNode,
  isListAnswer,
  type ListAnswer,
} from './types.ts';

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

type Tri = boolean | 'unknown';

// ---------------------------------------------------------------------------------------------
// What the rules read
// ---------------------------------------------------------------------------------------------

function conditionNeeds(condition: Condition | undefined, out: Set<Need>): void {
  if (!condition) return;
  if ('all' in condition) for (const c of condition.all) conditionNeeds(c, out);
  else if ('any' in condition) for (const c of condition.any) conditionNeeds(c, out);
  else if ('not' in condition) conditionNeeds(condition.not, out);
  else if ('measure' in condition) out.add(condition.measure);
  else out.add(condition.category);
}

/** Every need of one route's rule versions in force at an instant (or of its latest versions). */
function routeNeedsAt(rules: RouteRules, atMs: number | undefined, out: Set<Need>): void {
  const pick = <T>(versions: ReadonlyArray<Dated<T>>): Dated<T> | undefined =>
    atMs === undefined ? versions[versions.length - 1] : versionAt(versions, atMs);
  for (const item of pick(rules.prerequisites)?.items ?? []) conditionNeeds(item.when, out);
  for (const test of rules.tests) {
    const version = pick(test.versions);
    if (!version) continue;
    if ('criteria' in version) for (const c of version.criteria) conditionNeeds(c.when, out);
    else
      for (const factor of version.factors)
        for (const line of [...factor.bands, ...factor.bonuses]) {
          if ('when' in line) conditionNeeds(line.when, out);
          else out.add(line.perUnitOf);
        }
  }
  for (const step of pick(rules.steps)?.steps ?? []) conditionNeeds(step.when, out);
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
// Reading answers
// ---------------------------------------------------------------------------------------------

function answer(answers: Answers, id: string): Answer | undefined {
  const a = answers[id];
  return a === undefined || isListAnswer(a) ? undefined : a;
}

function list(answers: Answers, id: string): ListAnswer | undefined {
  const a = answers[id];
  return isListAnswer(a) ? a : undefined;
}

function value(answers: Answers, id: string, field: string) {
  return answer(answers, id)?.[field];
}

function tri(a: Answer | undefined, field: string): Tri {
  const v = a?.[field];
  return typeof v === 'boolean' ? v : DONT_KNOW;
}

function text(a: Answer | undefined, field: string): string {
  const v = a?.[field];
  return typeof v === 'string' && v !== '' ? v : DONT_KNOW;
}

function num(a: Answer | undefined, field: string): number | 'unknown' {
  const v = a?.[field];
  return typeof v === 'number' ? v : DONT_KNOW;
}

function oneOf<T extends string>(options: readonly T[], v: unknown): T | 'unknown' {
  return options.find((o) => o === v) ?? DONT_KNOW;
}

/** The submission day answered (YYYY-MM-DD), or undefined while unknown or not answered. */
export function applyDay(answers: Answers): string | undefined {
  const day = value(answers, APPLY_DATE, 'date');
  return typeof day === 'string' && day !== DONT_KNOW ? day : undefined;
}

function asksPrcPassport(answers: Answers): boolean {
  return (
    value(answers, 'nationality', 'nationality') === 'CHN' &&
    value(answers, 'mainland-resident', 'mainlandResident') !== true
  );
}

const bornInChina = ['hong_kong', 'mainland', 'macao', 'taiwan'];

// ---------------------------------------------------------------------------------------------
// The questions
// ---------------------------------------------------------------------------------------------

const DEGREE_NEEDS: Need[] = [
  'degrees.bachelorOrAbove',
  'degrees.master',
  'degrees.doctorate',
  'degrees.renowned',
  'degrees.eligibleUniversityPostgraduate',
  'degrees.eligibleUniversityPostgraduateStem',
  'degrees.eligibleUniversityBachelor',
  'degrees.eligibleUniversityBachelorRecent',
  'degrees.stemEligibleUniversity',
  'degrees.hongKongLocalBachelor',
  'degrees.hongKongOrGba',
  'degrees.hongKongOrGbaRecent',
  'degrees.ugcFundedOrGba',
];
const ELIGIBLE_LIST_NEEDS: Need[] = [
  'degrees.eligibleUniversityPostgraduate',
  'degrees.eligibleUniversityPostgraduateStem',
  'degrees.eligibleUniversityBachelor',
  'degrees.eligibleUniversityBachelorRecent',
  'degrees.stemEligibleUniversity',
];
const HONG_KONG_STUDY_NEEDS: Need[] = [
  'degrees.hongKongLocalBachelor',
  'degrees.hongKongOrGba',
  'degrees.hongKongOrGbaRecent',
  'degrees.ugcFundedOrGba',
];
const WORK_NEEDS: Need[] = [
  'work.graduateYears',
  'work.seniorYears',
  'work.multinationalYears',
  'work.specifiedFieldYears',
  'work.internationalYears',
  'work.yearsInLastFive',
];
const JOB_NEEDS: Need[] = [
  'jobOffer.confirmed',
  'jobOffer.relevant',
  'jobOffer.degreeLevelPost',
  'jobOffer.annualSalaryHKD',
  'jobOffer.marketLevelPay',
  'jobOffer.cannotBeFilledLocally',
  'jobOffer.employerHasTechTasQuota',
  'jobOffer.researchAndDevelopment',
  'jobOffer.technologyArea',
];
const SPONSOR_NEEDS: Need[] = [
  'sponsor.relation',
  'sponsor.status',
  'sponsor.canSupportAndAccommodate',
  'sponsor.applicantUnmarried',
];
const INVESTMENT_NEEDS: Need[] = ['investment.netAssetsHKD', 'investment.plannedInvestmentHKD'];
const FAMILY_NEEDS: Need[] = ['family', 'dependants.spouseWithDegree', 'dependants.unmarriedChildrenUnder18'];
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
// The profile
// ---------------------------------------------------------------------------------------------

/** The answers on the path, each with only the inputs asked: what the profile is built from. */
type Asked = (id: string) => Answer | undefined;

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

function degree(a: Answer): Degree {
  return {
    level: oneOf(['bachelor', 'master', 'doctorate'] as const, a.level),
    institution: text(a, 'institution'),
    subject: DONT_KNOW,
    stem: tri(a, 'stem'),
    eligibleUniversity: tri(a, 'eligibleUniversity'),
    renownedInstitution: tri(a, 'renownedInstitution'),
    yearAwarded: num(a, 'yearAwarded'),
    graduationDate: text(a, 'graduationDate'),
    hongKongProgramme: oneOf(hongKongProgrammes, a.hongKongProgramme),
  };
}

function workPeriod(a: Answer): WorkPeriod {
  return {
    from: `${String(a.from)}-01`,
    to: a.to === 'present' ? 'present' : lastDayOfMonth(String(a.to)),
    graduateLevel: tri(a, 'graduateLevel'),
    seniorRole: tri(a, 'seniorRole'),
    multinationalOrRenowned: tri(a, 'multinationalOrRenowned'),
    field: oneOf(workFields, a.field),
    international: tri(a, 'international'),
  };
}

function dependant(a: Answer): Dependant {
  const common = {
    dateOfBirth: text(a, 'dateOfBirth'),
    nationality: text(a, 'nationality'),
    mainlandResident: tri(a, 'mainlandResident'),
  };
  if (a.relation === 'child') return { relation: 'child', ...common, married: tri(a, 'married') };
  const relation = a.relation === 'civil_partner' ? 'civil_partner' : 'spouse';
  return { relation, ...common, hasDegree: tri(a, 'hasDegree') };
}

function listOrUnknown<T>(
  gate: Tri,
  items: readonly Answer[] | undefined,
  map: (a: Answer) => T,
): T[] | 'unknown' {
  if (gate === DONT_KNOW) return DONT_KNOW;
  if (gate === false) return [];
  return (items ?? []).map(map);
}

function prcPassportAbroad(asked: Asked): Profile['person']['prcPassportAbroad'] {
  const nationality = asked('nationality')?.nationality;
  if (nationality === undefined || nationality === DONT_KNOW) return DONT_KNOW;
  const a = asked('prc-passport');
  if (nationality !== 'CHN' || asked('mainland-resident')?.mainlandResident === true) return 'not_applicable';
  if (!a) return DONT_KNOW;
  return {
    appliesFromOverseas: tri(a, 'appliesFromOverseas'),
    overseasPermanentResidence: tri(a, 'overseasPermanentResidence'),
    livedOverseasAtLeastOneYear: tri(a, 'livedOverseasAtLeastOneYear'),
  };
}

function work(asked: Asked, items: readonly Answer[] | undefined): Profile['work'] {
  const format = asked('work')?.format;
  if (format === 'periods') return { kind: 'periods', periods: (items ?? []).map(workPeriod) };
  if (format === 'totals') {
    const t = asked('work-totals');
    return {
      kind: 'totals',
      graduateYears: num(t, 'graduateYears'),
      seniorYears: num(t, 'seniorYears'),
      multinationalYears: num(t, 'multinationalYears'),
      specifiedFieldYears: num(t, 'specifiedFieldYears'),
      internationalYears: num(t, 'internationalYears'),
    };
  }
  return DONT_KNOW;
}

function jobOffer(asked: Asked): Profile['jobOffer'] {
  const has = tri(asked('job-offer'), 'hasOffer');
  if (has !== true) return has === false ? 'none' : DONT_KNOW;
  const post = asked('job-offer-post');
  const pay = asked('job-offer-pay');
  const employer = asked('job-offer-employer');
  const technology = asked('job-offer-technology');
  const offer: JobOffer = {
    relevantToQualifications: tri(post, 'relevantToQualifications'),
    degreeLevelPost: tri(post, 'degreeLevelPost'),
    annualSalaryHKD: num(pay, 'annualSalaryHKD'),
    marketLevelPay: tri(pay, 'marketLevelPay'),
    cannotBeFilledLocally: tri(employer, 'cannotBeFilledLocally'),
    employerHasTechTasQuota: tri(employer, 'employerHasTechTasQuota'),
    researchAndDevelopment: tri(technology, 'researchAndDevelopment'),
    technologyArea: oneOf(technologyAreas, technology?.technologyArea),
  };
  return offer;
}

function sponsor(asked: Asked): Profile['sponsor'] {
  const has = tri(asked('sponsor'), 'hasSponsor');
  if (has !== true) return has === false ? 'none' : DONT_KNOW;
  const s: Sponsor = {
    relation: oneOf(sponsorRelations, asked('sponsor-relation')?.relation),
    status: oneOf(sponsorStatuses, asked('sponsor-status')?.status),
    canSupportAndAccommodate: tri(asked('sponsor-support'), 'canSupportAndAccommodate'),
    applicantUnmarried: tri(asked('sponsor-unmarried'), 'applicantUnmarried'),
  };
  return s;
}

function investment(asked: Asked): Profile['investment'] {
  const might = tri(asked('might-invest'), 'mightInvest');
  // Someone who will not invest plans to invest nothing; what they own is then not asked.
  if (might === false) return { netAssetsHKD: DONT_KNOW, plannedInvestmentHKD: 0 };
  const a = might === true ? asked('investment') : undefined;
  return { netAssetsHKD: num(a, 'netAssetsHKD'), plannedInvestmentHKD: num(a, 'plannedInvestmentHKD') };
}

function talentList(asked: Asked): Profile['talentList'] {
  const meets = tri(asked('talent-list'), 'meets');
  if (meets === DONT_KNOW) return DONT_KNOW;
  if (!meets) return 'none';
  const profession = asked('talent-list-profession')?.profession;
  return { profession: typeof profession === 'string' && profession !== DONT_KNOW ? profession : '—' };
}

function otherLanguages(asked: Asked): Profile['languages']['others'] {
  const others = asked('languages-other')?.others;
  if (!Array.isArray(others)) return DONT_KNOW;
  return others.map((language: string) => ({ language, written: true, spoken: true }));
}

// ---------------------------------------------------------------------------------------------
// The answers a profile stands for
// ---------------------------------------------------------------------------------------------

function answersOf(profile: Profile): Answers {
  const a: Record<string, Answer | ListAnswer> = {};
  const p = profile.person;
  a['date-of-birth'] = { dateOfBirth: p.dateOfBirth };
  a.nationality = { nationality: p.nationality };
  a['mainland-resident'] = { mainlandResident: p.mainlandResident };
  const x = p.prcPassportAbroad;
  if (x !== 'not_applicable')
    a['prc-passport'] =
      x === DONT_KNOW
        ? {
            appliesFromOverseas: DONT_KNOW,
            overseasPermanentResidence: DONT_KNOW,
            livedOverseasAtLeastOneYear: DONT_KNOW,
          }
        : { ...x };
  a['place-of-birth'] = { placeOfBirth: p.placeOfBirth };
  a['parent-settled-overseas'] = {
    parentChinesePermanentResidentSettledOverseas:
      profile.family.parentChinesePermanentResidentSettledOverseas,
  };
  a['self-supporting'] = { selfSupporting: profile.character.selfSupporting };
  a['criminal-record'] = { criminalRecord: profile.character.criminalRecord };
  a['adverse-immigration-record'] = { adverseImmigrationRecord: profile.character.adverseImmigrationRecord };
  const degrees = profile.education.degrees;
  a['has-degree'] = { hasDegree: degrees === DONT_KNOW ? DONT_KNOW : degrees.length > 0 };
  if (degrees !== DONT_KNOW && degrees.length > 0)
    a.degrees = {
      done: true,
      items: degrees.map((d) => {
        const item: Record<string, string | number | boolean> = {
          level: d.level,
          institution: d.institution,
          eligibleUniversity: d.eligibleUniversity,
          stem: d.stem,
          renownedInstitution: d.renownedInstitution,
          yearAwarded: d.yearAwarded,
          hongKongProgramme: d.hongKongProgramme,
        };
        if (['ugc_funded', 'self_financed', 'gba_campus'].includes(d.hongKongProgramme))
          item.graduationDate = d.graduationDate;
        return item;
      }),
    };
  a['professional-qualification'] = {
    professionalQualification: profile.education.professionalQualification,
  };
  const w = profile.work;
  a.work = { format: w === DONT_KNOW ? DONT_KNOW : w.kind };
  if (w !== DONT_KNOW && w.kind === 'periods')
    a['work-periods'] = {
      done: true,
      items: w.periods.map((period) => ({
        from: period.from.slice(0, 7),
        to: period.to === 'present' ? 'present' : period.to.slice(0, 7),
        graduateLevel: period.graduateLevel,
        seniorRole: period.seniorRole,
        multinationalOrRenowned: period.multinationalOrRenowned,
        field: period.field,
        international: period.international,
      })),
    };
  else if (w !== DONT_KNOW) {
    const { kind: _kind, ...years } = w;
    a['work-totals'] = years;
  }
  a.income = { lastYearHKD: profile.income.lastYearHKD };
  a.business = { ownsBusiness: profile.business.ownsBusiness };
  if (profile.business.ownsBusiness === true)
    a['business-profit'] = { profitHKD: profile.business.businessProfitLastYearHKD };
  a['listed-company'] = { ownsListedCompany: profile.business.ownsListedCompany };
  const talent = profile.talentList;
  a['talent-list'] = { meets: talent === DONT_KNOW ? DONT_KNOW : talent !== 'none' };
  if (talent !== DONT_KNOW && talent !== 'none')
    a['talent-list-profession'] = { profession: talent.profession === '—' ? DONT_KNOW : talent.profession };
  const offer = profile.jobOffer;
  a['job-offer'] = { hasOffer: offer === DONT_KNOW ? DONT_KNOW : offer !== 'none' };
  if (offer !== DONT_KNOW && offer !== 'none') {
    a['job-offer-post'] = {
      relevantToQualifications: offer.relevantToQualifications,
      degreeLevelPost: offer.degreeLevelPost,
    };
    a['job-offer-pay'] = { annualSalaryHKD: offer.annualSalaryHKD, marketLevelPay: offer.marketLevelPay };
    a['job-offer-employer'] = {
      cannotBeFilledLocally: offer.cannotBeFilledLocally,
      employerHasTechTasQuota: offer.employerHasTechTasQuota,
    };
    a['job-offer-technology'] = {
      researchAndDevelopment: offer.researchAndDevelopment,
      technologyArea: offer.technologyArea,
    };
  }
  a['languages-chinese'] = { ...profile.languages.chinese };
  a['languages-english'] = { ...profile.languages.english };
  const others = profile.languages.others;
  a['languages-other'] = {
    others:
      others === DONT_KNOW
        ? DONT_KNOW
        : others.filter((l) => l.written === true && l.spoken === true).map((l) => l.language),
  };
  a.achievements = { ...profile.achievements };
  a['family-in-hong-kong'] = { hkPermanentResidentInHongKong: profile.family.hkPermanentResidentInHongKong };
  const s = profile.sponsor;
  a.sponsor = { hasSponsor: s === DONT_KNOW ? DONT_KNOW : s !== 'none' };
  if (s !== DONT_KNOW && s !== 'none') {
    a['sponsor-relation'] = { relation: s.relation };
    a['sponsor-status'] = { status: s.status };
    a['sponsor-support'] = { canSupportAndAccommodate: s.canSupportAndAccommodate };
    a['sponsor-unmarried'] = { applicantUnmarried: s.applicantUnmarried };
  }
  const inv = profile.investment;
  const wontInvest = inv.plannedInvestmentHKD === 0 && inv.netAssetsHKD === DONT_KNOW;
  const unknownInvestment = inv.plannedInvestmentHKD === DONT_KNOW && inv.netAssetsHKD === DONT_KNOW;
  a['might-invest'] = { mightInvest: wontInvest ? false : unknownInvestment ? DONT_KNOW : true };
  if (!wontInvest && !unknownInvestment) a.investment = { ...inv };
  const dependants = profile.dependants;
  a['has-dependants'] = { hasDependants: dependants === DONT_KNOW ? DONT_KNOW : dependants.length > 0 };
  if (dependants !== DONT_KNOW && dependants.length > 0)
    a.dependants = {
      done: true,
      items: dependants.map((d) => {
        const { relation, dateOfBirth, nationality, mainlandResident } = d;
        const common = { relation, dateOfBirth, nationality, mainlandResident };
        return d.relation === 'child'
          ? { ...common, married: d.married }
          : { ...common, hasDegree: d.hasDegree };
      }),
    };
  return a;
}

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
      const onPath = new Set(nodes.filter((n) => (n.when ? n.when(answers) : true)).map((n) => n.id));
      const keep = (node: FlowNode, a: Answer): Answer => {
        const asked = (node.kind === 'list' ? node.item : node.inputs).filter((spec) =>
          inputNeeded(answers, spec as Input),
        );
        // An input for some answers of another only (a child's marriage) is read only for those.
        const relevant = (spec: FieldSpec) =>
          !spec.onlyWhen || spec.onlyWhen.in.includes(String(a[spec.onlyWhen.field]));
        return Object.fromEntries(
          asked.filter((spec) => spec.name in a && relevant(spec)).map((spec) => [spec.name, a[spec.name]]),
        ) as Answer;
      };
      const byId = new Map(nodes.map((n) => [n.id, n]));
      const asked: Asked = (id) => {
        const node = byId.get(id);
        const a = answer(answers, id);
        return node && a && onPath.has(id) ? keep(node, a) : undefined;
      };
      const items = (id: string): Answer[] | undefined => {
        const node = byId.get(id);
        const l = list(answers, id);
        return node && l && onPath.has(id) ? l.items.map((item) => keep(node, item)) : undefined;
      };
      const chinese = asked('languages-chinese');
      const english = asked('languages-english');
      const achievements = asked('achievements');
      const placeOfBirth = asked('place-of-birth')?.placeOfBirth;
      return {
        schemaVersion: 2,
        person: {
          dateOfBirth: text(asked('date-of-birth'), 'dateOfBirth'),
          nationality: text(asked('nationality'), 'nationality'),
          mainlandResident: tri(asked('mainland-resident'), 'mainlandResident'),
          prcPassportAbroad: prcPassportAbroad(asked),
          placeOfBirth: oneOf(placesOfBirth, placeOfBirth),
        },
        character: {
          selfSupporting: tri(asked('self-supporting'), 'selfSupporting'),
          criminalRecord: tri(asked('criminal-record'), 'criminalRecord'),
          adverseImmigrationRecord: tri(asked('adverse-immigration-record'), 'adverseImmigrationRecord'),
        },
        education: {
          degrees: listOrUnknown(tri(asked('has-degree'), 'hasDegree'), items('degrees'), degree),
          professionalQualification: tri(asked('professional-qualification'), 'professionalQualification'),
        },
        languages: {
          chinese: {
            written: tri(chinese, 'written'),
            putonghua: tri(chinese, 'putonghua'),
            cantonese: tri(chinese, 'cantonese'),
          },
          english: { written: tri(english, 'written'), spoken: tri(english, 'spoken') },
          others: otherLanguages(asked),
        },
        work: work(asked, items('work-periods')),
        income: { lastYearHKD: num(asked('income'), 'lastYearHKD') },
        business: (() => {
          const owns = tri(asked('business'), 'ownsBusiness');
          return {
            ownsBusiness: owns,
            businessProfitLastYearHKD:
              owns === true ? num(asked('business-profit'), 'profitHKD') : owns === false ? 0 : DONT_KNOW,
            ownsListedCompany: tri(asked('listed-company'), 'ownsListedCompany'),
          };
        })(),
        talentList: talentList(asked),
        achievements: {
          exceptionalAward: tri(achievements, 'exceptionalAward'),
          peerRecognition: tri(achievements, 'peerRecognition'),
        },
        family: {
          hkPermanentResidentInHongKong: tri(asked('family-in-hong-kong'), 'hkPermanentResidentInHongKong'),
          parentChinesePermanentResidentSettledOverseas: tri(
            asked('parent-settled-overseas'),
            'parentChinesePermanentResidentSettledOverseas',
          ),
        },
        jobOffer: jobOffer(asked),
        investment: investment(asked),
        sponsor: sponsor(asked),
        dependants: listOrUnknown(
          tri(asked('has-dependants'), 'hasDependants'),
          items('dependants'),
          dependant,
        ),
      };
    },
    fromProfile: answersOf,
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
