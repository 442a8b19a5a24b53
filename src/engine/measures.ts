import type { Degree, Dependant, Profile, WorkPeriod } from '../profile/schema.ts';
import { ageOn, type PlainDate, parsePlainDate, plainDate, spanYears } from './time.ts';

/**
 * Measures are the numbers a rule compares: derived from the applicant's facts at the submission
 * moment. Every measure is an interval [lo, hi]; a known value has lo === hi, an unknown fact
 * widens the interval. Booleans are 0 or 1. This one representation gives three-valued logic
 * ("met", "not met", "unknown") and best/worst cases for points without special cases.
 */
export interface Interval {
  lo: number;
  hi: number;
}

export const measureNames = [
  'age',
  'degrees.bachelorOrAbove',
  'degrees.master',
  'degrees.doctorate',
  'degrees.renowned',
  'degrees.eligibleUniversityPostgraduate',
  'degrees.eligibleUniversityPostgraduateStem',
  'professionalQualification',
  'work.graduateYears',
  'work.seniorYears',
  'work.multinationalYears',
  'work.specifiedFieldYears',
  'work.internationalYears',
  'languages.chinese',
  'languages.english',
  'languages.otherCount',
  'languages.count',
  'income.lastYearHKD',
  'business.ownedProfitHKD',
  'business.ownsListedCompany',
  'talentList.meets',
  'achievements.exceptionalAward',
  'achievements.peerRecognition',
  'family.hkPermanentResidentInHongKong',
  'dependants.spouseWithDegree',
  'dependants.unmarriedChildrenUnder18',
  'character.selfSupporting',
  'character.criminalRecord',
  'character.adverseImmigrationRecord',
  'person.mainlandResident',
  'person.prcPassportExemption',
  'person.bornOverseas',
  'person.overseasPermanentResidence',
  'income.withOwnedBusinessHKD',
  'degrees.eligibleUniversityBachelor',
  'degrees.eligibleUniversityBachelorRecent',
  'degrees.stemEligibleUniversity',
  'degrees.hongKongLocalBachelor',
  'degrees.hongKongOrGba',
  'degrees.hongKongOrGbaRecent',
  'degrees.ugcFundedOrGba',
  'work.yearsInLastFive',
  'jobOffer.confirmed',
  'jobOffer.relevant',
  'jobOffer.degreeLevelPost',
  'jobOffer.annualSalaryHKD',
  'jobOffer.marketLevelPay',
  'jobOffer.cannotBeFilledLocally',
  'jobOffer.employerHasTechTasQuota',
  'jobOffer.researchAndDevelopment',
  'family.parentChinesePermanentResidentSettledOverseas',
  'investment.netAssetsHKD',
  'investment.plannedInvestmentHKD',
  'sponsor.canSupportAndAccommodate',
  'sponsor.applicantUnmarried',
  'trade.meetsMinimumQualifications',
  'trade.contractMeetsMinimum',
  'trade.payMeetsMinimum',
  'vocational.admittedOnStudentVisa',
  'vocational.eligibleProgramme',
  'vocational.intakeYear',
  'vocational.academicYearsToComplete',
  'vocational.monthsAfterGraduation',
  'vocational.permittedToRemainUnderIang',
  'vocational.offerDisciplineRelevant',
  'vocational.offerHigherDiplomaLevel',
  'vocational.offerContractMonths',
  'degrees.hongKongLocalBachelorAsNonLocalStudent',
  'work.ttpsYears',
  'work.ttpsYearsInLastFive',
] as const;
export type MeasureName = (typeof measureNames)[number];

/** Categorical facts compared by membership (e.g. nationality in an exclusion list). */
export const categoryNames = [
  'nationality',
  'jobOffer.technologyArea',
  'sponsor.relation',
  'sponsor.status',
  'trade.offerTrade',
  'vocational.proof',
] as const;
export type CategoryName = (typeof categoryNames)[number];

/**
 * The work the Top Talent Pass Scheme counts (full-time employment or self-employment after
 * graduation) reads the dated periods or the two totals, and the first degree's graduation.
 */
const TTPS_WORK_FACTS = [
  'work.kind',
  'work.periods[].from',
  'work.periods[].to',
  'work.periods[].fullTimeOrSelfEmployed',
  'work.fullTimeYearsAfterGraduation',
  'work.fullTimeYearsInLastFive',
  'education.degrees[].level',
  'education.degrees[].yearAwarded',
  'education.degrees[].graduationDate',
] as const;

