import { join } from 'node:path';
import { z } from 'zod';
import {
  checkRefs,
  dated,
  deepFreeze,
  parseFile,
  RULES_DIR,
  RuleFileError,
  type RuleProblem,
  routeSources,
} from './loader.ts';
import { Confidence, Localized, type Source, SourceRef } from './schema.ts';
import type { Dated } from './types.ts';

/**
 * The road to permanent residence as dated rule data: how many years of continuous ordinary
 * residence, what does not count, and how the verification of eligibility for a permanent
 * identity card is applied for. Every talent route leads to the same rule, so it is kept once
 * per jurisdiction (rules/hk/residence/) rather than in each route.
 */

const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\+08:00|Z)$/);

export const ResidenceVersion = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    from: instant,
    sources: z.array(SourceRef).min(1),
    confidence: Confidence,
    note: Localized.optional().describe('What the official texts leave open.'),
    continuousYears: z.number().int().positive(),
    verificationWeeks: z.number().int().positive().describe('The usual processing time of the verification.'),
    verification: Localized,
    judgement: Localized.describe('How ordinary residence is judged.'),
    notCounted: z.array(Localized).min(1).describe('Time in Hong Kong that is not ordinary residence.'),
  })
  .strict();
export type ResidenceVersion = z.infer<typeof ResidenceVersion>;

const ResidenceFile = z.object({ versions: z.array(ResidenceVersion).min(1) }).strict();

/** The residence rules of a jurisdiction, with the sources they cite. */
export interface ResidenceRules {
  versions: ReadonlyArray<Dated<ResidenceVersion>>;
  sources: Readonly<Record<string, Source>>;
}

/**
 * Loads and validates a residence folder (residence.yaml and sources.yaml, with the
 * jurisdiction's sources.yaml above it). Throws RuleFileError listing every problem.
 *
 * @example
 * const residence = loadResidence('rules/hk/residence');
 * residence.versions[0].continuousYears; // 7
 */
export function loadResidence(dir: string): ResidenceRules {
  const problems: RuleProblem[] = [];
  const root = join(dir, '..', '..');
  const sourcesFile = routeSources(dir, problems, root);
  const parsed = parseFile(join(dir, 'residence.yaml'), ResidenceFile, problems, root);
  if (parsed && sourcesFile) checkRefs(parsed, sourcesFile.sources, problems);
  const versions = parsed ? dated(parsed, problems) : [];
  if (problems.length > 0 || !sourcesFile) throw new RuleFileError(problems);
  return deepFreeze({ versions, sources: sourcesFile.sources });
}

let shipped: ResidenceRules | undefined;

/** The shipped Hong Kong residence rules, loaded once per process. */
export function shippedResidence(): ResidenceRules {
  shipped ??= loadResidence(join(RULES_DIR, 'hk', 'residence'));
  return shipped;
}
