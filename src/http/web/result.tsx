/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import { evidenceFor } from '../../case/index.ts';
import { assess, RulesNotInForceError } from '../../engine/assess.ts';
import type { Assessment } from '../../engine/result.ts';
import {
  type Answers,
  DONT_KNOW,
  type FieldSpec,
  firstUnanswered,
  isListAnswer,
  nodesForField,
  path,
} from '../../flows/index.ts';
import type { Profile } from '../../profile/schema.ts';
import { shippedCaseRules } from '../../rules/case-schema.ts';
import { StoreError } from '../../store/index.ts';
import { clientKeyFn } from '../client-key.ts';
import { AssessmentDetails, type FindOut, Outcome, statusWords } from './assessment-view.tsx';
import { BackLink, Button, DateInput, ErrorSummary, Form, Notice } from './components.tsx';
import { answersOf, loadDraft, type PageContext, pageContext, saveDraft, type WebEnv } from './context.ts';
import { hongKongDay, submissionMoment } from './dates.ts';
import { type FieldError, parseAnswer, type Raw, toRaw } from './forms.ts';
import { partName } from './guide.tsx';
import type { T } from './i18n.ts';
import { Layout, render } from './layout.tsx';
import { errorSummaryItems } from './questions.tsx';
import {
  ClearForm,
  formOf,
  nodeHref,
  parseContext,
  type RouteWizard,
  type Wizard,
  wizardFor,
} from './wizard.tsx';

/** The self-assessment's result, the "another date" comparison, and saving it as a case. */

/** The one field of the form that asks for another submission day. */
export const DATE_FIELD: FieldSpec = { name: 'date', type: 'date', unknown: false };
const CASE_WINDOW_SECONDS = 3600;

export function submissionDay(w: Wizard, answers: Answers, today: string): string {
  const a = answers[w.flow.submissionNode];
  const day = a && !isListAnswer(a) ? a.date : undefined;
  return typeof day === 'string' ? day : today;
}

function assessAt(w: RouteWizard, profile: Profile, day: string, now: Date, t: T): Assessment {
  return assess(profile, w.rules, submissionMoment(day, now), { lang: t.lang });
}

/** Questions whose answers decide the result (the engine's `deciding`), linked for answering. */
export function findOut(t: T, w: Wizard, answers: Answers, fields: readonly string[]): FindOut[] {
  const seen = new Set<string>();
  const out: FindOut[] = [];
  for (const field of fields) {
    for (const node of nodesForField(w.flow, answers, field)) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      out.push({ label: t.dyn(`q.${node.id}.title`), href: `${nodeHref(w, node)}?change=1` });
    }
  }
  return out;
}

/** Other answers given as "I don't know" that do not decide this result. */
export function alsoUnknown(t: T, w: Wizard, answers: Answers, deciding: readonly FindOut[]): FindOut[] {
  const decidingHrefs = new Set(deciding.map((d) => d.href));
  const out: FindOut[] = [];
  for (const node of path(w.flow, answers)) {
    const a = answers[node.id];
    const href = `${nodeHref(w, node)}?change=1`;
    if (decidingHrefs.has(href) || !a) continue;
    const unknown = isListAnswer(a)
      ? a.items.some((item) => Object.values(item).includes(DONT_KNOW))
      : Object.values(a).includes(DONT_KNOW);
    if (unknown) out.push({ label: t.dyn(`q.${node.id}.title`), href });
  }
  return out;
}

/** The errors of another submission day, above a result (the form is in ChangeDateBox). */
export function DateErrorSummary(props: { t: T; errors: readonly FieldError[] }) {
  const { t } = props;
  return (
    <ErrorSummary
      t={t}
      errors={errorSummaryItems(t, 'result', [DATE_FIELD], props.errors, t('result.changeDate.label'))}
    />
  );
}

/**
 * The form under a result that draws it again for another submission day, posted to
 * `<base>/result/date`: the self-assessment and the comparison both offer it.
 */
export function ChangeDateBox(props: {
  t: T;
  csrf: string;
  base: string;
  lead: string;
  /** The submission day shown now, the form's value unless a rejected one is shown again. */
  day: string;
  raw: Raw | undefined;
  errors: readonly FieldError[];
}) {
  const { t } = props;
  const error = props.errors[0];
  return (
    <section aria-labelledby="change-date-h" class="box">
      <h2 id="change-date-h">{t('result.changeDate')}</h2>
      <p>{props.lead}</p>
      <Form action={`${props.base}/result/date`} csrf={props.csrf}>
        <DateInput
          t={t}
          name="date"
          label={t('result.changeDate.label')}
          raw={props.raw ?? toRaw(DATE_FIELD, props.day)}
          error={error ? t(error.key, error.params) : undefined}
          unknown={false}
        />
        <Button variant="secondary">{t('result.changeDate.button')}</Button>
      </Form>
    </section>
  );
}

