import fc from 'fast-check';
import {
  type Dependant,
  type Profile,
  placesOfBirth,
  sponsorRelations,
  sponsorStatuses,
  technologyAreas,
} from '../src/profile/schema.ts';

/** Random but valid profiles and submission moments, for property tests. */

const unknownOr = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant('unknown' as const));
const yesNo = unknownOr(fc.boolean());

const isoDay = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

const nationality = fc.constantFrom(
  'GBR',
  'CHN',
  'USA',
  'VNM',
  'LAO',
  'NPL',
  'AFG',
  'CUB',
  'PRK',
  'IND',
  'KHM',
  'ALB',
);

const degree = fc.record({
  level: unknownOr(fc.constantFrom('bachelor' as const, 'master' as const, 'doctorate' as const)),
  institution: unknownOr(
    fc.constantFrom(
      'University of Oxford',
      'Tsinghua University',
      'A Local College',
      'Sichuan University',
      'University of Göttingen',
      'The University of Hong Kong',
    ),
  ),
  subject: unknownOr(fc.constantFrom('Physics', 'Law', 'Finance')),
  stem: yesNo,
  eligibleUniversity: yesNo,
  renownedInstitution: yesNo,
  yearAwarded: unknownOr(fc.integer({ min: 1975, max: 2025 })),
  graduationDate: unknownOr(isoDay('2015-01-01', '2026-12-31')),
  hongKongProgramme: unknownOr(
    fc.constantFrom('ugc_funded' as const, 'self_financed' as const, 'gba_campus' as const, 'none' as const),
  ),
  admittedAsNonLocalStudent: yesNo,
});

const jobOffer: fc.Arbitrary<Profile['jobOffer']> = fc.oneof(
  fc.constant('unknown' as const),
  fc.constant('none' as const),
  fc.record({
    relevantToQualifications: yesNo,
    degreeLevelPost: yesNo,
    annualSalaryHKD: unknownOr(fc.constantFrom(300_000, 1_999_999, 2_000_000, 3_000_000)),
    marketLevelPay: yesNo,
    cannotBeFilledLocally: yesNo,
    employerHasTechTasQuota: yesNo,
    researchAndDevelopment: yesNo,
    technologyArea: unknownOr(fc.constantFrom(...technologyAreas)),
  }),
);

const sponsor: fc.Arbitrary<Profile['sponsor']> = fc.oneof(
  fc.constant('unknown' as const),
  fc.constant('none' as const),
  fc.record({
    relation: unknownOr(fc.constantFrom(...sponsorRelations)),
    status: unknownOr(fc.constantFrom(...sponsorStatuses)),
    canSupportAndAccommodate: yesNo,
    applicantUnmarried: yesNo,
  }),
);

const workPeriod = fc
  .tuple(isoDay('1985-01-01', '2026-06-01'), fc.integer({ min: 30, max: 6000 }), fc.boolean())
  .chain(([from, days, present]) =>
    fc.record({
      from: fc.constant(from),
      to: fc.constant(
        present
          ? ('present' as const)
          : new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10),
      ),
      graduateLevel: yesNo,
      fullTimeOrSelfEmployed: yesNo,
      seniorRole: yesNo,
      multinationalOrRenowned: yesNo,
      field: unknownOr(
        fc.constantFrom(
          'innovation_technology' as const,
          'finance' as const,
          'international_trade' as const,
          'other' as const,
        ),
      ),
      international: yesNo,
    }),
  );

const years = unknownOr(fc.integer({ min: 0, max: 30 }));

const work: fc.Arbitrary<Profile['work']> = fc.oneof(
  fc.constant('unknown' as const),
  fc.record({ kind: fc.constant('periods' as const), periods: fc.array(workPeriod, { maxLength: 4 }) }),
  fc.record({
    kind: fc.constant('totals' as const),
    graduateYears: years,
    seniorYears: years,
    multinationalYears: years,
    specifiedFieldYears: years,
    internationalYears: years,
    fullTimeYearsAfterGraduation: years,
    fullTimeYearsInLastFive: unknownOr(fc.integer({ min: 0, max: 5 })),
  }),
);

