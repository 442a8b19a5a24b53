import type {
  DependantsVersion,
  ExclusionsVersion,
  ExtensionWindowVersion,
  FeesVersion,
  PrerequisitesVersion,
  RouteFile,
  SelectionVersion,
  Source,
  StayVersion,
  StepsVersion,
  TestFile,
  TestVersion,
} from './schema.ts';

/** A rule version with its effective period resolved: in force from `fromMs` until `toMs` (exclusive). */
export type Dated<T> = T & {
  /** The file the version came from, relative to the rules folder, for citations. */
  file: string;
  fromMs: number;
  /** The next version's start, or null while it is the latest. */
  to: string | null;
  toMs: number | null;
};

export interface TestRules {
  id: string;
  name: TestFile['name'];
  versions: Array<Dated<TestVersion>>;
}

/**
 * The official lists rules read by name (the eligible-university list, the Talent List), each in
 * the version in force at an instant. undefined means the name is not recognised with confidence,
 * or the list's content at that instant is not known: the engine then keeps the person's answer.
 */
export interface ListLookup {
  eligibleUniversity(institution: string, atMs: number): boolean | undefined;
  talentListProfession(profession: string, atMs: number): boolean | undefined;
  /**
   * The instants (epoch ms) at which a version of any of these lists starts, in order: the moments
   * a look-up's answer can change, which a planner walking forward in time must look at. Optional
   * so that a hand-made lookup (in a test) need not know its versions.
   */
  versionStarts?(): readonly number[];
}

/** Everything the engine needs to assess one route: validated, dated and frozen at start-up. */
export interface RouteRules {
  /** Absent for rules loaded on their own (e.g. a rules folder given to the CLI). */
  lists?: ListLookup;
  route: RouteFile & { file: string };
  sources: Readonly<Record<string, Source>>;
  prerequisites: Array<Dated<PrerequisitesVersion>>;
  tests: readonly TestRules[];
  exclusions: Array<Dated<ExclusionsVersion>>;
  fees: Array<Dated<FeesVersion>>;
  stay: Array<Dated<StayVersion>>;
  dependants: Array<Dated<DependantsVersion>>;
  steps: Array<Dated<StepsVersion>>;
  selection: Array<Dated<SelectionVersion>>;
  /** From extension-window.yaml; empty when the route has none. */
  extensionWindow: Array<Dated<ExtensionWindowVersion>>;
}

/** The version in force at an instant, or undefined before the first one. */
export function versionAt<T>(versions: ReadonlyArray<Dated<T>>, instantMs: number): Dated<T> | undefined {
  for (let i = versions.length - 1; i >= 0; i--) {
    const v = versions[i] as Dated<T>;
    if (v.fromMs <= instantMs) return v;
  }
  return undefined;
}