/** Which profile fields each measure reads: shown to the user as "the facts it read". */
export const measureFacts: Record<MeasureName | CategoryName, readonly string[]> = {
  age: ['person.dateOfBirth'],
  'degrees.bachelorOrAbove': ['education.degrees[].level'],
  'degrees.master': ['education.degrees[].level'],
  'degrees.doctorate': ['education.degrees[].level'],
  'degrees.renowned': ['education.degrees[].renownedInstitution'],
  'degrees.eligibleUniversityPostgraduate': [
    'education.degrees[].level',
    'education.degrees[].institution',
    'education.degrees[].eligibleUniversity',
  ],
  'degrees.eligibleUniversityPostgraduateStem': [
    'education.degrees[].level',
    'education.degrees[].institution',
    'education.degrees[].eligibleUniversity',
    'education.degrees[].stem',
  ],
  professionalQualification: ['education.professionalQualification'],
  'work.graduateYears': ['work'],
  'work.seniorYears': ['work'],
  'work.multinationalYears': ['work'],
  'work.specifiedFieldYears': ['work'],
  'work.internationalYears': ['work'],
  'languages.chinese': ['languages.chinese'],
  'languages.english': ['languages.english'],
  'languages.otherCount': ['languages.others'],
  'languages.count': ['languages'],
  'income.lastYearHKD': ['income.lastYearHKD'],
  'business.ownedProfitHKD': ['business.ownsBusiness', 'business.businessProfitLastYearHKD'],
  'business.ownsListedCompany': ['business.ownsListedCompany'],
  'talentList.meets': ['talentList'],
  'achievements.exceptionalAward': ['achievements.exceptionalAward'],
  'achievements.peerRecognition': ['achievements.peerRecognition'],
  'family.hkPermanentResidentInHongKong': ['family.hkPermanentResidentInHongKong'],
  'dependants.spouseWithDegree': ['dependants'],
  'dependants.unmarriedChildrenUnder18': ['dependants'],
  'character.selfSupporting': ['character.selfSupporting'],
  'character.criminalRecord': ['character.criminalRecord'],
  'character.adverseImmigrationRecord': ['character.adverseImmigrationRecord'],
  'person.mainlandResident': ['person.mainlandResident'],
  'person.prcPassportExemption': ['person.nationality', 'person.prcPassportAbroad'],
  'person.bornOverseas': ['person.placeOfBirth'],
  'person.overseasPermanentResidence': ['person.prcPassportAbroad'],
  'income.withOwnedBusinessHKD': [
    'income.lastYearHKD',
    'business.ownsBusiness',
    'business.businessProfitLastYearHKD',
  ],
  'degrees.eligibleUniversityBachelor': [
    'education.degrees[].level',
    'education.degrees[].institution',
    'education.degrees[].eligibleUniversity',
  ],
  'degrees.eligibleUniversityBachelorRecent': [
    'education.degrees[].level',
    'education.degrees[].institution',
    'education.degrees[].eligibleUniversity',
    'education.degrees[].yearAwarded',
  ],
  'degrees.stemEligibleUniversity': [
    'education.degrees[].level',
    'education.degrees[].institution',
    'education.degrees[].eligibleUniversity',
    'education.degrees[].stem',
  ],
  'degrees.hongKongLocalBachelor': ['education.degrees[].level', 'education.degrees[].hongKongProgramme'],
  'degrees.hongKongOrGba': ['education.degrees[].level', 'education.degrees[].hongKongProgramme'],
  'degrees.hongKongOrGbaRecent': [
    'education.degrees[].level',
    'education.degrees[].hongKongProgramme',
    'education.degrees[].graduationDate',
  ],
  'degrees.ugcFundedOrGba': ['education.degrees[].level', 'education.degrees[].hongKongProgramme'],
  'work.yearsInLastFive': ['work'],
  'jobOffer.confirmed': ['jobOffer'],
  'jobOffer.relevant': ['jobOffer.relevantToQualifications'],
  'jobOffer.degreeLevelPost': ['jobOffer.degreeLevelPost'],
  'jobOffer.annualSalaryHKD': ['jobOffer.annualSalaryHKD'],
  'jobOffer.marketLevelPay': ['jobOffer.marketLevelPay'],
  'jobOffer.cannotBeFilledLocally': ['jobOffer.cannotBeFilledLocally'],
  'jobOffer.employerHasTechTasQuota': ['jobOffer.employerHasTechTasQuota'],
  'jobOffer.researchAndDevelopment': ['jobOffer.researchAndDevelopment'],
  'family.parentChinesePermanentResidentSettledOverseas': [
    'family.parentChinesePermanentResidentSettledOverseas',
  ],
  'investment.netAssetsHKD': ['investment.netAssetsHKD'],
  'investment.plannedInvestmentHKD': ['investment.plannedInvestmentHKD'],
  'sponsor.canSupportAndAccommodate': ['sponsor.canSupportAndAccommodate'],
  'sponsor.applicantUnmarried': ['sponsor.applicantUnmarried'],
  'degrees.hongKongLocalBachelorAsNonLocalStudent': [
    'education.degrees[].level',
    'education.degrees[].hongKongProgramme',
    'education.degrees[].admittedAsNonLocalStudent',
  ],
  'work.ttpsYears': TTPS_WORK_FACTS,
  'work.ttpsYearsInLastFive': TTPS_WORK_FACTS,
  nationality: ['person.nationality'],
  'jobOffer.technologyArea': ['jobOffer.technologyArea'],
  'sponsor.relation': ['sponsor.relation'],
  'sponsor.status': ['sponsor.status'],
  'trade.meetsMinimumQualifications': ['trade.meetsTradeMinimumQualifications'],
  'trade.contractMeetsMinimum': ['trade.contractMeetsTradeMinimum'],
  'trade.payMeetsMinimum': ['trade.payMeetsTradeMinimum'],
  'vocational.admittedOnStudentVisa': ['vocational.admittedOnStudentVisa'],
  'vocational.eligibleProgramme': ['vocational.eligibleProgramme'],
  'vocational.intakeYear': ['vocational.intakeYear'],
  'vocational.academicYearsToComplete': ['vocational.intakeYear', 'vocational.graduationDate'],
  'vocational.monthsAfterGraduation': ['vocational.graduationDate'],
  'vocational.permittedToRemainUnderIang': ['vocational.permittedToRemainUnderIang'],
  'vocational.offerDisciplineRelevant': ['vocational.offerDisciplineRelevant'],
  'vocational.offerHigherDiplomaLevel': ['vocational.offerHigherDiplomaLevel'],
  'vocational.offerContractMonths': ['vocational.offerContractMonths'],
  'trade.offerTrade': ['trade.offerTrade'],
  'vocational.proof': ['vocational.proof'],
};