function Compare(props: { t: T; w: RouteWizard; before: Assessment; after: Assessment; beforeDay: string }) {
  const { t, w, before, after } = props;
  const beforeIds = new Map(before.rulesUsed.map((v) => [v.part, v.id]));
  const changed = after.rulesUsed.filter((v) => beforeIds.get(v.part) !== v.id);
  return (
    <section id="changes" aria-labelledby="compare-h" class="compare">
      <h2 id="compare-h">{t('result.compare', { date: t.date(props.beforeDay) })}</h2>
      <ul class="list list--bullet">
        <li>
          {before.status === after.status
            ? t('result.compare.sameStatus', { status: statusWords(t, after.status) })
            : t('result.compare.status', {
                before: statusWords(t, before.status),
                after: statusWords(t, after.status),
              })}
        </li>
        {changed.length === 0 ? <li>{t('result.compare.noRules')}</li> : null}
        {changed.map((v) => (
          <li>
            {t('result.compare.rule', {
              part: partName(t, w.rules, v.part),
              before: beforeIds.get(v.part) ?? '—',
              after: v.id,
            })}
          </li>
        ))}
        {before.fees && after.fees && before.fees.totalHKD !== after.fees.totalHKD ? (
          <li>
            {t('result.compare.fees', {
              before: t.hkd(before.fees.totalHKD),
              after: t.hkd(after.fees.totalHKD),
            })}
          </li>
        ) : null}
      </ul>
    </section>
  );
}

async function showResult(
  c: Context,
  env: WebEnv,
  w: RouteWizard,
  dateRaw?: Raw,
  dateErrors: FieldError[] = [],
) {
  const ctx: PageContext = await pageContext(c, env);
  const { t } = ctx;
  const draft = loadDraft(c, env, w.flow.routeId, w.slot);
  if (!draft) return c.redirect(w.base, 303);
  const missing = firstUnanswered(w.flow, draft.answers);
  if (missing) return c.redirect(nodeHref(w, missing), 303);
  const now = env.deps.now();
  const today = hongKongDay(now);
  const day = submissionDay(w, draft.answers, today);
  const profile = w.flow.toProfile(draft.answers);
  let a: Assessment;
  try {
    a = assessAt(w, profile, day, now, t);
  } catch (error) {
    if (error instanceof RulesNotInForceError)
      return c.redirect(`${w.base}/${w.flow.submissionNode}?change=1`, 303);
    throw error;
  }
  let before: Assessment | undefined;
  if (draft.compareWith && draft.compareWith !== day) {
    try {
      before = assessAt(w, profile, draft.compareWith, now, t);
    } catch {
      before = undefined;
    }
  }
  const deciding = findOut(t, w, draft.answers, a.deciding);
  const others = alsoUnknown(t, w, draft.answers, deciding);
  const page = (
    <Layout
      t={t}
      title={dateErrors.length > 0 ? `${t('word.error')} ${t('result.title')}` : t('result.title')}
      url={ctx.url}
      section="assess"
      before={<BackLink t={t} href={`${w.base}/check`} />}
    >
      <DateErrorSummary t={t} errors={dateErrors} />
      <Outcome t={t} a={a} future={day > today} />
      <nav class="jump" aria-label={t('result.onThisPage')}>
        <ul class="jump__list">
          <li>
            <a href="#save-h">{t('result.save')}</a>
          </li>
          <li>
            <a href="#change-date-h">{t('result.changeDate')}</a>
          </li>
          <li>
            <a href="#fees-h">{t('result.fees')}</a>
          </li>
          <li>
            <a href="#steps-h">{t('result.nextSteps')}</a>
          </li>
        </ul>
      </nav>
      {before ? (
        <Compare t={t} w={w} before={before} after={a} beforeDay={draft.compareWith as string} />
      ) : null}
      <AssessmentDetails t={t} a={a} rules={w.rules} findOut={deciding} alsoUnknown={others} />

      <ChangeDateBox
        t={t}
        csrf={ctx.csrf}
        base={w.base}
        lead={t('result.changeDate.lead')}
        day={day}
        raw={dateRaw}
        errors={dateErrors}
      />

      <section aria-labelledby="save-h" class="box">
        <h2 id="save-h">{t('result.save')}</h2>
        <p>{t('result.save.lead')}</p>
        <Form action={`${w.base}/save`} csrf={ctx.csrf}>
          <Button>{t('result.save.button')}</Button>
        </Form>
        <p class="small">{t('result.print')}</p>
      </section>
      <p>
        <a href={`${w.base}/check`}>{t('result.editAnswers')}</a>
      </p>
      <ClearForm t={t} csrf={ctx.csrf} base={w.base} />
    </Layout>
  );
  return render(c, page, dateErrors.length > 0 ? 422 : 200);
}

