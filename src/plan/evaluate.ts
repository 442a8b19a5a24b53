import { assess, RulesNotInForceError } from '../engine/assess.ts';
import type { Assessment } from '../engine/result.ts';
import { formatHongKong } from '../engine/time.ts';
import type { Profile } from '../profile/schema.ts';
import type { Lang } from '../rules/schema.ts';
import type { RouteRules } from '../rules/types.ts';

/**
 * One route assessed at one moment, reduced to what decides whether two moments belong to the
 * same window: the result, each test's and criterion's outcome (and points), the dependants'
 * outcomes, the rule versions used and the fee total. Facts that do not change an outcome (an
 * age inside a band) do not split a window.
 */
export type Evaluation =
  | { kind: 'assessed'; signature: string; assessment: Assessment }
  | { kind: 'no_rules'; signature: string; error: RulesNotInForceError };

export function signatureOf(a: Assessment): string {
  let s = a.status;
  for (const p of a.prerequisites) s += `|p:${p.id}=${p.outcome}`;
  for (const t of a.tests) {
    s += `|t:${t.test}=${t.status}@${t.version.id}`;
    for (const c of t.criteria) {
      s += `,${c.id}=${c.outcome}`;
      if (c.points) s += `:${c.points.min}-${c.points.max}`;
    }
  }
  for (const d of a.dependants) s += `|d:${d.index}=${d.outcome}`;
  for (const r of a.rulesUsed) s += `|r:${r.part}=${r.id}`;
  s += `|fee:${a.fees?.totalHKD ?? 'none'}`;
  return s;
}

/** Assesses at an instant; a route without rules in force then is an evaluation too, not an error. */
export function evaluateAt(profile: Profile, rules: RouteRules, instantMs: number, lang: Lang): Evaluation {
  try {
    const assessment = assess(profile, rules, formatHongKong(instantMs), { lang });
    return { kind: 'assessed', signature: signatureOf(assessment), assessment };
  } catch (error) {
    if (!(error instanceof RulesNotInForceError)) throw error;
    return { kind: 'no_rules', signature: `no_rules:${error.part}`, error };
  }
}
