import { z } from '@hono/zod-openapi';
import { isoDate, Profile } from '../../profile/schema.ts';
import { languages } from '../../rules/schema.ts';
import { EVIDENCE_STATES } from '../../store/index.ts';
import { parseMoment } from './input.ts';

/**
 * The API's request and response shapes, in zod: requests are validated with them, and the
 * OpenAPI 3.1 document at /api/openapi.json is generated from them. Response objects are not
 * strict, so a field added later is an addition, not a break.
 */

export const Lang = z
  .enum(languages)
  .openapi('Lang', { description: 'Language of labels and explanations.' });

// Checked with the body's other fields, so that a bad moment is reported with every other problem.
const moment = z
  .string()
  .max(40)
  .refine((text) => parseMoment(text) !== undefined)
  .describe(
    'An ISO 8601 date-time with its offset (e.g. 2025-03-01T10:00:00+08:00), or a date YYYY-MM-DD meaning 00:00 Hong Kong time. The rules in force at this moment apply.',
  );

const routeId = z.string().max(80).describe('A route id, e.g. "hk.qmas". Default: hk.qmas.');

/**
 * Schemas built before @hono/zod-openapi was first imported lack `.openapi()` (zod 4 copies
 * methods onto instances when they are made), so the extension's method is applied directly.
 */
function named<T extends z.ZodType>(schema: T, name: string, metadata: Record<string, unknown>): T {
  const openapi = (z.ZodType.prototype as unknown as { openapi: (this: T, ...args: unknown[]) => T }).openapi;
  return openapi.call(schema, name, metadata);
}

export const ProfileSchema = named(Profile, 'Profile', {
  description:
    'The applicant\'s facts. Every fact is required and may be "unknown"; a missing field is an error. See schema/profile.schema.json.',
});

// --- Errors -------------------------------------------------------------------------------------

export const FieldIssueSchema = z
  .object({
    path: z.string().openapi({ example: 'profile.person.dateOfBirth' }),
    value: z.unknown().optional().describe('The value given; absent when the field is missing.'),
    expected: z.string(),
    message: z.string(),
  })
  .openapi('FieldIssue');

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z
        .enum([
          'invalid_json',
          'invalid_field',
          'invalid_profile',
          'not_found',
          'payload_too_large',
          'unsupported_media_type',
          'rules_not_in_force',
          'rate_limited',
          'internal',
          'report_unavailable',
          'store_unavailable',
        ])
        .describe('Stable error code; branch on this, not on the message.'),
      message: z.string().describe("In the request's language."),
      issues: z.array(FieldIssueSchema).optional(),
    }),
  })
  .openapi('Error');

// --- Assessment (mirrors src/engine/result.ts) ------------------------------------------------

const Confidence = z.enum(['official', 'secondary', 'uncertain']);
const Outcome = z.enum(['met', 'not_met', 'unknown']);
const Status = z.enum(['eligible', 'not_eligible', 'undetermined']);

const QuotaPeriod = z
  .object({ from: z.string(), to: z.string() })
  .nullable()
  .describe('The days (YYYY-MM-DD, both inclusive) a numeric quota covers; null for a yearly quota.');
const Range = z.object({ min: z.number(), max: z.number() });

/** A citation with its source written in: route guides, rule listings and case views. */
export const CitationSchema = z
  .object({ ref: z.string(), section: z.string(), title: z.string(), url: z.string(), official: z.boolean() })
  .openapi('Citation');

/** A citation in an assessment: the source is listed once in the assessment's `sources`. */
export const SourceRefSchema = z
  .object({
    ref: z.string().describe("The source's key in the assessment's `sources`."),
    section: z.string().describe('The section, paragraph or table cited.'),
  })
  .openapi('SourceRef');

export const CitedSourceSchema = z
  .object({
    title: z.string(),
    url: z.string(),
    publisher: z.string(),
    official: z.boolean().describe('Official text (or a verbatim copy), as opposed to a secondary source.'),
    retrieved: z.string().describe('The day the source was last checked, YYYY-MM-DD.'),
  })
  .openapi('CitedSource');

const ruleVersionFields = {
  part: z.string().describe('What the version governs: "prerequisites", "test:gpt", "fees", …'),
  id: z.string(),
  file: z.string(),
  from: z.string(),
  to: z.string().nullable().describe('Exclusive end; null while the version is the latest.'),
  confidence: Confidence,
};

