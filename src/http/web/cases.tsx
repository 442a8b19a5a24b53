/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { type EvidenceItemView, evidenceFor, type TrackerStageView, trackerFor } from '../../case/index.ts';
import { assess } from '../../engine/assess.ts';
import type { Assessment } from '../../engine/result.ts';
import { APPLY_DATE } from '../../flows/compare.ts';
import { type Answers, flows, nodesForField } from '../../flows/index.ts';
import { Profile } from '../../profile/schema.ts';
import type { Lang } from '../../rules/schema.ts';
import { languages } from '../../rules/schema.ts';
import type { RouteRules } from '../../rules/types.ts';
import {
  type CaseRecord,
  EVIDENCE_STATES,
  type EvidenceState,
  LIMITS,
  StoreError,
} from '../../store/index.ts';
import { AssessmentDetails, type FindOut, Outcome } from './assessment-view.tsx';
import { comparisonWizardOf } from './compare.tsx';
import {
  Button,
  ConfidenceTag,
  ErrorMessage,
  ErrorSummary,
  Form,
  Notice,
  Sources,
  SummaryList,
} from './components.tsx';
import { pageContext, type WebEnv } from './context.ts';
import { hongKongDay } from './dates.ts';
import { htmlLang, isLang, langLabels, rememberLang, type T, translator } from './i18n.ts';
import { Layout, render } from './layout.tsx';
import { retrievedOf } from './rules-view.ts';
import { answerRows, formOf, routeWizard, summaryRows, type Wizard } from './wizard.tsx';

/**
 * A saved case at /cases/{token}: the token is the secret link (256 bits, only its hash is
 * stored). The page shows the latest result, the evidence checklist and the tracker, each item a
 * plain POST form; the case can be switched to another language, downloaded as a PDF and deleted.
 */

interface Loaded {
  record: CaseRecord;
  rules: RouteRules;
  profile: Profile;
  assessment: Assessment;
  token: string;
}

function noStore(c: Context): void {
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex, nofollow');
}

async function load(c: Context, env: WebEnv, lang?: Lang): Promise<Loaded | undefined> {
  const token = c.req.param('token') ?? '';
  let record: CaseRecord;
  try {
    record = await env.deps.store.getCase(token);
  } catch (error) {
    if (error instanceof StoreError && (error.code === 'not_found' || error.code === 'invalid_input'))
      return undefined;
    throw error;
  }
  const stored = record.latestAssessments[0];
  const parsed = Profile.safeParse(record.profile);
  if (!stored || !parsed.success) return undefined;
  const rules = env.deps.routes.get(stored.routeId);
  if (!rules) return undefined;
  let assessment = stored.assessment;
  const want = lang ?? record.language;
  if (assessment.lang !== want) {
    try {
      // The same facts, rules and moment, worded in the page's language.
      assessment = assess(parsed.data, rules, assessment.submittedAt, { lang: want });
    } catch {
      assessment = stored.assessment;
    }
  }
  return { record, rules, profile: parsed.data, assessment, token };
}

/**
 * The questions that ask a case's facts, with the answers its profile stands for: the route's own
 * self-assessment, or else the comparison's questions as they were on the case's submission day.
 */
function questionsOf(
  env: WebEnv,
  rules: RouteRules,
  profile: Profile,
  submittedAt: string,
): { w: Wizard; answers: Answers } {
  const own = flows.get(rules.route.id);
  if (own) return { w: routeWizard(own, rules), answers: own.fromProfile(profile) };
  const w = comparisonWizardOf(env);
  const day = hongKongDay(new Date(Date.parse(submittedAt)));
  return { w, answers: { ...w.flow.fromProfile(profile), [APPLY_DATE]: { date: day } } };
}

/** The saved profile as the questions that asked for it, with the answers given. */
function caseAnswers(
  t: T,
  env: WebEnv,
  loaded: { rules: RouteRules; profile: Profile; assessment: Assessment },
) {
  const { w, answers } = questionsOf(env, loaded.rules, loaded.profile, loaded.assessment.submittedAt);
  return answerRows(t, w, answers, false).filter(
    (r) => !r.key.startsWith(t.dyn(`q.${w.flow.submissionNode}.title`)),
  );
}