/**
 * The official lists a rule reads by name, as they stood at the submission moment. A name the
 * list data does not recognise gives undefined, and the measure falls back on the person's own
 * answer: Routewise's copy of a list can be incomplete, and that must not turn into a "no".
 */
export interface ListsAt {
  eligibleUniversity(institution: string): boolean | undefined;
  talentListProfession(profession: string): boolean | undefined;
}

const UNBOUNDED = 1e12;
const ZERO: Interval = { lo: 0, hi: 0 };
const ONE: Interval = { lo: 1, hi: 1 };
const BOOL_UNKNOWN: Interval = { lo: 0, hi: 1 };
const ANY_AMOUNT: Interval = { lo: 0, hi: UNBOUNDED };

function exact(n: number): Interval {
  return { lo: n, hi: n };
}

function flag(value: boolean | 'unknown'): Interval {
  if (value === 'unknown') return BOOL_UNKNOWN;
  return value ? ONE : ZERO;
}

function amount(value: number | 'unknown'): Interval {
  return value === 'unknown' ? ANY_AMOUNT : exact(value);
}

/**
 * An interval, as one of the shared yes/no constants when it is one (most results of and/or are):
 * intervals are never changed once made, and not allocating one per call adds up.
 */
function interval(lo: number, hi: number): Interval {
  if (hi === 0 && lo === 0) return ZERO;
  if (hi === 1) return lo === 1 ? ONE : lo === 0 ? BOOL_UNKNOWN : { lo, hi };
  return { lo, hi };
}

function and(a: Interval, b: Interval): Interval {
  return interval(Math.min(a.lo, b.lo), Math.min(a.hi, b.hi));
}

function or(a: Interval, b: Interval): Interval {
  return interval(Math.max(a.lo, b.lo), Math.max(a.hi, b.hi));
}

/** Counts items that satisfy a three-valued test: definite ones raise lo, possible ones raise hi. */
function countWhere<T>(items: readonly T[] | 'unknown', test: (item: T) => Interval): Interval {
  if (items === 'unknown') return { lo: 0, hi: UNBOUNDED };
  let lo = 0;
  let hi = 0;
  for (const item of items) {
    const t = test(item);
    lo += t.lo;
    hi += t.hi;
  }
  return { lo, hi };
}

function levelIs(degree: Degree, levels: readonly string[]): Interval {
  if (degree.level === 'unknown') return BOOL_UNKNOWN;
  return levels.includes(degree.level) ? ONE : ZERO;
}

// Module constants, not array literals in measure(): those would be allocated on every call.
const BACHELOR_OR_ABOVE = ['bachelor', 'master', 'doctorate'];
const MASTER = ['master'];
const DOCTORATE = ['doctorate'];
const POSTGRADUATE = ['master', 'doctorate'];
const BACHELOR = ['bachelor'];
const HONG_KONG_LOCAL = ['ugc_funded', 'self_financed'];
const HONG_KONG_OR_GBA = ['ugc_funded', 'self_financed', 'gba_campus'];
const UGC_OR_GBA = ['ugc_funded', 'gba_campus'];
/** TTPS category C: a degree obtained within the past five years, counted by year of graduation. */
const RECENT_DEGREE_YEARS = 5;

/**
 * Whether a degree's institution is on the eligible-university list in force: the list data
 * decides when it recognises the name, the person's own answer otherwise.
 */
function onEligibleList(degree: Degree, lists: ListsAt | undefined): Interval {
  if (lists && degree.institution !== 'unknown') {
    const listed = lists.eligibleUniversity(degree.institution);
    if (listed !== undefined) return listed ? ONE : ZERO;
  }
  return flag(degree.eligibleUniversity);
}

function awardedSince(degree: Degree, year: number): Interval {
  if (degree.yearAwarded === 'unknown') return BOOL_UNKNOWN;
  return degree.yearAwarded >= year ? ONE : ZERO;
}

function programmeIn(degree: Degree, programmes: readonly string[]): Interval {
  if (degree.hongKongProgramme === 'unknown') return BOOL_UNKNOWN;
  return programmes.includes(degree.hongKongProgramme) ? ONE : ZERO;
}

/**
 * The non-local graduates route: applying no later than six months after the graduation date
 * (the same day six months on, or the month's last day when it has no such day).
 */