export const RuleVersionUsedSchema = z
  .object({ ...ruleVersionFields, sources: z.array(SourceRefSchema) })
  .openapi('RuleVersionUsed');

const FactRead = z.object({
  measure: z.string(),
  fields: z.array(z.string()),
  value: z.union([Range, z.string(), z.null()]),
  display: z.string(),
});

const CriterionResult = z
  .object({
    id: z.string(),
    label: z.string(),
    outcome: Outcome,
    facts: z.array(FactRead),
    points: z
      .object({ min: z.number(), max: z.number(), cap: z.number(), line: z.string().nullable() })
      .optional(),
    explanation: z.string(),
    sources: z.array(SourceRefSchema),
    confidence: Confidence,
    note: z.string().optional(),
  })
  .openapi('CriterionResult');

const Score = z.union([
  z.object({ kind: z.literal('points'), points: Range, passMark: z.number(), maximum: z.number() }),
  z.object({ kind: z.literal('count'), met: Range, threshold: z.number(), of: z.number() }),
  z.object({ kind: z.literal('any'), met: Range, of: z.number(), fullMarks: z.number().nullable() }),
]);

const TestResult = z.object({
  test: z.string(),
  name: z.string(),
  version: RuleVersionUsedSchema,
  status: Status,
  score: Score,
  criteria: z.array(CriterionResult),
  deciding: z.array(z.string()),
});

const Fees = z.object({
  regime: z.string(),
  version: RuleVersionUsedSchema,
  persons: z.number(),
  lines: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      amountHKD: z.number(),
      persons: z.number(),
      subtotalHKD: z.number(),
      refundable: z.boolean(),
      payable: z.string(),
    }),
  ),
  totalHKD: z.number(),
});

const Stay = z.object({
  test: z.string(),
  initialMonths: z.number().nullable(),
  initialNote: z.string().nullable(),
  extensionsYears: z.array(z.number()),
  pattern: z.string(),
  conditionOfStay: z.enum(['time_limitation_only', 'employment', 'linked_to_sponsor']).nullable(),
  topTier: z
    .object({ afterYears: z.number(), assessableIncomeHKD: z.number(), extensionYears: z.number() })
    .nullable(),
  extensionRequirements: z.array(z.string()),
  permanentResidence: z.string(),
});

export const AssessmentSchema = z
  .object({
    format: z.literal('routewise.assessment/1'),
    route: z.object({ id: z.string(), name: z.string() }),
    submittedAt: z.string().describe('The submission moment, in Hong Kong time.'),
    lang: Lang,
    status: Status,
    summary: z.string(),
    rulesUsed: z.array(RuleVersionUsedSchema),
    prerequisites: z.array(CriterionResult),
    tests: z.array(TestResult),
    recommendedTest: z.string().nullable(),
    recommendation: z.string(),
    deciding: z
      .array(z.string())
      .describe('When undetermined: the profile fields that would decide the result.'),
    best: Status,
    worst: Status,
    fees: Fees.nullable().describe('null only before the route opened.'),
    stay: Stay.nullable(),
    selection: z
      .object({
        quota: z.union([z.number(), z.literal('suspended'), z.literal('none'), z.literal('unknown')]),
        quotaPeriod: QuotaPeriod,
        selectionExercise: z.boolean().describe('Meeting the requirements leads to a selection exercise.'),
        decidedBy: z.string(),
        summary: z.string(),
      })
      .nullable()
      .describe('null only before the route opened.'),
    nextSteps: z.array(
      z.object({
        id: z.string(),
        stage: z.string(),
        title: z.string(),
        detail: z.string(),
        conditional: z.boolean(),
      }),
    ),
    dependants: z.array(
      z.object({ index: z.number(), relation: z.string(), outcome: Outcome, reasons: z.array(z.string()) }),
    ),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
    disclaimer: z.string(),
    sources: z
      .record(z.string(), CitedSourceSchema)
      .describe('Every source cited in the assessment, once, by the `ref` its citations use.'),
  })
  .openapi('Assessment', {
    description: "The engine's result (docs/assessment-json.md). Meeting a threshold is never approval.",
  });

