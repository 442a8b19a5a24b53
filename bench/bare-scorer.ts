import type { Profile, WorkPeriod } from '../src/profile/schema.ts';

/**
 * A bare, hand-written scorer of the QMAS General Points Test (12 criteria, 6 to pass, from
 * 2024-11-01): the baseline the explained engine is measured against. It reads the same profile
 * object and does the same work — parses the submission moment and the dates, computes the age
 * and the merged work years, keeps "unknown" apart from "not met" — but writes no explanation,
 * no citation and no label. It shares no code with src/engine, so it is also an independent check
 * of the engine's answers.
 *
 * Every fact is a pair of bounds (lo, hi): known facts have lo === hi, an unknown fact widens them,
 * exactly as the engine's measures do, so the two can be compared on every profile.
 */

/** The facts the 12 criteria read, as lower and upper bounds: the input of every competitor. */
export interface GptFacts {
  ageLo: number;
  ageHi: number;
  postgraduateLo: number;
  postgraduateHi: number;
  stemPostgraduateLo: number;
  stemPostgraduateHi: number;
  languagesLo: number;
  languagesHi: number;
  englishLo: number;
  englishHi: number;
  graduateYearsLo: number;
  graduateYearsHi: number;
  multinationalYearsLo: number;
  multinationalYearsHi: number;
  specifiedFieldYearsLo: number;
  specifiedFieldYearsHi: number;
  internationalYearsLo: number;
  internationalYearsHi: number;
  incomeLo: number;
  incomeHi: number;
  businessProfitLo: number;
  businessProfitHi: number;
  listedCompanyLo: number;
  listedCompanyHi: number;
}

export type Outcome = 'met' | 'not_met' | 'unknown';
export type Status = 'eligible' | 'not_eligible' | 'undetermined';

/** The 12 criteria, in the order of the official list, as data for the rules-engine encodings. */
export interface CriterionSpec {
  /** The fact name without its Lo/Hi suffix. */
  fact:
    | 'age'
    | 'postgraduate'
    | 'stemPostgraduate'
    | 'languages'
    | 'english'
    | 'graduateYears'
    | 'multinationalYears'
    | 'specifiedFieldYears'
    | 'internationalYears'
    | 'income'
    | 'businessProfit'
    | 'listedCompany';
  op: '>=' | '<=';
  value: number;
}

export const GPT_CRITERIA: readonly CriterionSpec[] = [
  { fact: 'age', op: '<=', value: 50 },
  { fact: 'postgraduate', op: '>=', value: 1 },
  { fact: 'stemPostgraduate', op: '>=', value: 1 },
  { fact: 'languages', op: '>=', value: 2 },
  { fact: 'english', op: '>=', value: 1 },
  { fact: 'graduateYears', op: '>=', value: 5 },
  { fact: 'multinationalYears', op: '>=', value: 3 },
  { fact: 'specifiedFieldYears', op: '>=', value: 3 },
  { fact: 'internationalYears', op: '>=', value: 2 },
  { fact: 'income', op: '>=', value: 1_000_000 },
  { fact: 'businessProfit', op: '>=', value: 5_000_000 },
  { fact: 'listedCompany', op: '>=', value: 1 },
];

export const GPT_THRESHOLD = 6;

const DAY_MS = 86_400_000;
const HONG_KONG_OFFSET_MS = 8 * 3_600_000;
const OPEN = 1e12;
const WORK_UNKNOWN = 80;

interface Day {
  year: number;
  month: number;
  day: number;
  epochDay: number;
}

// Calendar arithmetic without Date objects (H. Hinnant's days_from_civil / civil_from_days), the
// same technique src/engine/time.ts uses, so that the comparison measures the explanations and
// not two ways of doing dates.
function dayOf(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return { year, month, day, epochDay: era * 146_097 + doe - 719_468 };
}

const digit = (text: string, i: number) => text.charCodeAt(i) - 48;

/** YYYY-MM-DD, validated by the profile schema. */
function parseDay(iso: string): Day {
  const year = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  return dayOf(year, digit(iso, 5) * 10 + digit(iso, 6), digit(iso, 8) * 10 + digit(iso, 9));
}

function fromEpochDay(epochDay: number): Day {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
    epochDay,
  };
}

function age(dateOfBirth: string, on: Day): number {
  const birth = parseDay(dateOfBirth);
  let years = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) years -= 1;
  return years;
}

/** Whole anniversaries, then the rest as a fraction of the year that follows the last one. */
function spanYears(startDay: number, endDay: number): number {
  const start = fromEpochDay(startDay);
  const end = fromEpochDay(endDay);
  let whole = end.year - start.year;
  if (end.month < start.month || (end.month === start.month && end.day < start.day)) whole -= 1;
  if (whole < 0) whole = 0;
  const anniversary = dayOf(start.year + whole, start.month, start.day).epochDay;
  const next = dayOf(start.year + whole + 1, start.month, start.day).epochDay;
  return whole + (endDay - anniversary) / (next - anniversary);
}

