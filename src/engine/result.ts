import type { Lang } from '../rules/schema.ts';
import type { Outcome } from './conditions.ts';

/** Types of the assessment the engine returns; documented in docs/assessment-json.md. */

export type Status = 'eligible' | 'not_eligible' | 'undetermined';

export interface Range {
  min: number;
  max: number;
}

/** A citation by reference: the source is listed once, under its `ref`, in `Assessment.sources`. */
export interface Citation {
  ref: string;
  section: string;
}

/** A source cited by an assessment, as `Assessment.sources` lists it (from sources.yaml). */
export interface CitedSource {
  title: string;
  url: string;
  publisher: string;
  official: boolean;
  /** The day the source was last checked, YYYY-MM-DD. */
  retrieved: string;
}

/**
 * A citation with its source's title, URL and kind written in: how route guides, case views and
 * `routewise rules` give citations, and what the reports resolve an assessment's citations to.
 */
export interface ResolvedCitation extends Citation {
  title: string;
  url: string;
  official: boolean;
}

export interface RuleVersionUsed {
  /** What the version governs: "prerequisites", "test:gpt", "fees", … */
  part: string;
  id: string;
  file: string;
  from: string;
  /** Exclusive end; null while the version is the latest. */
  to: string | null;
  confidence: 'official' | 'secondary' | 'uncertain';
  sources: Citation[];
}

export interface FactRead {
  measure: string;
  /** The profile fields behind the measure. */
  fields: readonly string[];
  value: Range | string | null;
  display: string;
}

export interface CriterionResult {
  id: string;
  label: string;
  outcome: Outcome;
  facts: FactRead[];
  /** For points factors: the points awarded (a range while facts are unknown). */
  points?: Range & { cap: number; line: string | null };
  explanation: string;
  sources: Citation[];
  confidence: 'official' | 'secondary' | 'uncertain';
  note?: string;
}

export type Score =
  | { kind: 'points'; points: Range; passMark: number; maximum: number }
  | { kind: 'count'; met: Range; threshold: number; of: number }
  | { kind: 'any'; met: Range; of: number; fullMarks: number | null };

export interface TestResult {
  test: string;
  name: string;
  version: RuleVersionUsed;
  status: Status;
  score: Score;
  criteria: CriterionResult[];
  /** When undetermined: the profile fields whose answers would decide the test. */
  deciding: string[];
}

export interface FeeLine {
  id: string;
  label: string;
  amountHKD: number;
  persons: number;
  subtotalHKD: number;
  refundable: boolean;
  payable: string;
}

export interface Fees {
  regime: string;
  version: RuleVersionUsed;
  persons: number;
  lines: FeeLine[];
  totalHKD: number;
}

export interface Stay {
  test: string;
  /** null when the route does not fix it (e.g. linked to a sponsor's stay); initialNote says why. */
  initialMonths: number | null;
  initialNote: string | null;
  extensionsYears: number[];
  pattern: string;
  /** What the stay is tied to, when the rules say. */
  conditionOfStay: 'time_limitation_only' | 'employment' | 'linked_to_sponsor' | null;
  topTier: { afterYears: number; assessableIncomeHKD: number; extensionYears: number } | null;
  extensionRequirements: string[];
  permanentResidence: string;
}

export interface NextStep {
  id: string;
  stage: string;
  title: string;
  detail: string;
  /** True when the step applies only if a fact not yet known turns out a certain way. */
  conditional: boolean;
}

export interface DependantResult {
  index: number;
  relation: string;
  outcome: Outcome;
  reasons: string[];
}

export interface Warning {
  code:
    | 'not_approval'
    | 'uncertain_rule'
    | 'dependant_not_qualifying'
    | 'dependant_undetermined'
    | 'quota_suspended';
  message: string;
}

export interface Assessment {
  format: 'routewise.assessment/1';
  route: { id: string; name: string };
  submittedAt: string;
  lang: Lang;
  status: Status;
  summary: string;
  rulesUsed: RuleVersionUsed[];
  prerequisites: CriterionResult[];
  tests: TestResult[];
  recommendedTest: string | null;
  recommendation: string;
  /** When undetermined: the fields that would decide the overall result. */
  deciding: string[];
  best: Status;
  worst: Status;
  /** null only before the route opened, when no fee rules exist yet. */
  fees: Fees | null;
  stay: Stay | null;
  /** null only before the route opened, when no selection rules exist yet. */
  selection: {
    quota: number | 'suspended' | 'none' | 'unknown';
    /** The days (both inclusive) a numeric quota covers when it is not a yearly one. */
    quotaPeriod: { from: string; to: string } | null;
    /** Whether applications meeting the requirements then compete in selection exercises. */
    selectionExercise: boolean;
    decidedBy: string;
    summary: string;
  } | null;
  nextSteps: NextStep[];
  dependants: DependantResult[];
  warnings: Warning[];
  disclaimer: string;
  /** Every source cited in this assessment, once, by its ref: what the `sources` of criteria and rule versions point to. */
  sources: Readonly<Record<string, CitedSource>>;
}
