import { fillAbsent } from './facts.ts';

/**
 * Profiles written for an earlier schema version, brought up to the current one before they are
 * validated. Saved cases and files written for an earlier version keep working: every fact a
 * later version added is filled in as "unknown", which is the truth — nobody was asked it.
 * Anything else is left as it was, so validation still reports the input's own mistakes.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fill(target: unknown, defaults: Json): void {
  if (!isObject(target)) return;
  for (const [key, value] of Object.entries(defaults)) {
    if (!(key in target)) target[key] = value;
  }
}

/** Facts added in schema version 2, by the object that holds them. */
function upgradeFromVersion1(profile: Json): Json {
  const next: Json = structuredClone(profile);
  next.schemaVersion = 2;
  fill(next.person, { placeOfBirth: 'unknown' });
  fill(next.family, { parentChinesePermanentResidentSettledOverseas: 'unknown' });
  const education = next.education;
  if (isObject(education) && Array.isArray(education.degrees)) {
    for (const degree of education.degrees)
      fill(degree, { graduationDate: 'unknown', hongKongProgramme: 'unknown' });
  }
  fill(next, {
    jobOffer: 'unknown',
    investment: { netAssetsHKD: 'unknown', plannedInvestmentHKD: 'unknown' },
    sponsor: 'unknown',
  });
  return next;
}

/**
 * Facts added in schema version 3, as fact patterns (see facts.ts). A fact or section added to
 * the schema later belongs here too when a version 2 file cannot have stated it.
 */
export const ADDED_IN_VERSION_3: readonly string[] = [
  'education.degrees[].admittedAsNonLocalStudent',
  'work.periods[].fullTimeOrSelfEmployed',
  'work.fullTimeYearsAfterGraduation',
  'work.fullTimeYearsInLastFive',
];

/** Version 2 files: the facts version 3 added become "unknown" wherever their holder is given. */
function upgradeFromVersion2(profile: Json, added: readonly string[]): Json {
  const next: Json = structuredClone(profile);
  next.schemaVersion = 3;
  fillAbsent(next, (pattern) => (added.includes(pattern) ? 'fill' : 'leave'));
  return next;
}

/**
 * The input upgraded to the current schema version when it declares an earlier one; any other
 * input is returned unchanged (the input itself is never modified).
 *
 * @example upgradeProfile({ schemaVersion: 1, ... }).schemaVersion // 3
 */
export function upgradeProfile(input: unknown): unknown {
  if (!isObject(input)) return input;
  let next = input;
  if (next.schemaVersion === 1) next = upgradeFromVersion1(next);
  if (next.schemaVersion === 2) next = upgradeFromVersion2(next, ADDED_IN_VERSION_3);
  return next;
}
