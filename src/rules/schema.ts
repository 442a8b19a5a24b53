import { z } from 'zod';
import { categoryNames, measureNames } from '../engine/measures.ts';

/**
 * The shape of the rule files under rules/<jurisdiction>/<route>/. Every dated entry names its
 * effective moment (with the +08:00 offset), its sources and a confidence mark, so a change of
 * law is a new entry and never an edit of an old one.
 */

export const languages = ['en', 'zh-Hant', 'zh-Hans'] as const;
export type Lang = (typeof languages)[number];

export const Localized = z
  .object({ en: z.string().min(1), 'zh-Hant': z.string().min(1), 'zh-Hans': z.string().min(1) })
  .strict();
export type Localized = z.infer<typeof Localized>;

export const confidences = ['official', 'secondary', 'uncertain'] as const;
export const Confidence = z.enum(confidences);
export type Confidence = z.infer<typeof Confidence>;

const instant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\+08:00|Z)$/,
    'an ISO date-time with its offset, e.g. 2024-11-01T00:00:00+08:00',
  );

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');

export const SourceRef = z
  .object({
    ref: z.string().min(1).describe('An id from sources.yaml.'),
    section: z.string().min(1).describe('The section, paragraph or table of the source.'),
  })
  .strict();
export type SourceRef = z.infer<typeof SourceRef>;

/** What every sourced value carries. */
const provenance = {
  sources: z.array(SourceRef).min(1),
  confidence: Confidence,
  note: Localized.optional().describe('Why the confidence is not "official", or what is unknown.'),
};

export const Source = z
  .object({
    title: z.string().min(1),
    publisher: z.string().min(1),
    url: z.string().url(),
    retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    revision: z.string().optional(),
    official: z.boolean(),
  })
  .strict();
export type Source = z.infer<typeof Source>;

export const SourcesFile = z.object({ sources: z.record(z.string(), Source) }).strict();

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { measure: (typeof measureNames)[number]; op: '>=' | '>' | '<=' | '<' | '=='; value: number }
  | { measure: (typeof measureNames)[number]; is: boolean }
  | { category: (typeof categoryNames)[number]; in: string[] };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(Condition).min(1) }).strict(),
    z.object({ any: z.array(Condition).min(1) }).strict(),
    z.object({ not: Condition }).strict(),
    z
      .object({
        measure: z.enum(measureNames),
        op: z.enum(['>=', '>', '<=', '<', '==']),
        value: z.number(),
      })
      .strict(),
    z.object({ measure: z.enum(measureNames), is: z.boolean() }).strict(),
    z
      .object({
        category: z.enum(categoryNames),
        in: z.array(z.string().regex(/^[A-Za-z0-9_]+$/, 'a code such as GBR or a fact value such as spouse')),
      })
      .strict(),
  ]),
);

/** A yes/no requirement: a prerequisite, or one criterion of a criteria-count or any-of test. */
export const Criterion = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: Localized.describe('What the criterion asks, as a short statement.'),
    when: Condition,
    ...provenance,
  })
  .strict();
export type Criterion = z.infer<typeof Criterion>;

/** One line of a points factor: fixed points when a condition holds, or points per counted unit. */
export const PointsLine = z.union([
  z
    .object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      label: Localized,
      points: z.number().int().nonnegative(),
      when: Condition,
    })
    .strict(),
  z
    .object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      label: Localized,
      pointsPerUnit: z.number().int().positive(),
      perUnitOf: z.enum(measureNames),
      maxPoints: z.number().int().positive(),
    })
    .strict(),
]);
export type PointsLine = z.infer<typeof PointsLine>;

/**
 * A points factor: the first band whose condition holds scores (bands are listed highest first),
 * then every bonus line adds; the total is capped.
 */
export const Factor = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: Localized,
    cap: z.number().int().positive(),
    bands: z.array(PointsLine).default([]),
    bonuses: z.array(PointsLine).default([]),
    ...provenance,
  })
  .strict();
export type Factor = z.infer<typeof Factor>;

