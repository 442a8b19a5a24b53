import { join } from 'node:path';
import { z } from 'zod';
import { categoryNames, measureNames } from '../engine/measures.ts';
import { Degree, Dependant, Profile } from '../profile/schema.ts';
import {
  checkRefs,
  dated,
  deepFreeze,
  loadExtensionWindow,
  type Parsed,
  parseFile,
  RULES_DIR,
  RuleFileError,
  type RuleProblem,
  routeSources,
} from './loader.ts';
import { Confidence, type ExtensionWindowVersion, Localized, type Source, SourceRef } from './schema.ts';
import type { Dated } from './types.ts';

/**
 * The rule files behind a saved case: the evidence checklist (evidence.yaml) and the stages of
 * the application tracker (tracker.yaml). Like every rule file they are dated versions with
 * sources and a confidence mark; they are loaded and checked (file:line) beside the route.
 */

const slug = z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens');

const instant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\+08:00|Z)$/,
    'an ISO date-time with its offset, e.g. 2024-11-01T00:00:00+08:00',
  );

const provenance = {
  sources: z.array(SourceRef).min(1),
  confidence: Confidence,
  note: Localized.optional().describe('Why the confidence is not "official", or what is unknown.'),
};

type Scalar = string | number | boolean;

/**
 * When an item or stage applies. Three-valued like the engine: the leaves are the engine's own
 * measure conditions, a fact of the profile (or of the degree or dependant the item is about,
 * written `$item.<field>`), or the outcome of one of the assessment's criteria.
 */
export type Trigger =
  | { all: Trigger[] }
  | { any: Trigger[] }
  | { not: Trigger }
  | { measure: (typeof measureNames)[number]; op: '>=' | '>' | '<=' | '<' | '=='; value: number }
  | { measure: (typeof measureNames)[number]; is: boolean }
  | { category: (typeof categoryNames)[number]; in: string[] }
  | { fact: string; is: Scalar }
  | { fact: string; in: Scalar[] }
  | { fact: string; nonEmpty: true }
  | { criterion: string; test?: string | undefined };

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const factPath = z
  .string()
  .regex(/^(\$item\.)?[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/, 'a dotted profile path');

export const Trigger: z.ZodType<Trigger> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(Trigger).min(1) }).strict(),
    z.object({ any: z.array(Trigger).min(1) }).strict(),
    z.object({ not: Trigger }).strict(),
    z
      .object({ measure: z.enum(measureNames), op: z.enum(['>=', '>', '<=', '<', '==']), value: z.number() })
      .strict(),
    z.object({ measure: z.enum(measureNames), is: z.boolean() }).strict(),
    z.object({ category: z.enum(categoryNames), in: z.array(z.string().regex(/^[A-Z]{3}$/)) }).strict(),
    z.object({ fact: factPath, is: scalar }).strict(),
    z.object({ fact: factPath, in: z.array(scalar).min(1) }).strict(),
    z.object({ fact: factPath, nonEmpty: z.literal(true) }).strict(),
    z.object({ criterion: slug, test: slug.optional() }).strict(),
  ]),
);

export const outcomes = ['met', 'unknown'] as const;

/** What an evidence item is about: the applicant once, or each degree or dependant listed. */
export const evidenceSubjects = ['applicant', 'degree', 'dependant'] as const;

export const EvidenceItem = z
  .object({
    id: slug,
    for: z.enum(evidenceSubjects).default('applicant'),
    label: Localized.describe(
      'What to gather. Placeholders: {n} (1-based number of the degree or dependant), {level}, {institution}, {relation}, {profession}, {criterion}.',
    ),
    why: Localized.describe('Which claim or criterion the item supports.'),
    stage: slug.describe('The tracker stage by which the item is needed (an id in tracker.yaml).'),
    when: Trigger.optional().describe('The item applies when this holds; always when absent.'),
    include: z
      .array(z.enum(outcomes))
      .min(1)
      .default(['met'])
      .describe('Which outcomes of `when` include the item: ["met"] (a claim made) or ["met", "unknown"].'),
    conditional: z
      .boolean()
      .default(false)
      .describe('The item is needed only in some circumstances, said in its label.'),
    ...provenance,
  })
  .strict();
