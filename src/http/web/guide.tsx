/** @jsxImportSource hono/jsx */
import { message, resolveCitations } from '../../engine/explain.ts';
import type { ResolvedCitation } from '../../engine/result.ts';
import { countries } from '../../flows/countries.ts';
import {
  shippedTalentList,
  type TalentListEffect,
  type TalentListVersion,
  talentListAt,
} from '../../lists/talent-list.ts';
import type { CaseRules } from '../../rules/case-schema.ts';
import type {
  Confidence,
  Criterion,
  Factor,
  FeesVersion,
  Localized,
  SourceRef,
  StayPlan,
} from '../../rules/schema.ts';
import type { RouteRules } from '../../rules/types.ts';
import { versionAt } from '../../rules/types.ts';
import { ConfidenceTag, Notice, Sources, SummaryRow } from './components.tsx';
import { hongKongDay } from './dates.ts';
import type { T } from './i18n.ts';
import { Layout } from './layout.tsx';
import {
  citations,
  feeLinesForTest,
  type InForce,
  inForce,
  retrievedOf,
  routeReads,
  SourceCollector,
  testReads,
} from './rules-view.ts';

/**
 * The route guide, generated from the rule data in force today: every label, amount, date and
 * source comes from rules/…; this file only arranges them. Nothing is written twice, and nothing
 * is said of one route that is not in its own data: the same page serves every route.
 */

export interface GuideInput {
  t: T;
  url: string;
  rules: RouteRules;
  caseRules: CaseRules | undefined;
  now: Date;
  /** Every route shipped, by id: for the related routes' names and links. */
  routes: ReadonlyMap<string, RouteRules>;
  /** Whether the route has its own self-assessment (/assess/<id>). */
  hasAssessment: boolean;
}

export function countryName(t: T, alpha3: string): string {
  return t.country(countries.get(alpha3), alpha3);
}

/** What every dated part of the data says of its own footing: how sure, a note, and its sources. */
interface Sourced {
  confidence: Confidence;
  note?: Localized | undefined;
  sources: readonly SourceRef[];
}

/** How sure a part is, its note and its sources, with the sources already resolved to pages. */
function Provenance(props: {
  t: T;
  of: Sourced;
  sources: readonly ResolvedCitation[];
  retrieved: (ref: string) => string | undefined;
}) {
  const { t, of } = props;
  return (
    <div class="provenance">
      <ConfidenceTag t={t} confidence={of.confidence} />
      {of.note ? <p class="provenance__note">{of.note[t.lang]}</p> : null}
      <Sources t={t} sources={props.sources} retrieved={props.retrieved} />
    </div>
  );
}

/** The provenance of a part of the route's rules, cited from its sources; nothing for a part it lacks. */
function RuleProvenance(props: { t: T; of: Sourced | undefined; rules: RouteRules }) {
  const { of, rules } = props;
  if (!of) return null;
  return (
    <Provenance t={props.t} of={of} sources={citations(rules, of.sources)} retrieved={retrievedOf(rules)} />
  );
}

/** A rule version's id and start date, marked when not official, opening onto its provenance. */
function VersionDetails(props: { t: T; version: Sourced & { id: string; from: string }; rules: RouteRules }) {
  const { t, version } = props;
  return (
    <details class="version">
      <summary>
        {t('guide.versionOf', { id: version.id, date: t.moment(version.from) })}
        {version.confidence !== 'official' ? <ConfidenceTag t={t} confidence={version.confidence} /> : null}
      </summary>
      <RuleProvenance t={t} of={version} rules={props.rules} />
    </details>
  );
}

/**
 * Every source the page cites, gathered before rendering (components render lazily, so they
 * cannot report what they cite in time for the list of official pages and the review date).
 */
function collectSources(
  collector: SourceCollector,
  v: InForce,
  rules: RouteRules,
  evidence: CaseRules['evidence'][number] | undefined,
) {
  collector.add(rules.route.sources);
  for (const part of [v.prerequisites, v.exclusions, v.fees, v.stay, v.dependants, v.steps, v.selection])
    collector.add(part?.sources);
  for (const x of rules.exclusions) collector.add(x.sources);
  for (const c of v.prerequisites?.items ?? []) collector.add(c.sources);
  for (const { version } of v.tests) {
    collector.add(version.sources);
    for (const c of 'criteria' in version ? version.criteria : version.factors) collector.add(c.sources);
  }
  if (evidence) {
    collector.add(evidence.sources);
    for (const item of evidence.items) collector.add(item.sources);
  }
}

function CriterionItem(props: { t: T; c: Criterion; rules: RouteRules }) {
  const { t, c } = props;
  return (
    <li class="criterion">
      <p class="criterion__label">{c.label[t.lang]}</p>
      <RuleProvenance t={t} of={c} rules={props.rules} />
    </li>
  );
}

