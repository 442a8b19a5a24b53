import { z } from 'zod';

/**
 * The applicant's facts: one schema for everything any route's rules read.
 *
 * Every fact accepts the literal string "unknown". `Profile` is the complete profile the engine
 * takes, every fact present. A missing key is an error, not an unknown: a typo in a field name
 * must never silently turn into "the person does not know".
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

/**
 * How a degree relates to Hong Kong: a full-time locally-accredited programme funded by the
 * University Grants Committee or self-financed, a Mainland Greater Bay Area campus of a Hong Kong
 * institution, or none of these (studied elsewhere, exchange, short or continuing-education course).
 */
export const hongKongProgrammes = ['ugc_funded', 'self_financed', 'gba_campus', 'none'] as const;
export type HongKongProgramme = (typeof hongKongProgrammes)[number];

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
    graduationDate: known(isoDate).describe(
      'The graduation date on the certificate (the non-local graduates route counts six months from it).',
    ),
    hongKongProgramme: known(z.enum(hongKongProgrammes)).describe(
      'Where the degree was studied when it was a full-time locally-accredited Hong Kong programme, or a Greater Bay Area campus of a Hong Kong university; "none" for every other degree.',
    ),
    admittedAsNonLocalStudent: yesNo.describe(
      'Whether you were admitted to Hong Kong as a non-local student (on a student visa or entry permit) to study this programme; false for a degree studied outside Hong Kong or while living in Hong Kong on another status (e.g. as a dependant).',
    ),
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
    fullTimeOrSelfEmployed: yesNo.describe(
      'Full-time employment, or self-employment (what the Top Talent Pass Scheme counts as work experience).',
    ),
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
    fullTimeYearsAfterGraduation: years.describe(
      'Years of full-time employment or self-employment after your first degree, in all (graduate-level or not).',
    ),
    fullTimeYearsInLastFive: known(z.number().nonnegative().max(5)).describe(
      'Of those years, how many fall in the five years immediately before applying (at most 5).',
    ),
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

export const placesOfBirth = ['hong_kong', 'mainland', 'macao', 'taiwan', 'overseas'] as const;

/** The technology areas TechTAS named until 2025-12-24, as ids (rules/hk/techtas lists them). */
export const technologyAreas = [
  'advanced_communication',
  'artificial_intelligence',
  'biotechnology',
  'cybersecurity',
  'data_analytics',
  'digital_entertainment',
  'fintech',
  'green_technology',
  'ic_design',
  'internet_of_things',
  'material_science',
  'microelectronics',
  'quantum_technology',
  'robotics',
  'other',
] as const;

export const JobOffer = z
  .object({
    relevantToQualifications: yesNo.describe('The post is relevant to your qualifications or experience.'),
    degreeLevelPost: yesNo.describe('A post at a level normally taken up by degree holders.'),
    annualSalaryHKD: hkd.describe('The annual salary offered, in HK$.'),
    marketLevelPay: yesNo.describe(
      'The package (pay, accommodation, medical and other benefits) is broadly at market level.',
    ),
    cannotBeFilledLocally: yesNo.describe(
      'The employer can show the post cannot readily be filled by the local workforce.',
    ),
    employerHasTechTasQuota: yesNo.describe(
      'The employer holds a valid TechTAS quota from the Innovation and Technology Commission.',
    ),
    researchAndDevelopment: yesNo.describe('Full-time, principally doing research and development.'),
    technologyArea: known(z.enum(technologyAreas)),
  })
  .strict();
export type JobOffer = z.infer<typeof JobOffer>;

export const sponsorRelations = ['spouse', 'civil_partner', 'parent', 'child'] as const;
export const sponsorStatuses = [
  'permanent_resident',
  'unconditional_stay',
  'talent_scheme_entrant',
  'employed_professional',
  'student',
  'other',
] as const;

export const Sponsor = z
  .object({
    relation: known(z.enum(sponsorRelations)).describe(
      'Who the sponsor is to you: your spouse, civil partner, parent or (adult) child.',
    ),
    status: known(z.enum(sponsorStatuses)).describe("The sponsor's status in Hong Kong."),
    canSupportAndAccommodate: yesNo.describe(
      'The sponsor can support you well above subsistence level and provide suitable accommodation.',
    ),
    applicantUnmarried: yesNo.describe('You are unmarried (what a dependent child must be).'),
  })
  .strict();
export type Sponsor = z.infer<typeof Sponsor>;

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

/**
 * The skilled trades on the Technical Professional List of the GEP / ASMTP Technical Professionals
 * Stream, as ids. The official list is in Chinese; the English names Routewise shows are its own
 * renderings (the official English list was not retrieved).
 */
