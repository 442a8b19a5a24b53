import type { Profile } from '../profile/schema.ts';
import type { Condition } from '../rules/schema.ts';
import {
  type CategoryName,
  category,
  type DependantEligibility,
  type Interval,
  type MeasureName,
  measure,
  type WorkSpans,
  workSpans,
} from './measures.ts';
import type { PlainDate } from './time.ts';

export type Outcome = 'met' | 'not_met' | 'unknown';

/**
 * The facts of one assessment: each measure is computed once, on first use, and then shared by
 * every criterion that reads it.
 */
export class Facts {
  private readonly cache = new Map<MeasureName, Interval>();
  private spans: WorkSpans | undefined;

  constructor(
    readonly profile: Profile,
    readonly on: PlainDate,
    private readonly dependantEligibility?: DependantEligibility,
  ) {}

  get(name: MeasureName): Interval {
    let value = this.cache.get(name);
    if (value === undefined) {
      if (name.startsWith('work.')) this.spans ??= workSpans(this.profile, this.on);
      value = measure(name, this.profile, this.on, this.spans, this.dependantEligibility);
      this.cache.set(name, value);
    }
    return value;
  }

  category(name: CategoryName): string | undefined {
    return category(name, this.profile);
  }
}

/** Kleene's three-valued logic over the measure intervals. */
export function evaluate(condition: Condition, facts: Facts): Outcome {
  if ('all' in condition) {
    let result: Outcome = 'met';
    for (const c of condition.all) {
      const o = evaluate(c, facts);
      if (o === 'not_met') return 'not_met';
      if (o === 'unknown') result = 'unknown';
    }
    return result;
  }
  if ('any' in condition) {
    let result: Outcome = 'not_met';
    for (const c of condition.any) {
      const o = evaluate(c, facts);
      if (o === 'met') return 'met';
      if (o === 'unknown') result = 'unknown';
    }
    return result;
  }
  if ('not' in condition) {
    const o = evaluate(condition.not, facts);
    return o === 'met' ? 'not_met' : o === 'not_met' ? 'met' : 'unknown';
  }
  if ('category' in condition) {
    const value = facts.category(condition.category);
    if (value === undefined) return 'unknown';
    return condition.in.includes(value) ? 'met' : 'not_met';
  }
  const { lo, hi } = facts.get(condition.measure);
  if ('is' in condition) {
    if (condition.is) return lo >= 1 ? 'met' : hi < 1 ? 'not_met' : 'unknown';
    return hi < 1 ? 'met' : lo >= 1 ? 'not_met' : 'unknown';
  }
  const v = condition.value;
  switch (condition.op) {
    case '>=':
      return lo >= v ? 'met' : hi < v ? 'not_met' : 'unknown';
    case '>':
      return lo > v ? 'met' : hi <= v ? 'not_met' : 'unknown';
    case '<=':
      return hi <= v ? 'met' : lo > v ? 'not_met' : 'unknown';
    case '<':
      return hi < v ? 'met' : lo >= v ? 'not_met' : 'unknown';
    case '==':
      return lo === v && hi === v ? 'met' : v < lo || v > hi ? 'not_met' : 'unknown';
  }
}

const readsCache = new WeakMap<Condition, Array<MeasureName | CategoryName>>();

/** The measures a condition reads, in order of first appearance (cached per rule object). */
export function measuresRead(condition: Condition): Array<MeasureName | CategoryName> {
  let reads = readsCache.get(condition);
  if (!reads) {
    const found: Array<MeasureName | CategoryName> = [];
    collect(condition, found);
    reads = found;
    readsCache.set(condition, reads);
  }
  return reads;
}

function collect(condition: Condition, into: Array<MeasureName | CategoryName>): void {
  if ('all' in condition) for (const c of condition.all) collect(c, into);
  else if ('any' in condition) for (const c of condition.any) collect(c, into);
  else if ('not' in condition) collect(condition.not, into);
  else {
    const name = 'category' in condition ? condition.category : condition.measure;
    if (!into.includes(name)) into.push(name);
  }
}