const versionBase = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  from: instant.describe('Applies to applications submitted at or after this moment.'),
  ...provenance,
};

export const PointsScoring = z
  .object({
    kind: z.literal('points'),
    passMark: z.number().int().positive(),
    maximum: z.number().int().positive(),
  })
  .strict();
export const CountScoring = z
  .object({ kind: z.literal('count'), threshold: z.number().int().positive() })
  .strict();
export const AnyScoring = z
  .object({
    kind: z.literal('any'),
    fullMarks: z.number().int().positive().optional().describe('Points-era score for meeting a criterion.'),
  })
  .strict();

export const TestVersion = z.union([
  z.object({ ...versionBase, scoring: PointsScoring, factors: z.array(Factor).min(1) }).strict(),
  z
    .object({
      ...versionBase,
      scoring: z.union([CountScoring, AnyScoring]),
      criteria: z.array(Criterion).min(1),
    })
    .strict(),
]);
export type TestVersion = z.infer<typeof TestVersion>;

export const TestFile = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: Localized,
    versions: z.array(TestVersion).min(1),
  })
  .strict();
export type TestFile = z.infer<typeof TestFile>;

export const PrerequisitesVersion = z.object({ ...versionBase, items: z.array(Criterion).min(1) }).strict();
export type PrerequisitesVersion = z.infer<typeof PrerequisitesVersion>;

export const ExclusionsVersion = z
  .object({ ...versionBase, nationalities: z.array(z.string().regex(/^[A-Z]{3}$/)) })
  .strict();
export type ExclusionsVersion = z.infer<typeof ExclusionsVersion>;

export const FeeItem = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: Localized,
    amountHKD: z.number().nonnegative(),
    refundable: z.boolean(),
    payable: Localized.describe('When the fee is paid.'),
    stayDaysAtMost: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Charged only when the stay granted is this long or shorter.'),
    stayDaysOver: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Charged only when the stay granted is longer than this.'),
    tests: z
      .array(z.string())
      .min(1)
      .optional()
      .describe('Charged only when the applicant is assessed under one of these tests (categories).'),
  })
  .strict();
export type FeeItem = z.infer<typeof FeeItem>;

export const FeesVersion = z
  .object({ ...versionBase, regime: Localized, perPerson: z.array(FeeItem).min(1) })
  .strict();
export type FeesVersion = z.infer<typeof FeesVersion>;

export const TopTier = z
  .object({
    afterYears: z.number().positive(),
    assessableIncomeHKD: z.number().positive(),
    extensionYears: z.number().positive(),
  })
  .strict();

export const conditionsOfStay = ['time_limitation_only', 'employment', 'linked_to_sponsor'] as const;

export const StayPlan = z
  .object({
    initialMonths: z
      .number()
      .int()
      .positive()
      .nullable()
      .describe('null when it is not fixed by the route (linked to a sponsor) or not published.'),
    initialNote: Localized.optional().describe(
      'What decides the initial stay when it is not a fixed number.',
    ),
    extensionsYears: z.array(z.number().positive()).describe('The usual extensions in order, e.g. [3, 2].'),
    pattern: z.string().min(1).describe('The customary short form, e.g. "3+3+2".'),
    conditionOfStay: z
      .enum(conditionsOfStay)
      .optional()
      .describe('What the stay is tied to: nothing but the time limit, the employment, or the sponsor.'),
    topTier: TopTier.optional(),
    extensionRequirements: z.array(Localized),
  })
  .strict();
export type StayPlan = z.infer<typeof StayPlan>;

export const StayVersion = z.object({ ...versionBase, byTest: z.record(z.string(), StayPlan) }).strict();
export type StayVersion = z.infer<typeof StayVersion>;

export const dependantRelations = ['spouse', 'civil_partner', 'child'] as const;