async function notFoundPage(c: Context, env: WebEnv) {
  const ctx = await pageContext(c, env);
  const { t } = ctx;
  noStore(c);
  return render(
    c,
    <Layout t={t} title={t('error.notFound.title')} url={ctx.url} private>
      <h1>{t('error.notFound.title')}</h1>
      <p>{t('error.notFound.body')}</p>
      <p>
        <a href="/">{t('layout.nav.home')}</a>
      </p>
    </Layout>,
    404,
  );
}

/** ?lang= or the lang cookie when the person chose a language; otherwise the case's own. */
function caseLang(c: Context, record: CaseRecord): Lang {
  const q = c.req.query('lang');
  if (isLang(q)) return q;
  const cookie = getCookie(c, 'lang');
  return isLang(cookie) ? cookie : record.language;
}

/** The questions behind the fields that decide an undetermined result. */
function decidingQuestions(
  t: T,
  env: WebEnv,
  loaded: { rules: RouteRules; profile: Profile; assessment: Assessment },
): FindOut[] {
  const { w, answers } = questionsOf(env, loaded.rules, loaded.profile, loaded.assessment.submittedAt);
  const seen = new Set<string>();
  const out: FindOut[] = [];
  for (const field of loaded.assessment.deciding) {
    for (const node of nodesForField(w.flow, answers, field)) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      out.push({ label: t.dyn(`q.${node.id}.title`) });
    }
  }
  return out;
}

type Problems = Record<string, { field: string; text: string }>;

const stateIds = EVIDENCE_STATES;

