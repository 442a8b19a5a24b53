import { readFileSync } from 'node:fs';
import { Profile } from '../src/profile/schema.ts';

/**
 * Varied profiles for the benchmark, generated deterministically (fixed seed) from
 * examples/qmas-2024-12-criteria.json: dates of birth around the age limit, 0-3 degrees, 0-4 work
 * periods (some overlapping, some ongoing) or work totals, incomes and business profits around the
 * thresholds. Even-numbered profiles have no unknown fact at all; odd-numbered ones have one to
 * four facts set to "unknown".
 */

const EXAMPLE = new URL('../examples/qmas-2024-12-criteria.json', import.meta.url);

/** mulberry32: a small, fast, seeded generator, so every run benchmarks the same profiles. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutable = Record<string, unknown> & Profile;

export function benchProfiles(count = 64, seed = 20250301): Profile[] {
  const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Profile;
  const rnd = random(seed);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const bool = (p = 0.5) => rnd() < p;
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = (year: number) => `${year}-${pad(int(1, 12))}-${pad(int(1, 28))}`;

  const profiles: Profile[] = [];
  for (let i = 0; i < count; i++) {
    const p = structuredClone(example) as Mutable;
    const birthYear = int(1966, 2004);
    const nationality = pick(['GBR', 'CHN', 'USA', 'IND', 'AUS', 'CAN', 'FRA', 'MYS']);
    p.person = {
      // Some are born on the submission day's anniversary, 50 or 51 years before it: the age edge.
      dateOfBirth: i % 16 === 4 ? '1975-03-01' : i % 16 === 12 ? '1974-03-01' : date(birthYear),
      nationality,
      mainlandResident: nationality === 'CHN' && bool(0.3),
      prcPassportAbroad:
        nationality === 'CHN'
          ? {
              appliesFromOverseas: bool(),
              overseasPermanentResidence: bool(),
              livedOverseasAtLeastOneYear: bool(),
            }
          : 'not_applicable',
      placeOfBirth: pick(['overseas', 'mainland', 'hong_kong'] as const),
    };
    p.character = {
      selfSupporting: bool(0.95),
      criminalRecord: bool(0.05),
      adverseImmigrationRecord: bool(0.03),
    };
    const degrees = Array.from({ length: int(0, 3) }, () => ({
      level: pick(['bachelor', 'master', 'doctorate'] as const),
      institution: pick([
        'University of Manchester',
        'Imperial College London',
        'Tsinghua University',
        'ETH Zurich',
      ]),
      subject: pick(['Physics', 'Computing', 'Finance', 'History']),
      stem: bool(0.6),
      eligibleUniversity: bool(0.6),
      renownedInstitution: bool(0.5),
      yearAwarded: int(1990, 2024),
      hongKongProgramme: pick(['none', 'none', 'ugc_funded', 'self_financed'] as const),
      admittedAsNonLocalStudent: bool(0.5),
    })).map((degree) => ({ ...degree, graduationDate: `${degree.yearAwarded}-06-30` }));
    p.education = { degrees, professionalQualification: bool(0.3) };
    p.languages = {
      chinese: { written: bool(0.4), putonghua: bool(0.4), cantonese: bool(0.3) },
      english: { written: bool(0.85), spoken: bool(0.9) },
      others: Array.from({ length: int(0, 2) }, () => ({
        language: pick(['French', 'German', 'Japanese', 'Spanish']),
        written: bool(0.7),
        spoken: bool(0.8),
      })),
    };
    if (i % 8 === 6) {
      p.work = {
        kind: 'totals',
        graduateYears: int(0, 12),
        seniorYears: int(0, 6),
        multinationalYears: int(0, 6),
        specifiedFieldYears: int(0, 6),
        internationalYears: int(0, 4),
        fullTimeYearsAfterGraduation: int(0, 14),
        fullTimeYearsInLastFive: int(0, 5),
      };
    } else {
      let year = Math.max(birthYear + 21, 2000);
      const periods = [];
      for (let k = int(0, 4); k > 0 && year < 2025; k--) {
        const from = date(year);
        year += int(1, 6);
        // An ongoing job, a job ending after the submission day, or an overlapping part-time one.
        const to = k === 1 && bool(0.6) ? 'present' : date(Math.min(year, 2026));
        if (to !== 'present' && to <= from) continue;
        periods.push({
          from,
          to,
          graduateLevel: bool(0.85),
          fullTimeOrSelfEmployed: bool(0.9),
          seniorRole: bool(0.4),
          multinationalOrRenowned: bool(0.5),
          field: pick(['innovation_technology', 'finance', 'international_trade', 'other'] as const),
          international: bool(0.4),
        });
        if (bool(0.2)) year -= 1;
      }
      p.work = { kind: 'periods', periods };
    }
    p.income = { lastYearHKD: pick([0, 350_000, 800_000, 999_999, 1_000_000, 1_450_000, 2_600_000]) };
    const ownsBusiness = bool(0.25);
    p.business = {
      ownsBusiness,
      businessProfitLastYearHKD: ownsBusiness ? pick([200_000, 4_999_999, 5_000_000, 12_000_000]) : 0,
      ownsListedCompany: ownsBusiness && bool(0.2),
    };
    p.talentList = bool(0.8) ? 'none' : { profession: 'Data scientist' };
    p.achievements = { exceptionalAward: bool(0.05), peerRecognition: bool(0.2) };
    p.family = {
      hkPermanentResidentInHongKong: bool(0.2),
      parentChinesePermanentResidentSettledOverseas: bool(0.1),
    };
    const dependants: Profile['dependants'] = [];
    if (bool(0.6)) {
      dependants.push({
        relation: 'spouse',
        dateOfBirth: date(birthYear + int(-3, 3)),
        nationality,
        mainlandResident: false,
        hasDegree: bool(0.7),
      });
    }
    for (let c = int(0, 2); c > 0; c--) {
      dependants.push({
        relation: 'child',
        dateOfBirth: date(int(2002, 2024)),
        nationality,
        mainlandResident: false,
        married: bool(0.05),
      });
    }
    p.dependants = dependants;
    // The example leaves the investment unknown; the bench wants fully known profiles too.
    p.investment = { netAssetsHKD: 0, plannedInvestmentHKD: 0 };
    if (i % 2 === 1) for (let u = int(1, 4); u > 0; u--) pick(unknowns)(p, pick);
    profiles.push(Profile.parse(p));
  }
  return profiles;
}

/** Ways to make one fact unknown. */
const unknowns: Array<(p: Mutable, pick: <T>(items: readonly T[]) => T) => void> = [
  (p) => {
    p.person.dateOfBirth = 'unknown';
  },
  (p, pick) => {
    if (p.education.degrees !== 'unknown' && p.education.degrees.length > 0)
      pick(p.education.degrees).level = 'unknown';
  },
  (p, pick) => {
    if (p.education.degrees !== 'unknown' && p.education.degrees.length > 0)
      pick(p.education.degrees).eligibleUniversity = 'unknown';
  },
  (p, pick) => {
    if (p.education.degrees !== 'unknown' && p.education.degrees.length > 0)
      pick(p.education.degrees).stem = 'unknown';
  },
  (p) => {
    p.education.degrees = 'unknown';
  },
  (p) => {
    p.languages.english.spoken = 'unknown';
  },
  (p) => {
    p.languages.chinese.written = 'unknown';
  },
  (p) => {
    p.languages.others = 'unknown';
  },
  (p, pick) => {
    if (p.work !== 'unknown' && p.work.kind === 'periods' && p.work.periods.length > 0)
      pick(p.work.periods).graduateLevel = 'unknown';
  },
  (p, pick) => {
    if (p.work !== 'unknown' && p.work.kind === 'periods' && p.work.periods.length > 0)
      pick(p.work.periods).field = 'unknown';
  },
  (p, pick) => {
    if (p.work !== 'unknown' && p.work.kind === 'periods' && p.work.periods.length > 0)
      pick(p.work.periods).multinationalOrRenowned = 'unknown';
  },
  (p, pick) => {
    if (p.work !== 'unknown' && p.work.kind === 'periods' && p.work.periods.length > 0)
      pick(p.work.periods).international = 'unknown';
  },
  (p) => {
    if (p.work !== 'unknown' && p.work.kind === 'totals') p.work.multinationalYears = 'unknown';
  },
  (p) => {
    p.work = 'unknown';
  },
  (p) => {
    p.income.lastYearHKD = 'unknown';
  },
  (p) => {
    p.business.businessProfitLastYearHKD = 'unknown';
  },
  (p) => {
    p.business.ownsBusiness = 'unknown';
  },
  (p) => {
    p.business.ownsListedCompany = 'unknown';
  },
  (p) => {
    p.talentList = 'unknown';
  },
  (p) => {
    p.achievements.peerRecognition = 'unknown';
  },
];

/** Whether a profile has no unknown fact anywhere. */
export function fullyKnown(profile: Profile): boolean {
  return !JSON.stringify(profile).includes('"unknown"');
}
