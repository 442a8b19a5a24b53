/**
 * Profiles written for an earlier schema version, brought up to the current one before they are
 * validated. Saved cases and files written for version 1 (QMAS only) keep working: every fact that
 * version 2 added for the other routes is filled in as "unknown", which is the truth — nobody was
 * asked it. Anything else is left as it was, so validation still reports the input's own mistakes.
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
 * The input upgraded to the current schema version when it declares an earlier one; any other
 * input is returned unchanged (the input itself is never modified).
 *
 * @example upgradeProfile({ schemaVersion: 1, ... }).schemaVersion // 2
 */
export function upgradeProfile(input: unknown): unknown {
  if (isObject(input) && input.schemaVersion === 1) return upgradeFromVersion1(input);
  return input;
}
