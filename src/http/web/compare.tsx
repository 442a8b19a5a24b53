/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import { type Comparison, compare, type Fit, type RouteComparison } from '../../compare/compare.ts';
import { assess, RulesNotInForceError } from '../../engine/assess.ts';
import type { Assessment } from '../../engine/result.ts';
import { APPLY_DATE, applyDay, COMPARE_FLOW_ID, comparisonFlow } from '../../flows/compare.ts';
import { type Answers, flows, isAnswered, path } from '../../flows/index.ts';
import type { RouteRules } from '../../rules/types.ts';
import { BackLink, Button, CardLink, Form, Notice, OutcomeTag, SummaryRow } from './components.tsx';
import { loadDraft, type PageContext, pageContext, saveDraft, type WebEnv } from './context.ts';
import { hongKongDay, submissionMoment } from './dates.ts';
import { type FieldError, parseAnswer, type Raw } from './forms.ts';
import type { T } from './i18n.ts';
import { Layout, render } from './layout.tsx';
import { ChangeDateBox, DATE_FIELD, DateErrorSummary, findOut, saveCase } from './result.tsx';
import { earliestMoment } from './rules-view.ts';
import { COMPARE_SLOT, DraftTooLargeError } from './security.ts';
import { ClearForm, formOf, nodeHref, parseContext, registerQuestionnaire, type Wizard } from './wizard.tsx';

/**
 * The comparison: one questionnaire (src/flows/compare.ts) that asks only what the shipped routes'
 * rules read, then every route as a card, ranked as compare() ranks them — fit, why, what is
 * missing, first stay, the family's fees, where it leads, and what is uncertain — with a link to
 * each route's guide and, where one exists, its own self-assessment.
 */

const FITS: readonly Fit[] = ['fits', 'might_fit', 'does_not_fit', 'not_open', 'not_available'];

export interface CompareWizard extends Wizard {
  routes: readonly RouteRules[];
}

export function compareWizard(routes: readonly RouteRules[]): CompareWizard {
  return {
    flow: comparisonFlow(routes),
    routes,
    base: '/compare',
    slot: COMPARE_SLOT,
    earliestMs: Math.min(...routes.map(earliestMoment)),
    section: 'compare',
    title: (t) => t('compare.title'),
    lead: (t, n) => t('compare.start.lead', { n, routes: routes.length }),
    guide: { href: '/routes', text: (t) => t('compare.guide') },
    submit: (t) => t('compare.submit'),
    intro: (t) => (
      <>
        <h2>{t('compare.routes')}</h2>
        <ul class="list list--bullet">
          {routes.map((r) => (
            <li>{t('guide.title', { name: r.route.name[t.lang], short: r.route.shortName[t.lang] })}</li>
          ))}
        </ul>
      </>
    ),
  };
}

