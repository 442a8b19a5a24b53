/**
 * What the rule-case runners share: a case's name as a sentence, and the profile a case builds
 * from one of its route's fixtures plus dotted-path overrides, and the route loaded once with the
 * shipped lists. Used by rules/cases.test.ts (assessments) and rules/plans.test.ts (plans).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { Profile } from '../src/profile/schema.ts';
import { upgradeProfile } from '../src/profile/upgrade.ts';
import { loadRoute } from '../src/rules/loader.ts';
import { listLookup } from '../src/rules/shipped.ts';
import type { RouteRules } from '../src/rules/types.ts';

/** A case's name: a sentence of four words or more, without a final full stop. */
export const caseName = z
  .string()
  .regex(
    /^[A-Z0-9].*[^.\s]$/s,
    'a sentence starting with a capital letter or digit, without a final full stop',
  )
  .refine((s) => s.trim().split(/\s+/).length >= 4, 'a sentence, not a label');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Sets `value` at a dotted path in a JSON document (mutating it). Every step but the last must
 * already exist: a misspelt path is an error, not a new key. A numeric segment indexes an array;
 * an array value replaces the old value whole.
 */
export function setPath(doc: unknown, path: string, value: unknown): void {
  const segments = path.split('.');
  let node: unknown = doc;
  for (let i = 0; i < segments.length - 1; i++) {
    const seg = segments[i] as string;
    const next =
      Array.isArray(node) && /^\d+$/.test(seg) ? node[Number(seg)] : isObject(node) ? node[seg] : undefined;
    if (typeof next !== 'object' || next === null) {
      throw new Error(
        `set ${path}: "${segments.slice(0, i + 1).join('.')}" is not an object or array in the base profile`,
      );
    }
    node = next;
  }
  const last = segments[segments.length - 1] as string;
  if (Array.isArray(node)) {
    if (!/^\d+$/.test(last) || Number(last) > node.length)
      throw new Error(`set ${path}: bad array index "${last}"`);
    node[Number(last)] = structuredClone(value);
  } else if (isObject(node)) {
    if (!(last in node)) throw new Error(`set ${path}: the base profile has no "${last}" here (typo?)`);
    node[last] = structuredClone(value);
  } else {
    throw new Error(`set ${path}: cannot set inside a scalar`);
  }
}

const fixtureCache = new Map<string, Json>();

function fixture(route: string, name: string): Json {
  const file = join(route, 'tests', 'fixtures', `${name}.json`);
  let data = fixtureCache.get(file);
  if (data === undefined) {
    if (!existsSync(file)) throw new Error(`no fixture "${name}" (${relative(process.cwd(), file)})`);
    data = JSON.parse(readFileSync(file, 'utf8')) as Json;
    fixtureCache.set(file, data);
  }
  return structuredClone(data);
}

export function buildProfile(
  route: string,
  c: { base: string; set?: Record<string, unknown> | undefined },
): Profile {
  const doc = fixture(route, c.base);
  for (const [path, value] of Object.entries(c.set ?? {})) setPath(doc, path, value);
  const parsed = Profile.safeParse(upgradeProfile(doc));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`the profile (fixture "${c.base}" + set) is not a valid profile:\n${issues}`);
  }
  return parsed.data;
}

const routeCache = new Map<string, RouteRules>();

export function route(dir: string): RouteRules {
  let rules = routeCache.get(dir);
  if (!rules) {
    rules = { ...loadRoute(dir), lists: listLookup() };
    routeCache.set(dir, rules);
  }
  return rules;
}
