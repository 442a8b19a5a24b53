import { shippedTalentList, type TalentProfession } from '../../lists/talent-list.ts';

/** The name of the box for a profession typed by hand, after the picker's own name. */
export const OTHER_SUFFIX = '-other';

let ids: ReadonlySet<string> | undefined;

/** Whether a value is the id of a profession on some version of the Talent List Routewise holds. */
export function isProfessionId(value: string): boolean {
  ids ??= new Set(shippedTalentList().versions.flatMap((v) => v.professions.map((p) => p.id)));
  return ids.has(value);
}

/** The latest entry of a profession, by id, across the versions held. */
export function professionById(id: string): TalentProfession | undefined {
  let found: TalentProfession | undefined;
  for (const v of shippedTalentList().versions) found = v.professions.find((p) => p.id === id) ?? found;
  return found;
}
