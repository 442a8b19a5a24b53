import { citeInFull } from '../../engine/explain.ts';
import type { ResolvedCitation } from '../../engine/result.ts';
import { conditionReads, type Read, testVersionReads } from '../../rules/reads.ts';
import type {
  Confidence,
  DependantsVersion,
  ExclusionsVersion,
  FeeItem,
  FeesVersion,
  Lang,
  Localized,
  PrerequisitesVersion,
  SelectionVersion,
  SourceRef,
  StayVersion,
  StepsVersion,
  TestVersion,
} from '../../rules/schema.ts';
import { type Dated, type RouteRules, type TestRules, versionAt } from '../../rules/types.ts';

/** The rule versions of a route in force at one instant, for pages that describe the rules. */
export interface InForce {
  atMs: number;
  prerequisites: Dated<PrerequisitesVersion> | undefined;
  exclusions: Dated<ExclusionsVersion> | undefined;
  tests: Array<{ test: TestRules; version: Dated<TestVersion> }>;
  fees: Dated<FeesVersion> | undefined;
  stay: Dated<StayVersion> | undefined;
  dependants: Dated<DependantsVersion> | undefined;
  steps: Dated<StepsVersion> | undefined;
  selection: Dated<SelectionVersion> | undefined;
}

export function inForce(rules: RouteRules, atMs: number): InForce {
  const tests: InForce['tests'] = [];
  for (const test of rules.tests) {
    const version = versionAt(test.versions, atMs);
    if (version) tests.push({ test, version });
  }
  return {
    atMs,
    prerequisites: versionAt(rules.prerequisites, atMs),
    exclusions: versionAt(rules.exclusions, atMs),
    tests,
    fees: versionAt(rules.fees, atMs),
    stay: versionAt(rules.stay, atMs),
    dependants: versionAt(rules.dependants, atMs),
    steps: versionAt(rules.steps, atMs),
    selection: versionAt(rules.selection, atMs),
  };
}

/** The first moment at which every part of the route has rules (an assessment needs them all). */
export function earliestMoment(rules: RouteRules): number {
  const firsts = [
    rules.prerequisites,
    rules.exclusions,
    rules.fees,
    rules.stay,
    rules.steps,
    rules.selection,
    ...rules.tests.map((t) => t.versions),
  ].map((versions) => versions[0]?.fromMs ?? Number.POSITIVE_INFINITY);
  return Math.max(...firsts);
}

/**
 * The fee lines one person pays for a stay of `initialMonths` (the engine's rule: a line limited
 * to stays of at most / over N days applies by the length of the stay granted).
 */
export function feeLinesFor(version: FeesVersion, initialMonths: number | undefined): FeeItem[] {
  const stayDays = initialMonths === undefined ? undefined : Math.round((initialMonths * 365) / 12);
  return version.perPerson.filter((item) => {
    if (stayDays === undefined) return item.stayDaysAtMost === undefined;
    if (item.stayDaysAtMost !== undefined && stayDays > item.stayDaysAtMost) return false;
    if (item.stayDaysOver !== undefined && stayDays <= item.stayDaysOver) return false;
    return true;
  });
}

/**
 * The fee lines one person pays under one test (category) for a stay of `initialMonths`: lines
 * limited to some tests apply only under those.
 */
export function feeLinesForTest(
  version: FeesVersion,
  testId: string | undefined,
  initialMonths: number | undefined,
): FeeItem[] {
  return feeLinesFor(version, initialMonths).filter(
    (item) => !item.tests || testId === undefined || item.tests.includes(testId),
  );
}

/** The measures and categories a test's version reads (e.g. "jobOffer.confirmed"). */
export function testReads(version: TestVersion): Set<Read> {
  const out = new Set<Read>();
  testVersionReads(version, out);
  return out;
}

/** The measures and categories any version of a route's prerequisites and tests reads, at any date. */
export function routeReads(rules: RouteRules): Set<Read> {
  const out = new Set<Read>();
  for (const v of rules.prerequisites) for (const c of v.items) conditionReads(c.when, out);
  for (const test of rules.tests) for (const v of test.versions) testVersionReads(v, out);
  return out;
}

export function text(value: Localized, lang: Lang): string {
  return value[lang];
}

export function citations(rules: RouteRules, refs: readonly SourceRef[]): ResolvedCitation[] {
  return citeInFull(refs, rules);
}

/** The date a source was last checked (sources.yaml `retrieved`). */
export function retrievedOf(rules: RouteRules): (ref: string) => string | undefined {
  return (ref) => rules.sources[ref]?.retrieved;
}

/** Collects the sources cited, to list official pages and the page's review date. */
export class SourceCollector {
  readonly refs = new Set<string>();
  constructor(private readonly rules: RouteRules) {}

  add(refs: readonly SourceRef[] | undefined): ResolvedCitation[] {
    if (!refs) return [];
    for (const r of refs) this.refs.add(r.ref);
    return citeInFull(refs, this.rules);
  }

  /** The newest `retrieved` date among the sources collected. */
  latestRetrieved(): string | undefined {
    let latest: string | undefined;
    for (const ref of this.refs) {
      const d = this.rules.sources[ref]?.retrieved;
      if (d && (!latest || d > latest)) latest = d;
    }
    return latest;
  }

  /** The official sources collected, government pages first. */
  official(): Array<{ ref: string; title: string; publisher: string; url: string; retrieved: string }> {
    const list = [...this.refs]
      .map((ref) => ({ ref, source: this.rules.sources[ref] }))
      .filter((s): s is { ref: string; source: NonNullable<typeof s.source> } => !!s.source?.official)
      .map(({ ref, source }) => ({
        ref,
        title: source.title,
        publisher: source.publisher,
        url: source.url,
        retrieved: source.retrieved,
      }));
    const rank = (p: string) => (/Immigration Department/i.test(p) ? 0 : /GovHK/i.test(p) ? 1 : 2);
    return list.sort((a, b) => rank(a.publisher) - rank(b.publisher) || a.title.localeCompare(b.title));
  }
}

export type { Confidence };