export const tpTrades = [
  'new_industry_technician',
  'nurse',
  'aircraft_maintenance_technician',
  'marine_technician_local_vessels',
  'it_technician',
  'lift_escalator_technician',
  'bim_coordinator',
  'electrical_technician',
] as const;

/** The trade of a job offer: a TP List trade, another trade, or no offer in a skilled trade. */
export const offerTrades = [...tpTrades, 'other', 'none'] as const;

/**
 * Facts about a job in a skilled trade, read by the Technical Professionals Stream. The TP List's
 * per-trade minimums (qualifications, contract length, pay) are not held by Routewise, so the
 * person answers whether they meet them.
 */
export const Trade = z
  .object({
    offerTrade: known(z.enum(offerTrades)).describe(
      'The skilled trade of your confirmed job offer in Hong Kong: one on the Technical Professional List, "other" for another trade, "none" without such an offer.',
    ),
    meetsTradeMinimumQualifications: yesNo.describe(
      "You meet the minimum qualifications the Technical Professional List sets for the offer's trade (academic qualifications, work experience, registration or licence, skills).",
    ),
    contractMeetsTradeMinimum: yesNo.describe(
      'The employment contract is at least as long as the minimum the Technical Professional List sets for the trade.',
    ),
    payMeetsTradeMinimum: yesNo.describe(
      "The package is at least ImmD's minimum market level for the trade and not below the median earnings of post-secondary non-degree holders in Hong Kong.",
    ),
  })
  .strict();
export type Trade = z.infer<typeof Trade>;

/** Which "Proof of First Application Eligibility" the Vocational Training Council issued, if any. */
export const vtcProofs = ['category_a', 'category_b', 'none'] as const;

/**
 * Facts about a Vocational Training Council Higher Diploma studied in Hong Kong as a non-local
 * student, read by the Vocational Professionals Admission Scheme.
 */
export const Vocational = z
  .object({
    admittedOnStudentVisa: yesNo.describe(
      'You were admitted to Hong Kong as a non-local student, on a student visa or entry permit, for the programme.',
    ),
    eligibleProgramme: yesNo.describe(
      "The programme is one of the VTC full-time Higher Diploma programmes designated for the scheme (VTC's list).",
    ),
    intakeYear: known(z.number().int().min(1990).max(2100)).describe(
      'The academic year you were admitted to the programme, by its first calendar year (2024 for 2024/25).',
    ),
    graduationDate: known(isoDate).describe('The graduation date shown on the graduation certificate.'),
    proof: known(z.enum(vtcProofs)).describe(
      'The VTC "Proof of First Application Eligibility" you hold: for category A, for category B, or none.',
    ),
    permittedToRemainUnderIang: yesNo.describe(
      'You have been permitted to remain in Hong Kong under the Immigration Arrangements for Non-local Graduates.',
    ),
    offerDisciplineRelevant: yesNo.describe(
      'A confirmed offer of a full-time job relevant to the discipline of the programme (not a business you set up or joined).',
    ),
    offerHigherDiplomaLevel: yesNo.describe(
      'The job is at a level commonly taken up by holders of a higher diploma or above.',
    ),
    offerContractMonths: known(z.number().int().min(0).max(600)).describe(
      'The length of the employment contract offered, in months.',
    ),
  })
  .strict();
export type Vocational = z.infer<typeof Vocational>;

export const Profile = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(3),
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
        placeOfBirth: known(z.enum(placesOfBirth)).describe(
          'Where you were born: "overseas" means outside the Mainland, Hong Kong, Macao and Taiwan.',
        ),
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
        parentChinesePermanentResidentSettledOverseas: yesNo.describe(
          'A parent holds a valid Hong Kong permanent identity card and was a Chinese national settled overseas when you were born.',
        ),
      })
      .strict(),
    jobOffer: known(z.union([z.literal('none'), JobOffer])).describe(
      'A confirmed offer of employment in Hong Kong, or "none".',
    ),
    investment: z
      .object({
        netAssetsHKD: hkd.describe(
          'Net assets you have absolutely and beneficially owned throughout the qualifying period before applying.',
        ),
        plannedInvestmentHKD: hkd.describe(
          'What you would invest in permissible investment assets in Hong Kong.',
        ),
      })
      .strict(),
    sponsor: known(z.union([z.literal('none'), Sponsor])).describe(
      'A family member in Hong Kong who would sponsor you as a dependant, or "none".',
    ),
    dependants: known(z.array(Dependant)),
    // Sections added after schema version 2: optional until the next version makes them required.
    trade: Trade.optional().describe(
      'A job in a skilled trade (the Technical Professionals Stream); every fact unknown when absent.',
    ),
    vocational: Vocational.optional().describe(
      'A VTC Higher Diploma studied as a non-local student (the Vocational Professionals Admission Scheme); every fact unknown when absent.',
    ),
  })
  .strict();

export type Profile = z.infer<typeof Profile>;
