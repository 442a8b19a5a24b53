import type { Degree, Dependant, Profile, WorkPeriod } from '../profile/schema.ts';
import { ageOn, type PlainDate, parsePlainDate, spanYears } from './time.ts';

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
] as const;
export type MeasureName = (typeof measureNames)[number];

/** Categorical facts compared by membership (e.g. nationality in an exclusion list). */
export const categoryNames = ['nationality'] as const;
export type CategoryName = (typeof categoryNames)[number];

/** Which profile fields each measure reads: shown to the user as "the facts it read". */
export const measureFacts: Record<MeasureName | CategoryName, readonly string[]> = {
  age: ['person.dateOfBirth'],
  'degrees.bachelorOrAbove': ['education.degrees[].level'],
  'degrees.master': ['education.degrees[].level'],
  'degrees.doctorate': ['education.degrees[].level'],
  'degrees.renowned': ['education.degrees[].renownedInstitution'],
  'degrees.eligibleUniversityPostgraduate': [
    'education.degrees[].level',
    'education.degrees[].eligibleUniversity',
  ],
  'degrees.eligibleUniversityPostgraduateStem': [
    'education.degrees[].level',
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
  nationality: ['person.nationality'],
};

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

type MeasureFn = (
  profile: Profile,
  on: PlainDate,
  spans: WorkSpans | undefined,
  eligible?: DependantEligibility,
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
  'degrees.eligibleUniversityPostgraduate': (profile) =>
    countWhere(profile.education.degrees, (d) => and(levelIs(d, POSTGRADUATE), flag(d.eligibleUniversity))),
  'degrees.eligibleUniversityPostgraduateStem': (profile) =>
    countWhere(profile.education.degrees, (d) =>
      and(and(levelIs(d, POSTGRADUATE), flag(d.eligibleUniversity)), flag(d.stem)),
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
  'talentList.meets': (profile) => {
    const t = profile.talentList;
    return t === 'unknown' ? BOOL_UNKNOWN : t === 'none' ? ZERO : ONE;
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
): Interval {
  return measureFns[name](profile, on, spans, eligible);
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
): Interval {
  return (measureFnsInOrder[index] as MeasureFn)(profile, on, spans, eligible);
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
  }
}
