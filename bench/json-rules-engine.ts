import { Engine, type RuleProperties } from 'json-rules-engine';
import type { Profile } from '../src/profile/schema.ts';
import { GPT_CRITERIA, GPT_THRESHOLD, gptFacts, type Status } from './bare-scorer.ts';

/**
 * The 12 General Points Test criteria as json-rules-engine rules: one rule per criterion, over the
 * facts computed by the bare scorer's own helper (dates parsed, age and work years computed; that
 * time is counted). A rule decides "definitely met" from the bound that settles it (the upper bound
 * for "age ≤ 50", the lower bound otherwise), so a rules engine answers met / not met only: it does
 * less than the engine and the bare scorer, which also tell "unknown" apart.
 */
function rules(): RuleProperties[] {
  return GPT_CRITERIA.map((c, index) => ({
    name: `gpt-${index + 1}-${c.fact}`,
    priority: 1,
    conditions: {
      all: [
        c.op === '<='
          ? { fact: `${c.fact}Hi`, operator: 'lessThanInclusive', value: c.value }
          : { fact: `${c.fact}Lo`, operator: 'greaterThanInclusive', value: c.value },
      ],
    },
    event: { type: 'met', params: { index } },
  }));
}

export interface RulesEngineResult {
  status: Status;
  /** Indexes (0-11, official order) of the criteria met. */
  met: number[];
}

export function jsonRulesEngineScorer(): (
  profile: Profile,
  submittedAt: string,
) => Promise<RulesEngineResult> {
  const engine = new Engine(rules(), { allowUndefinedFacts: false });
  return async (profile, submittedAt) => {
    const facts = gptFacts(profile, submittedAt);
    const { events } = await engine.run(facts as unknown as Record<string, number>);
    const met = events.map((e) => (e.params as { index: number }).index).sort((a, b) => a - b);
    return { status: met.length >= GPT_THRESHOLD ? 'eligible' : 'not_eligible', met };
  };
}
