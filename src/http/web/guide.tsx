/** @jsxImportSource hono/jsx */
import { message } from '../../engine/explain.ts';
import { countries } from '../../flows/countries.ts';
import type { CaseRules } from '../../rules/case-schema.ts';
import type { Confidence, Criterion, Factor, Localized, SourceRef } from '../../rules/schema.ts';
import type { RouteRules } from '../../rules/types.ts';
import { versionAt } from '../../rules/types.ts';
import { ConfidenceTag, Notice, Sources } from './components.tsx';
import { hongKongDay } from './dates.ts';
import type { T } from './i18n.ts';
import { Layout } from './layout.tsx';
import { citations, feeLinesFor, type InForce, inForce, retrievedOf, SourceCollector } from './rules-view.ts';

/**
 * The route guide, generated from the rule data in force today: every label, amount, date and
 * source comes from rules/…; this file only arranges them. Nothing is written twice.
 */

export interface GuideInput {
  t: T;
  url: string;
  rules: RouteRules;
  caseRules: CaseRules | undefined;
  now: Date;
}

export function countryName(t: T, alpha3: string): string {
  return t.country(countries.get(alpha3), alpha3);
}

function Provenance(props: {
  t: T;
  confidence: Confidence;
  note?: Localized | undefined;
  sources: readonly SourceRef[];
  rules: RouteRules;
}) {
  const { t } = props;
  return (
    <div class="provenance">
      <ConfidenceTag t={t} confidence={props.confidence} />
      {props.note ? <p class="provenance__note">{props.note[t.lang]}</p> : null}
      <Sources t={t} sources={citations(props.rules, props.sources)} retrieved={retrievedOf(props.rules)} />
    </div>
  );
}

/**
 * Every source the page cites, gathered before rendering (components render lazily, so they
 * cannot report what they cite in time for the list of official pages and the review date).
 */
function collectSources(
  collector: SourceCollector,
  v: InForce,
  route: RouteRules['route'],
  evidence: CaseRules['evidence'][number] | undefined,
) {
  collector.add(route.sources);
  for (const part of [v.prerequisites, v.exclusions, v.fees, v.stay, v.dependants, v.steps, v.selection])
    collector.add(part?.sources);
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
      <Provenance t={t} confidence={c.confidence} note={c.note} sources={c.sources} rules={props.rules} />
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
      <Provenance t={t} confidence={f.confidence} note={f.note} sources={f.sources} rules={props.rules} />
    </li>
  );
}

