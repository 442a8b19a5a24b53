import { join } from 'node:path';
import { shippedTalentList, talentListProfessionLookup } from '../lists/talent-list.ts';
import { eligibleUniversityLookup, shippedUniversityLists } from '../universities/lookup.ts';
import { loadRoute, RULES_DIR } from './loader.ts';
import type { ListLookup, RouteRules } from './types.ts';

/**
 * The routes shipped with Routewise, with the official lists their rules read by name. Kept apart
 * from the loader because the lists are loaded with the loader's own file parsing.
 */

/** Every shipped route, in the order they are presented. */
export const SHIPPED_ROUTE_IDS = [
  'hk.qmas',
  'hk.ttps',
  'hk.gep',
  'hk.asmtp',
  'hk.techtas',
  'hk.tp-stream',
  'hk.iang',
  'hk.vpas',
  'hk.assg',
  'hk.new-cies',
  'hk.dependants',
] as const;

let shippedLists: ListLookup | undefined;

/** The shipped eligible-university list and Talent List, each answering for the version in force. */
export function listLookup(): ListLookup {
  if (!shippedLists) {
    const starts = Object.freeze(
      [
        ...shippedUniversityLists().versions.map((v) => v.fromMs),
        ...shippedTalentList().versions.map((v) => v.fromMs),
      ]
        .filter((ms, i, all) => all.indexOf(ms) === i)
        .sort((a, b) => a - b),
    );
    shippedLists = {
      eligibleUniversity: eligibleUniversityLookup(),
      talentListProfession: talentListProfessionLookup(),
      versionStarts: () => starts,
    };
  }
  return shippedLists;
}

const cache = new Map<string, RouteRules>();

/** A route shipped with Routewise, by id ("hk.qmas"), loaded once per process. */
export function shippedRoute(id: string): RouteRules {
  let rules = cache.get(id);
  if (!rules) {
    rules = Object.freeze({ ...loadRoute(join(RULES_DIR, ...id.split('.'))), lists: listLookup() });
    cache.set(id, rules);
  }
  return rules;
}