// --- Requests ---------------------------------------------------------------------------------

const assessmentFields = {
  route: routeId.optional(),
  submittedAt: moment.optional().describe(`${moment.description ?? ''} Default: now.`),
  tests: z
    .array(z.string().max(40))
    .min(1)
    .max(10)
    .optional()
    .describe('Which tests to assess (e.g. ["gpt"]); all by default.'),
  lang: Lang.optional().describe('Default: ?lang=, then Accept-Language, then English.'),
};

/** The request as validated at run time: the profile is checked separately, field by field. */
export const AssessmentRequestEnvelope = z
  .object({ ...assessmentFields, profile: z.unknown().optional() })
  .strict();

export const AssessmentRequestSchema = z
  .object({ ...assessmentFields, profile: ProfileSchema })
  .strict()
  .openapi('AssessmentRequest');

const caseFields = {
  route: routeId.optional(),
  lang: Lang.describe("The case's language."),
  submittedAt: moment.optional().describe(`${moment.description ?? ''} Default: now.`),
};

export const CaseRequestEnvelope = z.object({ ...caseFields, profile: z.unknown().optional() }).strict();
export const CaseRequestSchema = z
  .object({ ...caseFields, profile: ProfileSchema })
  .strict()
  .openapi('CaseRequest');

const profileUpdateFields = {
  submittedAt: moment
    .optional()
    .describe(`${moment.description ?? ''} Default: the submission moment of the case's current assessment.`),
};
export const ProfileUpdateEnvelope = z
  .object({ ...profileUpdateFields, profile: z.unknown().optional() })
  .strict();
export const ProfileUpdateSchema = z
  .object({ ...profileUpdateFields, profile: ProfileSchema })
  .strict()
  .openapi('ProfileUpdate');

export const EvidenceUpdateSchema = z
  .object({
    state: z.enum(EVIDENCE_STATES).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict()
  .openapi('EvidenceUpdate', { description: 'At least one of state and note.' });

export const StageUpdateSchema = z
  .object({
    date: z
      .union([isoDate, z.null()])
      .optional()
      .describe('The day the stage happened, YYYY-MM-DD; null clears it.'),
    note: z.string().max(2000).optional(),
  })
  .strict()
  .openapi('StageUpdate', { description: 'At least one of date and note.' });

// --- Routes -----------------------------------------------------------------------------------

export const RuleVersionSchema = z
  .object({ ...ruleVersionFields, sources: z.array(CitationSchema), note: z.string().nullable() })
  .openapi('RuleVersion');

export const RouteSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    shortName: z.string(),
    summary: z.string(),
    tests: z.array(z.object({ id: z.string(), name: z.string() })),
    links: z.object({ guide: z.string(), rules: z.string() }),
  })
  .openapi('RouteSummary');

export const RouteListSchema = z.object({ routes: z.array(RouteSummarySchema) }).openapi('RouteList');

const RuleItem = z.object({
  id: z.string(),
  label: z.string(),
  confidence: Confidence,
  sources: z.array(CitationSchema),
  note: z.string().nullable(),
});

const GuideFactor = RuleItem.extend({
  cap: z.number(),
  lines: z.array(z.object({ id: z.string(), label: z.string(), points: z.string() })),
});