function FactorItem(props: { t: T; f: Factor; rules: RouteRules }) {
  const { t, f } = props;
  return (
    <li class="criterion">
      <p class="criterion__label">
        {f.label[t.lang]} <span class="criterion__cap">({t('guide.factor.cap', { cap: f.cap })})</span>
      </p>
      <ul class="bands">
        {[...f.bands, ...f.bonuses].map((b) => (
          <li>
            {b.label[t.lang]}
            {' — '}
            {'points' in b ? t('result.points', { n: b.points }) : t('result.points', { n: b.maxPoints })}
          </li>
        ))}
      </ul>
      <RuleProvenance t={t} of={f} rules={props.rules} />
    </li>
  );
}

function scoring(t: T, v: InForce['tests'][number]['version']): string {
  const s = v.scoring;
  if (s.kind === 'points') return t('guide.score.points', { passMark: s.passMark, maximum: s.maximum });
  if (s.kind === 'count') {
    const of = 'criteria' in v ? v.criteria.length : 0;
    if (s.threshold >= of) return of === 1 ? t('guide.score.one') : t('guide.score.all', { of });
    return t('guide.score.count', { threshold: s.threshold, of });
  }
  return 'criteria' in v && v.criteria.length === 1 ? t('guide.score.one') : t('guide.score.any');
}

