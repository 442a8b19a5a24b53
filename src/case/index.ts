/**
 * A saved case's working lists, derived from route data: the evidence checklist (from the claims
 * the profile makes and the criteria they support) and the application tracker (stages, with the
 * dates the person records and the dates computable from them).
 */
export {
  CaseRulesNotInForceError,
  type CaseRuleVersion,
  type EvidenceChecklist,
  type EvidenceItemView,
  evidenceFor,
} from './evidence.ts';
export { type ExtensionWindow, extensionWindow, type WithExtensionWindow } from './extension-window.ts';
export {
  type DerivedDates,
  type StageRecord,
  type Tracker,
  type TrackerStageView,
  trackerFor,
} from './tracker.ts';
