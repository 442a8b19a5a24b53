import type { Lang } from '../rules/schema.ts';
import type { RouteRules } from '../rules/types.ts';
import { addSources, cite, formatDay, localize, message, uncertainRuleWarning } from './explain.ts';
import type { Assessment, CitedSource, CriterionResult, Warning } from './result.ts';
import { formatHongKong } from './time.ts';

/**
 * The id of the prerequisite an assessment made before the route opened fails: the only
 * prerequisite such an assessment has.
 */
export const NOT_OPEN_PREREQUISITE = 'scheme-opened';

/**
 * The assessment of an application made before the route took its first applications: one
 * prerequisite, not met, and nothing else — no other rule of the route need exist yet, so there
 * are no tests, fees, stay, selection or steps to report.
 */
export function notOpenYet(
  rules: RouteRules,
  atMs: number,
  lang: Lang,
  opened: NonNullable<RouteRules['route']['opened']>,
): Assessment {
  const date = formatDay(lang, formatHongKong(Date.parse(opened.at)));
  const prerequisite: CriterionResult = {
    id: NOT_OPEN_PREREQUISITE,
    label: message(lang, 'opened.label'),
    outcome: 'not_met',
    facts: [],
    explanation: message(lang, 'opened.not_met', { date }),
    sources: cite(opened.sources, rules),
    confidence: opened.confidence,
    ...(opened.note ? { note: localize(opened.note, lang) } : {}),
  };
  const warnings: Warning[] = [{ code: 'not_approval', message: message(lang, 'warning.notApproval') }];
  if (opened.confidence === 'uncertain') {
    const note = opened.note ? localize(opened.note, lang) : undefined;
    warnings.push({ code: 'uncertain_rule', message: uncertainRuleWarning(lang, prerequisite.label, note) });
  }
  const sources: Record<string, CitedSource> = {};
  addSources(sources, prerequisite.sources, rules.sources);
  const routeName = localize(rules.route.name, lang);
  const at = formatHongKong(atMs);
  return {
    format: 'routewise.assessment/1',
    route: { id: rules.route.id, name: routeName },
    submittedAt: at,
    lang,
    status: 'not_eligible',
    summary: message(lang, 'summary.notOpen', { route: routeName, at, date }),
    rulesUsed: [],
    prerequisites: [prerequisite],
    tests: [],
    recommendedTest: null,
    recommendation: message(lang, 'recommend.notOpen', { date }),
    deciding: [],
    best: 'not_eligible',
    worst: 'not_eligible',
    fees: null,
    stay: null,
    selection: null,
    nextSteps: [],
    dependants: [],
    warnings,
    disclaimer: message(lang, 'disclaimer'),
    sources,
  };
}
