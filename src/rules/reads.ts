import type { CategoryName, MeasureName } from '../engine/measures.ts';
import type { Condition, TestVersion } from './schema.ts';

/** A fact a rule reads: a measure it compares or a category it looks up. */
export type Read = MeasureName | CategoryName;

/** Where reads are collected: a set of them, or of anything wider. */
interface Reads {
  add(read: Read): unknown;
}

/** Adds to `out` every measure and category a condition reads. */
export function conditionReads(condition: Condition | undefined, out: Reads): void {
  if (!condition) return;
  if ('all' in condition) for (const c of condition.all) conditionReads(c, out);
  else if ('any' in condition) for (const c of condition.any) conditionReads(c, out);
  else if ('not' in condition) conditionReads(condition.not, out);
  else if ('measure' in condition) out.add(condition.measure);
  else out.add(condition.category);
}

/**
 * Adds to `out` every measure and category a test version reads: its criteria's conditions, or
 * its points lines' conditions and the measures they count per unit.
 */
export function testVersionReads(version: TestVersion, out: Reads): void {
  if ('criteria' in version) for (const c of version.criteria) conditionReads(c.when, out);
  else
    for (const factor of version.factors)
      for (const line of [...factor.bands, ...factor.bonuses]) {
        if ('when' in line) conditionReads(line.when, out);
        else out.add(line.perUnitOf);
      }
}
