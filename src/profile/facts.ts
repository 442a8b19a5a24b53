import { z } from 'zod';
import { Profile, UNKNOWN } from './schema.ts';

/**
 * Facts of the profile by where they sit, and the one walk that fills absent ones in.
 *
 * A fact is named by a pattern: its dotted path with `[]` for "every item of the list", the
 * form the engine's measureFacts uses ("education.degrees[].level"). A pattern names a field of
 * whichever branch holds it: "work.periods[].from" applies only to work given as periods.
 */

type Segment = string | number;
type Schema = z.ZodType;

/** The schema inside optional, default, nullable and lazy wrappers. */
export function unwrap(schema: Schema): Schema {
  let s = schema;
  for (;;) {
    const def = s._zod.def as { type: string; innerType?: Schema; getter?: () => Schema };
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) {
      s = def.innerType;
    } else if (def.type === 'lazy' && def.getter) {
      s = def.getter();
    } else return s;
  }
}

/** The fixed values a literal or enum schema accepts; none for any other schema. */
export function literalValues(schema: Schema | undefined): unknown[] {
  if (!schema) return [];
  const s = unwrap(schema);
  if (s instanceof z.ZodLiteral) return [...s.values];
  if (s instanceof z.ZodEnum) return [...s.options];
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The non-union schemas a value could be checked against (a discriminated union picks its branch). */
export function candidates(schema: Schema, value: unknown): Schema[] {
  const s = unwrap(schema);
  if (!(s instanceof z.ZodUnion)) return [s];
  let options = s.options as readonly Schema[];
  if (s instanceof z.ZodDiscriminatedUnion && isRecord(value)) {
    const key = s._zod.def.discriminator;
    const matching = options.filter((o) => {
      const u = unwrap(o);
      return u instanceof z.ZodObject && literalValues(u.shape[key]).includes(value[key]);
    });
    if (matching.length > 0) options = matching;
  }
  return options.flatMap((o) => candidates(o, value));
}

/**
 * The pattern of a concrete path: list indexes become `[]`.
 *
 * @example factPattern(['education', 'degrees', 0, 'level']) // 'education.degrees[].level'
 */
export function factPattern(path: readonly Segment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += '[]';
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/**
 * Whether a field is among the facts read: it is one of them, lies inside one (a rule that reads
 * the whole work history reads every period's dates), or holds one (the degrees list holds each
 * degree's level).
 *
 * @example isRead('education.degrees', new Set(['education.degrees[].level'])) // true
 */
export function isRead(pattern: string, reads: Iterable<string>): boolean {
  for (const r of reads) {
    if (r === pattern) return true;
    if (r.startsWith(`${pattern}.`) || r.startsWith(`${pattern}[]`)) return true;
    if (pattern.startsWith(`${r}.`) || pattern.startsWith(`${r}[]`)) return true;
  }
  return false;
}

function acceptsUnknown(schemas: readonly Schema[]): boolean {
  return schemas.some((s) => s.safeParse(UNKNOWN).success);
}

/** What fillAbsent does with a field the input leaves out. */
export type Absent = 'fill' | 'leave';

/**
 * Adds, in place, every field the input leaves out for which `decide(pattern)` says "fill": as
 * "unknown" when the field takes it, as an object whose own fields are then filled the same way
 * when it is an object that does not. A field that can be neither (a list of work periods, a
 * discriminator such as a work history's "kind") is left out, and so is every field `decide`
 * leaves: validation then reports it missing. Fields the input gives are walked into, so that a
 * degree or a work period may leave out facts too; keys that are no field are left for
 * validation to report, which is why filling never hides a misspelt name.
 *
 * @example fillAbsent(json, (pattern) => (pattern.startsWith('investment') ? 'fill' : 'leave'))
 */
export function fillAbsent(input: unknown, decide: (pattern: string, path: Segment[]) => Absent): void {
  walk(input, [Profile], [], decide);
}

function walk(
  value: unknown,
  schemas: readonly Schema[],
  path: Segment[],
  decide: (pattern: string, path: Segment[]) => Absent,
): void {
  if (Array.isArray(value)) {
    const elements = schemas
      .flatMap((s) => candidates(s, value))
      .filter((c): c is z.ZodArray => c instanceof z.ZodArray)
      .map((c) => c.element as Schema);
    if (elements.length === 0) return;
    value.forEach((item, i) => {
      walk(item, elements, [...path, i], decide);
    });
    return;
  }
  if (!isRecord(value)) return;
  const objects = schemas
    .flatMap((s) => candidates(s, value))
    .filter((c): c is z.ZodObject => c instanceof z.ZodObject);
  if (objects.length === 0) return;
  const keys = new Set(objects.flatMap((o) => Object.keys(o.shape)));
  for (const key of keys) {
    const children = objects.flatMap((o) => (Object.hasOwn(o.shape, key) ? [o.shape[key] as Schema] : []));
    const childPath = [...path, key];
    if (Object.hasOwn(value, key)) {
      walk(value[key], children, childPath, decide);
      continue;
    }
    if (children.some((c) => c.safeParse(undefined).success)) continue; // optional
    if (acceptsUnknown(children)) {
      if (decide(factPattern(childPath), childPath) === 'fill') value[key] = UNKNOWN;
      continue;
    }
    if (children.some((c) => unwrap(c) instanceof z.ZodObject)) {
      // An object that cannot be "unknown" as a whole: its own fields decide, one by one.
      // Added only when something went into it: an object left out with every one of its fields
      // still wanted is reported as one missing field, not one per field.
      const holder: Record<string, unknown> = {};
      walk(holder, children, childPath, decide);
      if (Object.keys(holder).length > 0 || decide(factPattern(childPath), childPath) === 'fill')
        value[key] = holder;
    }
  }
}