/** Removes a checklist label's placeholders ({n}, {level}, …), which only a saved case can fill. */
export function genericLabel(label: string): string {
  return label
    .replace(/^[^:：]*\{n\}[^:：]*[:：]\s*/, '')
    .replace(/\s*[（(][^()（）]*\{\w+\}[^()（）]*[)）]/g, '')
    .replace(/\s*(——|—|–)[^—–]*\{\w+\}[^—–]*$/, '')
    .replace(/\s*[:：]?\s*\{\w+\}/g, '')
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

export function partName(t: T, rules: RouteRules, part: string): string {
  if (part.startsWith('test:')) {
    const test = rules.tests.find((x) => `test:${x.id}` === part);
    return test ? test.name[t.lang] : part;
  }
  return t.dyn(`part.${part}`);
}

/** Every dated change of the route's rules, newest first. */
export function ruleChanges(
  rules: RouteRules,
): Array<{ part: string; id: string; from: string; fromMs: number; confidence: Confidence }> {
  const parts: Array<
    [string, ReadonlyArray<{ id: string; from: string; fromMs: number; confidence: Confidence }>]
  > = [
    ['prerequisites', rules.prerequisites],
    ['exclusions', rules.exclusions],
    ...rules.tests.map((x) => [`test:${x.id}`, x.versions] as [string, typeof x.versions]),
    ['fees', rules.fees],
    ['stay', rules.stay],
    ['dependants', rules.dependants],
    ['steps', rules.steps],
    ['selection', rules.selection],
  ];
  return parts
    .flatMap(([part, versions]) =>
      versions.map((v) => ({ part, id: v.id, from: v.from, fromMs: v.fromMs, confidence: v.confidence })),
    )
    .sort((a, b) => b.fromMs - a.fromMs || a.part.localeCompare(b.part));
}

/** Whether a route's rules read the Talent List, or the list says what it does on the route. */
export function readsTalentList(rules: RouteRules): boolean {
  if (routeReads(rules).has('talentList.meets')) return true;
  return shippedTalentList().effects.some((e) => e.routes.includes(rules.route.id));
}

/** Whether a route needs a sponsor: its rules read who the sponsor is. */
export function needsSponsor(rules: RouteRules): boolean {
  const reads = routeReads(rules);
  return [...reads].some((m) => m.startsWith('sponsor.'));
}

/** The job-offer line of a route, from route.yaml and the tests that read a confirmed offer. */
export function jobOfferText(t: T, rules: RouteRules, v: InForce): string {
  const need = rules.route.needsJobOffer;
  if (need === 'no') return t('guide.fact.jobOffer.no');
  if (need === 'yes') return t('guide.fact.jobOffer.yes');
  const tests = v.tests
    .filter(({ version }) => testReads(version).has('jobOffer.confirmed'))
    .map(({ test }) => test.name[t.lang]);
  return tests.length > 0
    ? t('guide.fact.jobOffer.someTests', { tests: t.list(tests) })
    : t('guide.fact.jobOffer.some');
}

export function stayMonths(t: T, plan: StayPlan): string {
  return plan.initialMonths === null
    ? (plan.initialNote?.[t.lang] ?? '—')
    : t('word.months', { n: plan.initialMonths });
}

/** The first stay under each test of the route, one line a test: the guide's and the index's key fact. */
export function FirstStays(props: { t: T; v: InForce }) {
  const { t, v } = props;
  return (
    <ul class="list">
      {v.tests.map(({ test }) => {
        const plan = v.stay?.byTest[test.id];
        return plan ? (
          <li>{t('guide.fact.stay.value', { months: stayMonths(t, plan), test: test.name[t.lang] })}</li>
        ) : null;
      })}
    </ul>
  );
}

/** What one person pays under each test, for that test's first stay; one line when all are alike. */
export function feesByTest(
  fees: FeesVersion,
  v: InForce,
): Array<{ name: Localized | undefined; lines: FeesVersion['perPerson']; total: number }> {
  const total = (lines: FeesVersion['perPerson']) => lines.reduce((s, l) => s + l.amountHKD, 0);
  const byTest = v.tests.map(({ test }) => {
    const lines = feeLinesForTest(fees, test.id, v.stay?.byTest[test.id]?.initialMonths ?? undefined);
    return { name: test.name as Localized | undefined, lines, total: total(lines) };
  });
  const first = byTest[0];
  if (!first) {
    const lines = feeLinesForTest(fees, undefined, undefined);
    return [{ name: undefined, lines, total: total(lines) }];
  }
  const key = (x: typeof first) => x.lines.map((l) => `${l.id}:${l.amountHKD}`).join();
  return byTest.every((x) => key(x) === key(first)) ? [{ ...first, name: undefined }] : byTest;
}

function TalentListSection(props: { t: T; rules: RouteRules; atMs: number }) {
  const { t, rules } = props;
  const lang = t.lang;
  const list = shippedTalentList();
  const version: TalentListVersion | undefined = talentListAt(props.atMs, list);
  const effects: TalentListEffect[] = list.effects.filter((e) => e.routes.includes(rules.route.id));
  const cite = (refs: readonly SourceRef[]) => resolveCitations(refs, list.sources);
  const retrieved = (ref: string) => list.sources[ref]?.retrieved;
  const collator = new Intl.Collator(lang === 'en' ? 'en' : lang === 'zh-Hant' ? 'zh-Hant-HK' : 'zh-Hans');
  const professions = [...(version?.professions ?? [])].sort((a, b) =>
    collator.compare(a.name[lang], b.name[lang]),
  );
  return (
    <section id="talent-list" aria-labelledby="talent-list-h">
      <h2 id="talent-list-h">{t('guide.talentList')}</h2>
      <p>{t('guide.talentList.lead', { name: list.name[lang] })}</p>
      {effects.length > 0 ? (
        <>
          <h3>{t('guide.talentList.effects')}</h3>
          <ul class="list criteria">
            {effects.map((e) => (
              <li class="criterion">
                <p class="criterion__label">
                  <strong>
                    {e.until
                      ? t('word.fromTo', { from: t.moment(e.from), to: t.moment(e.until) })
                      : t('word.from', { date: t.moment(e.from) })}
                    {e.fromMs <= props.atMs && (e.untilMs === null || props.atMs < e.untilMs)
                      ? ` (${t('guide.talentList.inForceNow')})`
                      : ''}
                  </strong>
                  <br />
                  {e.effect[lang]}
                </p>
                <Provenance t={t} of={e} sources={cite(e.sources)} retrieved={retrieved} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('guide.talentList.matches')}</h3>
      {version ? (
        <>
          <p>
            {t('guide.talentList.version', { date: t.date(version.from), n: version.officialCount })}{' '}
            {version.complete
              ? t('guide.talentList.heldAll', { n: version.officialCount })
              : t('guide.talentList.heldPart', { held: professions.length, n: version.officialCount })}
          </p>
          {professions.length > 0 ? (
            <ul class="list list--bullet talent-professions">
              {professions.map((p) => (
                <li>
                  <span lang={lang !== 'en' && !p.chineseNamePublished ? 'en' : undefined}>
                    {p.name[lang]}
                  </span>
                  {p.segment ? <span class="small"> — {p.segment.name[lang]}</span> : null}
                  {p.confidence !== 'official' ? (
                    <>
                      {' '}
                      <ConfidenceTag t={t} confidence={p.confidence} />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          {version.missing ? (
            <Notice kind="warning">
              <p>
                <strong>{t('guide.talentList.notHeld')}</strong> {version.missing[lang]}
              </p>
            </Notice>
          ) : null}
          <Provenance t={t} of={version} sources={cite(version.sources)} retrieved={retrieved} />
        </>
      ) : (
        <p>{t('guide.talentList.none')}</p>
      )}
      <ul class="list list--bullet">
        {list.caveats.map((c) => (
          <li>{c.text[lang]}</li>
        ))}
      </ul>
      <p>
        {t('guide.talentList.official')}{' '}
        <a href={list.officialSite} rel="noreferrer">
          {list.officialSite.replace(/^https?:\/\//, '').replace(/\/$/, '')}
        </a>
      </p>
    </section>
  );
}

/** A related route: its guide when shipped, otherwise its name and that its guide is not written. */
export function relatedRoutes(
  t: T,
  rules: RouteRules,
  routes: ReadonlyMap<string, RouteRules>,
): Array<{ id: string; name: string; href?: string }> {
  return rules.route.related.map((id) => {
    const other = routes.get(id);
    if (other)
      return {
        id,
        name: t('guide.title', { name: other.route.name[t.lang], short: other.route.shortName[t.lang] }),
        href: `/routes/${id}`,
      };
    const key = `guide.related.${id.replace(/^hk\./, '')}`;
    return { id, name: t.has(key) ? t.dyn(key) : id };
  });
}

export function GuidePage(props: GuideInput) {
  const { t, rules } = props;
  const lang = t.lang;
  const atMs = props.now.getTime();
  const today = hongKongDay(props.now);
  const v = inForce(rules, atMs);
  const collector = new SourceCollector(rules);
  const route = rules.route;
  const id = route.id;
  const name = route.name[lang];
  const short = route.shortName[lang];
  const startHref = props.hasAssessment ? `/assess/${id}` : '/compare';
  const startText = props.hasAssessment ? t('guide.start') : t('guide.startCompare');

  const stayOf = (testId: string) => v.stay?.byTest[testId];
  const fees = v.fees ? feesByTest(v.fees, v) : [];
  const dep = v.dependants;
  const familyComes = (dep?.relations.length ?? 0) > 0;
  const hasPartner = dep?.relations.some((r) => r === 'spouse' || r === 'civil_partner') ?? false;
  const hasChild = dep?.relations.includes('child') ?? false;
  const quota = v.selection?.quota;
  const quotaText =
    quota === undefined
      ? ''
      : quota === 'none'
        ? v.selection?.selectionExercise
          ? t('guide.quota.selection')
          : t('guide.quota.none')
        : quota === 'suspended'
          ? t('guide.quota.suspended')
          : quota === 'unknown'
            ? t('guide.quota.unknown')
            : v.selection?.quotaPeriod
              ? t('guide.quota.period', {
                  n: t.number(quota),
                  from: t.date(v.selection.quotaPeriod.from),
                  to: t.date(v.selection.quotaPeriod.to),
                })
              : t('guide.quota.number', { n: t.number(quota) });
  const jobOffer = jobOfferText(t, rules, v);
  const sponsor = needsSponsor(rules);
  const talent = readsTalentList(rules);

  // Blockers, from the prerequisites, exclusions, tests and conditional steps.
  const blockers: string[] = [];
  for (const item of v.prerequisites?.items ?? [])
    blockers.push(t('guide.blocker.prerequisite', { label: item.label[lang] }));
  if (v.exclusions && v.exclusions.nationalities.length > 0) {
    blockers.push(
      t('guide.blocker.nationality', {
        list: t.list(v.exclusions.nationalities.map((c) => countryName(t, c))),
      }),
    );
  }
  for (const { test, version } of v.tests) {
    const s = version.scoring;
    if (s.kind === 'count' && 'criteria' in version && s.threshold < version.criteria.length) {
      blockers.push(
        t('guide.blocker.threshold', {
          threshold: s.threshold,
          of: version.criteria.length,
          test: test.name[lang],
        }),
      );
    } else if (s.kind === 'points') {
      blockers.push(t('guide.blocker.points', { passMark: s.passMark, test: test.name[lang] }));
    }
  }
  if (route.needsJobOffer === 'yes') blockers.push(t('guide.blocker.jobOffer'));
  if (quota === 'suspended') blockers.push(t('guide.blocker.quotaSuspended'));
  blockers.push(t('guide.blocker.documents'));
  for (const step of v.steps?.steps ?? []) {
    if (step.when) blockers.push(t('guide.blocker.conditional', { title: step.title[lang] }));
  }

  // Typical evidence, from the checklist rules a saved case uses.
  const evidenceVersion = props.caseRules ? versionAt(props.caseRules.evidence, atMs) : undefined;
  const evidence = (evidenceVersion?.items ?? []).map((item) => ({
    id: item.id,
    label: genericLabel(item.label[lang]),
    why: genericLabel(item.why[lang]),
    per: item.for,
    conditional: item.when !== undefined || item.conditional,
  }));

  // The pathway: the steps of the rule data, grouped into four stages.
  const steps = v.steps?.steps ?? [];
  const stepsIn = (...stages: string[]) => steps.filter((s) => stages.includes(s.stage));
  const applyOnline = Object.entries(rules.sources)
    .filter(([ref, s]) => /online-application/.test(ref) && s.official)
    .map(([, s]) => s);

  collectSources(collector, v, rules, evidenceVersion);
  const changes = ruleChanges(rules);
  const sections: Array<[string, string]> = [
    ['key-facts', t('guide.keyFacts')],
    ['overview', t('guide.overview')],
    ['prerequisites', t('guide.prerequisites')],
    ['tests', t('guide.tests')],
    ...(talent ? ([['talent-list', t('guide.talentList')]] as Array<[string, string]>) : []),
    ['blockers', t('guide.blockers')],
    ['fees', t('guide.fees')],
    ['stay', t('guide.stay')],
    ['family', t('guide.dependants')],
    ['evidence', t('guide.evidence')],
    ['pathway', t('guide.pathway')],
    ['official', t('guide.official')],
    ['related', t('guide.related')],
    ['faq', t('guide.faq')],
    ['changes', t('guide.changes')],
  ];

  const pathway = [
    {
      title: t('guide.pathway.1'),
      text: props.hasAssessment ? t('guide.pathway.1.text') : t('guide.pathway.1.compare'),
      steps: [] as typeof steps,
      cta: true,
    },
    {
      title: t('guide.pathway.2'),
      text: t('guide.pathway.2.text'),
      steps: stepsIn('before_submission'),
      cta: false,
    },
    {
      title: t('guide.pathway.3'),
      text: t('guide.pathway.3.text'),
      steps: stepsIn('after_submission'),
      cta: false,
    },
    {
      title: t('guide.pathway.4'),
      text: t('guide.pathway.4.text'),
      steps: stepsIn('after_selection', 'after_approval', 'after_entry'),
      cta: false,
    },
  ];

  const familyCost = (perPerson: number) =>
    hasPartner && hasChild
      ? t('guide.fees.family', { amount: t.hkd(perPerson * 4) })
      : hasPartner
        ? t('guide.fees.couple', { amount: t.hkd(perPerson * 2) })
        : hasChild
          ? t('guide.fees.parentChild', { amount: t.hkd(perPerson * 2) })
          : '';

  // Render the body first so every source cited is collected before the official list is drawn.
  const body = (
    <>
      <section id="key-facts" aria-labelledby="key-facts-h">
        <h2 id="key-facts-h">{t('guide.keyFacts')}</h2>
        <dl class="summary-list key-facts">
          <SummaryRow label={t('guide.fact.jobOffer')}>
            {jobOffer}
            {sponsor ? (
              <>
                <br />
                {t('guide.fact.sponsor')}
              </>
            ) : null}
          </SummaryRow>
          <SummaryRow label={t('guide.fact.fees')}>
            {fees.map((f) => (
              <p>
                {f.name ? (
                  <>
                    {f.name[lang]}
                    {': '}
                  </>
                ) : null}
                <strong>{t('guide.fact.fees.person', { amount: t.hkd(f.total) })}</strong>
                {familyComes ? (
                  <>
                    <br />
                    {t('guide.fact.fees.dependant', { amount: t.hkd(f.total) })}
                  </>
                ) : null}
              </p>
            ))}
            <ul class="list">
              {(fees[0]?.lines ?? []).map((l) => (
                <li>
                  {l.label[lang]}: {t.hkd(l.amountHKD)} — {l.payable[lang]}
                </li>
              ))}
            </ul>
            {v.fees ? (
              <p class="small">
                {t('guide.inForce', { date: t.moment(v.fees.from) })} ·{' '}
                <ConfidenceTag t={t} confidence={v.fees.confidence} />
              </p>
            ) : null}
          </SummaryRow>
          <SummaryRow label={t('guide.fact.stay')}>
            <FirstStays t={t} v={v} />
          </SummaryRow>
          <SummaryRow label={t('guide.fact.pr')}>{route.permanentResidence[lang]}</SummaryRow>
          {quotaText ? <SummaryRow label={t('guide.fact.quota')}>{quotaText}</SummaryRow> : null}
          {v.selection ? (
            <SummaryRow label={t('guide.fact.decided')}>{v.selection.decidedBy[lang]}</SummaryRow>
          ) : null}
        </dl>
      </section>

      <section id="overview" aria-labelledby="overview-h">
        <h2 id="overview-h">{t('guide.overview')}</h2>
        <p>{route.summary[lang]}</p>
        {v.selection ? <p>{v.selection.summary[lang]}</p> : null}
        <RuleProvenance t={t} of={route} rules={rules} />
        {v.selection && v.selection.confidence !== 'official' ? (
          <RuleProvenance t={t} of={v.selection} rules={rules} />
        ) : null}
      </section>

      <section id="prerequisites" aria-labelledby="prerequisites-h">
        <h2 id="prerequisites-h">{t('guide.prerequisites')}</h2>
        <p>{t('guide.prerequisites.lead')}</p>
        <ol class="criteria">
          {(v.prerequisites?.items ?? []).map((c) => (
            <CriterionItem t={t} c={c} rules={rules} />
          ))}
          {v.exclusions ? (
            <li class="criterion">
              <p class="criterion__label">
                {v.exclusions.nationalities.length > 0
                  ? t('guide.exclusions.list', {
                      list: t.list(v.exclusions.nationalities.map((c) => countryName(t, c))),
                    })
                  : t('guide.exclusions.none')}
              </p>
              <RuleProvenance t={t} of={v.exclusions} rules={rules} />
            </li>
          ) : null}
        </ol>
        {rules.exclusions.length > 1 ? (
          <details class="version">
            <summary>{t('guide.exclusions.byDate')}</summary>
            <ul class="list">
              {[...rules.exclusions].reverse().map((x) => (
                <li>
                  <strong>
                    {x.to
                      ? t('word.fromTo', { from: t.moment(x.from), to: t.moment(x.to) })
                      : t('word.from', { date: t.moment(x.from) })}
                  </strong>
                  {': '}
                  {x.nationalities.length > 0
                    ? t.list(x.nationalities.map((c) => countryName(t, c)))
                    : t('word.none')}{' '}
                  <ConfidenceTag t={t} confidence={x.confidence} />
                  {x.note ? <p class="provenance__note">{x.note[lang]}</p> : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {v.prerequisites ? <VersionDetails t={t} version={v.prerequisites} rules={rules} /> : null}
      </section>

      <section id="tests" aria-labelledby="tests-h">
        <h2 id="tests-h">{t('guide.tests')}</h2>
        <p>
          {v.tests.length === 1
            ? t('guide.tests.lead.one')
            : t('guide.tests.lead.many', { n: v.tests.length })}
        </p>
        {v.tests.map(({ test, version }) => (
          <section class="test" aria-labelledby={`test-${test.id}`}>
            <h3 id={`test-${test.id}`}>{test.name[lang]}</h3>
            <p class="test__scoring">
              <strong>{scoring(t, version)}</strong>
            </p>
            <ol class="criteria">
              {'criteria' in version
                ? version.criteria.map((c) => <CriterionItem t={t} c={c} rules={rules} />)
                : version.factors.map((f) => <FactorItem t={t} f={f} rules={rules} />)}
            </ol>
            <VersionDetails t={t} version={version} rules={rules} />
          </section>
        ))}
      </section>

      {talent ? <TalentListSection t={t} rules={rules} atMs={atMs} /> : null}

      <section id="blockers" aria-labelledby="blockers-h">
        <h2 id="blockers-h">{t('guide.blockers')}</h2>
        <ul class="list list--bullet">
          {blockers.map((b) => (
            <li>{b}</li>
          ))}
        </ul>
      </section>

      <section id="fees" aria-labelledby="fees-h">
        <h2 id="fees-h">{t('guide.fees')}</h2>
        {v.fees ? (
          <>
            <p>{v.fees.regime[lang]}</p>
            {fees.map((f) => (
              <div class="fees-test">
                {f.name ? <h3>{f.name[lang]}</h3> : null}
                <ul class="list list--bullet">
                  {f.lines.map((l) => (
                    <li>
                      {l.label[lang]}: <strong>{t.hkd(l.amountHKD)}</strong> — {l.payable[lang]} (
                      {l.refundable ? t('result.fees.refundable') : t('result.fees.nonRefundable')})
                    </li>
                  ))}
                </ul>
                <p>
                  {t('guide.fact.fees.person', { amount: t.hkd(f.total) })}
                  {familyComes ? (
                    <>
                      {'. '}
                      {t('guide.fact.fees.dependant', { amount: t.hkd(f.total) })}
                      {'. '}
                      {familyCost(f.total)}
                    </>
                  ) : null}
                </p>
              </div>
            ))}
            <RuleProvenance t={t} of={v.fees} rules={rules} />
          </>
        ) : (
          <p>{t('guide.fees.none')}</p>
        )}
      </section>

      <section id="stay" aria-labelledby="stay-h">
        <h2 id="stay-h">{t('guide.stay')}</h2>
        {v.tests.map(({ test }) => {
          const plan = stayOf(test.id);
          if (!plan) return null;
          return (
            <div class="stay">
              <p>
                {t('guide.stay.pattern', {
                  test: test.name[lang],
                  months: stayMonths(t, plan),
                  extensions:
                    plan.extensionsYears.length > 0
                      ? t.list(plan.extensionsYears.map((y) => t('word.years', { n: y })))
                      : t('word.none'),
                  pattern: plan.pattern,
                })}
              </p>
              {plan.conditionOfStay ? <p>{t(`guide.stay.condition.${plan.conditionOfStay}`)}</p> : null}
              {plan.topTier ? (
                <p>
                  {t('guide.stay.topTier', {
                    years: t('word.years', { n: plan.topTier.afterYears }),
                    income: t.number(plan.topTier.assessableIncomeHKD),
                    extension: t('word.years', { n: plan.topTier.extensionYears }),
                  })}
                </p>
              ) : null}
              <ul class="list list--bullet">
                {plan.extensionRequirements.map((r) => (
                  <li>{r[lang]}</li>
                ))}
              </ul>
            </div>
          );
        })}
        <h3>{t('guide.fact.pr')}</h3>
        <p>{route.permanentResidence[lang]}</p>
        <RuleProvenance t={t} of={v.stay} rules={rules} />
      </section>

      <section id="family" aria-labelledby="family-h">
        <h2 id="family-h">{t('guide.dependants')}</h2>
        {dep && familyComes ? (
          <>
            <ul class="list list--bullet">
              <li>
                {t('guide.dependants.relations', {
                  relations: t.list(dep.relations.map((r) => message(lang, `relation.${r}`))),
                })}
              </li>
              {hasChild ? (
                <li>
                  {dep.childMustBeUnmarried
                    ? t('guide.dependants.childUnmarried', { age: dep.childUnderAge })
                    : t('guide.dependants.childAge', { age: dep.childUnderAge })}
                </li>
              ) : null}
              <li>
                {dep.mainlandResidentsAllowed
                  ? t('guide.dependants.mainland.yes')
                  : t('guide.dependants.mainland.no')}
              </li>
              {dep.excludedNationalities.length > 0 ? (
                <li>
                  {t('guide.dependants.excluded', {
                    list: t.list(dep.excludedNationalities.map((c) => countryName(t, c))),
                  })}
                </li>
              ) : null}
              <li>{t('guide.dependants.fees')}</li>
            </ul>
            <h3>{t('guide.dependants.conditions')}</h3>
          </>
        ) : (
          <p>{t('guide.dependants.none')}</p>
        )}
        {dep ? (
          <ul class="list list--bullet">
            {dep.conditions.map((c) => (
              <li>{c[lang]}</li>
            ))}
          </ul>
        ) : null}
        <RuleProvenance t={t} of={dep} rules={rules} />
      </section>

      <section id="evidence" aria-labelledby="evidence-h">
        <h2 id="evidence-h">{t('guide.evidence')}</h2>
        {evidence.length > 0 ? (
          <>
            <p>
              {t('guide.evidence.lead')} {props.hasAssessment ? t('guide.evidence.case') : null}
            </p>
            <ul class="list evidence-list">
              {evidence.map((e) => (
                <li>
                  <strong>
                    {e.per === 'degree'
                      ? t('guide.evidence.perDegree', { label: e.label })
                      : e.per === 'dependant'
                        ? t('guide.evidence.perDependant', { label: e.label })
                        : e.label}
                  </strong>
                  {e.conditional ? <span class="tag tag--grey">{t('guide.evidence.ifApplies')}</span> : null}
                  <br />
                  <span class="small">{e.why}</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('guide.evidence.none')}</p>
        )}
        <RuleProvenance t={t} of={evidenceVersion} rules={rules} />
      </section>

      <section id="pathway" aria-labelledby="pathway-h">
        <h2 id="pathway-h">{t('guide.pathway')}</h2>
        <ol class="pathway">
          {pathway.map((p, i) => (
            <li class="pathway__step">
              <h3>
                <span class="pathway__number" aria-hidden="true">
                  {i + 1}
                </span>
                {p.title}
              </h3>
              <p>{p.text}</p>
              {p.cta ? (
                <p>
                  <a class="button button--start" href={startHref}>
                    {startText}
                  </a>
                </p>
              ) : null}
              {i === 2
                ? applyOnline.map((s) => (
                    <p>
                      <a href={s.url} rel="noreferrer">
                        {s.title}
                      </a>{' '}
                      <span class="small">({s.publisher})</span>
                    </p>
                  ))
                : null}
              {p.steps.length > 0 ? (
                <ul class="list list--bullet">
                  {p.steps.map((s) => (
                    <li>
                      <strong>{s.title[lang]}</strong>
                      {s.when ? <span class="tag tag--grey">{t('guide.evidence.ifApplies')}</span> : null}
                      <br />
                      <span class="small">{s.detail[lang]}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
        <RuleProvenance t={t} of={v.steps} rules={rules} />
      </section>
    </>
  );

  const related = relatedRoutes(t, rules, props.routes);
  const tail = (
    <>
      <section id="related" aria-labelledby="related-h">
        <h2 id="related-h">{t('guide.related')}</h2>
        <p>{t('guide.related.lead')}</p>
        <ul class="list list--bullet">
          {related.map((r) => (
            <li>{r.href ? <a href={r.href}>{r.name}</a> : t('guide.related.notYet', { name: r.name })}</li>
          ))}
        </ul>
        <p>
          <a href="/compare">{t('guide.related.compare')}</a>
          {' · '}
          <a href="/routes">{t('guide.related.all')}</a>
        </p>
      </section>

      <section id="faq" aria-labelledby="faq-h">
        <h2 id="faq-h">{t('guide.faq')}</h2>
        <h3>{t('guide.faq.jobOffer.q')}</h3>
        <p>
          {jobOffer}
          {sponsor ? ` ${t('guide.fact.sponsor')}` : ''}
        </p>
        {v.selection ? (
          <>
            <h3>{t('guide.faq.threshold.q')}</h3>
            <p>{v.selection.summary[lang]}</p>
            <p>{v.selection.decidedBy[lang]}</p>
          </>
        ) : null}
        <h3>{t('guide.faq.family.q')}</h3>
        <p>
          {dep && familyComes
            ? t('guide.faq.family.a', {
                relations: t.list(dep.relations.map((r) => message(lang, `relation.${r}`))),
                age: dep.childUnderAge,
              })
            : t('guide.dependants.none')}
        </p>
        <h3>{t('guide.faq.unknown.q')}</h3>
        <p>{t('guide.faq.unknown.a')}</p>
        <h3>{t('guide.faq.date.q')}</h3>
        <p>{t('guide.faq.date.a')}</p>
        <ul class="list list--bullet">
          {changes
            .filter((c) => c.fromMs <= atMs)
            .slice(0, 4)
            .map((c) => (
              <li>
                {t.moment(c.from)}: {partName(t, rules, c.part)}
              </li>
            ))}
        </ul>
        <h3>{t('guide.faq.pr.q')}</h3>
        <p>{route.permanentResidence[lang]}</p>
      </section>

      <section id="changes" aria-labelledby="changes-h">
        <h2 id="changes-h">{t('guide.changes')}</h2>
        <p>{t('guide.changes.lead')}</p>
        <details>
          <summary>{t('guide.changes.show', { n: changes.length })}</summary>
          <section class="table-wrap" tabindex={0} aria-label={t('word.table', { name: t('guide.changes') })}>
            <table class="table">
              <caption class="visually-hidden">{t('guide.changes')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('result.rulesUsed.period')}</th>
                  <th scope="col">{t('result.rulesUsed.part')}</th>
                  <th scope="col">{t('result.rulesUsed.confidence')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr>
                    <td>{t.moment(c.from)}</td>
                    <td>{partName(t, rules, c.part)}</td>
                    <td>
                      <ConfidenceTag t={t} confidence={c.confidence} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </details>
      </section>
    </>
  );

  const official = collector.official();
  const reviewed = collector.latestRetrieved();

  return (
    <Layout t={t} title={t('guide.title', { name, short })} url={props.url} section="routes">
      <h1>{t('guide.title', { name, short })}</h1>
      <p class="lead">{t('guide.lead', { date: t.date(today) })}</p>
      <div class="button-group">
        <a class="button button--start" href={startHref}>
          {startText}
        </a>
        {props.hasAssessment ? (
          <a class="button button--secondary" href="/compare">
            {t('guide.startCompare')}
          </a>
        ) : null}
      </div>
      <Notice>
        <p>{t('result.notApproval')}</p>
        <p class="small">{t('confidence.legend')}</p>
      </Notice>
      <nav class="contents" aria-labelledby="contents-h">
        <h2 id="contents-h" class="contents__title">
          {t('guide.contents')}
        </h2>
        <ol class="contents__list">
          {sections.map(([sid, label]) => (
            <li>
              <a href={`#${sid}`}>{label}</a>
            </li>
          ))}
        </ol>
      </nav>
      {body}
      <section id="official" aria-labelledby="official-h">
        <h2 id="official-h">{t('guide.official')}</h2>
        <ul class="list official-links">
          {official.map((o) => (
            <li>
              <a href={o.url} rel="noreferrer">
                {o.title}
              </a>
              <br />
              <span class="small">
                {o.publisher} · {t('guide.official.verified', { date: t.date(o.retrieved) })}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {tail}
      {reviewed ? <p class="reviewed">{t('guide.reviewed', { date: t.date(reviewed) })}</p> : null}
    </Layout>
  );
}