function EvidenceForm(props: {
  t: T;
  csrf: string;
  token: string;
  item: EvidenceItemView;
  state: EvidenceState;
  note: string;
  error?: { field: string; text: string } | undefined;
  index: number;
  saved: boolean;
}) {
  const { t, item } = props;
  const id = `ev-${props.index}`;
  const stateError = props.error?.field === 'state' ? props.error.text : undefined;
  const noteError = props.error?.field === 'note' ? props.error.text : undefined;
  return (
    <li class={`evidence evidence--${props.state}`} id={id}>
      <Form action={`/cases/${props.token}/evidence/${encodeURIComponent(item.id)}`} csrf={props.csrf}>
        <fieldset class="fieldset">
          <legend class="fieldset__legend fieldset__legend--s">{item.label}</legend>
          <p class="hint">
            {item.why}
            {item.conditional ? <span class="tag tag--grey">{t('result.step.conditional')}</span> : null}
          </p>
          <div class={stateError ? 'form-group form-group--error' : 'form-group'}>
            <fieldset class="fieldset">
              <legend class="fieldset__legend">{t('case.evidence.state')}</legend>
              <ErrorMessage t={t} id={`${id}-state-error`} text={stateError} />
              <div class="radios radios--small radios--inline">
                {stateIds.map((s, i) => (
                  <div class="radios__item">
                    <input
                      class="radios__input"
                      type="radio"
                      id={i === 0 ? `${id}-state` : `${id}-state-${i + 1}`}
                      name="state"
                      value={s}
                      checked={props.state === s}
                    />
                    <label class="radios__label" for={i === 0 ? `${id}-state` : `${id}-state-${i + 1}`}>
                      {t(`case.evidence.state.${s}`)}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <div class={noteError ? 'form-group form-group--error' : 'form-group'}>
            <label class="label" for={`${id}-note`}>
              {t('case.evidence.note')}
            </label>
            <div class="hint" id={`${id}-note-hint`}>
              {t('case.evidence.note.hint')}
            </div>
            <ErrorMessage t={t} id={`${id}-note-error`} text={noteError} />
            <textarea
              class="textarea"
              id={`${id}-note`}
              name="note"
              rows={2}
              maxlength={LIMITS.noteLength}
              aria-describedby={`${id}-note-hint`}
            >
              {props.note}
            </textarea>
          </div>
          <Button variant="secondary">{t('case.evidence.save')}</Button>
          {props.saved ? (
            <p class="saved-message" role="status">
              {t('case.evidence.saved')}
            </p>
          ) : null}
        </fieldset>
      </Form>
    </li>
  );
}

function StageForm(props: {
  t: T;
  csrf: string;
  token: string;
  stage: TrackerStageView;
  index: number;
  saved: boolean;
  error?: { field: string; text: string } | undefined;
}) {
  const { t, stage } = props;
  const id = `st-${props.index}`;
  const [y = '', m = '', d = ''] = stage.date ? stage.date.split('-') : [];
  const derived = stage.derived;
  const dateError = props.error?.field === 'date' ? props.error.text : undefined;
  const noteError = props.error?.field === 'note' ? props.error.text : undefined;
  return (
    <li class={`stage${stage.date ? ' stage--done' : ''}`} id={id}>
      <Form action={`/cases/${props.token}/tracker/${encodeURIComponent(stage.id)}`} csrf={props.csrf}>
        <fieldset class="fieldset">
          <legend class="fieldset__legend fieldset__legend--s">
            {stage.label}
            {stage.conditional ? <span class="tag tag--grey">{t('result.step.conditional')}</span> : null}
          </legend>
          {stage.detail ? <p class="hint">{stage.detail}</p> : null}
          {derived ? (
            <ul class="list small derived">
              {derived.limitOfStay ? (
                <li>{t('case.tracker.limitOfStay', { date: t.date(derived.limitOfStay) })}</li>
              ) : null}
              {derived.windowFrom && derived.windowTo ? (
                <li>
                  {t('case.tracker.window', {
                    from: t.date(derived.windowFrom),
                    to: t.date(derived.windowTo),
                  })}
                </li>
              ) : null}
              {derived.newLimitOfStay ? (
                <li>{t('case.tracker.newLimit', { date: t.date(derived.newLimitOfStay) })}</li>
              ) : null}
              {derived.eligibleFrom ? (
                <li>{t('case.tracker.eligibleFrom', { date: t.date(derived.eligibleFrom) })}</li>
              ) : null}
            </ul>
          ) : null}
          <div class={dateError ? 'form-group form-group--error' : 'form-group'}>
            <fieldset class="fieldset" aria-describedby={`${id}-date-hint`}>
              <legend class="fieldset__legend">{t('case.tracker.date')}</legend>
              <div class="hint" id={`${id}-date-hint`}>
                {stage.date ? t.date(stage.date) : t('case.tracker.notYet')}
              </div>
              <ErrorMessage t={t} id={`${id}-date-error`} text={dateError} />
              <div class="date-input">
                <div class="date-input__item">
                  <label class="label date-input__label" for={`${id}-day`}>
                    {t('word.day')}
                  </label>
                  <input
                    class="input input--width-2"
                    id={`${id}-day`}
                    name="day"
                    type="text"
                    inputmode="numeric"
                    value={d ? String(Number(d)) : ''}
                  />
                </div>
                <div class="date-input__item">
                  <label class="label date-input__label" for={`${id}-month`}>
                    {t('word.month')}
                  </label>
                  <input
                    class="input input--width-2"
                    id={`${id}-month`}
                    name="month"
                    type="text"
                    inputmode="numeric"
                    value={m ? String(Number(m)) : ''}
                  />
                </div>
                <div class="date-input__item">
                  <label class="label date-input__label" for={`${id}-year`}>
                    {t('word.year')}
                  </label>
                  <input
                    class="input input--width-4"
                    id={`${id}-year`}
                    name="year"
                    type="text"
                    inputmode="numeric"
                    value={y}
                  />
                </div>
              </div>
            </fieldset>
          </div>
          <div class={noteError ? 'form-group form-group--error' : 'form-group'}>
            <label class="label" for={`${id}-note`}>
              {t('case.tracker.note')}
            </label>
            <ErrorMessage t={t} id={`${id}-note-error`} text={noteError} />
            <textarea class="textarea" id={`${id}-note`} name="note" rows={2} maxlength={LIMITS.noteLength}>
              {stage.note}
            </textarea>
          </div>
          <Button variant="secondary">{t('case.tracker.save')}</Button>
          {props.saved ? (
            <p class="saved-message" role="status">
              {t('case.evidence.saved')}
            </p>
          ) : null}
        </fieldset>
      </Form>
    </li>
  );
}

async function showCase(c: Context, env: WebEnv, problems: Problems = {}) {
  const peek = await load(c, env);
  if (!peek) return notFoundPage(c, env);
  const lang = caseLang(c, peek.record);
  const loaded = lang === peek.assessment.lang ? peek : ((await load(c, env, lang)) ?? peek);
  const ctx = await pageContext(c, env, loaded.record.language);
  const { t } = ctx;
  noStore(c);
  const { record, rules, profile, assessment, token } = loaded;
  const caseRules = env.caseRules(rules.route.id);
  const checklist = caseRules ? evidenceFor(profile, assessment, caseRules, t.lang) : undefined;
  const tracker = caseRules ? trackerFor(profile, assessment, caseRules, record.tracker, t.lang) : undefined;
  const states = new Map(record.evidence.map((e) => [e.id, e]));
  const answers = caseAnswers(t, env, loaded);
  const problemList = Object.entries(problems).map(([anchor, p]) => ({ href: `#${anchor}`, text: p.text }));
  const base = `/cases/${token}`;
  const done = problemList.length === 0 ? c.req.query('done') : undefined;
  const page = (
    <Layout
      t={t}
      title={problemList.length > 0 ? `${t('word.error')} ${t('case.title')}` : t('case.title')}
      url={ctx.url}
      section="case"
      private
    >
      <ErrorSummary t={t} errors={problemList} />
      {c.req.query('saved') === '1' ? (
        <Notice kind="success">
          <p>
            <strong>{t('case.savedNow')}</strong>
          </p>
        </Notice>
      ) : null}
      <p class="caption">
        {rules.route.name[t.lang]} · {t('case.title')}
      </p>
      <Notice kind="warning">
        <p>
          <strong>{t('case.keepSafe')}</strong>
        </p>
        <p class="small">{t('case.created', { date: t.moment(record.createdAt) })}</p>
      </Notice>
      <Outcome t={t} a={assessment} />
      <p>
        <a class="button button--secondary" href={`${base}/report.pdf?lang=${t.lang}`} download>
          {t('case.report')}
        </a>
      </p>
      <details class="box">
        <summary>{t('case.answers')}</summary>
        <SummaryList rows={summaryRows(answers, false)} />
      </details>
      <details class="box">
        <summary>{t('case.fullResult')}</summary>
        <AssessmentDetails t={t} a={assessment} rules={rules} findOut={decidingQuestions(t, env, loaded)} />
      </details>

      <section aria-labelledby="evidence-h">
        <h2 id="evidence-h">{t('case.evidence')}</h2>
        <p>{t('case.evidence.lead')}</p>
        {checklist ? (
          <>
            <p class="small">
              <ConfidenceTag t={t} confidence={checklist.version.confidence} /> {checklist.version.note ?? ''}
            </p>
            <Sources t={t} sources={checklist.version.sources} retrieved={retrievedOf(rules)} />
            <ol class="evidence-list">
              {checklist.items.map((item, i) => {
                const s = states.get(item.id);
                return (
                  <EvidenceForm
                    t={t}
                    csrf={ctx.csrf}
                    token={token}
                    item={item}
                    index={i}
                    state={s?.state ?? 'to_do'}
                    note={s?.note ?? ''}
                    error={problems[`ev-${i}`]}
                    saved={done === `ev-${i}`}
                  />
                );
              })}
            </ol>
          </>
        ) : (
          <p>{t('case.evidence.empty')}</p>
        )}
      </section>

      {tracker ? (
        <section aria-labelledby="tracker-h">
          <h2 id="tracker-h">{t('case.tracker')}</h2>
          <p>{t('case.tracker.lead')}</p>
          <ol class="tracker">
            {tracker.stages.map((stage, i) => (
              <StageForm
                t={t}
                csrf={ctx.csrf}
                token={token}
                stage={stage}
                index={i}
                error={problems[`st-${i}`]}
                saved={done === `st-${i}`}
              />
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="language-h" class="box">
        <h2 id="language-h">{t('case.language')}</h2>
        <Form action={`${base}/language`} csrf={ctx.csrf}>
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('case.language.lead')}</legend>
            <div class="radios radios--inline">
              {languages.map((l, i) => (
                <div class="radios__item">
                  <input
                    class="radios__input"
                    type="radio"
                    id={i === 0 ? 'case-language' : `case-language-${i + 1}`}
                    name="language"
                    value={l}
                    checked={record.language === l}
                  />
                  <label
                    class="radios__label"
                    for={i === 0 ? 'case-language' : `case-language-${i + 1}`}
                    lang={htmlLang[l]}
                  >
                    {langLabels[l].name}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <Button variant="secondary">{t('case.language.save')}</Button>
        </Form>
      </section>

      <section aria-labelledby="delete-h" class="box box--danger">
        <h2 id="delete-h">{t('case.delete')}</h2>
        <p>{t('case.delete.lead')}</p>
        <a class="button button--warning" href={`${base}/delete`}>
          {t('case.delete')}
        </a>
      </section>
    </Layout>
  );
  return render(c, page, problemList.length > 0 ? 422 : 200);
}

function parseStageDate(raw: Record<string, string>): { date: string | null } | { error: true } {
  const d = (raw.day ?? '').trim();
  const m = (raw.month ?? '').trim();
  const y = (raw.year ?? '').trim();
  if (d === '' && m === '' && y === '') return { date: null };
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return { error: true };
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(m) - 1 ||
    date.getUTCDate() !== Number(d) ||
    Number(y) < 1900
  ) {
    return { error: true };
  }
  return { date: date.toISOString().slice(0, 10) };
}

async function updateEvidence(c: Context, env: WebEnv) {
  const loaded = await load(c, env);
  if (!loaded) return notFoundPage(c, env);
  const { t } = await pageContext(c, env, loaded.record.language);
  const raw = await formOf(c);
  const itemId = c.req.param('item') ?? '';
  const caseRules = env.caseRules(loaded.rules.route.id);
  const checklist = caseRules ? evidenceFor(loaded.profile, loaded.assessment, caseRules, 'en') : undefined;
  const index = checklist?.items.findIndex((i) => i.id === itemId) ?? -1;
  if (!checklist || index < 0) return notFoundPage(c, env);
  const state = raw.state;
  const note = (raw.note ?? '').replace(/\r\n/g, '\n');
  if (!(EVIDENCE_STATES as readonly string[]).includes(state ?? '')) {
    return showCase(c, env, { [`ev-${index}`]: { field: 'state', text: t('case.error.state') } });
  }
  if (note.length > LIMITS.noteLength) {
    return showCase(c, env, {
      [`ev-${index}`]: { field: 'note', text: t('case.error.note', { max: LIMITS.noteLength }) },
    });
  }
  if (!loaded.record.evidence.some((e) => e.id === itemId)) {
    // The checklist grew since the case was saved (e.g. a rule correction): store the new items first.
    await env.deps.store.setEvidenceItems(
      loaded.token,
      checklist.items.map((i) => ({ id: i.id, labelKey: `evidence.${i.rule}` })),
    );
  }
  await env.deps.store.updateEvidence(loaded.token, itemId, { state: state as EvidenceState, note });
  return c.redirect(`/cases/${loaded.token}?done=ev-${index}#ev-${index}`, 303);
}

async function updateStage(c: Context, env: WebEnv) {
  const loaded = await load(c, env);
  if (!loaded) return notFoundPage(c, env);
  const { t } = await pageContext(c, env, loaded.record.language);
  const raw = await formOf(c);
  const stageId = c.req.param('stage') ?? '';
  const caseRules = env.caseRules(loaded.rules.route.id);
  const tracker = caseRules
    ? trackerFor(loaded.profile, loaded.assessment, caseRules, loaded.record.tracker, 'en')
    : undefined;
  const index = tracker?.stages.findIndex((s) => s.id === stageId) ?? -1;
  if (!tracker || index < 0) return notFoundPage(c, env);
  const parsed = parseStageDate(raw);
  const note = (raw.note ?? '').replace(/\r\n/g, '\n');
  if ('error' in parsed)
    return showCase(c, env, { [`st-${index}`]: { field: 'date', text: t('case.error.date') } });
  if (note.length > LIMITS.noteLength) {
    return showCase(c, env, {
      [`st-${index}`]: { field: 'note', text: t('case.error.note', { max: LIMITS.noteLength }) },
    });
  }
  await env.deps.store.updateTrackerStage(loaded.token, stageId, { date: parsed.date, note });
  return c.redirect(`/cases/${loaded.token}?done=st-${index}#st-${index}`, 303);
}

async function setLanguage(c: Context, env: WebEnv) {
  const token = c.req.param('token') ?? '';
  const raw = await formOf(c);
  const lang = raw.language;
  if (!isLang(lang)) return c.redirect(`/cases/${token}`, 303);
  try {
    await env.deps.store.setLanguage(token, lang);
  } catch (error) {
    if (error instanceof StoreError && (error.code === 'not_found' || error.code === 'invalid_input'))
      return notFoundPage(c, env);
    throw error;
  }
  rememberLang(c, lang);
  return c.redirect(`/cases/${token}`, 303);
}

async function confirmDelete(c: Context, env: WebEnv) {
  const loaded = await load(c, env);
  if (!loaded) return notFoundPage(c, env);
  const ctx = await pageContext(c, env, loaded.record.language);
  const { t } = ctx;
  noStore(c);
  const base = `/cases/${loaded.token}`;
  return render(
    c,
    <Layout
      t={t}
      title={t('case.delete.title')}
      url={ctx.url}
      section="case"
      private
      before={
        <a class="back-link" href={base}>
          {t('word.back')}
        </a>
      }
    >
      <h1>{t('case.delete.title')}</h1>
      <p>{t('case.delete.lead')}</p>
      <Form action={`${base}/delete`} csrf={ctx.csrf}>
        <div class="button-group">
          <Button variant="warning">{t('case.delete.confirm')}</Button>
          <a href={base}>{t('case.delete.cancel')}</a>
        </div>
      </Form>
    </Layout>,
  );
}

async function doDelete(c: Context, env: WebEnv) {
  const token = c.req.param('token') ?? '';
  try {
    await env.deps.store.deleteCase(token);
  } catch (error) {
    if (error instanceof StoreError && (error.code === 'not_found' || error.code === 'invalid_input'))
      return notFoundPage(c, env);
    throw error;
  }
  return c.redirect('/cases/deleted', 303);
}

async function deletedPage(c: Context, env: WebEnv) {
  const ctx = await pageContext(c, env);
  const { t } = ctx;
  noStore(c);
  return render(
    c,
    <Layout t={t} title={t('case.deleted.title')} url={ctx.url} private>
      <Notice kind="success">
        <h1>{t('case.deleted.title')}</h1>
        <p>{t('case.deleted.body')}</p>
      </Notice>
      <p>
        <a href="/">{t('layout.nav.home')}</a>
      </p>
    </Layout>,
  );
}

async function report(c: Context, env: WebEnv) {
  const peek = await load(c, env);
  if (!peek) return notFoundPage(c, env);
  const lang = caseLang(c, peek.record);
  const loaded = lang === peek.assessment.lang ? peek : ((await load(c, env, lang)) ?? peek);
  noStore(c);
  const { renderAssessmentPdf } = await import('../../report/pdf.ts');
  // The answers as the questions worded them, so the report shows what the result rests on.
  const t = translator(lang);
  const profileSummary = caseAnswers(t, env, loaded).map((r) => ({
    label: r.key,
    value: Array.isArray(r.value) ? r.value.join(t('word.separator')) : r.value,
  }));
  const pdf = await renderAssessmentPdf(loaded.assessment, {
    lang,
    profileSummary,
    generatedAt: env.deps.now().toISOString(),
  });
  return c.body(new Uint8Array(pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': 'attachment; filename="routewise-assessment.pdf"',
  });
}

export function registerCases(app: Hono, env: WebEnv): void {
  app.get('/cases/deleted', (c) => deletedPage(c, env));
  app.get('/cases/:token', (c) => showCase(c, env));
  app.get('/cases/:token/report.pdf', (c) => report(c, env));
  app.post('/cases/:token/evidence/:item', (c) => updateEvidence(c, env));
  app.post('/cases/:token/tracker/:stage', (c) => updateStage(c, env));
  app.post('/cases/:token/language', (c) => setLanguage(c, env));
  app.get('/cases/:token/delete', (c) => confirmDelete(c, env));
  app.post('/cases/:token/delete', (c) => doDelete(c, env));
}