export const RouteGuideSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    shortName: z.string(),
    summary: z.string(),
    at: z.string().describe('The moment the guide describes (now), Hong Kong time.'),
    lang: Lang,
    sources: z.array(CitationSchema),
    confidence: Confidence,
    prerequisites: z.object({ version: RuleVersionSchema, items: z.array(RuleItem) }),
    exclusions: z.object({ version: RuleVersionSchema, nationalities: z.array(z.string()) }),
    tests: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        version: RuleVersionSchema,
        scoring: z.object({
          kind: z.enum(['points', 'count', 'any']),
          passMark: z.number().optional(),
          maximum: z.number().optional(),
          threshold: z.number().optional(),
          fullMarks: z.number().optional(),
        }),
        criteria: z.array(RuleItem).describe('For count and any-of tests.'),
        factors: z.array(GuideFactor).describe('For points tests.'),
      }),
    ),
    fees: z.object({
      version: RuleVersionSchema,
      regime: z.string(),
      perPerson: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          amountHKD: z.number(),
          refundable: z.boolean(),
          payable: z.string(),
          stayDaysAtMost: z.number().nullable(),
          stayDaysOver: z.number().nullable(),
        }),
      ),
    }),
    stay: z.object({
      version: RuleVersionSchema,
      byTest: z.array(
        z.object({
          test: z.string(),
          initialMonths: z.number().nullable(),
          initialNote: z.string().nullable(),
          extensionsYears: z.array(z.number()),
          pattern: z.string(),
          topTier: z
            .object({ afterYears: z.number(), assessableIncomeHKD: z.number(), extensionYears: z.number() })
            .nullable(),
          extensionRequirements: z.array(z.string()),
        }),
      ),
      permanentResidence: z.string(),
    }),
    dependants: z.object({
      version: RuleVersionSchema,
      relations: z.array(z.string()),
      childUnderAge: z.number(),
      conditions: z.array(z.string()),
    }),
    selection: z.object({
      version: RuleVersionSchema,
      quota: z.union([z.number(), z.literal('suspended'), z.literal('none'), z.literal('unknown')]),
      quotaPeriod: QuotaPeriod,
      decidedBy: z.string(),
      summary: z.string(),
    }),
    steps: z.object({
      version: RuleVersionSchema,
      steps: z.array(
        z.object({
          id: z.string(),
          stage: z.string(),
          title: z.string(),
          detail: z.string(),
          conditional: z.boolean().describe('Applies only to some applicants.'),
        }),
      ),
    }),
    disclaimer: z.string(),
  })
  .openapi('RouteGuide');

export const RulesInForceSchema = z
  .object({
    route: z.object({ id: z.string(), name: z.string() }),
    at: z.string().describe('The moment asked about, Hong Kong time.'),
    rules: z.array(RuleVersionSchema),
    notInForce: z.array(z.string()).describe('Parts of the route with no version in force at that moment.'),
  })
  .openapi('RulesInForce');

// --- Cases ------------------------------------------------------------------------------------

const CaseRuleVersion = z.object({
  id: z.string(),
  file: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  confidence: Confidence,
  sources: z.array(CitationSchema),
  note: z.string().nullable(),
});

export const EvidenceItemSchema = z
  .object({
    id: z.string().openapi({ example: 'degree-certificate-1' }),
    rule: z.string().describe('The evidence.yaml item it comes from.'),
    label: z.string(),
    why: z.string().describe('Which claim or criterion the item supports.'),
    stage: z.string().describe('The tracker stage by which the item is needed.'),
    about: z.union([
      z.object({ kind: z.literal('applicant') }),
      z.object({ kind: z.enum(['degree', 'dependant']), index: z.number() }),
    ]),
    basis: z.object({
      fields: z.array(z.string()),
      criteria: z.array(z.object({ id: z.string(), label: z.string(), outcome: Outcome })),
    }),
    conditional: z.boolean(),
    confidence: Confidence,
    sources: z.array(CitationSchema),
    ruleNote: z.string().nullable().describe("The rule data's note (why the item is uncertain)."),
    state: z.enum(EVIDENCE_STATES),
    note: z.string().describe('What the person wrote about the item.'),
    updatedAt: z.string().nullable(),
  })
  .openapi('EvidenceItem');

export const TrackerStageSchema = z
  .object({
    id: z.string().openapi({ example: 'extension-1' }),
    label: z.string(),
    detail: z.string().nullable(),
    date: z.string().nullable().describe('Set by the person, YYYY-MM-DD.'),
    note: z.string(),
    updatedAt: z.string().nullable(),
    conditional: z.boolean(),
    derivedFrom: z.string().nullable(),
    derived: z
      .object({
        limitOfStay: z.string().optional(),
        windowFrom: z.string().optional(),
        windowTo: z.string().optional(),
        newLimitOfStay: z.string().optional(),
        eligibleFrom: z.string().optional(),
      })
      .nullable()
      .describe('Dates computed from the stage named by derivedFrom, once it has a date.'),
    sources: z.array(CitationSchema),
  })
  .openapi('TrackerStage');

export const EvidenceListSchema = z
  .object({ version: CaseRuleVersion, items: z.array(EvidenceItemSchema) })
  .openapi('EvidenceChecklist');
export const TrackerSchema = z
  .object({ version: CaseRuleVersion, stages: z.array(TrackerStageSchema) })
  .openapi('Tracker');