export const DependantsVersion = z
  .object({
    ...versionBase,
    relations: z
      .array(z.enum(dependantRelations))
      .describe('Empty when the route admits no dependants of its own applicants.'),
    childUnderAge: z.number().int().positive(),
    childMustBeUnmarried: z.boolean(),
    mainlandResidentsAllowed: z.boolean(),
    excludedNationalities: z.array(z.string().regex(/^[A-Z]{3}$/)),
    conditions: z.array(Localized).min(1),
  })
  .strict();
export type DependantsVersion = z.infer<typeof DependantsVersion>;

export const stages = [
  'before_submission',
  'after_submission',
  'after_selection',
  'after_approval',
  'after_entry',
] as const;

export const Step = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    stage: z.enum(stages),
    title: Localized,
    detail: Localized,
    when: Condition.optional().describe('The step applies only to applicants for whom this holds.'),
  })
  .strict();
export type Step = z.infer<typeof Step>;

export const StepsVersion = z.object({ ...versionBase, steps: z.array(Step).min(1) }).strict();
export type StepsVersion = z.infer<typeof StepsVersion>;

export const SelectionVersion = z
  .object({
    ...versionBase,
    quota: z
      .union([z.number().int().positive(), z.literal('suspended'), z.literal('none'), z.literal('unknown')])
      .describe('A yearly quota, unless quotaPeriod gives the period it covers; "unknown" when not found.'),
    quotaPeriod: z
      .object({ from: day, to: day })
      .strict()
      .optional()
      .describe('The first and last days (both inclusive) a numeric quota covers, when not a year.'),
    selectionExercise: z
      .boolean()
      .default(false)
      .describe('Applications that meet the requirements then compete in discretionary selection exercises.'),
    decidedBy: Localized,
    summary: Localized,
  })
  .strict();
export type SelectionVersion = z.infer<typeof SelectionVersion>;

/** How long before a limit of stay an extension may be applied for: calendar months or weeks. */
export const WindowLength = z.union([
  z.object({ months: z.number().int().positive() }).strict(),
  z.object({ weeks: z.number().int().positive() }).strict(),
]);
export type WindowLength = z.infer<typeof WindowLength>;

/**
 * The extension window in force for applications for extension made from `from`: how early before
 * the limit of stay they may be made, for every test of the route unless `byTest` says otherwise.
 */
export const ExtensionWindowVersion = z
  .object({
    ...versionBase,
    before: WindowLength,
    byTest: z
      .record(z.string(), WindowLength)
      .optional()
      .describe('A different window for applicants under these tests (categories).'),
  })
  .strict();
export type ExtensionWindowVersion = z.infer<typeof ExtensionWindowVersion>;

export const RouteFile = z
  .object({
    id: z.string().regex(/^[a-z0-9.-]+$/),
    name: Localized,
    shortName: Localized,
    summary: Localized,
    tests: z.array(z.string()).min(1).describe('Ids of the test files, in the order shown.'),
    needsJobOffer: z
      .enum(['no', 'yes', 'some_tests'])
      .describe(
        'Whether applying needs a confirmed job offer in Hong Kong (some_tests: only some categories).',
      ),
    related: z
      .array(z.string().regex(/^[a-z0-9.-]+$/))
      .describe('Ids of related routes, for the guide pages.'),
    permanentResidence: Localized,
    opened: z
      .object({ at: instant, ...provenance })
      .strict()
      .optional()
      .describe(
        'When the route first took applications. Before it, an assessment says the scheme had not opened yet. Absent when the route opened before the earliest rules Routewise holds.',
      ),
    ...provenance,
  })
  .strict();
export type RouteFile = z.infer<typeof RouteFile>;

const versioned = <T extends z.ZodType>(version: T) =>
  z.object({ versions: z.array(version).min(1) }).strict();

export const PrerequisitesFile = versioned(PrerequisitesVersion);
export const ExclusionsFile = versioned(ExclusionsVersion);
export const FeesFile = versioned(FeesVersion);
export const StayFile = versioned(StayVersion);
export const DependantsFile = versioned(DependantsVersion);
export const StepsFile = versioned(StepsVersion);
export const SelectionFile = versioned(SelectionVersion);
export const ExtensionWindowFile = versioned(ExtensionWindowVersion);