async function changeDate(c: Context, env: WebEnv, w: RouteWizard) {
  const draft = loadDraft(c, env, w.flow.routeId, w.slot);
  if (!draft) return c.redirect(w.base, 303);
  const raw = await formOf(c);
  const { t } = await pageContext(c, env);
  const { answer, errors } = parseAnswer([DATE_FIELD], raw, parseContext(env, w, t, w.flow.submissionNode));
  if (!answer) return showResult(c, env, w, raw, errors);
  const today = hongKongDay(env.deps.now());
  const previous = submissionDay(w, draft.answers, today);
  draft.answers = { ...draft.answers, [w.flow.submissionNode]: { date: answer.date as string } };
  if (previous !== answer.date) draft.compareWith = previous;
  saveDraft(c, env, draft, w.slot);
  return c.redirect(`${w.base}/result#changes`, 303);
}

async function problemPage(c: Context, env: WebEnv, status: 429 | 503, retryAfter?: number) {
  const ctx = await pageContext(c, env);
  const { t } = ctx;
  const title = status === 429 ? t('error.rateLimit.title') : t('error.storage.title');
  const body =
    status === 429
      ? t('error.rateLimit.body', { minutes: Math.max(1, Math.ceil((retryAfter ?? 60) / 60)) })
      : t('error.storage.body');
  if (retryAfter) c.header('Retry-After', String(retryAfter));
  return render(
    c,
    <Layout
      t={t}
      title={title}
      url={ctx.url}
      section={c.req.path.startsWith('/compare') ? 'compare' : 'assess'}
    >
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href={c.req.path.replace(/\/save$/, '/result')}>{t('word.back')}</a>
      </p>
    </Layout>,
    status,
  );
}

async function save(c: Context, env: WebEnv, w: RouteWizard) {
  const draft = loadDraft(c, env, w.flow.routeId, w.slot);
  if (!draft || firstUnanswered(w.flow, draft.answers)) return c.redirect(w.base, 303);
  const { t } = await pageContext(c, env);
  return saveCase(c, env, w.flow.routeId, (now) => {
    const profile = w.flow.toProfile(draft.answers);
    const assessment = assessAt(w, profile, submissionDay(w, draft.answers, hongKongDay(now)), now, t);
    return { profile, assessment };
  });
}

/**
 * Saves a case under a route and sends the person to its private page, once the client is within
 * its hourly number of new cases: the assessment is worked out only then. The evidence checklist
 * comes from the route's case rules, when it has them.
 */
export async function saveCase(
  c: Context,
  env: WebEnv,
  routeId: string,
  assessed: (now: Date) => { profile: Profile; assessment: Assessment },
) {
  const { t } = await pageContext(c, env);
  const { deps } = env;
  const clientKey = clientKeyFn({
    clientIp: deps.clientIp,
    trustProxy: deps.trustProxy,
    secret: deps.rateLimitSecret,
  });
  try {
    const hit = await deps.store.hitRateLimit(
      `cases.create:${clientKey(c)}`,
      CASE_WINDOW_SECONDS,
      deps.limits?.casesPerHour ?? 20,
    );
    if (!hit.allowed) return problemPage(c, env, 429, hit.retryAfterSeconds);
    const { profile, assessment } = assessed(deps.now());
    const caseRules = env.caseRules(routeId);
    const evidence = caseRules
      ? evidenceFor(profile, assessment, caseRules, t.lang).items.map((i) => ({
          id: i.id,
          labelKey: `evidence.${i.rule}`,
        }))
      : [];
    const { token } = await deps.store.createCase({ profile, language: t.lang, assessment, evidence });
    return c.redirect(`/cases/${token}?saved=1`, 303);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'storage_failure') return problemPage(c, env, 503);
    throw error;
  }
}

export function resultRoutes(env: WebEnv) {
  return (app: Hono) => {
    const withWizard =
      (handler: (c: Context, w: RouteWizard) => Response | Promise<Response>) =>
      (c: Context): Response | Promise<Response> => {
        const w = wizardFor(c, env);
        return w ? handler(c, w) : c.notFound();
      };
    app.get(
      '/assess/:route/result',
      withWizard((c, w) => showResult(c, env, w)),
    );
    app.post(
      '/assess/:route/result/date',
      withWizard((c, w) => changeDate(c, env, w)),
    );
    app.post(
      '/assess/:route/save',
      withWizard((c, w) => save(c, env, w)),
    );
  };
}

/** The shipped case rules, when a route has them and the deps did not give any. */
export function defaultCaseRules(routeId: string) {
  try {
    return shippedCaseRules(routeId);
  } catch {
    return undefined;
  }
}

export { answersOf, Notice };
