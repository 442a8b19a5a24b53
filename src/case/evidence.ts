import { Facts, type Outcome } from '../engine/conditions.ts';
import type { Assessment, ResolvedCitation } from '../engine/result.ts';
import { hongKongDate, parseInstant } from '../engine/time.ts';
import type { Profile } from '../profile/schema.ts';
import type { CaseRules, EvidenceItem } from '../rules/case-schema.ts';
import type { Confidence, Lang, Localized, SourceRef } from '../rules/schema.ts';
import { type Dated, versionAt } from '../rules/types.ts';
import { caseWord, fill } from './messages.ts';
import { evaluateTrigger, type Reads, type TriggerContext } from './trigger.ts';

/** A rule version a case view was derived from, as the assessment cites its own. */
export interface CaseRuleVersion {
  id: string;
  file: string;
  from: string;
  to: string | null;
  confidence: Confidence;
  sources: ResolvedCitation[];
  note: string | null;
}

/** One document to gather, derived from a claim the profile makes. */
export interface EvidenceItemView {
  /** Stable id within the case: the rule id, with the degree or dependant number when per item. */
  id: string;
  /** The evidence.yaml item it comes from. */
  rule: string;
  label: string;
  /** Which claim or criterion the item supports. */
  why: string;
  /** The tracker stage by which it is needed. */
  stage: string;
  about: { kind: 'applicant' } | { kind: 'degree' | 'dependant'; index: number };
  /** The profile fields and criteria that made the item appear. */
  basis: { fields: string[]; criteria: Array<{ id: string; label: string; outcome: Outcome }> };
  /** True when the item applies only if a fact not yet known turns out a certain way, or only in some circumstances. */
  conditional: boolean;
  confidence: Confidence;
  sources: ResolvedCitation[];
  note: string | null;
}

export interface EvidenceChecklist {
  version: CaseRuleVersion;
  items: EvidenceItemView[];
}

/** Raised when no case-rule version was in force at the assessment's submission moment. */
export class CaseRulesNotInForceError extends Error {
  constructor(
    readonly part: string,
    readonly at: string,
    readonly earliest: string,
  ) {
    super(`No ${part} rules in force at ${at}; the earliest start at ${earliest}`);
    this.name = 'CaseRulesNotInForceError';
  }
}

export function citeCase(refs: readonly SourceRef[], rules: CaseRules): ResolvedCitation[] {
  return refs.map((r) => {
    const source = rules.sources[r.ref];
    if (!source) throw new Error(`Case rule cites unknown source "${r.ref}"`);
    return {
      ref: r.ref,
      section: r.section,
      title: source.title,
      url: source.url,
      official: source.official,
    };
  });
}

export function localize(text: Localized, lang: Lang): string {
  return text[lang];
}

export function versionView(
  v: Dated<{
    id: string;
    from: string;
    confidence: Confidence;
    sources: SourceRef[];
    note?: Localized | undefined;
  }>,
  rules: CaseRules,
  lang: Lang,
): CaseRuleVersion {
  return {
    id: v.id,
    file: v.file,
    from: v.from,
    to: v.to,
    confidence: v.confidence,
    sources: citeCase(v.sources, rules),
    note: v.note ? localize(v.note, lang) : null,
  };
}

/** The case-rule version in force at the assessment's submission moment. */
export function caseVersion<T extends { from: string }>(
  versions: ReadonlyArray<Dated<T>>,
  assessment: Assessment,
  part: string,
): Dated<T> {
  const at = parseInstant(assessment.submittedAt);
  const version = at === undefined ? undefined : versionAt(versions, at);
  if (!version)
    throw new CaseRulesNotInForceError(part, assessment.submittedAt, versions[0]?.from ?? 'never');
  return version;
}

/** The profile's facts on the submission day, as the engine computed them. */
export function factsOf(profile: Profile, assessment: Assessment): Facts {
  const at = parseInstant(assessment.submittedAt) ?? 0;
  return new Facts(profile, hongKongDate(at));
}

interface Subject {
  about: EvidenceItemView['about'];
  item?: unknown;
  prefix: string;
  params: Record<string, string | number>;
}

function subjects(item: EvidenceItem, profile: Profile, lang: Lang): Subject[] {
  if (item.for === 'degree') {
    const degrees = profile.education.degrees;
    if (degrees === 'unknown') return [];
    return degrees.map((d, i) => ({
      about: { kind: 'degree', index: i + 1 },
      item: d,
      prefix: `education.degrees.${i}`,
      params: {
        n: i + 1,
        level: caseWord(lang, d.level === 'unknown' ? 'level.unknown' : `level.${d.level}`),
        institution: d.institution === 'unknown' ? caseWord(lang, 'institution.unknown') : d.institution,
      },
    }));
  }
  if (item.for === 'dependant') {
    const dependants = profile.dependants;
    if (dependants === 'unknown') return [];
    return dependants.map((d, i) => ({
      about: { kind: 'dependant', index: i + 1 },
      item: d,
      prefix: `dependants.${i}`,
      params: { n: i + 1, relation: caseWord(lang, `relation.${d.relation}`) },
    }));
  }
  return [{ about: { kind: 'applicant' }, prefix: '', params: {} }];
}

/**
 * The evidence checklist for a profile and its assessment: which documents to gather, each with
 * the claim or criterion it supports, from the route's evidence.yaml in force at the submission
 * moment. Items whose deciding fact is unknown appear only where the rule data says so
 * (`include: [met, unknown]`), marked `conditional`.
 *
 * @example
 * const list = evidenceFor(profile, assessment, shippedCaseRules('hk.qmas'), 'en');
 * list.items.map((i) => i.id); // ['travel-document', 'financial-means', 'degree-certificate-1', …]
 */
export function evidenceFor(
  profile: Profile,
  assessment: Assessment,
  rules: CaseRules,
  lang: Lang,
): EvidenceChecklist {
  const version = caseVersion(rules.evidence, assessment, 'evidence');
  const facts = factsOf(profile, assessment);
  const profession =
    profile.talentList !== 'unknown' && profile.talentList !== 'none'
      ? profile.talentList.profession
      : caseWord(lang, 'profession.unknown');
  const items: EvidenceItemView[] = [];
  for (const item of version.items) {
    for (const subject of subjects(item, profile, lang)) {
      const reads: Reads = { fields: subject.prefix ? [subject.prefix] : [], criteria: [] };
      const ctx: TriggerContext = { facts, assessment, item: subject.item };
      const outcome: Outcome = item.when ? evaluateTrigger(item.when, ctx, reads, subject.prefix) : 'met';
      if (outcome === 'not_met' || !item.include.includes(outcome)) continue;
      const criterion = reads.criteria[0]?.label ?? '';
      const params = { ...subject.params, profession, criterion };
      items.push({
        id: subject.about.kind === 'applicant' ? item.id : `${item.id}-${subject.about.index}`,
        rule: item.id,
        label: fill(localize(item.label, lang), params),
        why: fill(localize(item.why, lang), params),
        stage: item.stage,
        about: subject.about,
        basis: {
          fields: reads.fields,
          criteria: reads.criteria.map((c) => ({ id: c.id, label: c.label, outcome: c.outcome })),
        },
        conditional: outcome === 'unknown' || item.conditional,
        confidence: item.confidence,
        sources: citeCase(item.sources, rules),
        note: item.note ? localize(item.note, lang) : null,
      });
    }
  }
  return { version: versionView(version, rules, lang), items };
}
