import { z } from 'zod';

/**
 * The applicant's facts: one schema for everything any era of QMAS reads.
 *
 * Every fact accepts the literal string "unknown". A missing key is an error, not an unknown:
 * a typo in a field name must never silently turn into "the person does not know".
 */
export const UNKNOWN = 'unknown' as const;
export type Unknown = typeof UNKNOWN;

const unknownLiteral = z.literal(UNKNOWN).describe('The person does not know this fact yet.');

/** A fact that is either a value or explicitly unknown. */
export function known<T extends z.ZodType>(schema: T) {
  return z.union([schema, unknownLiteral]);
}

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine(isRealDate, 'a real calendar date written YYYY-MM-DD')
  .describe('A calendar date, YYYY-MM-DD.');

export const countryCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 country code such as GBR, CHN or VNM')
  .describe('Nationality as an ISO 3166-1 alpha-3 code (e.g. GBR, CHN, VNM).');

const yesNo = known(z.boolean());
const hkd = known(z.number().nonnegative().finite()).describe('An amount in Hong Kong dollars (HK$).');
const years = known(z.number().nonnegative().max(80)).describe('A number of years.');

export const degreeLevels = ['bachelor', 'master', 'doctorate'] as const;
export type DegreeLevel = (typeof degreeLevels)[number];

export const Degree = z
  .object({
    level: known(z.enum(degreeLevels)),
    institution: known(z.string().min(1)),
    subject: known(z.string().min(1)),
    stem: yesNo.describe('Whether the subject is science, technology, engineering or mathematics.'),
    eligibleUniversity: yesNo.describe(
      'Whether the awarding institution is on the Aggregate List of Eligible Universities.',
    ),
    renownedInstitution: yesNo.describe(
      'Whether the awarding institution is an internationally recognised renowned institution (points-era bonus).',
    ),
    yearAwarded: known(z.number().int().min(1900).max(2100)),
  })
  .strict();
export type Degree = z.infer<typeof Degree>;

export const workFields = ['innovation_technology', 'finance', 'international_trade', 'other'] as const;
export type WorkField = (typeof workFields)[number];

export const WorkPeriod = z
  .object({
    from: isoDate,
    to: z.union([isoDate, z.literal('present')]),
    graduateLevel: yesNo.describe('Work at graduate or specialist level.'),
    seniorRole: yesNo.describe('A senior role (points-era work bands).'),
    multinationalOrRenowned: yesNo.describe(
      'Employer is a multinational company or renowned enterprise (e.g. listed, Forbes Global 2000, Fortune Global 500, Hurun China 500).',
    ),
    field: known(z.enum(workFields)),
    international: yesNo.describe('International work experience.'),
  })
  .strict();
export type WorkPeriod = z.infer<typeof WorkPeriod>;

export const WorkTotals = z
  .object({
    kind: z.literal('totals'),
    graduateYears: years,
    seniorYears: years,
    multinationalYears: years,
    specifiedFieldYears: years,
    internationalYears: years,
  })
  .strict();

export const WorkHistory = z
  .object({
    kind: z.literal('periods'),
    periods: z.array(WorkPeriod),
  })
  .strict();

export const Language = z
  .object({
    language: z.string().min(1),
    written: yesNo,
    spoken: yesNo,
  })
  .strict();

const dependantCommon = {
  dateOfBirth: known(isoDate),
  nationality: known(countryCode),
  mainlandResident: yesNo,
};

export const Dependant = z.discriminatedUnion('relation', [
  z
    .object({
      relation: z.literal('spouse'),
      ...dependantCommon,
      hasDegree: yesNo.describe('Educated to degree level (points-era family factor).'),
    })
    .strict(),
  z
    .object({
      relation: z.literal('civil_partner'),
      ...dependantCommon,
      hasDegree: yesNo,
    })
    .strict(),
  z
    .object({
      relation: z.literal('child'),
      ...dependantCommon,
      married: yesNo,
    })
    .strict(),
]);
export type Dependant = z.infer<typeof Dependant>;

export const Profile = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1),
    person: z
      .object({
        dateOfBirth: known(isoDate),
        nationality: known(countryCode),
        mainlandResident: yesNo.describe(
          'A Chinese resident of the Mainland, including one living temporarily in Hong Kong or Macao.',
        ),
        prcPassportAbroad: z
          .union([
            z.literal('not_applicable'),
            unknownLiteral,
            z
              .object({
                appliesFromOverseas: yesNo,
                overseasPermanentResidence: yesNo,
                livedOverseasAtLeastOneYear: yesNo.describe(
                  'Lived overseas for at least one year immediately before applying.',
                ),
              })
              .strict(),
          ])
          .describe('For PRC passport holders living abroad; "not_applicable" for everyone else.'),
      })
      .strict(),
    character: z
      .object({
        selfSupporting: yesNo.describe(
          'Can support and accommodate self and dependants without public assistance.',
        ),
        criminalRecord: yesNo,
        adverseImmigrationRecord: yesNo,
      })
      .strict(),
    education: z
      .object({
        degrees: known(z.array(Degree)),
        professionalQualification: yesNo.describe(
          'A professional qualification from a recognised body showing a very high level of expertise, or good technical qualifications.',
        ),
      })
      .strict(),
    languages: z
      .object({
        chinese: z.object({ written: yesNo, putonghua: yesNo, cantonese: yesNo }).strict(),
        english: z.object({ written: yesNo, spoken: yesNo }).strict(),
        others: known(z.array(Language)),
      })
      .strict(),
    work: known(z.discriminatedUnion('kind', [WorkHistory, WorkTotals])),
    income: z.object({ lastYearHKD: hkd }).strict(),
    business: z
      .object({
        ownsBusiness: yesNo,
        businessProfitLastYearHKD: hkd,
        ownsListedCompany: yesNo,
      })
      .strict(),
    talentList: known(
      z.union([z.literal('none'), z.object({ profession: z.string().min(1) }).strict()]),
    ).describe('A Talent List profession whose specification the applicant meets, or "none".'),
    achievements: z
      .object({
        exceptionalAward: yesNo.describe(
          'An award of exceptional achievement (e.g. Olympic medal, Nobel Prize).',
        ),
        peerRecognition: yesNo.describe(
          'Work recognised by peers or a significant contribution to the field.',
        ),
      })
      .strict(),
    family: z
      .object({
        hkPermanentResidentInHongKong: yesNo.describe(
          'An immediate family member (spouse, parent, sibling, child) who is a Hong Kong permanent resident living in Hong Kong.',
        ),
      })
      .strict(),
    dependants: known(z.array(Dependant)),
  })
  .strict();

export type Profile = z.infer<typeof Profile>;