function capitalise(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

function submissionDayOf(answers: Answers, today: string): string {
  return applyDay(answers) ?? today;
}

function comparisonAt(w: CompareWizard, answers: Answers, day: string, now: Date, t: T): Comparison {
  return compare(w.flow.toProfile(answers), w.routes, submissionMoment(day, now), { lang: t.lang });
}

function stayText(t: T, r: RouteComparison): string {
  const stay = r.stay;
  if (!stay) return t('word.notGiven');
  const first =
    stay.initialMonths === null
      ? (stay.initialNote ?? t('comparison.stay.notFixed'))
      : t('word.months', { n: stay.initialMonths });
  return stay.pattern ? t('comparison.stay.value', { first, pattern: stay.pattern }) : first;
}

function RouteCard(props: { t: T; w: CompareWizard; answers: Answers; r: RouteComparison; csrf: string }) {
  const { t, w, r } = props;
  const id = r.route.id;
  const heading = `route-${id.replace(/\./g, '-')}`;
  const name = t('guide.title', { name: r.route.name, short: r.route.shortName });
  const deciding = findOut(t, w, props.answers, r.deciding);
  const notes = r.warnings;
  return (
    <li class={`route-card route-card--${r.fit}`}>
      <article aria-labelledby={heading}>
        <h3 id={heading} class="route-card__title">
          {r.rank !== null ? (
            <span class="route-card__rank">{t('comparison.rank', { rank: r.rank })} </span>
          ) : null}
          {name}
        </h3>
        <p class="route-card__fit">
          <strong class={`fit fit--${r.fit}`}>{r.fitLabel}</strong>
          {r.uncertain ? (
            <span class="tag tag--uncertain">
              <span aria-hidden="true">⚠️ </span>
              {t('comparison.uncertain')}
            </span>
          ) : null}
        </p>
        <p>{r.headline}</p>
        {r.category ? <p class="small">{t('comparison.category', { name: r.category.name })}</p> : null}
        {r.fit !== 'not_available' && r.fit !== 'not_open' ? (
          <dl class="summary-list summary-list--compact">
            <SummaryRow label={t('comparison.stay')}>
              {stayText(t, r)}
              {r.stay?.conditionOfStay ? (
                <>
                  <br />
                  <span class="small">{t(`guide.stay.condition.${r.stay.conditionOfStay}`)}</span>
                </>
              ) : null}
            </SummaryRow>
            <SummaryRow label={t('comparison.fees')}>
              {r.fees
                ? t('comparison.fees.value', { amount: t.hkd(r.fees.totalHKD), persons: r.fees.persons })
                : t('word.notGiven')}
            </SummaryRow>
            <SummaryRow label={t('comparison.pr')}>{r.permanentResidence}</SummaryRow>
          </dl>
        ) : null}
        {r.reasons.length > 0 ? (
          <>
            <h4>{t('comparison.why')}</h4>
            <ul class="list list--bullet">
              {r.reasons.map((reason) => (
                <li>{capitalise(reason)}</li>
              ))}
            </ul>
          </>
        ) : null}
        {r.missing.length > 0 ? (
          <>
            <h4>{t('comparison.missing')}</h4>
            <ul class="list missing-list">
              {r.missing.map((m) => (
                <li>
                  <OutcomeTag t={t} outcome={m.outcome} /> <strong>{m.label}</strong>
                  <br />
                  <span class="small">{m.explanation}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {deciding.length > 0 ? (
          <>
            <h4>{t('comparison.findOut')}</h4>
            <p class="small">{t('comparison.findOut.lead')}</p>
            <ul class="list list--bullet">
              {deciding.map((d) => (
                <li>{d.href ? <a href={d.href}>{d.label}</a> : d.label}</li>
              ))}
            </ul>
          </>
        ) : null}
        {notes.length > 0 ? (
          <details class="route-card__notes">
            <summary>{t('comparison.notes', { n: notes.length })}</summary>
            <ul class="list list--bullet">
              {notes.map((n) => (
                <li>{n.message}</li>
              ))}
            </ul>
          </details>
        ) : null}
        <p class="route-card__links">
          <CardLink href={`/routes/${id}`} text={t('comparison.guide')} name={name} />
          {flows.has(id) ? (
            <>
              {' · '}
              <CardLink href={`/assess/${id}`} text={t('comparison.assess')} name={name} />
            </>
          ) : null}
        </p>
        {r.fit !== 'not_available' && r.fit !== 'not_open' ? (
          <Form action={`${w.base}/save`} csrf={props.csrf} class="route-card__save">
            <p class="small">{t('comparison.save.lead')}</p>
            <Button variant="secondary" name="route" value={id}>
              {t('comparison.save')}
              <span class="visually-hidden">: {name}</span>
            </Button>
          </Form>
        ) : null}
      </article>
    </li>
  );
}

function summaryLine(t: T, c: Comparison): string {
  const fits = c.fits.length;
  const might = c.routes.filter((r) => r.fit === 'might_fit').length;
  const total = c.routes.length;
  if (fits > 0) return t('comparison.summary.some', { fits, might, total });
  if (might > 0) return t('comparison.summary.might', { might, total });
  return t('comparison.summary.none', { total });
}

function Changes(props: { t: T; before: Comparison; after: Comparison; beforeDay: string }) {
  const { t, before, after } = props;
  const was = new Map(before.routes.map((r) => [r.route.id, r]));
  const changed = after.routes.filter((r) => was.get(r.route.id)?.fit !== r.fit);
  const fees = after.routes.filter((r) => {
    const b = was.get(r.route.id);
    return b?.fees && r.fees && b.fees.totalHKD !== r.fees.totalHKD;
  });
  return (
    <section id="changes" aria-labelledby="changes-h" class="compare">
      <h2 id="changes-h">{t('result.compare', { date: t.date(props.beforeDay) })}</h2>
      <ul class="list list--bullet">
        {changed.length === 0 ? <li>{t('comparison.changes.none')}</li> : null}
        {changed.map((r) => (
          <li>
            {t('comparison.changes.fit', {
              route: r.route.shortName,
              before: was.get(r.route.id)?.fitLabel ?? '—',
              after: r.fitLabel,
            })}
          </li>
        ))}
        {fees.map((r) => (
          <li>
            {t('comparison.changes.fees', {
              route: r.route.shortName,
              before: t.hkd(was.get(r.route.id)?.fees?.totalHKD ?? 0),
              after: t.hkd(r.fees?.totalHKD ?? 0),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

async function showComparison(
  c: Context,
  env: WebEnv,
  w: CompareWizard,
  dateRaw?: Raw,
  dateErrors: FieldError[] = [],
) {
  const ctx: PageContext = await pageContext(c, env);
  const { t } = ctx;
  const draft = loadDraft(c, env, COMPARE_FLOW_ID, w.slot);
  if (!draft) return c.redirect(w.base, 303);
  const answers = draft.answers;
  const now = env.deps.now();
  const today = hongKongDay(now);
  const day = submissionDayOf(answers, today);
  const comparison = comparisonAt(w, answers, day, now, t);
  let before: Comparison | undefined;
  if (draft.compareWith && draft.compareWith !== day) {
    try {
      before = comparisonAt(w, answers, draft.compareWith, now, t);
    } catch {
      before = undefined;
    }
  }
  // Questions the rules of this day need that were not answered count as unknown until they are.
  const unanswered = path(w.flow, answers).filter((n) => !isAnswered(n, answers, w.flow));
  const first = unanswered[0];
  const groups = FITS.map((fit) => ({ fit, routes: comparison.routes.filter((r) => r.fit === fit) })).filter(
    (g) => g.routes.length > 0,
  );
  const title = t('comparison.title');
  const page = (
    <Layout
      t={t}
      title={dateErrors.length > 0 ? `${t('word.error')} ${title}` : title}
      url={ctx.url}
      section="compare"
      before={<BackLink t={t} href={`${w.base}/check`} />}
    >
      <DateErrorSummary t={t} errors={dateErrors} />
      <h1>{title}</h1>
      <p class="lead">{summaryLine(t, comparison)}</p>
      <p>{t('result.rulesAt', { moment: t.moment(comparison.submittedAt) })}</p>
      {day > today ? <p class="small">{t('result.futureNote')}</p> : null}
      <Notice>
        <p>
          <strong>{t('result.notApproval')}</strong>
        </p>
        <p>{comparison.disclaimer}</p>
      </Notice>
      {first ? (
        <Notice kind="warning">
          <p>{t('comparison.unanswered', { n: unanswered.length })}</p>
          <p>
            <a href={`${nodeHref(w, first)}?change=1`}>{t('comparison.unanswered.link')}</a>
          </p>
        </Notice>
      ) : null}
      <nav class="jump" aria-label={t('result.onThisPage')}>
        <ul class="jump__list">
          {groups.map((g) => (
            <li>
              <a href={`#group-${g.fit}`}>{t(`comparison.group.${g.fit}`)}</a>
            </li>
          ))}
          <li>
            <a href="#change-date-h">{t('result.changeDate')}</a>
          </li>
        </ul>
      </nav>
      {before ? (
        <Changes t={t} before={before} after={comparison} beforeDay={draft.compareWith as string} />
      ) : null}
      {groups.map((g) => (
        <section aria-labelledby={`group-${g.fit}`}>
          <h2 id={`group-${g.fit}`}>
            {t(`comparison.group.${g.fit}`)} ({g.routes.length})
          </h2>
          <ul class="route-cards">
            {g.routes.map((r) => (
              <RouteCard t={t} w={w} answers={answers} r={r} csrf={ctx.csrf} />
            ))}
          </ul>
        </section>
      ))}

      <ChangeDateBox
        t={t}
        csrf={ctx.csrf}
        base={w.base}
        lead={t('comparison.changeDate.lead')}
        day={day}
        raw={dateRaw}
        errors={dateErrors}
      />
      <p class="small">{t('result.print')}</p>
      <p>
        <a href={`${w.base}/check`}>{t('result.editAnswers')}</a>
      </p>
      <ClearForm t={t} csrf={ctx.csrf} base={w.base} />
    </Layout>
  );
  return render(c, page, dateErrors.length > 0 ? 422 : 200);
}

async function changeDate(c: Context, env: WebEnv, w: CompareWizard) {
  const draft = loadDraft(c, env, COMPARE_FLOW_ID, w.slot);
  if (!draft) return c.redirect(w.base, 303);
  const raw = await formOf(c);
  const { t } = await pageContext(c, env);
  const { answer, errors } = parseAnswer([DATE_FIELD], raw, parseContext(env, w, t, APPLY_DATE));
  if (!answer) return showComparison(c, env, w, raw, errors);
  const today = hongKongDay(env.deps.now());
  const previous = submissionDayOf(draft.answers, today);
  draft.answers = { ...draft.answers, [APPLY_DATE]: { date: answer.date as string } };
  if (previous !== answer.date) draft.compareWith = previous;
  try {
    saveDraft(c, env, draft, w.slot);
  } catch (error) {
    if (!(error instanceof DraftTooLargeError)) throw error;
  }
  return c.redirect(`${w.base}/result#changes`, 303);
}

/**
 * Saves one route of the comparison as a case: the profile the answers build, assessed under that
 * route on the submission day chosen, with the route's evidence checklist and tracker.
 */
async function saveRoute(c: Context, env: WebEnv, w: CompareWizard) {
  const draft = loadDraft(c, env, COMPARE_FLOW_ID, w.slot);
  if (!draft) return c.redirect(w.base, 303);
  const raw = await formOf(c);
  const rules = w.routes.find((r) => r.route.id === raw.route);
  if (!rules) return c.redirect(`${w.base}/result`, 303);
  const { t } = await pageContext(c, env);
  const now = env.deps.now();
  const profile = w.flow.toProfile(draft.answers);
  const at = submissionMoment(submissionDayOf(draft.answers, hongKongDay(now)), now);
  let assessment: Assessment;
  try {
    assessment = assess(profile, rules, at, { lang: t.lang });
  } catch (error) {
    // A route with no rules in force on the day chosen has no card to save from.
    if (error instanceof RulesNotInForceError) return c.redirect(`${w.base}/result`, 303);
    throw error;
  }
  return saveCase(c, env, rules.route.id, () => ({ profile, assessment }));
}

const wizards = new WeakMap<WebEnv, CompareWizard>();

/** The comparison of every route the app serves: one per app, its question graph built once. */
export function comparisonWizardOf(env: WebEnv): CompareWizard {
  let w = wizards.get(env);
  if (!w) {
    w = compareWizard([...env.deps.routes.values()]);
    wizards.set(env, w);
  }
  return w;
}

/** The comparison questionnaire and page, at /compare. */
export function registerCompare(app: Hono, env: WebEnv): void {
  const w = comparisonWizardOf(env);
  registerQuestionnaire(
    app,
    env,
    '/compare',
    () => w,
    (a) => {
      a.get('/compare/result', (c) => showComparison(c, env, w));
      a.post('/compare/result/date', (c) => changeDate(c, env, w));
      a.post('/compare/save', (c) => saveRoute(c, env, w));
    },
  );
}