const dependant: fc.Arbitrary<Dependant> = fc.oneof(
  fc.record({
    relation: fc.constant('spouse' as const),
    dateOfBirth: unknownOr(isoDay('1950-01-01', '2005-01-01')),
    nationality: unknownOr(nationality),
    mainlandResident: yesNo,
    hasDegree: yesNo,
  }),
  fc.record({
    relation: fc.constant('child' as const),
    dateOfBirth: unknownOr(isoDay('1995-01-01', '2025-01-01')),
    nationality: unknownOr(nationality),
    mainlandResident: yesNo,
    married: yesNo,
  }),
);

const amountLarge = unknownOr(fc.constantFrom(0, 10_000_000, 29_999_999, 30_000_000, 80_000_000));

const amount = unknownOr(
  fc.constantFrom(0, 400_000, 999_999, 1_000_000, 2_600_000, 4_999_999, 5_000_000, 9_000_000),
);

export const profileArb: fc.Arbitrary<Profile> = fc.record({
  schemaVersion: fc.constant(3 as const),
  person: fc.record({
    dateOfBirth: unknownOr(isoDay('1940-01-01', '2010-01-01')),
    nationality: unknownOr(nationality),
    mainlandResident: yesNo,
    prcPassportAbroad: fc.oneof(
      fc.constant('not_applicable' as const),
      fc.constant('unknown' as const),
      fc.record({
        appliesFromOverseas: yesNo,
        overseasPermanentResidence: yesNo,
        livedOverseasAtLeastOneYear: yesNo,
      }),
    ),
    placeOfBirth: unknownOr(fc.constantFrom(...placesOfBirth)),
  }),
  character: fc.record({ selfSupporting: yesNo, criminalRecord: yesNo, adverseImmigrationRecord: yesNo }),
  education: fc.record({
    degrees: unknownOr(fc.array(degree, { maxLength: 3 })),
    professionalQualification: yesNo,
  }),
  languages: fc.record({
    chinese: fc.record({ written: yesNo, putonghua: yesNo, cantonese: yesNo }),
    english: fc.record({ written: yesNo, spoken: yesNo }),
    others: unknownOr(
      fc.array(
        fc.record({ language: fc.constantFrom('French', 'Japanese'), written: yesNo, spoken: yesNo }),
        {
          maxLength: 2,
        },
      ),
    ),
  }),
  work,
  income: fc.record({ lastYearHKD: amount }),
  business: fc.record({ ownsBusiness: yesNo, businessProfitLastYearHKD: amount, ownsListedCompany: yesNo }),
  talentList: fc.oneof(
    fc.constant('unknown' as const),
    fc.constant('none' as const),
    fc.constant({ profession: 'Actuaries' }),
  ),
  achievements: fc.record({ exceptionalAward: yesNo, peerRecognition: yesNo }),
  family: fc.record({
    hkPermanentResidentInHongKong: yesNo,
    parentChinesePermanentResidentSettledOverseas: yesNo,
  }),
  jobOffer,
  investment: fc.record({ netAssetsHKD: amountLarge, plannedInvestmentHKD: amountLarge }),
  sponsor,
  dependants: unknownOr(fc.array(dependant, { maxLength: 3 })),
});

/** A submission moment in Hong Kong time between the scheme's start and the end of 2026. */
export const momentArb: fc.Arbitrary<string> = fc
  .date({
    min: new Date('2006-06-28T00:00:00+08:00'),
    max: new Date('2026-12-31T23:59:00+08:00'),
    noInvalidDate: true,
  })
  .map((d) => `${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`);

/** Moments on both sides of every date boundary the rules know, a minute apart. */
export const boundaryMoments = [
  '2008-01-20T00:00:00+08:00',
  '2015-05-04T00:00:00+08:00',
  '2016-01-01T00:00:00+08:00',
  '2018-08-28T00:00:00+08:00',
  '2018-09-19T00:00:00+08:00',
  '2019-03-25T00:00:00+08:00',
  '2020-01-01T00:00:00+08:00',
  '2021-10-06T00:00:00+08:00',
  '2022-10-19T00:00:00+08:00',
  '2022-12-28T00:00:00+08:00',
  '2023-01-01T00:00:00+08:00',
  '2023-10-25T00:00:00+08:00',
  '2024-11-01T00:00:00+08:00',
  '2025-02-26T11:00:00+08:00',
]
  .flatMap((m) => [new Date(Date.parse(m) - 60_000), new Date(Date.parse(m))])
  .map((d) => `${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`);

export const momentOrBoundaryArb = fc.oneof(momentArb, fc.constantFrom(...boundaryMoments));