function scoring(t: T, v: InForce['tests'][number]['version']): string {
  const s = v.scoring;
  if (s.kind === 'points') return t('guide.score.points', { passMark: s.passMark, maximum: s.maximum });
  if (s.kind === 'count') {
    const of = 'criteria' in v ? v.criteria.length : 0;
    return t('guide.score.count', { threshold: s.threshold, of });
  }
  return t('guide.score.any');
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

export function GuidePage(props: GuideInput) {
  const { t, rules } = props;
  const lang = t.lang;
  const atMs = props.now.getTime();
  const today = hongKongDay(props.now);
  const v = inForce(rules, atMs);
  const collector = new SourceCollector(rules);
  const route = rules.route;
  const name = route.name[lang];
  const short = route.shortName[lang];

  // Key facts.
  const firstTest = v.tests[0];
  const stayOf = (testId: string) => v.stay?.byTest[testId];
  const feeLines = v.fees
    ? feeLinesFor(v.fees, firstTest ? (stayOf(firstTest.test.id)?.initialMonths ?? undefined) : undefined)
    : [];
  const perPerson = feeLines.reduce((sum, l) => sum + l.amountHKD, 0);
  const quota = v.selection?.quota;
  const quotaText =
    quota === undefined
      ? ''
      : quota === 'none'
        ? t('guide.quota.none')
        : quota === 'suspended'
          ? t('guide.quota.suspended')
          : t('guide.quota.number', { n: t.number(quota) });

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
    if (s.kind === 'count' && 'criteria' in version) {
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
  blockers.push(t('guide.blocker.documents'));
  for (const step of v.steps?.steps ?? []) {
    if (step.when) blockers.push(t('guide.blocker.conditional', { title: step.title[lang] }));
  }

  // Typical evidence, from the checklist rules a saved case uses.
  const evidenceVersion = props.caseRules ? versionAt(props.caseRules.evidence, atMs) : undefined;
  const evidence = (evidenceVersion?.items ?? []).map((item) => ({
    id: item.id,
    label: genericLabel(item.label[lang]),
    why: item.why[lang],
    per: item.for,
    conditional: item.when !== undefined || item.conditional,
  }));

  // The pathway: the steps of the rule data, grouped into four stages.
  const steps = v.steps?.steps ?? [];
  const stepsIn = (...stages: string[]) => steps.filter((s) => stages.includes(s.stage));
  const applyOnline = rules.sources['govhk-qmas-online-application'];
  const qmasPage = rules.sources['immd-qmas-page'];

  // Dependants.
  const dep = v.dependants;
  const relations = dep ? t.list(dep.relations.map((r) => message(lang, `relation.${r}`))) : '';

  collectSources(collector, v, route, evidenceVersion);
  if (qmasPage) collector.refs.add('immd-qmas-page');
  const changes = ruleChanges(rules);
  const sections = [
    ['key-facts', t('guide.keyFacts')],
    ['overview', t('guide.overview')],
    ['prerequisites', t('guide.prerequisites')],
    ['tests', t('guide.tests')],
    ['blockers', t('guide.blockers')],
    ['evidence', t('guide.evidence')],
    ['pathway', t('guide.pathway')],
    ['stay', t('guide.stay')],
    ['official', t('guide.official')],
    ['related', t('guide.related')],
    ['faq', t('guide.faq')],
    ['changes', t('guide.changes')],
  ] as const;

  const pathway = [
    { title: t('guide.pathway.1'), text: t('guide.pathway.1.text'), steps: [] as typeof steps, cta: true },
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

  // Render the body first so every source cited is collected before the official list is drawn.
  const body = (
    <>
      <section id="key-facts" aria-labelledby="key-facts-h">
        <h2 id="key-facts-h">{t('guide.keyFacts')}</h2>
        <dl class="summary-list key-facts">
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('guide.fact.processing')}</dt>
            <dd class="summary-list__value">{t('guide.fact.processing.value')}</dd>
          </div>
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('guide.fact.fees')}</dt>
            <dd class="summary-list__value">
              <p>
                <strong>{t('guide.fact.fees.person', { amount: t.hkd(perPerson) })}</strong>
                <br />
                {t('guide.fact.fees.dependant', { amount: t.hkd(perPerson) })}
              </p>
              <ul class="list">
                {feeLines.map((l) => (
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
            </dd>
          </div>
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('guide.fact.stay')}</dt>
            <dd class="summary-list__value">
              <ul class="list">
                {v.tests.map(({ test }) => {
                  const plan = stayOf(test.id);
                  return plan ? (
                    <li>
                      {t('guide.fact.stay.value', {
                        months:
                          plan.initialMonths === null
                            ? (plan.initialNote?.[lang] ?? '—')
                            : t('word.months', { n: plan.initialMonths }),
                        test: test.name[lang],
                      })}
                    </li>
                  ) : null;
                })}
              </ul>
            </dd>
          </div>
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('guide.fact.jobOffer')}</dt>
            <dd class="summary-list__value">{t('guide.fact.jobOffer.value')}</dd>
          </div>
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('guide.fact.pr')}</dt>
            <dd class="summary-list__value">
              {t('guide.fact.pr.value', { text: route.permanentResidence[lang] })}
            </dd>
          </div>
          {quotaText ? (
            <div class="summary-list__row">
              <dt class="summary-list__key">{t('guide.fact.quota')}</dt>
              <dd class="summary-list__value">{quotaText}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      <section id="overview" aria-labelledby="overview-h">
        <h2 id="overview-h">{t('guide.overview')}</h2>
        <p>{route.summary[lang]}</p>
        {v.selection ? <p>{v.selection.summary[lang]}</p> : null}
        <Provenance
          t={t}
          confidence={route.confidence}
          note={route.note}
          sources={route.sources}
          rules={rules}
        />
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
              <Provenance
                t={t}
                confidence={v.exclusions.confidence}
                note={v.exclusions.note}
                sources={v.exclusions.sources}
                rules={rules}
              />
            </li>
          ) : null}
        </ol>
        {v.prerequisites ? (
          <details class="version">
            <summary>
              {t('guide.versionOf', { id: v.prerequisites.id, date: t.moment(v.prerequisites.from) })}
            </summary>
            <Provenance
              t={t}
              confidence={v.prerequisites.confidence}
              note={v.prerequisites.note}
              sources={v.prerequisites.sources}
              rules={rules}
            />
          </details>
        ) : null}
      </section>

      <section id="tests" aria-labelledby="tests-h">
        <h2 id="tests-h">{t('guide.tests')}</h2>
        <p>{t('guide.tests.lead')}</p>
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
            <details class="version">
              <summary>{t('guide.versionOf', { id: version.id, date: t.moment(version.from) })}</summary>
              <Provenance
                t={t}
                confidence={version.confidence}
                note={version.note}
                sources={version.sources}
                rules={rules}
              />
            </details>
          </section>
        ))}
      </section>

      <section id="blockers" aria-labelledby="blockers-h">
        <h2 id="blockers-h">{t('guide.blockers')}</h2>
        <ul class="list list--bullet">
          {blockers.map((b) => (
            <li>{b}</li>
          ))}
        </ul>
      </section>

      <section id="evidence" aria-labelledby="evidence-h">
        <h2 id="evidence-h">{t('guide.evidence')}</h2>
        <p>{t('guide.evidence.lead')}</p>
        {evidence.length > 0 ? (
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
        ) : null}
        {evidenceVersion ? (
          <Provenance
            t={t}
            confidence={evidenceVersion.confidence}
            note={evidenceVersion.note}
            sources={evidenceVersion.sources}
            rules={rules}
          />
        ) : null}
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
                  <a class="button button--start" href="/assess/hk.qmas">
                    {t('guide.start')}
                  </a>
                </p>
              ) : null}
              {i === 2 && applyOnline ? (
                <p>
                  <a href={applyOnline.url} rel="noreferrer">
                    {applyOnline.title}
                  </a>{' '}
                  <span class="small">({applyOnline.publisher})</span>
                </p>
              ) : null}
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
        {v.steps ? (
          <Provenance
            t={t}
            confidence={v.steps.confidence}
            note={v.steps.note}
            sources={v.steps.sources}
            rules={rules}
          />
        ) : null}
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
                  months:
                    plan.initialMonths === null
                      ? (plan.initialNote?.[lang] ?? '—')
                      : t('word.months', { n: plan.initialMonths }),
                  extensions:
                    plan.extensionsYears.length > 0
                      ? t.list(plan.extensionsYears.map((y) => t('word.years', { n: y })))
                      : t('word.none'),
                  pattern: plan.pattern,
                })}
              </p>
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
        <p>{route.permanentResidence[lang]}</p>
        {v.stay ? (
          <Provenance
            t={t}
            confidence={v.stay.confidence}
            note={v.stay.note}
            sources={v.stay.sources}
            rules={rules}
          />
        ) : null}
      </section>
    </>
  );

  const tail = (
    <>
      <section id="related" aria-labelledby="related-h">
        <h2 id="related-h">{t('guide.related')}</h2>
        <p>{t('guide.related.lead')}</p>
        <ul class="list list--bullet">
          <li>{t('guide.related.ttps')}</li>
          <li>{t('guide.related.gep')}</li>
          <li>{t('guide.related.asmtp')}</li>
          <li>{t('guide.related.techtas')}</li>
          <li>{t('guide.related.iang')}</li>
          <li>{t('guide.related.assg')}</li>
        </ul>
      </section>

      <section id="faq" aria-labelledby="faq-h">
        <h2 id="faq-h">{t('guide.faq')}</h2>
        <h3>{t('guide.faq.jobOffer.q')}</h3>
        <p>{t('guide.faq.jobOffer.a')}</p>
        {v.selection ? (
          <>
            <h3>{t('guide.faq.threshold.q')}</h3>
            <p>{v.selection.summary[lang]}</p>
            <p>{v.selection.decidedBy[lang]}</p>
          </>
        ) : null}
        {dep ? (
          <>
            <h3>{t('guide.faq.family.q')}</h3>
            <p>{t('guide.faq.family.a', { relations, age: dep.childUnderAge })}</p>
            <ul class="list list--bullet">
              {dep.conditions.map((c) => (
                <li>{c[lang]}</li>
              ))}
            </ul>
          </>
        ) : null}
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
                  <th scope="col">{t('result.rulesUsed.version')}</th>
                  <th scope="col">{t('result.rulesUsed.confidence')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr>
                    <td>{t.moment(c.from)}</td>
                    <td>{partName(t, rules, c.part)}</td>
                    <td>
                      <code>{c.id}</code>
                    </td>
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
    <Layout t={t} title={t('guide.title', { name, short })} url={props.url} section="guide">
      <h1>{t('guide.title', { name, short })}</h1>
      <p class="lead">{t('guide.lead', { date: t.date(today) })}</p>
      <p>
        <a class="button button--start" href="/assess/hk.qmas">
          {t('guide.start')}
        </a>
      </p>
      <Notice>
        <p>{t('result.notApproval')}</p>
        <p class="small">{t('confidence.legend')}</p>
      </Notice>
      <nav class="contents" aria-labelledby="contents-h">
        <h2 id="contents-h" class="contents__title">
          {t('guide.contents')}
        </h2>
        <ol class="contents__list">
          {sections.map(([id, label]) => (
            <li>
              <a href={`#${id}`}>{label}</a>
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