export const CaseSchema = z
  .object({
    route: z.object({ id: z.string(), name: z.string() }),
    language: Lang,
    createdAt: z.string(),
    updatedAt: z.string(),
    profileVersion: z.number(),
    profile: ProfileSchema,
    submittedAt: z.string(),
    evidence: EvidenceListSchema,
    tracker: TrackerSchema,
  })
  .openapi('Case');

export const CaseResponseSchema = z
  .object({ case: CaseSchema, assessment: AssessmentSchema })
  .openapi('CaseResponse');

export const CaseCreatedSchema = z
  .object({
    token: z
      .string()
      .describe(
        'The secret that opens the case. It is shown only in this response and never stored in clear; whoever has it can read, change and delete the case.',
      ),
    links: z.object({ self: z.string(), report: z.string() }),
    case: CaseSchema,
    assessment: AssessmentSchema,
  })
  .openapi('CaseCreated');

export const EvidenceItemResponseSchema = z
  .object({ item: EvidenceItemSchema })
  .openapi('EvidenceItemResponse');
export const TrackerResponseSchema = z
  .object({ stage: TrackerStageSchema, tracker: TrackerSchema })
  .openapi('TrackerResponse');

// --- Comparison (mirrors src/compare/compare.ts) -----------------------------------------------

const comparisonFields = {
  submittedAt: moment.optional().describe(`${moment.description ?? ''} Default: now.`),
  routes: z
    .array(routeId)
    .min(1)
    .max(20)
    .optional()
    .describe('Which routes to compare (ids from /api/v1/routes); every route by default.'),
  lang: Lang.optional().describe('Default: ?lang=, then Accept-Language, then English.'),
};

export const ComparisonRequestEnvelope = z
  .object({ ...comparisonFields, profile: z.unknown().optional() })
  .strict();

export const ComparisonRequestSchema = z
  .object({ ...comparisonFields, profile: ProfileSchema })
  .strict()
  .openapi('ComparisonRequest');

const ConditionOfStay = z.enum(['time_limitation_only', 'employment', 'linked_to_sponsor']);

const RouteComparisonSchema = z
  .object({
    route: z.object({ id: z.string(), name: z.string(), shortName: z.string() }),
    fit: z
      .enum(['fits', 'might_fit', 'does_not_fit', 'not_open', 'not_available'])
      .describe(
        'not_open: the route had not opened yet at the moment; not_available: no rules held for then.',
      ),
    fitLabel: z.string(),
    status: Status.nullable().describe(
      "The route's own result; null when no rules are in force at the moment.",
    ),
    best: Status.nullable(),
    worst: Status.nullable(),
    category: z.object({ test: z.string(), name: z.string() }).nullable(),
    headline: z.string(),
    missing: z.array(
      z.object({
        part: z.string().describe('"prerequisite", or the test (category) id.'),
        id: z.string(),
        label: z.string(),
        outcome: z.enum(['not_met', 'unknown']),
        explanation: z.string(),
      }),
    ),
    deciding: z.array(z.string()),
    needsJobOffer: z.enum(['no', 'yes', 'some_tests']),
    stay: z
      .object({
        initialMonths: z.number().nullable(),
        initialNote: z.string().nullable(),
        pattern: z.string(),
        conditionOfStay: ConditionOfStay.nullable(),
        topTierYears: z.number().nullable(),
      })
      .nullable(),
    fees: z.object({ totalHKD: z.number(), persons: z.number(), regime: z.string() }).nullable(),
    permanentResidence: z.string(),
    selection: z
      .object({
        quota: z.union([z.number(), z.literal('suspended'), z.literal('none'), z.literal('unknown')]),
        quotaPeriod: QuotaPeriod,
        selectionExercise: z.boolean().describe('Meeting the requirements leads to a selection exercise.'),
        summary: z.string(),
      })
      .nullable(),
    reasons: z.array(z.string()).describe('Why the route is ranked where it is, most important first.'),
    rank: z.number().nullable().describe('1 for the best fit; null for routes that do not fit.'),
    uncertain: z.boolean(),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
    rulesUsed: z.array(RuleVersionUsedSchema),
  })
  .openapi('RouteComparison');

