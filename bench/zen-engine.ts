import { ZenEngine } from '@gorules/zen-engine';
import type { Profile } from '../src/profile/schema.ts';
import { GPT_CRITERIA, GPT_THRESHOLD, gptFacts, type Status } from './bare-scorer.ts';
import type { RulesEngineResult } from './json-rules-engine.ts';

/**
 * The 12 General Points Test criteria as a GoRules JDM decision graph: input → expression node
 * (one boolean per criterion, c1 … c12) → output, over the facts computed by the bare scorer's own
 * helper (that time is counted). Like the json-rules-engine encoding, each expression decides
 * "definitely met" from the bound that settles it, so it answers met / not met only.
 */
export function decisionGraph(): object {
  const position = { x: 0, y: 0 };
  return {
    nodes: [
      { id: 'request', type: 'inputNode', name: 'Request', position },
      {
        id: 'gpt',
        type: 'expressionNode',
        name: 'General Points Test (12 criteria)',
        position,
        content: {
          expressions: GPT_CRITERIA.map((c, i) => ({
            id: `e${i + 1}`,
            key: `c${i + 1}`,
            value: c.op === '<=' ? `${c.fact}Hi <= ${c.value}` : `${c.fact}Lo >= ${c.value}`,
          })),
        },
      },
      { id: 'response', type: 'outputNode', name: 'Response', position },
    ],
    edges: [
      { id: 'request-gpt', sourceId: 'request', targetId: 'gpt', type: 'edge' },
      { id: 'gpt-response', sourceId: 'gpt', targetId: 'response', type: 'edge' },
    ],
  };
}

export function zenEngineScorer(): {
  score: (profile: Profile, submittedAt: string) => Promise<RulesEngineResult>;
  dispose: () => void;
} {
  const engine = new ZenEngine();
  const decision = engine.createDecision(decisionGraph());
  return {
    score: async (profile, submittedAt) => {
      const facts = gptFacts(profile, submittedAt);
      const { result } = await decision.evaluate(facts);
      const out = result as Record<string, boolean>;
      const met: number[] = [];
      for (let i = 0; i < GPT_CRITERIA.length; i++) if (out[`c${i + 1}`] === true) met.push(i);
      const status: Status = met.length >= GPT_THRESHOLD ? 'eligible' : 'not_eligible';
      return { status, met };
    },
    dispose: () => engine.dispose(),
  };
}
