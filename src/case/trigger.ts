import { evaluate, type Facts, type Outcome } from '../engine/conditions.ts';
import { measureFacts } from '../engine/measures.ts';
import type { Assessment, CriterionResult } from '../engine/result.ts';
import type { Trigger } from '../rules/case-schema.ts';
import type { Condition } from '../rules/schema.ts';

/** What a trigger is evaluated against: the profile's facts, the assessment, and the item in hand. */
export interface TriggerContext {
  facts: Facts;
  assessment: Assessment;
  /** The degree or dependant an item is about (`$item.<field>`). */
  item?: unknown;
}

/** What an evaluation read: profile fields and criteria, for the item's `basis`. */
export interface Reads {
  fields: string[];
  /** Criteria whose outcome included the item (met or unknown), in order. */
  criteria: CriterionResult[];
}

function read(path: readonly string[], from: unknown): unknown {
  let value = from;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function findCriterion(
  assessment: Assessment,
  id: string,
  test: string | undefined,
): CriterionResult | undefined {
  if (test === undefined) {
    const prerequisite = assessment.prerequisites.find((p) => p.id === id);
    if (prerequisite) return prerequisite;
  }
  for (const t of assessment.tests) {
    if (test !== undefined && t.test !== test) continue;
    const found = t.criteria.find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}

function note(reads: Reads, field: string): void {
  if (!reads.fields.includes(field)) reads.fields.push(field);
}

/**
 * Kleene three-valued evaluation of a case-rule trigger: the engine's measure conditions, a
 * profile fact ("unknown" stays unknown), or an assessed criterion's outcome (one the assessment
 * does not contain is not met).
 */
export function evaluateTrigger(
  trigger: Trigger,
  ctx: TriggerContext,
  reads: Reads,
  itemPrefix = '',
): Outcome {
  if ('all' in trigger) {
    let result: Outcome = 'met';
    for (const t of trigger.all) {
      const o = evaluateTrigger(t, ctx, reads, itemPrefix);
      if (o === 'not_met') return 'not_met';
      if (o === 'unknown') result = 'unknown';
    }
    return result;
  }
  if ('any' in trigger) {
    let result: Outcome = 'not_met';
    for (const t of trigger.any) {
      const o = evaluateTrigger(t, ctx, reads, itemPrefix);
      if (o === 'met') return 'met';
      if (o === 'unknown') result = 'unknown';
    }
    return result;
  }
  if ('not' in trigger) {
    const o = evaluateTrigger(trigger.not, ctx, reads, itemPrefix);
    return o === 'met' ? 'not_met' : o === 'not_met' ? 'met' : 'unknown';
  }
  if ('criterion' in trigger) {
    const found = findCriterion(ctx.assessment, trigger.criterion, trigger.test);
    if (!found) return 'not_met';
    if (found.outcome !== 'not_met' && !reads.criteria.includes(found)) reads.criteria.push(found);
    return found.outcome;
  }
  if ('fact' in trigger) {
    const onItem = trigger.fact.startsWith('$item.');
    const path = (onItem ? trigger.fact.slice(6) : trigger.fact).split('.');
    note(reads, onItem ? `${itemPrefix}.${path.join('.')}` : trigger.fact);
    const value = read(path, onItem ? ctx.item : ctx.facts.profile);
    if (value === 'unknown') return 'unknown';
    if (value === undefined) return 'not_met';
    if ('nonEmpty' in trigger) return Array.isArray(value) && value.length > 0 ? 'met' : 'not_met';
    if ('is' in trigger) return value === trigger.is ? 'met' : 'not_met';
    return trigger.in.includes(value as string | number | boolean) ? 'met' : 'not_met';
  }
  const name = 'category' in trigger ? trigger.category : trigger.measure;
  for (const field of measureFacts[name]) note(reads, field);
  return evaluate(trigger as Condition, ctx.facts);
}
