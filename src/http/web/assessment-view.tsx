/** @jsxImportSource hono/jsx */
import type {
  Assessment,
  CriterionResult,
  FeeLine,
  NextStep,
  RuleVersionUsed,
  Score,
  TestResult,
} from '../../engine/result.ts';
import type { RouteRules } from '../../rules/types.ts';
import { AssessmentSources, ConfidenceTag, Notice, OutcomeTag } from './components.tsx';
import { partName } from './guide.tsx';
import type { T } from './i18n.ts';

/**
 * An assessment, explained: the outcome in kind words, what is missing and what would change it,
 * every criterion with its reason and source, fees, stay, next steps and the rule versions used.
 * Shared by the self-assessment result and the saved case.
 */

export interface FindOut {
  label: string;
  href?: string | undefined;
}

export function statusWords(t: T, status: Assessment['status']): string {
  return t(`result.status.${status}`);
}

function scoreLine(t: T, score: Score): string {
  switch (score.kind) {
    case 'count':
      return score.met.min === score.met.max
        ? t('result.score.count', { met: score.met.min, of: score.of, threshold: score.threshold })
        : t('result.score.countRange', {
            min: score.met.min,
            max: score.met.max,
            of: score.of,
            threshold: score.threshold,
          });
    case 'points':
      return score.points.min === score.points.max
        ? t('result.score.points', {
            points: score.points.min,
            maximum: score.maximum,
            passMark: score.passMark,
          })
        : t('result.score.pointsRange', {
            min: score.points.min,
            max: score.points.max,
            maximum: score.maximum,
            passMark: score.passMark,
          });
    case 'any':
      return score.met.min === score.met.max
        ? t('result.score.any', { met: score.met.min, of: score.of })
        : t('result.score.anyRange', { min: score.met.min, max: score.met.max, of: score.of });
  }
}

function gapLine(t: T, test: TestResult): string {
  const s = test.score;
  switch (s.kind) {
    case 'count':
      return t('result.testGap.count', {
        test: test.name,
        met: s.met.min,
        of: s.of,
        threshold: s.threshold,
        n: Math.max(0, s.threshold - s.met.min),
      });
    case 'points':
      return t('result.testGap.points', {
        test: test.name,
        points: s.points.min,
        maximum: s.maximum,
        passMark: s.passMark,
        n: Math.max(0, s.passMark - s.points.min),
      });
    case 'any':
      return t('result.testGap.any', { test: test.name });
  }
}

function period(t: T, v: { from: string; to: string | null }): string {
  return v.to
    ? t('word.fromTo', { from: t.moment(v.from), to: t.moment(v.to) })
    : t('word.from', { date: t.moment(v.from) });
}

export function CriterionCard(props: {
  t: T;
  c: CriterionResult;
  /** The assessment's list of sources, which the criterion's citations refer to. */
  sources: Assessment['sources'];
  headingLevel?: 3 | 4;
}) {
  const { t, c } = props;
  const points = c.points
    ? c.points.min === c.points.max
      ? t('result.points', { n: c.points.min })
      : t('result.pointsRange', { min: c.points.min, max: c.points.max })
    : undefined;
  return (
    <li class={`criterion criterion--${c.outcome}`}>
      <div class="criterion__head">
        <OutcomeTag t={t} outcome={c.outcome} />
        {points ? <span class="criterion__points">{points}</span> : null}
      </div>
      <p class="criterion__label">{c.label}</p>
      <p class="criterion__why">
        <span class="visually-hidden">{t('result.criterion.why')}: </span>
        {c.explanation}
      </p>
      {c.note ? (
        <p class="criterion__note">
          <strong>{t('result.criterion.note')}:</strong> {c.note}
        </p>
      ) : null}
      <div class="provenance">
        <ConfidenceTag t={t} confidence={c.confidence} />
        <AssessmentSources t={t} citations={c.sources} sources={props.sources} />
      </div>
    </li>
  );
}