export const ComparisonSchema = z
  .object({
    format: z.literal('routewise.comparison/1'),
    submittedAt: z.string(),
    lang: Lang,
    summary: z.string(),
    routes: z.array(RouteComparisonSchema),
    fits: z.array(z.string()),
    disclaimer: z.string(),
    sources: z.record(z.string(), CitedSourceSchema),
  })
  .openapi('Comparison', {
    description:
      'One profile against every route (docs/comparison-json.md). Fitting a route is never approval.',
  });

// --- Plan (mirrors src/plan/plan.ts; docs/plan-json.md) ----------------------------------------

const planFields = {
  from: moment.optional().describe(`Where the plan starts. ${moment.description ?? ''} Default: now.`),
  horizon: z
    .union([z.string().max(8), z.number().int()])
    .optional()
    .describe('How far ahead to look: "5y", "18m" or a number of years; at most 10 years. Default: 5y.'),
  routes: z
    .array(routeId)
    .min(1)
    .max(20)
    .optional()
    .describe('Which routes to plan (ids from /api/v1/routes); every route by default.'),
  lang: Lang.optional().describe('Default: ?lang=, then Accept-Language, then English.'),
};

export const PlanRequestEnvelope = z.object({ ...planFields, profile: z.unknown().optional() }).strict();

export const PlanRequestSchema = z
  .object({ ...planFields, profile: ProfileSchema })
  .strict()
  .openapi('PlanRequest');

const WindowStatus = z.enum(['eligible', 'not_eligible', 'undetermined', 'no_rules']);

const PlanChangeSchema = z.object({
  kind: z.enum(['start', 'rule', 'opened', 'criterion', 'dependant', 'status']),
  criterion: z
    .object({
      test: z.string().nullable(),
      id: z.string(),
      label: z.string(),
      from: z.string(),
      to: z.string(),
    })
    .optional(),
  ruleVersion: z.object({ part: z.string(), id: z.string(), from: z.string() }).optional(),
  fact: z.string().optional().describe('The profile field whose movement in time makes the change.'),
  description: z.string(),
});

const RoadStepSchema = z.object({
  kind: z.string(),
  date: z.string().nullable(),
  until: z.string().nullable(),
  text: z.string(),
  requirements: z.array(z.string()),
  uncertain: z.boolean(),
  basis: z.array(
    z.object({
      ruleVersion: z
        .object({ part: z.string(), id: z.string(), from: z.string(), confidence: z.string() })
        .optional(),
      fact: z.string().optional(),
      assumption: z.string().optional(),
    }),
  ),
});

const RoutePlanSchema = z.object({
  route: z.object({ id: z.string(), name: z.string() }),
  windows: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      status: WindowStatus,
      statusLabel: z.string(),
      changes: z.array(PlanChangeSchema),
    }),
  ),
  best: z.object({ from: z.string(), to: z.string(), status: WindowStatus, reason: z.string() }).nullable(),
  suggestions: z.array(
    z.object({
      kind: z.enum(['evidence', 'time', 'doable']),
      levers: z.array(z.string()),
      changes: z.array(z.object({ op: z.enum(['set', 'append']), path: z.string(), value: z.unknown() })),
      meets: z.array(z.object({ test: z.string().nullable(), id: z.string(), label: z.string() })),
      from: z.string(),
      description: z.string(),
    }),
  ),
  noSuggestion: z.string().nullable(),
  road: z
    .object({
      submittedAt: z.string(),
      status: WindowStatus,
      steps: z.array(RoadStepSchema),
      notCounted: z.array(z.string()),
      caveats: z.array(z.string()),
      residenceVersion: z.object({ id: z.string(), from: z.string(), confidence: z.string() }).nullable(),
    })
    .nullable(),
});

export const PlanSchema = z
  .object({
    format: z.literal('routewise.plan/1'),
    from: z.string(),
    to: z.string(),
    horizonMonths: z.number().int(),
    lang: Lang,
    summary: z.string(),
    assumptions: z.array(z.object({ code: z.string(), text: z.string() })),
    routes: z.array(RoutePlanSchema),
    disclaimer: z.string(),
  })
  .openapi('Plan', {
    description:
      'When each route could be applied for, what would make the difference and the road to permanent residence (docs/plan-json.md). Meeting a route is never approval.',
  });