const lo = (v: boolean | 'unknown'): number => (v === true ? 1 : 0);
const hi = (v: boolean | 'unknown'): number => (v === false ? 0 : 1);

/** The years of union k: those of its closed runs plus its open one. */
function unionTotal(years: number[], from: number[], to: number[], k: number): number {
  const end = to[k] as number;
  return end === Number.NEGATIVE_INFINITY ? 0 : (years[k] as number) + spanYears(from[k] as number, end);
}

/**
 * Work years of the four kinds (graduate, multinational, specified field, international), each as
 * definite and possible years: eight unions of [start, end) day spans, overlapping days counted
 * once, built in one pass over the periods sorted by start.
 */
function workYears(periods: readonly WorkPeriod[], on: Day, into: GptFacts): void {
  const spans: Array<{ start: number; end: number; bits: number }> = [];
  let ordered = true;
  for (const p of periods) {
    const start = parseDay(p.from).epochDay;
    const end = Math.min(p.to === 'present' ? on.epochDay : parseDay(p.to).epochDay + 1, on.epochDay);
    if (end <= start) continue;
    const gLo = lo(p.graduateLevel);
    const gHi = hi(p.graduateLevel);
    const fieldLo = p.field === 'unknown' || p.field === 'other' ? 0 : 1;
    const fieldHi = p.field === 'other' ? 0 : 1;
    // Bits 0-3: definitely of each kind; bits 4-7: possibly.
    const bits =
      gLo |
      ((gLo & lo(p.multinationalOrRenowned)) << 1) |
      ((gLo & fieldLo) << 2) |
      ((gLo & lo(p.international)) << 3) |
      (gHi << 4) |
      ((gHi & hi(p.multinationalOrRenowned)) << 5) |
      ((gHi & fieldHi) << 6) |
      ((gHi & hi(p.international)) << 7);
    const last = spans[spans.length - 1];
    if (last && start < last.start) ordered = false;
    spans.push({ start, end, bits });
  }
  if (!ordered) spans.sort((a, b) => a.start - b.start);
  const years = [0, 0, 0, 0, 0, 0, 0, 0];
  const from = [0, 0, 0, 0, 0, 0, 0, 0];
  const to = new Array<number>(8).fill(Number.NEGATIVE_INFINITY);
  for (const span of spans) {
    for (let k = 0; k < 8; k++) {
      if (((span.bits >> k) & 1) === 0) continue;
      const end = to[k] as number;
      if (end === Number.NEGATIVE_INFINITY) {
        from[k] = span.start;
        to[k] = span.end;
      } else if (span.start > end) {
        years[k] = (years[k] as number) + spanYears(from[k] as number, end);
        from[k] = span.start;
        to[k] = span.end;
      } else if (span.end > end) {
        to[k] = span.end;
      }
    }
  }
  into.graduateYearsLo = unionTotal(years, from, to, 0);
  into.graduateYearsHi = unionTotal(years, from, to, 4);
  into.multinationalYearsLo = unionTotal(years, from, to, 1);
  into.multinationalYearsHi = unionTotal(years, from, to, 5);
  into.specifiedFieldYearsLo = unionTotal(years, from, to, 2);
  into.specifiedFieldYearsHi = unionTotal(years, from, to, 6);
  into.internationalYearsLo = unionTotal(years, from, to, 3);
  into.internationalYearsHi = unionTotal(years, from, to, 7);
}

function totals(value: number | 'unknown'): [number, number] {
  return value === 'unknown' ? [0, WORK_UNKNOWN] : [value, value];
}

/** The submission day in Hong Kong, from an ISO date-time with an offset. */
export function submissionDay(submittedAt: string): Day {
  const ms = Date.parse(submittedAt);
  if (Number.isNaN(ms)) throw new Error(`Not a date-time: ${submittedAt}`);
  return fromEpochDay(Math.floor((ms + HONG_KONG_OFFSET_MS) / DAY_MS));
}

/**
 * The facts of the 12 criteria for one profile at one moment. The rules engines are fed this
 * same object, so the time to compute it is part of every competitor's time.
 */