function graduatedWithinSixMonths(degree: Degree, on: PlainDate): Interval {
  if (degree.graduationDate === 'unknown') return BOOL_UNKNOWN;
  const graduated = parsePlainDate(degree.graduationDate);
  if (graduated.epochDay > on.epochDay) return ZERO;
  const months = graduated.month - 1 + 6;
  const year = graduated.year + Math.floor(months / 12);
  const month = (months % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const deadline = plainDate(year, month, Math.min(graduated.day, lastDay));
  return on.epochDay <= deadline.epochDay ? ONE : ZERO;
}

function offerFlag(
  profile: Profile,
  key:
    | 'relevantToQualifications'
    | 'degreeLevelPost'
    | 'marketLevelPay'
    | 'cannotBeFilledLocally'
    | 'employerHasTechTasQuota'
    | 'researchAndDevelopment',
): Interval {
  const offer = profile.jobOffer;
  if (offer === 'none') return ZERO;
  return offer === 'unknown' ? BOOL_UNKNOWN : flag(offer[key]);
}

function sponsorFlag(profile: Profile, key: 'canSupportAndAccommodate' | 'applicantUnmarried'): Interval {
  const sponsor = profile.sponsor;
  if (sponsor === 'none') return ZERO;
  return sponsor === 'unknown' ? BOOL_UNKNOWN : flag(sponsor[key]);
}

/**
 * Years of graduate-level work in the five years before the submission day (TTPS category B).
 * Totals cannot say when the work was done, so they only bound it from above.
 */
function workYearsInLastFive(profile: Profile, on: PlainDate, spans: WorkSpans | undefined): Interval {
  const work = profile.work;
  if (work === 'unknown') return { lo: 0, hi: 5 };
  if (work.kind === 'totals') {
    const total = work.graduateYears;
    return { lo: 0, hi: total === 'unknown' ? 5 : Math.min(total, 5) };
  }
  const windowStart = plainDate(on.year - 5, on.month, on.day).epochDay;
  const definite = new SpanUnion();
  const possible = new SpanUnion();
  for (const { start, end, period } of spans ?? workSpans(profile, on)) {
    if (end <= windowStart) continue;
    const from = Math.max(start, windowStart);
    const qualifies = flag(period.graduateLevel);
    if (qualifies.hi === 1) possible.add(from, end);
    if (qualifies.lo === 1) definite.add(from, end);
  }
  return { lo: definite.total(), hi: possible.total() };
}

/**
 * The first graduation day (epoch day) as an interval: its earliest and latest possible day. A
 * graduation date decides it; a year alone puts it somewhere in that year; a degree with neither,
 * or a list of degrees not known, leaves it open. Only a degree certainly held bounds it from
 * above, since a degree whose level is unknown may be no degree at all.
 */
function firstGraduation(profile: Profile): Interval {
  const degrees = profile.education.degrees;
  if (degrees === 'unknown') return { lo: Number.NEGATIVE_INFINITY, hi: Number.POSITIVE_INFINITY };
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  for (const d of degrees) {
    const isDegree = levelIs(d, BACHELOR_OR_ABOVE);
    if (isDegree.hi === 0) continue;
    let day: Interval;
    if (d.graduationDate !== 'unknown') day = exact(parsePlainDate(d.graduationDate).epochDay);
    else if (d.yearAwarded !== 'unknown')
      day = {
        lo: plainDate(d.yearAwarded, 1, 1).epochDay,
        hi: plainDate(d.yearAwarded, 12, 31).epochDay,
      };
    else day = { lo: Number.NEGATIVE_INFINITY, hi: Number.POSITIVE_INFINITY };
    lo = Math.min(lo, day.lo);
    if (isDegree.lo === 1) hi = Math.min(hi, day.hi);
  }
  return { lo, hi };
}

/**
 * Years of the work the Top Talent Pass Scheme counts (its Note 5): full-time employment or
 * self-employment after graduation, graduate-level or not; with `lastFive`, only the part in the
 * five years before the submission day. Work is counted from the day after the first degree's
 * graduation: a day certainly after it counts for certain, a day that may be after it only
 * possibly. Totals give the number directly; a total for the five years may be given without the
 * total overall, and each bounds the other.
 */
function ttpsWorkYears(
  profile: Profile,
  on: PlainDate,
  spans: WorkSpans | undefined,
  lastFive: boolean,
): Interval {
  const work = profile.work;
  const cap = lastFive ? 5 : 80;
  if (work === 'unknown') return { lo: 0, hi: cap };
  if (work.kind === 'totals') {
    const all = work.fullTimeYearsAfterGraduation;
    const five = work.fullTimeYearsInLastFive;
    if (lastFive) {
      if (five !== 'unknown') return exact(Math.min(five, 5, all === 'unknown' ? 5 : all));
      return { lo: 0, hi: all === 'unknown' ? 5 : Math.min(all, 5) };
    }
    if (all !== 'unknown') return exact(all);
    return { lo: five === 'unknown' ? 0 : five, hi: 80 };
  }
  const graduated = firstGraduation(profile);
  // Work counts from the day after graduation; +1 keeps an unbounded side unbounded.
  let definiteFrom = graduated.hi + 1;
  let possibleFrom = graduated.lo + 1;
  if (lastFive) {
    const windowStart = plainDate(on.year - 5, on.month, on.day).epochDay;
    definiteFrom = Math.max(definiteFrom, windowStart);
    possibleFrom = Math.max(possibleFrom, windowStart);
  }
  const definite = new SpanUnion();
  const possible = new SpanUnion();
  for (const { start, end, period } of spans ?? workSpans(profile, on)) {
    const qualifies = flag(period.fullTimeOrSelfEmployed);
    if (qualifies.hi === 1 && end > possibleFrom) possible.add(Math.max(start, possibleFrom), end);
    if (qualifies.lo === 1 && end > definiteFrom) definite.add(Math.max(start, definiteFrom), end);
  }
  return { lo: definite.total(), hi: possible.total() };
}

function proficient(written: boolean | 'unknown', spoken: Interval): Interval {
  return and(flag(written), spoken);
}

/**
 * The work periods with at least one day before the submission day, as [start, end) in epoch days
 * cut off at that day, in order of start (periods that start the same day keep their order). The
 * five work measures all read these, so Facts works them out once per assessment; being in order,
 * each measure merges them as it goes instead of collecting and sorting its own lists.
 */
export type WorkSpans = ReadonlyArray<{ start: number; end: number; period: WorkPeriod }>;

export function workSpans(profile: Profile, on: PlainDate): WorkSpans {
  const work = profile.work;
  if (work === 'unknown' || work.kind !== 'periods') return [];
  const spans: Array<{ start: number; end: number; period: WorkPeriod }> = [];
  let ordered = true;
  for (const period of work.periods) {
    const span = periodSpan(period, on);
    if (!span) continue;
    const last = spans[spans.length - 1];
    if (last && span[0] < last.start) ordered = false;
    spans.push({ start: span[0], end: span[1], period });
  }
  if (!ordered) spans.sort((a, b) => a.start - b.start);
  return spans;
}

/**
 * The years covered by spans added in order of start, overlapping days counted once: periods may
 * overlap (two part-time jobs), and counting those days twice would overstate experience.
 */
class SpanUnion {
  private years = 0;
  private start = 0;
  private end = Number.NEGATIVE_INFINITY;
  private empty = true;

  add(start: number, end: number): void {
    if (this.empty) {
      this.empty = false;
      this.start = start;
      this.end = end;
    } else if (start > this.end) {
      this.years += spanYears(this.start, this.end);
      this.start = start;
      this.end = end;
    } else if (end > this.end) {
      this.end = end;
    }
  }

  total(): number {
    return this.empty ? 0 : this.years + spanYears(this.start, this.end);
  }
}

/** Years of work, per measure, within the periods that end before the submission day. */
function workYears(profile: Profile, on: PlainDate, which: WorkMeasure, spans?: WorkSpans): Interval {
  const work = profile.work;
  if (work === 'unknown') return { lo: 0, hi: 80 };
  if (work.kind === 'totals') {
    const value = work[totalsKey[which]];
    return value === 'unknown' ? { lo: 0, hi: 80 } : exact(value);
  }
  // The definite and the possible days are merged separately.
  const definite = new SpanUnion();
  const possible = new SpanUnion();
  for (const { start, end, period } of spans ?? workSpans(profile, on)) {
    const qualifies = periodQualifies(period, which);
    if (qualifies.hi === 1) possible.add(start, end);
    if (qualifies.lo === 1) definite.add(start, end);
  }
  return { lo: definite.total(), hi: possible.total() };
}

type WorkMeasure = 'graduate' | 'senior' | 'multinational' | 'specifiedField' | 'international';

const totalsKey = {
  graduate: 'graduateYears',
  senior: 'seniorYears',
  multinational: 'multinationalYears',
  specifiedField: 'specifiedFieldYears',
  international: 'internationalYears',
} as const;

function periodQualifies(period: WorkPeriod, which: WorkMeasure): Interval {
  const graduate = flag(period.graduateLevel);
  switch (which) {
    case 'graduate':
      return graduate;
    case 'senior':
      return and(graduate, flag(period.seniorRole));
    case 'multinational':
      return and(graduate, flag(period.multinationalOrRenowned));
    case 'international':
      return and(graduate, flag(period.international));
    case 'specifiedField': {
      const field = period.field === 'unknown' ? BOOL_UNKNOWN : period.field === 'other' ? ZERO : ONE;
      return and(graduate, field);
    }
  }
}

/** A period as [startDay, endDay) in epoch days, cut off at the submission day. */
function periodSpan(period: WorkPeriod, on: PlainDate): [number, number] | undefined {
  const start = parsePlainDate(period.from).epochDay;
  const end = Math.min(
    period.to === 'present' ? on.epochDay : parsePlainDate(period.to).epochDay + 1,
    on.epochDay,
  );
  return end > start ? [start, end] : undefined;
}

/**
 * Whether the dependant at an index may accompany the applicant under the route's dependant
 * rules: the points-era family lines score only dependants who can actually come.
 */
export type DependantEligibility = (index: number) => Interval;

function dependantsWhere(
  profile: Profile,
  test: (d: Dependant) => Interval,
  eligible?: DependantEligibility,
): Interval {
  const dependants = profile.dependants;
  if (dependants === 'unknown') return { lo: 0, hi: UNBOUNDED };
  let lo = 0;
  let hi = 0;
  dependants.forEach((d, i) => {
    const t = eligible ? and(test(d), eligible(i)) : test(d);
    lo += t.lo;
    hi += t.hi;
  });
  return { lo, hi };
}

function childUnder18Unmarried(dependant: Dependant, on: PlainDate): Interval {
  if (dependant.relation !== 'child') return ZERO;
  const age =
    dependant.dateOfBirth === 'unknown' ? { lo: 0, hi: 200 } : exact(ageOn(dependant.dateOfBirth, on));
  const under18 = age.hi < 18 ? ONE : age.lo >= 18 ? ZERO : BOOL_UNKNOWN;
  const unmarried = dependant.married === 'unknown' ? BOOL_UNKNOWN : dependant.married ? ZERO : ONE;
  return and(under18, unmarried);
}

function prcPassportExemption(profile: Profile): Interval {
  const { nationality, prcPassportAbroad } = profile.person;
  const chinese = nationality === 'unknown' ? BOOL_UNKNOWN : nationality === 'CHN' ? ONE : ZERO;
  if (prcPassportAbroad === 'not_applicable') return ZERO;
  if (prcPassportAbroad === 'unknown') return and(chinese, BOOL_UNKNOWN);
  const abroad = or(
    flag(prcPassportAbroad.overseasPermanentResidence),
    flag(prcPassportAbroad.livedOverseasAtLeastOneYear),
  );
  return and(chinese, and(flag(prcPassportAbroad.appliesFromOverseas), abroad));
}

/**
 * The day n months after a date: the same day of the month, or the month's last day when it has
 * no such day (31 August plus six months is 28 or 29 February), as graduatedWithinSixMonths counts.
 */
function addMonths(date: PlainDate, n: number): PlainDate {
  const months = date.month - 1 + n;
  const year = date.year + Math.floor(months / 12);
  const month = (months % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return plainDate(year, month, Math.min(date.day, lastDay));
}

/**
 * In which month after the graduation date the submission day falls: 0 on the graduation day, 1
 * up to the same day a month later, … 6 up to six months later (the last day "within six months"),
 * 7 in the seventh month. -1 before the graduation date. So "within six months" is <= 6 and "the
 * 7th to 12th month" is 7 to 12, with the month lengths the rules count in.
 */
function monthsAfter(graduationDate: string, on: PlainDate): Interval {
  const graduated = parsePlainDate(graduationDate);
  if (on.epochDay < graduated.epochDay) return exact(-1);
  if (on.epochDay === graduated.epochDay) return exact(0);
  const whole = (on.year - graduated.year) * 12 + (on.month - graduated.month);
  return exact(on.epochDay <= addMonths(graduated, whole).epochDay ? whole : whole + 1);
}

/**
 * The academic year a day falls in, by its first calendar year: Hong Kong's academic year is taken
 * to run from 1 September to 31 August (a rule that reads it says so in its note).
 */
function academicYearOf(date: PlainDate): number {
  return date.month >= 9 ? date.year : date.year - 1;
}

/** A yes/no fact of a section added after schema version 2: unknown while the section is absent. */
function sectionFlag<S extends object, K extends keyof S>(section: S | undefined, key: K): Interval {
  if (!section) return BOOL_UNKNOWN;
  return flag(section[key] as boolean | 'unknown');
}

type MeasureFn = (
  profile: Profile,
  on: PlainDate,
  spans: WorkSpans | undefined,
  eligible?: DependantEligibility,
  lists?: ListsAt,
) => Interval;

/**
 * How each measure is computed: a table looked up by name, rather than a switch that compared the
 * name with up to 31 strings in turn every time a measure was computed.
 */
const measureFns: Record<MeasureName, MeasureFn> = {
  age: (profile, on) => {
    const dob = profile.person.dateOfBirth;
    return dob === 'unknown' ? { lo: 0, hi: 150 } : exact(ageOn(dob, on));
  },
  'degrees.bachelorOrAbove': (profile) =>
    countWhere(profile.education.degrees, (d) => levelIs(d, BACHELOR_OR_ABOVE)),
  'degrees.master': (profile) => countWhere(profile.education.degrees, (d) => levelIs(d, MASTER)),
  'degrees.doctorate': (profile) => countWhere(profile.education.degrees, (d) => levelIs(d, DOCTORATE)),
  'degrees.renowned': (profile) => countWhere(profile.education.degrees, (d) => flag(d.renownedInstitution)),
  'degrees.eligibleUniversityPostgraduate': (profile, _on, _spans, _eligible, lists) =>
    countWhere(profile.education.degrees, (d) => and(levelIs(d, POSTGRADUATE), onEligibleList(d, lists))),
  'degrees.eligibleUniversityPostgraduateStem': (profile, _on, _spans, _eligible, lists) =>
    countWhere(profile.education.degrees, (d) =>
      and(and(levelIs(d, POSTGRADUATE), onEligibleList(d, lists)), flag(d.stem)),
    ),
  professionalQualification: (profile) => flag(profile.education.professionalQualification),
  'work.graduateYears': (profile, on, spans) => workYears(profile, on, 'graduate', spans),
  'work.seniorYears': (profile, on, spans) => workYears(profile, on, 'senior', spans),
  'work.multinationalYears': (profile, on, spans) => workYears(profile, on, 'multinational', spans),
  'work.specifiedFieldYears': (profile, on, spans) => workYears(profile, on, 'specifiedField', spans),
  'work.internationalYears': (profile, on, spans) => workYears(profile, on, 'international', spans),
  'languages.chinese': (profile) => chineseProficiency(profile),
  'languages.english': (profile) =>
    proficient(profile.languages.english.written, flag(profile.languages.english.spoken)),
  'languages.otherCount': (profile) =>
    countWhere(profile.languages.others, (l) => proficient(l.written, flag(l.spoken))),
  'languages.count': (profile) => {
    const others = countWhere(profile.languages.others, (l) => proficient(l.written, flag(l.spoken)));
    const chinese = chineseProficiency(profile);
    const english = proficient(profile.languages.english.written, flag(profile.languages.english.spoken));
    return { lo: chinese.lo + english.lo + others.lo, hi: chinese.hi + english.hi + others.hi };
  },
  'income.lastYearHKD': (profile) => amount(profile.income.lastYearHKD),
  'business.ownedProfitHKD': (profile) => {
    const owns = flag(profile.business.ownsBusiness);
    if (owns.hi === 0) return ZERO;
    const profit = amount(profile.business.businessProfitLastYearHKD);
    return { lo: owns.lo === 1 ? profit.lo : 0, hi: profit.hi };
  },
  'business.ownsListedCompany': (profile) => flag(profile.business.ownsListedCompany),
  'talentList.meets': (profile, _on, _spans, _eligible, lists) => {
    const t = profile.talentList;
    if (t === 'unknown') return BOOL_UNKNOWN;
    if (t === 'none') return ZERO;
    const listed = lists?.talentListProfession(t.profession);
    return listed === false ? ZERO : ONE;
  },
  'achievements.exceptionalAward': (profile) => flag(profile.achievements.exceptionalAward),
  'achievements.peerRecognition': (profile) => flag(profile.achievements.peerRecognition),
  'family.hkPermanentResidentInHongKong': (profile) => flag(profile.family.hkPermanentResidentInHongKong),
  'dependants.spouseWithDegree': (profile, _on, _spans, eligible) =>
    dependantsWhere(profile, (d) => (d.relation === 'spouse' ? flag(d.hasDegree) : ZERO), eligible),
  'dependants.unmarriedChildrenUnder18': (profile, on, _spans, eligible) =>
    dependantsWhere(profile, (d) => childUnder18Unmarried(d, on), eligible),
  'character.selfSupporting': (profile) => flag(profile.character.selfSupporting),
  'character.criminalRecord': (profile) => flag(profile.character.criminalRecord),
  'character.adverseImmigrationRecord': (profile) => flag(profile.character.adverseImmigrationRecord),
  'person.mainlandResident': (profile) => flag(profile.person.mainlandResident),
  'person.prcPassportExemption': (profile) => prcPassportExemption(profile),
  'person.bornOverseas': (profile) => {
    const place = profile.person.placeOfBirth;
    return place === 'unknown' ? BOOL_UNKNOWN : place === 'overseas' ? ONE : ZERO;
  },
  'person.overseasPermanentResidence': (profile) => {
    const abroad = profile.person.prcPassportAbroad;
    if (abroad === 'not_applicable') return ZERO;
    return abroad === 'unknown' ? BOOL_UNKNOWN : flag(abroad.overseasPermanentResidence);
  },
  'income.withOwnedBusinessHKD': (profile, on, spans) => {
    const income = amount(profile.income.lastYearHKD);
    const business = measureFns['business.ownedProfitHKD'](profile, on, spans);
    return { lo: income.lo + business.lo, hi: income.hi + business.hi };
  },
  'degrees.eligibleUniversityBachelor': (profile, _on, _spans, _eligible, lists) =>
    countWhere(profile.education.degrees, (d) => and(levelIs(d, BACHELOR), onEligibleList(d, lists))),
  'degrees.eligibleUniversityBachelorRecent': (profile, on, _spans, _eligible, lists) =>
    countWhere(profile.education.degrees, (d) =>
      and(
        and(levelIs(d, BACHELOR), onEligibleList(d, lists)),
        awardedSince(d, on.year - RECENT_DEGREE_YEARS),
      ),
    ),
  'degrees.stemEligibleUniversity': (profile, _on, _spans, _eligible, lists) =>
    countWhere(profile.education.degrees, (d) =>
      and(and(levelIs(d, BACHELOR_OR_ABOVE), onEligibleList(d, lists)), flag(d.stem)),
    ),
  'degrees.hongKongLocalBachelor': (profile) =>
    countWhere(profile.education.degrees, (d) => and(levelIs(d, BACHELOR), programmeIn(d, HONG_KONG_LOCAL))),
  'degrees.hongKongOrGba': (profile) =>
    countWhere(profile.education.degrees, (d) =>
      and(levelIs(d, BACHELOR_OR_ABOVE), programmeIn(d, HONG_KONG_OR_GBA)),
    ),
  'degrees.hongKongOrGbaRecent': (profile, on) =>
    countWhere(profile.education.degrees, (d) =>
      and(
        and(levelIs(d, BACHELOR_OR_ABOVE), programmeIn(d, HONG_KONG_OR_GBA)),
        graduatedWithinSixMonths(d, on),
      ),
    ),
  'degrees.ugcFundedOrGba': (profile) =>
    countWhere(profile.education.degrees, (d) =>
      and(levelIs(d, BACHELOR_OR_ABOVE), programmeIn(d, UGC_OR_GBA)),
    ),
  'work.yearsInLastFive': (profile, on, spans) => workYearsInLastFive(profile, on, spans),
  'jobOffer.confirmed': (profile) => {
    const offer = profile.jobOffer;
    return offer === 'unknown' ? BOOL_UNKNOWN : offer === 'none' ? ZERO : ONE;
  },
  'jobOffer.relevant': (profile) => offerFlag(profile, 'relevantToQualifications'),
  'jobOffer.degreeLevelPost': (profile) => offerFlag(profile, 'degreeLevelPost'),
  'jobOffer.annualSalaryHKD': (profile) => {
    const offer = profile.jobOffer;
    if (offer === 'none') return ZERO;
    return offer === 'unknown' ? ANY_AMOUNT : amount(offer.annualSalaryHKD);
  },
  'jobOffer.marketLevelPay': (profile) => offerFlag(profile, 'marketLevelPay'),
  'jobOffer.cannotBeFilledLocally': (profile) => offerFlag(profile, 'cannotBeFilledLocally'),
  'jobOffer.employerHasTechTasQuota': (profile) => offerFlag(profile, 'employerHasTechTasQuota'),
  'jobOffer.researchAndDevelopment': (profile) => offerFlag(profile, 'researchAndDevelopment'),
  'family.parentChinesePermanentResidentSettledOverseas': (profile) =>
    flag(profile.family.parentChinesePermanentResidentSettledOverseas),
  'investment.netAssetsHKD': (profile) => amount(profile.investment.netAssetsHKD),
  'investment.plannedInvestmentHKD': (profile) => amount(profile.investment.plannedInvestmentHKD),
  'sponsor.canSupportAndAccommodate': (profile) => sponsorFlag(profile, 'canSupportAndAccommodate'),
  'sponsor.applicantUnmarried': (profile) => sponsorFlag(profile, 'applicantUnmarried'),
  'trade.meetsMinimumQualifications': (profile) =>
    sectionFlag(profile.trade, 'meetsTradeMinimumQualifications'),
  'trade.contractMeetsMinimum': (profile) => sectionFlag(profile.trade, 'contractMeetsTradeMinimum'),
  'trade.payMeetsMinimum': (profile) => sectionFlag(profile.trade, 'payMeetsTradeMinimum'),
  'vocational.admittedOnStudentVisa': (profile) => sectionFlag(profile.vocational, 'admittedOnStudentVisa'),
  'vocational.eligibleProgramme': (profile) => sectionFlag(profile.vocational, 'eligibleProgramme'),
  'vocational.intakeYear': (profile) => {
    const year = profile.vocational?.intakeYear ?? 'unknown';
    return amount(year);
  },
  'vocational.academicYearsToComplete': (profile) => {
    const v = profile.vocational;
    if (!v || v.intakeYear === 'unknown' || v.graduationDate === 'unknown') return { lo: 0, hi: UNBOUNDED };
    return exact(academicYearOf(parsePlainDate(v.graduationDate)) - v.intakeYear + 1);
  },
  'vocational.monthsAfterGraduation': (profile, on) => {
    const graduated = profile.vocational?.graduationDate ?? 'unknown';
    return graduated === 'unknown' ? { lo: -1, hi: UNBOUNDED } : monthsAfter(graduated, on);
  },
  'vocational.permittedToRemainUnderIang': (profile) =>
    sectionFlag(profile.vocational, 'permittedToRemainUnderIang'),
  'vocational.offerDisciplineRelevant': (profile) =>
    sectionFlag(profile.vocational, 'offerDisciplineRelevant'),
  'vocational.offerHigherDiplomaLevel': (profile) =>
    sectionFlag(profile.vocational, 'offerHigherDiplomaLevel'),
  'vocational.offerContractMonths': (profile) => amount(profile.vocational?.offerContractMonths ?? 'unknown'),
  'degrees.hongKongLocalBachelorAsNonLocalStudent': (profile) =>
    countWhere(profile.education.degrees, (d) =>
      and(and(levelIs(d, BACHELOR), programmeIn(d, HONG_KONG_LOCAL)), flag(d.admittedAsNonLocalStudent)),
    ),
  'work.ttpsYears': (profile, on, spans) => ttpsWorkYears(profile, on, spans, false),
  'work.ttpsYearsInLastFive': (profile, on, spans) => ttpsWorkYears(profile, on, spans, true),
};

/**
 * Computes one measure for a profile on the submission day (Hong Kong time). `spans`, when given,
 * must be workSpans(profile, on).
 */
export function measure(
  name: MeasureName,
  profile: Profile,
  on: PlainDate,
  spans?: WorkSpans,
  eligible?: DependantEligibility,
  lists?: ListsAt,
): Interval {
  return measureFns[name](profile, on, spans, eligible, lists);
}

/** The functions of measureFns in the order of measureNames, for measureAt. */
const measureFnsInOrder: readonly MeasureFn[] = measureNames.map((name) => measureFns[name]);

/** measure(measureNames[index], …), without looking the name up: for Facts, which keeps measures by index. */
export function measureAt(
  index: number,
  profile: Profile,
  on: PlainDate,
  spans?: WorkSpans,
  eligible?: DependantEligibility,
  lists?: ListsAt,
): Interval {
  return (measureFnsInOrder[index] as MeasureFn)(profile, on, spans, eligible, lists);
}

function chineseProficiency(profile: Profile): Interval {
  const { written, putonghua, cantonese } = profile.languages.chinese;
  return proficient(written, or(flag(putonghua), flag(cantonese)));
}

/** Reads a categorical fact: a known value, or undefined when the person does not know it. */
export function category(name: CategoryName, profile: Profile): string | undefined {
  switch (name) {
    case 'nationality':
      return profile.person.nationality === 'unknown' ? undefined : profile.person.nationality;
    case 'jobOffer.technologyArea': {
      const offer = profile.jobOffer;
      if (offer === 'unknown') return undefined;
      if (offer === 'none') return 'none';
      return offer.technologyArea === 'unknown' ? undefined : offer.technologyArea;
    }
    case 'sponsor.relation':
    case 'sponsor.status': {
      const sponsor = profile.sponsor;
      if (sponsor === 'unknown') return undefined;
      if (sponsor === 'none') return 'none';
      const value = name === 'sponsor.relation' ? sponsor.relation : sponsor.status;
      return value === 'unknown' ? undefined : value;
    }
    case 'trade.offerTrade': {
      const trade = profile.trade?.offerTrade ?? 'unknown';
      return trade === 'unknown' ? undefined : trade;
    }
    case 'vocational.proof': {
      const proof = profile.vocational?.proof ?? 'unknown';
      return proof === 'unknown' ? undefined : proof;
    }
  }
}