export type EvidenceItem = z.infer<typeof EvidenceItem>;

const versionBase = {
  id: slug,
  from: instant.describe('Applies to applications submitted at or after this moment.'),
  ...provenance,
};

export const EvidenceVersion = z.object({ ...versionBase, items: z.array(EvidenceItem).min(1) }).strict();
export type EvidenceVersion = z.infer<typeof EvidenceVersion>;

export const Derive = z.union([
  z
    .object({
      kind: z.literal('limit-of-stay'),
      from: slug.describe('The stage whose date starts the stay (entry).'),
      windowDays: z
        .number()
        .int()
        .positive()
        .optional()
        .describe(
          'Days before the limit of stay from which an extension may be sought: only for a route without extension-window.yaml, whose dated windows otherwise decide.',
        ),
    })
    .strict(),
  z
    .object({
      kind: z.literal('years-after'),
      from: slug,
      years: z.number().int().positive(),
    })
    .strict(),
]);
export type Derive = z.infer<typeof Derive>;

export const TrackerStage = z
  .object({
    id: slug,
    label: Localized.describe('Placeholders: {n} (the extension number), {years} (its length).'),
    detail: Localized.optional(),
    when: Trigger.optional().describe(
      'The stage applies only to applicants for whom this holds (or may hold).',
    ),
    repeat: z
      .literal('extensions')
      .optional()
      .describe('One stage per extension of the stay plan in force (ids get -1, -2, …).'),
    derive: Derive.optional().describe('Dates computed from a date the person sets on another stage.'),
    sources: z.array(SourceRef).min(1).optional(),
  })
  .strict();
export type TrackerStage = z.infer<typeof TrackerStage>;

export const TrackerVersion = z.object({ ...versionBase, stages: z.array(TrackerStage).min(1) }).strict();
export type TrackerVersion = z.infer<typeof TrackerVersion>;

export const EvidenceFile = z.object({ versions: z.array(EvidenceVersion).min(1) }).strict();
export const TrackerFile = z.object({ versions: z.array(TrackerVersion).min(1) }).strict();

/** A route's case rules: validated, dated and frozen at start-up. */
export interface CaseRules {
  routeId: string;
  sources: Readonly<Record<string, Source>>;
  evidence: Array<Dated<EvidenceVersion>>;
  tracker: Array<Dated<TrackerVersion>>;
  /** The route's extension-window.yaml versions (empty when it has none). */
  extensionWindow: Array<Dated<ExtensionWindowVersion>>;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = s._zod.def as { type: string; innerType?: z.ZodType };
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType)
      s = def.innerType;
    else return s;
  }
}

function hasPath(schema: z.ZodType, path: readonly string[]): boolean {
  if (path.length === 0) return true;
  const s = unwrap(schema);
  if (s instanceof z.ZodUnion) return (s.options as readonly z.ZodType[]).some((o) => hasPath(o, path));
  if (s instanceof z.ZodArray) return hasPath(s.element as z.ZodType, path);
  if (s instanceof z.ZodObject) {
    const [head, ...rest] = path as [string, ...string[]];
    const child = (s.shape as Record<string, z.ZodType>)[head];
    return child !== undefined && hasPath(child, rest);
  }
  return false;
}

function checkTriggers(
  parsed: Parsed<unknown>,
  node: unknown,
  at: PropertyKey[],
  itemSchema: z.ZodType | undefined,
  problems: RuleProblem[],
): void {
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) checkTriggers(parsed, v, [...at, i], itemSchema, problems);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (typeof record.fact === 'string') {
    const path = record.fact;
    const ok = path.startsWith('$item.')
      ? itemSchema !== undefined && hasPath(itemSchema, path.slice(6).split('.'))
      : hasPath(Profile, path.split('.'));
    if (!ok) {
      const where = path.startsWith('$item.')
        ? itemSchema
          ? 'the degree or dependant'
          : '(no $item here)'
        : 'the profile';
      problems.push({
        file: parsed.file,
        line: parsed.lineOf([...at, 'fact']),
        path: [...at, 'fact'].join('.'),
        message: `"${path}" is not a field of ${where}`,
      });
    }
  }
  for (const [k, v] of Object.entries(record)) checkTriggers(parsed, v, [...at, k], itemSchema, problems);
}