export function gptFacts(profile: Profile, submittedAt: string): GptFacts {
  const on = submissionDay(submittedAt);
  const dob = profile.person.dateOfBirth;
  const ageNow = dob === 'unknown' ? -1 : age(dob, on);

  let postgraduateLo = 0;
  let postgraduateHi = 0;
  let stemLo = 0;
  let stemHi = 0;
  const degrees = profile.education.degrees;
  if (degrees === 'unknown') {
    postgraduateHi = OPEN;
    stemHi = OPEN;
  } else {
    for (const d of degrees) {
      const pgLo = d.level === 'master' || d.level === 'doctorate' ? 1 : 0;
      const pgHi = d.level === 'bachelor' ? 0 : 1;
      const eligibleLo = pgLo & lo(d.eligibleUniversity);
      const eligibleHi = pgHi & hi(d.eligibleUniversity);
      postgraduateLo += eligibleLo;
      postgraduateHi += eligibleHi;
      stemLo += eligibleLo & lo(d.stem);
      stemHi += eligibleHi & hi(d.stem);
    }
  }

  const { chinese, english, others } = profile.languages;
  const chineseLo = lo(chinese.written) & (lo(chinese.putonghua) | lo(chinese.cantonese));
  const chineseHi = hi(chinese.written) & (hi(chinese.putonghua) | hi(chinese.cantonese));
  const englishLo = lo(english.written) & lo(english.spoken);
  const englishHi = hi(english.written) & hi(english.spoken);
  let languagesLo = chineseLo + englishLo;
  let languagesHi = chineseHi + englishHi;
  if (others === 'unknown') {
    languagesHi += OPEN;
  } else {
    for (const l of others) {
      languagesLo += lo(l.written) & lo(l.spoken);
      languagesHi += hi(l.written) & hi(l.spoken);
    }
  }

  const income = profile.income.lastYearHKD;
  const { ownsBusiness, businessProfitLastYearHKD: profit, ownsListedCompany } = profile.business;
  let businessProfitLo = 0;
  let businessProfitHi = 0;
  if (ownsBusiness !== false) {
    businessProfitLo = ownsBusiness === true && profit !== 'unknown' ? profit : 0;
    businessProfitHi = profit === 'unknown' ? OPEN : profit;
  }

  const facts: GptFacts = {
    ageLo: ageNow === -1 ? 0 : ageNow,
    ageHi: ageNow === -1 ? 150 : ageNow,
    postgraduateLo,
    postgraduateHi,
    stemPostgraduateLo: stemLo,
    stemPostgraduateHi: stemHi,
    languagesLo,
    languagesHi,
    englishLo,
    englishHi,
    graduateYearsLo: 0,
    graduateYearsHi: WORK_UNKNOWN,
    multinationalYearsLo: 0,
    multinationalYearsHi: WORK_UNKNOWN,
    specifiedFieldYearsLo: 0,
    specifiedFieldYearsHi: WORK_UNKNOWN,
    internationalYearsLo: 0,
    internationalYearsHi: WORK_UNKNOWN,
    incomeLo: income === 'unknown' ? 0 : income,
    incomeHi: income === 'unknown' ? OPEN : income,
    businessProfitLo,
    businessProfitHi,
    listedCompanyLo: lo(ownsListedCompany),
    listedCompanyHi: hi(ownsListedCompany),
  };
  const work = profile.work;
  if (work !== 'unknown') {
    if (work.kind === 'periods') {
      workYears(work.periods, on, facts);
    } else {
      [facts.graduateYearsLo, facts.graduateYearsHi] = totals(work.graduateYears);
      [facts.multinationalYearsLo, facts.multinationalYearsHi] = totals(work.multinationalYears);
      [facts.specifiedFieldYearsLo, facts.specifiedFieldYearsHi] = totals(work.specifiedFieldYears);
      [facts.internationalYearsLo, facts.internationalYearsHi] = totals(work.internationalYears);
    }
  }
  return facts;
}

export interface BareResult {
  status: Status;
  met: number;
  unknown: number;
  outcomes: Outcome[];
}

function atLeast(min: number, low: number, high: number): Outcome {
  return low >= min ? 'met' : high < min ? 'not_met' : 'unknown';
}

/** The General Points Test, three-valued, without explanations. */
export function bareScore(profile: Profile, submittedAt: string): BareResult {
  const f = gptFacts(profile, submittedAt);
  const outcomes: Outcome[] = [
    f.ageHi <= 50 ? 'met' : f.ageLo > 50 ? 'not_met' : 'unknown',
    atLeast(1, f.postgraduateLo, f.postgraduateHi),
    atLeast(1, f.stemPostgraduateLo, f.stemPostgraduateHi),
    atLeast(2, f.languagesLo, f.languagesHi),
    atLeast(1, f.englishLo, f.englishHi),
    atLeast(5, f.graduateYearsLo, f.graduateYearsHi),
    atLeast(3, f.multinationalYearsLo, f.multinationalYearsHi),
    atLeast(3, f.specifiedFieldYearsLo, f.specifiedFieldYearsHi),
    atLeast(2, f.internationalYearsLo, f.internationalYearsHi),
    atLeast(1_000_000, f.incomeLo, f.incomeHi),
    atLeast(5_000_000, f.businessProfitLo, f.businessProfitHi),
    atLeast(1, f.listedCompanyLo, f.listedCompanyHi),
  ];
  let met = 0;
  let unknown = 0;
  for (const o of outcomes) {
    if (o === 'met') met++;
    else if (o === 'unknown') unknown++;
  }
  const status: Status =
    met >= GPT_THRESHOLD ? 'eligible' : met + unknown < GPT_THRESHOLD ? 'not_eligible' : 'undetermined';
  return { status, met, unknown, outcomes };
}