function FeesTable(props: {
  t: T;
  lines: readonly FeeLine[];
  total: number;
  persons: number;
  regime: string;
}) {
  const { t } = props;
  return (
    <>
      <p>{t('result.fees.persons', { n: props.persons })}</p>
      {/* Focusable so a keyboard can scroll a table wider than a phone. */}
      <section class="table-wrap" tabindex={0} aria-label={t('word.table', { name: t('result.fees') })}>
        <table class="table">
          <caption class="visually-hidden">{t('result.fees')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('result.fees.item')}</th>
              <th scope="col" class="num">
                {t('result.fees.each')}
              </th>
              <th scope="col" class="num">
                {t('result.fees.people')}
              </th>
              <th scope="col" class="num">
                {t('result.fees.subtotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.lines.map((l) => (
              <tr>
                <th scope="row">
                  {l.label}
                  <br />
                  <span class="small">
                    {l.payable} ({l.refundable ? t('result.fees.refundable') : t('result.fees.nonRefundable')}
                    )
                  </span>
                </th>
                <td class="num">{t.hkd(l.amountHKD)}</td>
                <td class="num">{l.persons}</td>
                <td class="num">{t.hkd(l.subtotalHKD)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan={3}>
                {t('result.fees.total')}
              </th>
              <td class="num">
                <strong>{t.hkd(props.total)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </section>
      <p class="small">{props.regime}</p>
    </>
  );
}

const stageOrder = [
  'before_submission',
  'after_submission',
  'after_selection',
  'after_approval',
  'after_entry',
] as const;

function Steps(props: { t: T; steps: readonly NextStep[] }) {
  const { t } = props;
  return (
    <>
      {stageOrder.map((stage) => {
        const steps = props.steps.filter((s) => s.stage === stage);
        if (steps.length === 0) return null;
        return (
          <>
            <h3>{t(`result.stage.${stage}`)}</h3>
            <ol class="list list--number steps">
              {steps.map((s) => (
                <li>
                  <strong>{s.title}</strong>
                  {s.conditional ? <span class="tag tag--grey">{t('result.step.conditional')}</span> : null}
                  <br />
                  {s.detail}
                </li>
              ))}
            </ol>
          </>
        );
      })}
    </>
  );
}

export function RulesUsedTable(props: { t: T; rules: RouteRules; used: readonly RuleVersionUsed[] }) {
  const { t } = props;
  return (
    <section class="table-wrap" tabindex={0} aria-label={t('word.table', { name: t('result.rulesUsed') })}>
      <table class="table">
        <caption class="visually-hidden">{t('result.rulesUsed')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('result.rulesUsed.part')}</th>
            <th scope="col">{t('result.rulesUsed.period')}</th>
            <th scope="col">{t('result.rulesUsed.confidence')}</th>
          </tr>
        </thead>
        <tbody>
          {props.used.map((v) => (
            <tr>
              <td>{partName(t, props.rules, v.part)}</td>
              <td>{period(t, v)}</td>
              <td>
                <ConfidenceTag t={t} confidence={v.confidence} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The headline: the outcome in kind words, and what it is based on. */
export function Outcome(props: { t: T; a: Assessment; future?: boolean }) {
  const { t, a } = props;
  const recommended = a.tests.find((x) => x.test === a.recommendedTest);
  return (
    <div class={`panel panel--${a.status}`}>
      <h1 class="panel__title">{t(`result.${a.status}.heading`)}</h1>
      <p class="panel__body">
        {a.status === 'eligible'
          ? t('result.eligible.body', { test: recommended?.name ?? '' })
          : t(`result.${a.status}.body`)}
      </p>
      <p class="panel__body">{a.recommendation}</p>
      <p class="panel__small">{t('result.rulesAt', { moment: t.moment(a.submittedAt) })}</p>
      {props.future ? <p class="panel__small">{t('result.futureNote')}</p> : null}
    </div>
  );
}

/** Everything below the headline. `findOut` lists the facts to find out, with links to answer them. */
export function AssessmentDetails(props: {
  t: T;
  a: Assessment;
  rules: RouteRules;
  findOut: readonly FindOut[];
  alsoUnknown?: readonly FindOut[];
}) {
  const { t, a } = props;
  const prereqNotMet = a.prerequisites.filter((p) => p.outcome === 'not_met');
  const otherWarnings = a.warnings.filter((w) => w.code !== 'not_approval');
  return (
    <>
      <Notice kind="warning">
        <p>
          <strong>{t('result.notApproval')}</strong> {a.selection?.summary ?? a.recommendation}
        </p>
      </Notice>

      {a.status === 'not_eligible' ? (
        <section aria-labelledby="missing-h">
          <h2 id="missing-h">{t('result.missing')}</h2>
          {prereqNotMet.length > 0 ? (
            <>
              <p>{t('result.prereqMissing')}</p>
              <ul class="list list--bullet">
                {prereqNotMet.map((p) => (
                  <li>
                    <strong>{p.label}</strong> — {p.explanation}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {a.tests.some((x) => x.status !== 'eligible') ? <h3>{t('result.wouldChange')}</h3> : null}
          {a.tests
            .filter((x) => x.status !== 'eligible')
            .map((test) => {
              const notMet = test.criteria.filter(
                (c) => c.outcome !== 'met' && (c.points ? c.points.max < c.points.cap : true),
              );
              return (
                <div class="gap">
                  <p>
                    <strong>{gapLine(t, test)}</strong>
                  </p>
                  {notMet.length > 0 ? (
                    <>
                      <p>{t('result.notMetList')}</p>
                      <ul class="list list--bullet">
                        {notMet.map((c) => (
                          <li>{c.label}</li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </div>
              );
            })}
        </section>
      ) : null}

      {a.status === 'undetermined' || props.findOut.length > 0 || (props.alsoUnknown?.length ?? 0) > 0 ? (
        <section aria-labelledby="find-out-h">
          <h2 id="find-out-h">{t('result.toFindOut')}</h2>
          {props.findOut.length > 0 ? (
            <>
              <p>{t('result.toFindOut.lead')}</p>
              <ul class="list list--bullet find-out">
                {props.findOut.map((f) => (
                  <li>{f.href ? <a href={f.href}>{f.label}</a> : f.label}</li>
                ))}
              </ul>
            </>
          ) : null}
          {a.status === 'undetermined' ? (
            <p>{t('result.bestWorst', { best: statusWords(t, a.best), worst: statusWords(t, a.worst) })}</p>
          ) : null}
          {props.alsoUnknown && props.alsoUnknown.length > 0 ? (
            <>
              <p>{t('result.alsoUnknown')}</p>
              <ul class="list list--bullet">
                {props.alsoUnknown.map((f) => (
                  <li>{f.href ? <a href={f.href}>{f.label}</a> : f.label}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="prereq-h">
        <h2 id="prereq-h">{t('result.prerequisites')}</h2>
        <ol class="criteria">
          {a.prerequisites.map((c) => (
            <CriterionCard t={t} c={c} sources={a.sources} />
          ))}
        </ol>
      </section>

      <section aria-labelledby="tests-h">
        <h2 id="tests-h">{t('result.tests')}</h2>
        {a.tests.map((test) => (
          <section class="test" aria-labelledby={`result-${test.test}`}>
            <h3 id={`result-${test.test}`}>
              {test.name}
              {test.test === a.recommendedTest ? (
                <span class="tag tag--blue">{t('result.recommended')}</span>
              ) : null}
            </h3>
            <p class="test__scoring">
              <strong>{scoreLine(t, test.score)}</strong>
            </p>
            <ol class="criteria">
              {test.criteria.map((c) => (
                <CriterionCard t={t} c={c} sources={a.sources} />
              ))}
            </ol>
            <p class="small">
              {t('result.version', { id: test.version.id, period: period(t, test.version) })}{' '}
              <ConfidenceTag t={t} confidence={test.version.confidence} />
            </p>
          </section>
        ))}
      </section>

      {a.dependants.length > 0 ? (
        <section aria-labelledby="dependants-h">
          <h2 id="dependants-h">{t('result.dependants')}</h2>
          <ul class="list">
            {a.dependants.map((d) => (
              <li class="dependant">
                <OutcomeTag t={t} outcome={d.outcome} />{' '}
                {t('result.dependant', {
                  n: d.index,
                  relation: t.dyn(`q.dependants.relation.${d.relation}`),
                })}
                <ul class="list list--bullet">
                  {d.reasons.map((r) => (
                    <li>{r}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {a.fees ? (
        <section aria-labelledby="fees-h">
          <h2 id="fees-h">{t('result.fees')}</h2>
          <FeesTable
            t={t}
            lines={a.fees.lines}
            total={a.fees.totalHKD}
            persons={a.fees.persons}
            regime={a.fees.regime}
          />
        </section>
      ) : null}

      {a.stay ? (
        <section aria-labelledby="stay-h">
          <h2 id="stay-h">{t('result.stay')}</h2>
          <p>
            {t('result.stay.initial', {
              months:
                a.stay.initialMonths === null
                  ? (a.stay.initialNote ?? '—')
                  : t('word.months', { n: a.stay.initialMonths }),
              test: a.tests.find((x) => x.test === a.stay?.test)?.name ?? a.stay.test,
            })}{' '}
            {a.stay.extensionsYears.length > 0
              ? t('result.stay.then', {
                  extensions: t.list(a.stay.extensionsYears.map((y) => t('word.years', { n: y }))),
                  pattern: a.stay.pattern,
                })
              : null}
          </p>
          <p>{t('result.stay.requirements')}</p>
          <ul class="list list--bullet">
            {a.stay.extensionRequirements.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
          <p>{a.stay.permanentResidence}</p>
        </section>
      ) : null}

      <section aria-labelledby="steps-h">
        <h2 id="steps-h">{t('result.nextSteps')}</h2>
        <Steps t={t} steps={a.nextSteps} />
      </section>

      {a.selection ? (
        <section aria-labelledby="selection-h">
          <h2 id="selection-h">{t('result.selection')}</h2>
          <p>{a.selection.summary}</p>
          <p>{a.selection.decidedBy}</p>
        </section>
      ) : null}

      {otherWarnings.length > 0 ? (
        <section aria-labelledby="warnings-h">
          <h2 id="warnings-h">{t('result.warnings')}</h2>
          <ul class="list list--bullet">
            {otherWarnings.map((w) => (
              <li>{w.message}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="rules-h">
        <h2 id="rules-h">{t('result.rulesUsed')}</h2>
        <RulesUsedTable t={t} rules={props.rules} used={a.rulesUsed} />
      </section>

      <p class="disclaimer">{a.disclaimer}</p>
    </>
  );
}
