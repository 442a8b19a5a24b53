/**
 * Routewise as a library: load a route's rules, validate a profile, assess it under one route or
 * compare it across every route.
 *
 * @example
 * import { assess, compare, parseProfile, SHIPPED_ROUTE_IDS, shippedRoute } from 'routewise';
 * const profile = parseProfile(JSON.parse(text));
 * const result = assess(profile, shippedRoute('hk.qmas'), '2025-03-01T10:00:00+08:00', { lang: 'en' });
 * const all = compare(profile, SHIPPED_ROUTE_IDS.map(shippedRoute), '2026-03-01T10:00:00+08:00');
 */

export { type ExtensionWindow, extensionWindow } from './case/extension-window.ts';
export {
  type CompareOptions,
  type Comparison,
  compare,
  type Fit,
  type MissingItem,
  type RouteComparison,
} from './compare/compare.ts';
export {
  type AssessOptions,
  assess,
  assessTest,
  InvalidMomentError,
  NOT_OPEN_PREREQUISITE,
  RulesNotInForceError,
  UnknownTestError,
} from './engine/assess.ts';
export type { Outcome } from './engine/conditions.ts';
export type * from './engine/result.ts';
export {
  findProfession,
  type ProfessionMatch,
  shippedTalentList,
  type TalentList,
  talentListAt,
} from './lists/talent-list.ts';
export {
  type Plan,
  PlanHorizonError,
  type PlanOptions,
  type PlanWindow,
  parseHorizon,
  plan,
  type RoutePlan,
  type Suggestion,
} from './plan/plan.ts';
export { profileJsonSchema } from './profile/json-schema.ts';
export { type Profile, UNKNOWN } from './profile/schema.ts';
export {
  ProfileError,
  type ProfileIssue,
  parseProfile,
  type ValidationResult,
  validateProfile,
} from './profile/validate.ts';
export { loadRoute, RULES_DIR, RuleFileError } from './rules/loader.ts';
export { loadResidence, type ResidenceRules, shippedResidence } from './rules/residence.ts';
export { type Lang, languages } from './rules/schema.ts';
export { SHIPPED_ROUTE_IDS, shippedRoute } from './rules/shipped.ts';
export type { RouteRules } from './rules/types.ts';
export { findInstitution, type InstitutionMatch, loadUniversityLists } from './universities/lookup.ts';