/**
 * Loads, checks and freezes a route's case rules (evidence.yaml, tracker.yaml) from its folder,
 * with the jurisdiction's sources.yaml from the folder above. Throws RuleFileError listing every
 * problem with file:line, as the route loader does.
 *
 * @example
 * const rules = loadCaseRules('rules/hk/qmas', 'hk.qmas');
 * rules.tracker[0].stages.map((s) => s.id); // ['preparing', 'submitted', …]
 */
export function loadCaseRules(dir: string, routeId: string): CaseRules {
  const problems: RuleProblem[] = [];
  const root = join(dir, '..', '..');
  const sourcesFile = routeSources(dir, problems, root);
  const sources = sourcesFile?.sources ?? {};
  const evidence = parseFile(join(dir, 'evidence.yaml'), EvidenceFile, problems, root);
  const tracker = parseFile(join(dir, 'tracker.yaml'), TrackerFile, problems, root);
  const extensionWindow = loadExtensionWindow(dir, problems, root, undefined, sourcesFile && sources);

  if (sourcesFile) {
    if (evidence) checkRefs(evidence, sources, problems);
    if (tracker) checkRefs(tracker, sources, problems);
  }
  const stageIds = new Set<string>();
  tracker?.value.versions.forEach((v, i) => {
    const ids = new Set<string>();
    v.stages.forEach((s, j) => {
      if (ids.has(s.id)) {
        problems.push({
          file: tracker.file,
          line: tracker.lineOf(['versions', i, 'stages', j, 'id']),
          path: `versions.${i}.stages.${j}.id`,
          message: `duplicate stage id "${s.id}"`,
        });
      }
      ids.add(s.id);
      stageIds.add(s.id);
      if (s.repeat === 'extensions') for (let n = 1; n <= 9; n++) stageIds.add(`${s.id}-${n}`);
      checkTriggers(tracker, s.when, ['versions', i, 'stages', j, 'when'], undefined, problems);
    });
    v.stages.forEach((s, j) => {
      if (s.derive && !ids.has(s.derive.from)) {
        problems.push({
          file: tracker.file,
          line: tracker.lineOf(['versions', i, 'stages', j, 'derive', 'from']),
          path: `versions.${i}.stages.${j}.derive.from`,
          message: `no stage "${s.derive.from}" in this version`,
        });
      }
    });
  });
  evidence?.value.versions.forEach((v, i) => {
    const ids = new Set<string>();
    v.items.forEach((item, j) => {
      const at = ['versions', i, 'items', j];
      if (ids.has(item.id)) {
        problems.push({
          file: evidence.file,
          line: evidence.lineOf([...at, 'id']),
          path: `${at.join('.')}.id`,
          message: `duplicate item id "${item.id}"`,
        });
      }
      ids.add(item.id);
      if (tracker && !stageIds.has(item.stage)) {
        problems.push({
          file: evidence.file,
          line: evidence.lineOf([...at, 'stage']),
          path: `${at.join('.')}.stage`,
          message: `unknown stage "${item.stage}" (not in tracker.yaml)`,
        });
      }
      const itemSchema = item.for === 'degree' ? Degree : item.for === 'dependant' ? Dependant : undefined;
      checkTriggers(evidence, item.when, [...at, 'when'], itemSchema, problems);
    });
  });

  const result =
    sourcesFile && evidence && tracker
      ? {
          routeId,
          sources,
          evidence: dated(evidence, problems),
          tracker: dated(tracker, problems),
          extensionWindow,
        }
      : undefined;
  if (problems.length > 0 || !result) throw new RuleFileError(problems);
  return deepFreeze(result);
}

const cache = new Map<string, CaseRules>();

/** The case rules of a route shipped with Routewise, by id ("hk.qmas"), loaded once per process. */
export function shippedCaseRules(id: string): CaseRules {
  let rules = cache.get(id);
  if (!rules) {
    rules = loadCaseRules(join(RULES_DIR, ...id.split('.')), id);
    cache.set(id, rules);
  }
  return rules;
}
