import type { Profile } from '../profile/schema.ts';
import type { Condition } from '../rules/schema.ts';
import {
  type CategoryName,
  category,
  type DependantEligibility,
  type Interval,
  type ListsAt,
  type MeasureName,
  measureAt,
  measureNames,
  type WorkSpans,
  workSpans,
} from './measures.ts';
import type { PlainDate } from './time.ts';

export type Outcome = 'met' | 'not_met' | 'unknown';

/** Each measure's position in measureNames: where Facts keeps it. */
type Positions = Record<MeasureName, number>;
const measureIndex = Object.fromEntries(measureNames.map((name, i) => [name, i])) as Positions;
const isWorkMeasure = measureNames.map((name) => name.startsWith('work.'));
/** Copied for each Facts: a copy is cheaper than filling a new array. */
const NO_VALUES: ReadonlyArray<Interval | undefined> = new Array(measureNames.length).fill(undefined);

/** The position of a measure for Facts.at(). */
export function measureIndexOf(name: MeasureName): number {
  return measureIndex[name];
}

/**
 * The facts of one assessment: each measure is computed once, on first use, and then shared by
 * every criterion that reads it. Measures are kept in an array by position (compiled conditions
 * and explanations know each position in advance) rather than in a Map by name: looking names
 * up, and growing the Map, was a noticeable part of an assessment.
 */
export class Facts {
  private readonly values: Array<Interval | undefined> = NO_VALUES.slice();
  private spans: WorkSpans | undefined;

  constructor(
    readonly profile: Profile,
    readonly on: PlainDate,
    private readonly dependantEligibility?: DependantEligibility,
    private readonly lists?: ListsAt,
  ) {}

  get(name: MeasureName): Interval {
    return this.at(measureIndex[name]);
  }

  /** The measure at a position given by measureIndexOf. */
  at(index: number): Interval {
    let value = this.values[index];
    if (value === undefined) {
      if (isWorkMeasure[index]) this.spans ??= workSpans(this.profile, this.on);
      value = measureAt(index, this.profile, this.on, this.spans, this.dependantEligibility, this.lists);
      this.values[index] = value;
    }
    return value;
  }

  category(name: CategoryName): string | undefined {
    return category(name, this.profile);
  }
}

export type Compiled = (facts: Facts) => Outcome;

const compiledCache = new WeakMap<Condition, Compiled>();

/**
 * Kleene's three-valued logic over the measure intervals. Each condition is compiled once into a
 * function (rule objects are frozen, so it stays right) instead of being walked, with its shape
 * tested key by key, on every evaluation; a condition that is not frozen is compiled afresh.
 */
export function evaluate(condition: Condition, facts: Facts): Outcome {
  return compiled(condition)(facts);
}

/** A condition as a function of the facts: evaluate(condition, facts) is compiled(condition)(facts). */
export function compiled(condition: Condition): Compiled {
  let fn = compiledCache.get(condition);
  if (!fn) {
    fn = compile(condition);
    if (Object.isFrozen(condition)) compiledCache.set(condition, fn);
  }
  return fn;
}

function compile(condition: Condition): Compiled {
  if ('all' in condition) {
    const parts = condition.all.map(compile);
    return (facts) => {
      let result: Outcome = 'met';
      for (const part of parts) {
        const o = part(facts);
        if (o === 'not_met') return 'not_met';
        if (o === 'unknown') result = 'unknown';
      }
      return result;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map(compile);
    return (facts) => {
      let result: Outcome = 'not_met';
      for (const part of parts) {
        const o = part(facts);
        if (o === 'met') return 'met';
        if (o === 'unknown') result = 'unknown';
      }
      return result;
    };
  }
  if ('not' in condition) {
    const inner = compile(condition.not);
    return (facts) => {
      const o = inner(facts);
      return o === 'met' ? 'not_met' : o === 'not_met' ? 'met' : 'unknown';
    };
  }
  if ('category' in condition) {
    const { category: name, in: values } = condition;
    return (facts) => {
      const value = facts.category(name);
      if (value === undefined) return 'unknown';
      return values.includes(value) ? 'met' : 'not_met';
    };
  }
  const index = measureIndex[condition.measure];
  if ('is' in condition) {
    if (condition.is) {
      return (facts) => {
        const { lo, hi } = facts.at(index);
        return lo >= 1 ? 'met' : hi < 1 ? 'not_met' : 'unknown';
      };
    }
    return (facts) => {
      const { lo, hi } = facts.at(index);
      return hi < 1 ? 'met' : lo >= 1 ? 'not_met' : 'unknown';
    };
  }
  const v = condition.value;
  switch (condition.op) {
    case '>=':
      return (facts) => {
        const { lo, hi } = facts.at(index);
        return lo >= v ? 'met' : hi < v ? 'not_met' : 'unknown';
      };
    case '>':
      return (facts) => {
        const { lo, hi } = facts.at(index);
        return lo > v ? 'met' : hi <= v ? 'not_met' : 'unknown';
      };
    case '<=':
      return (facts) => {
        const { lo, hi } = facts.at(index);
        return hi <= v ? 'met' : lo > v ? 'not_met' : 'unknown';
      };
    case '<':
      return (facts) => {
        const { lo, hi } = facts.at(index);
        return hi < v ? 'met' : lo >= v ? 'not_met' : 'unknown';
      };
    case '==':
      return (facts) => {
        const { lo, hi } = facts.at(index);
        return lo === v && hi === v ? 'met' : v < lo || v > hi ? 'not_met' : 'unknown';
      };
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
