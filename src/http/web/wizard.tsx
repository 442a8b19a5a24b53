/** @jsxImportSource hono/jsx */
import type { Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import {
  type Answer,
  type Answers,
  type FieldSpec,
  type FieldValue,
  type Flow,
  type FlowNode,
  findNode,
  firstUnanswered,
  flows,
  inputsOf,
  isAnswered,
  isListAnswer,
  type ListAnswer,
  type ListNode,
  nextNode,
  path,
  previousNode,
  type QuestionNode,
} from '../../flows/index.ts';
import type { RouteRules } from '../../rules/types.ts';
import { Button, ErrorSummary, Form, Notice, Radios, SummaryList } from './components.tsx';
import {
  answersOf,
  clearDraft,
  type Draft,
  loadDraft,
  newDraft,
  type PageContext,
  pageContext,
  saveDraft,
  type WebEnv,
} from './context.ts';
import { addYearsToDay, hongKongDay } from './dates.ts';
import { answerToRaw, type FieldError, type ParseContext, parseAnswer, type Raw } from './forms.ts';
import type { T } from './i18n.ts';
import { Layout, render } from './layout.tsx';
import { inputExtras } from './professions.tsx';
import { answerLines, displayValue, fieldLabel, QuestionPage } from './questions.tsx';
import { earliestMoment } from './rules-view.ts';
import { ASSESS_SLOT, type DraftSlot, DraftTooLargeError } from './security.ts';

/**
 * The self-assessment wizard: one question per page, plain form POSTs and redirects (works with
 * JavaScript off). The answers so far live in the sealed draft cookie, never in a URL.
 */

/** A questionnaire: its question graph, where its pages are and where it keeps its draft. */
export interface Wizard {
  flow: Flow;
  /** The address of the start page; questions are under it. */
  base: string;
  slot: DraftSlot;
  /** The first moment any rules are held for: the earliest submission day offered. */
  earliestMs: number;
  /** Which main-navigation item is current. */
  section: 'assess' | 'compare';
  /** The start page's heading and lead, and the link under its button. */
  title(t: T): string;
  lead(t: T, questions: number): string;
  guide: { href: string; text(t: T): string };
  /** The check page's button to the result. */
  submit(t: T): string;
  /** More for the start page, after its lead. */
  intro?(t: T): Child;
}

/** A single route's self-assessment. */
export interface RouteWizard extends Wizard {
  rules: RouteRules;
}

export function routeWizard(flow: Flow, rules: RouteRules): RouteWizard {
  return {
    flow,
    rules,
    base: `/assess/${rules.route.id}`,
    slot: ASSESS_SLOT,
    earliestMs: earliestMoment(rules),
    section: 'assess',
    title: (t) => t('wizard.title', { route: rules.route.name[t.lang] }),
    lead: (t, n) => t('wizard.start.lead', { n }),
    guide: { href: `/routes/${rules.route.id}`, text: (t) => t('home.guide') },
    submit: (t) => t('check.submit'),
  };
}

export function wizardFor(c: Context, env: WebEnv): RouteWizard | undefined {
  const id = c.req.param('route') ?? '';
  const flow = flows.get(id);
  const rules = env.deps.routes.get(id);
  return flow && rules ? routeWizard(flow, rules) : undefined;
}

export async function formOf(c: Context): Promise<Raw> {
  const body = await c.req.parseBody({ all: false });
  const raw: Raw = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') raw[k] = v;
  return raw;
}

function isChange(c: Context): boolean {
  return c.req.query('change') === '1';
}

function withChange(href: string, change: boolean): string {
  return change ? `${href}?change=1` : href;
}

/** Where a node's page is: a question's own page, or a list's summary. */
export function nodeHref(w: Wizard, node: FlowNode): string {
  return `${w.base}/${node.id}`;
}

/** Where to go after answering `id`: the next question, or the check page when changing an answer. */
function forward(w: Wizard, answers: Answers, id: string, change: boolean): string {
  if (change) {
    const missing = firstUnanswered(w.flow, answers);
    return missing ? withChange(nodeHref(w, missing), true) : `${w.base}/check`;
  }
  const next = nextNode(w.flow, answers, id);
  return next ? nodeHref(w, next) : `${w.base}/check`;
}

function backFrom(w: Wizard, answers: Answers, id: string, change: boolean): string {
  if (change) return `${w.base}/check`;
  const prev = previousNode(w.flow, answers, id);
  return prev ? nodeHref(w, prev) : w.base;
}

function progress(t: T, w: Wizard, answers: Answers, id: string): string | undefined {
  const nodes = path(w.flow, answers).filter((n) => n.kind === 'question' || n.kind === 'list');
  const index = nodes.findIndex((n) => n.id === id);
  return index < 0 ? undefined : t('wizard.progress', { n: index + 1, total: nodes.length });
}

/** Date checks beyond the format: no birth in the future; a submission date with rules in force. */
export function parseContext(env: WebEnv, w: Wizard, t: T, keyBase: string): ParseContext {
  const now = env.deps.now();
  const today = hongKongDay(now);
  const earliest = hongKongDay(new Date(w.earliestMs));
  const latest = addYearsToDay(today, 5);
  return {
    today,
    presentLabel: t.dyn(`q.${keyBase}.to.present`),
    check: (spec: FieldSpec, value: FieldValue) => {
      if (spec.type !== 'date' || typeof value !== 'string' || value === 'unknown') return undefined;
      if (keyBase === w.flow.submissionNode) {
        if (value < earliest) return { key: 'error.date.beforeRules', params: { date: t.date(earliest) } };
        if (value > latest) return { key: 'error.date.tooLate', params: { date: t.date(latest) } };
        return undefined;
      }
      return value > today ? { key: 'error.date.future' } : undefined;
    },
  };
}

/** Cross-field checks of a list item (a job must not end before it starts). */
function checkItem(node: ListNode, answer: Answer): FieldError[] {
  if (
    node.id === 'work-periods' &&
    typeof answer.from === 'string' &&
    typeof answer.to === 'string' &&
    answer.to !== 'present'
  ) {
    if (answer.to < answer.from) return [{ field: 'to', anchor: 'to-month', key: 'error.month.order' }];
  }
  return [];
}

/** Saves the draft; a draft too large for the browser's cookies gets a page saying so (413). */
async function store(c: Context, env: WebEnv, w: Wizard, draft: Draft): Promise<Response | undefined> {
  try {
    saveDraft(c, env, draft, w.slot);
    return undefined;
  } catch (error) {
    if (!(error instanceof DraftTooLargeError)) throw error;
    const ctx = await pageContext(c, env);
    const { t } = ctx;
    return render(
      c,
      <Layout t={t} title={t('error.tooLarge.title')} url={ctx.url} section={w.section}>
        <h1>{t('error.tooLarge.title')}</h1>
        <p>{t('error.tooLarge.body')}</p>
        <p>
          <a href={`${w.base}/check`}>{t('word.back')}</a>
        </p>
      </Layout>,
      413,
    );
  }
}

function questionTitle(t: T, node: FlowNode): string {
  return t.dyn(`q.${node.id}.title`);
}

function questionHint(t: T, node: FlowNode): string | undefined {
  const key = `q.${node.id}.hint`;
  return t.has(key) ? t.dyn(key) : undefined;
}

/**
 * The one input asked of a question that has several (the others not needed): its own label is
 * then the question, rather than the heading of a group that is not shown.
 */
function loneInput(node: FlowNode, specs: readonly FieldSpec[]): FieldSpec | undefined {
  return node.kind === 'question' && node.inputs.length > 1 && specs.length === 1 ? specs[0] : undefined;
}

async function showQuestion(
  c: Context,
  env: WebEnv,
  w: Wizard,
  node: QuestionNode,
  raw: Raw | undefined,
  errors: FieldError[],
) {
  const ctx = await pageContext(c, env);
  const { t } = ctx;
  const draft = loadDraft(c, env, w.flow.routeId, w.slot);
  const answers = answersOf(draft);
  const change = isChange(c);
  const stored = answers[node.id];
  const current = stored && !isListAnswer(stored) ? stored : node.defaults?.(hongKongDay(env.deps.now()));
  const specs = inputsOf(w.flow, node, answers);
  const lone = loneInput(node, specs);
  const page = (
    <QuestionPage
      t={t}
      csrf={ctx.csrf}
      url={ctx.url}
      title={lone ? fieldLabel(t, node.id, lone) : questionTitle(t, node)}
      hint={
        lone
          ? t.has(`q.${node.id}.${lone.name}.hint`)
            ? t.dyn(`q.${node.id}.${lone.name}.hint`)
            : undefined
          : questionHint(t, node)
      }
      caption={progress(t, w, answers, node.id)}
      keyBase={node.id}
      specs={specs}
      raw={raw ?? answerToRaw(specs, current)}
      extras={inputExtras(t, w, answers, specs, env.deps.now())}
      errors={errors}
      back={backFrom(w, answers, node.id, change)}
      action={withChange(`${w.base}/${node.id}`, change)}
      submitLabel={t('word.continue')}
    />
  );
  return render(c, page, errors.length > 0 ? 422 : 200);
}

async function postQuestion(c: Context, env: WebEnv, w: Wizard, node: QuestionNode) {
  const raw = await formOf(c);
  const t = (await pageContext(c, env)).t;
  const draft = loadDraft(c, env, w.flow.routeId, w.slot) ?? newDraft(env, w.flow.routeId);
  const specs = inputsOf(w.flow, node, draft.answers);
  const { answer, errors } = parseAnswer(specs, raw, parseContext(env, w, t, node.id));
  if (!answer) return showQuestion(c, env, w, node, raw, errors);
  draft.answers = { ...draft.answers, [node.id]: answer };
  // A comparison of two dates holds only for the answers it was made with.
  delete draft.compareWith;
  const failed = await store(c, env, w, draft);
  if (failed) return failed;
  return c.redirect(forward(w, draft.answers, node.id, isChange(c)), 303);
}

// ---------------------------------------------------------------------------------------------
// Lists: add another
// ---------------------------------------------------------------------------------------------

function listOf(answers: Answers, node: ListNode): ListAnswer {
  const a = answers[node.id];
  return isListAnswer(a) ? a : { items: [], done: false };
}

async function showListSummary(c: Context, env: WebEnv, w: Wizard, node: ListNode, error?: FieldError) {
  const ctx = await pageContext(c, env);
  const { t } = ctx;
  const draft = loadDraft(c, env, w.flow.routeId, w.slot);
  const answers = answersOf(draft);
  const list = listOf(answers, node);
  const change = isChange(c);
  if (list.items.length === 0) return c.redirect(withChange(`${w.base}/${node.id}/add`, change), 303);
  const full = list.items.length >= node.maxItems;
  const title = t.dyn(`q.${node.id}.title`);
  const errors = error
    ? [
        {
          href: `#${error.anchor}`,
          text: t('error.item', {
            label: t.dyn(`q.${node.id}.addAnother`),
            message: t(error.key, error.params),
          }),
        },
      ]
    : [];
  const page = (
    <Layout
      t={t}
      title={error ? `${t('word.error')} ${title}` : title}
      url={ctx.url}
      section={w.section}
      before={
        <a class="back-link" href={backFrom(w, answers, node.id, change)}>
          {t('word.back')}
        </a>
      }
    >
      <ErrorSummary t={t} errors={errors} />
      <p class="caption">{progress(t, w, answers, node.id)}</p>
      <h1>{t.dyn(`q.${node.id}.summary`, { n: list.items.length })}</h1>
      <ol class="add-another">
        {list.items.map((item, i) => (
          <li class="add-another__item">
            <h2 class="add-another__title">{t.dyn(`q.${node.id}.item`, { n: i + 1 })}</h2>
            <ul class="list">
              {answerLines(t, node.id, inputsOf(w.flow, node, answers), item).map((line) => (
                <li>{line}</li>
              ))}
            </ul>
            <div class="add-another__actions">
              <a href={withChange(`${w.base}/${node.id}/${i + 1}`, change)}>
                {t('word.change')}
                <span class="visually-hidden"> {t.dyn(`q.${node.id}.item`, { n: i + 1 })}</span>
              </a>
              <Form
                action={withChange(`${w.base}/${node.id}/${i + 1}/remove`, change)}
                csrf={ctx.csrf}
                class="inline-form"
              >
                <button type="submit" class="link-button">
                  {t('word.remove')}
                  <span class="visually-hidden"> {t.dyn(`q.${node.id}.item`, { n: i + 1 })}</span>
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ol>
      <Form action={withChange(`${w.base}/${node.id}`, change)} csrf={ctx.csrf}>
        {full ? (
          <>
            <p class="hint">{t('error.list.full', { max: node.maxItems })}</p>
            <input type="hidden" name="addAnother" value="no" />
          </>
        ) : (
          <Radios
            t={t}
            name="addAnother"
            label={t.dyn(`q.${node.id}.addAnother`)}
            raw={{}}
            error={error ? t(error.key) : undefined}
            inline
            options={[
              { value: 'yes', label: t('list.addAnother.yes') },
              { value: 'no', label: t('list.addAnother.no') },
            ]}
          />
        )}
        <Button>{t('word.continue')}</Button>
      </Form>
    </Layout>
  );
  return render(c, page, error ? 422 : 200);
}

async function postListSummary(c: Context, env: WebEnv, w: Wizard, node: ListNode) {
  const raw = await formOf(c);
  const change = isChange(c);
  const draft = loadDraft(c, env, w.flow.routeId, w.slot) ?? newDraft(env, w.flow.routeId);
  const list = listOf(draft.answers, node);
  const choice = raw.addAnother;
  if (choice === 'yes' && list.items.length < node.maxItems)
    return c.redirect(withChange(`${w.base}/${node.id}/add`, change), 303);
  if (choice !== 'no' && choice !== 'yes') {
    return showListSummary(c, env, w, node, {
      field: 'addAnother',
      anchor: 'addAnother',
      key: 'error.addAnother',
    });
  }
  if (list.items.length === 0) return c.redirect(withChange(`${w.base}/${node.id}/add`, change), 303);
  draft.answers = { ...draft.answers, [node.id]: { items: list.items, done: true } };
  delete draft.compareWith;
  const failed = await store(c, env, w, draft);
  if (failed) return failed;
  return c.redirect(forward(w, draft.answers, node.id, change), 303);
}

function itemIndex(c: Context, list: ListAnswer): number | undefined {
  const n = Number(c.req.param('n'));
  return Number.isInteger(n) && n >= 1 && n <= list.items.length ? n - 1 : undefined;
}

async function showItem(
  c: Context,
  env: WebEnv,
  w: Wizard,
  node: ListNode,
  index: number | undefined,
  raw: Raw | undefined,
  errors: FieldError[],
) {
  const ctx = await pageContext(c, env);
  const { t } = ctx;
  const answers = answersOf(loadDraft(c, env, w.flow.routeId, w.slot));
  const list = listOf(answers, node);
  const change = isChange(c);
  const current = index === undefined ? undefined : list.items[index];
  const specs = inputsOf(w.flow, node, answers);
  const title =
    index === undefined ? t.dyn(`q.${node.id}.add`) : t.dyn(`q.${node.id}.edit`, { n: index + 1 });
  const back =
    list.items.length > 0
      ? withChange(`${w.base}/${node.id}`, change)
      : backFrom(w, answers, node.id, change);
  const action = withChange(`${w.base}/${node.id}/${index === undefined ? 'add' : index + 1}`, change);
  const page = (
    <QuestionPage
      t={t}
      csrf={ctx.csrf}
      url={ctx.url}
      title={title}
      hint={undefined}
      caption={progress(t, w, answers, node.id)}
      keyBase={node.id}
      specs={specs}
      raw={raw ?? answerToRaw(specs, current)}
      extras={inputExtras(t, w, answers, specs, env.deps.now())}
      errors={errors}
      back={back}
      action={action}
      submitLabel={t('word.continue')}
    />
  );
  return render(c, page, errors.length > 0 ? 422 : 200);
}

async function postItem(c: Context, env: WebEnv, w: Wizard, node: ListNode, editing: boolean) {
  const raw = await formOf(c);
  const t = (await pageContext(c, env)).t;
  const draft = loadDraft(c, env, w.flow.routeId, w.slot) ?? newDraft(env, w.flow.routeId);
  const list = listOf(draft.answers, node);
  const index = editing ? itemIndex(c, list) : undefined;
  if (editing && index === undefined) return c.redirect(`${w.base}/${node.id}`, 303);
  if (!editing && list.items.length >= node.maxItems) return c.redirect(`${w.base}/${node.id}`, 303);
  const parsed = parseAnswer(inputsOf(w.flow, node, draft.answers), raw, parseContext(env, w, t, node.id));
  const errors = parsed.answer ? checkItem(node, parsed.answer) : parsed.errors;
  if (!parsed.answer || errors.length > 0) return showItem(c, env, w, node, index, raw, errors);
  const items = [...list.items];
  if (index === undefined) items.push(parsed.answer);
  else items[index] = parsed.answer;
  draft.answers = { ...draft.answers, [node.id]: { items, done: list.done } };
  delete draft.compareWith;
  const failed = await store(c, env, w, draft);
  if (failed) return failed;
  return c.redirect(withChange(`${w.base}/${node.id}`, isChange(c)), 303);
}

async function removeItem(c: Context, env: WebEnv, w: Wizard, node: ListNode) {
  const draft = loadDraft(c, env, w.flow.routeId, w.slot);
  if (!draft) return c.redirect(w.base, 303);
  const list = listOf(draft.answers, node);
  const index = itemIndex(c, list);
  if (index !== undefined) {
    const items = list.items.filter((_, i) => i !== index);
    draft.answers = { ...draft.answers, [node.id]: { items, done: list.done && items.length > 0 } };
    delete draft.compareWith;
    const failed = await store(c, env, w, draft);
    if (failed) return failed;
  }
  return c.redirect(withChange(`${w.base}/${node.id}`, isChange(c)), 303);
}

// ---------------------------------------------------------------------------------------------
// Start and check answers
// ---------------------------------------------------------------------------------------------

async function showStart(c: Context, env: WebEnv, w: Wizard) {
  const ctx = await pageContext(c, env);
  const { t } = ctx;
  const draft = loadDraft(c, env, w.flow.routeId, w.slot);
  const first = w.flow.nodes[0] as FlowNode;
  const resume = draft ? (firstUnanswered(w.flow, draft.answers) ?? undefined) : undefined;
  const title = w.title(t);
  const page = (
    <Layout t={t} title={title} url={ctx.url} section={w.section}>
      {c.req.query('cleared') === '1' ? (
        <Notice kind="success">
          <p>{t('wizard.cleared')}</p>
        </Notice>
      ) : null}
      <h1>{title}</h1>
      <p class="lead">{w.lead(t, path(w.flow, {}).length)}</p>
      {w.intro?.(t)}
      <p>{t('wizard.start.privacy')}</p>
      <p>{t('result.notApproval')}</p>
      {draft ? (
        <p>
          <a
            class="button button--start"
            href={resume ? nodeHref(w, resume) : `${w.base}/check`}
            draggable="false"
          >
            {t('wizard.resume')}
          </a>
        </p>
      ) : (
        <p>
          <a class="button button--start" href={nodeHref(w, first)}>
            {t('wizard.start.button')}
          </a>
        </p>
      )}
      {draft ? <ClearForm t={t} csrf={ctx.csrf} base={w.base} /> : null}
      <p>
        <a href={w.guide.href}>{w.guide.text(t)}</a>
      </p>
    </Layout>
  );
  return render(c, page);
}

export function ClearForm(props: { t: T; csrf: string; base: string }) {
  return (
    <Form action={`${props.base}/clear`} csrf={props.csrf} class="inline-form">
      <Button variant="secondary">{props.t('wizard.clear')}</Button>
    </Form>
  );
}

export interface AnswerRow {
  key: string;
  /** One line, or several for an item of a list. */
  value: string | string[];
  action?: { href: string; text: string; hidden: string };
}

/** The answers as rows of "question: answer", in the order asked (check page, saved case, report). */
export function answerRows(t: T, w: Wizard, answers: Answers, change: boolean): AnswerRow[] {
  const rows: AnswerRow[] = [];
  for (const node of path(w.flow, answers)) {
    const a = answers[node.id];
    if (node.kind === 'list') {
      const list = isListAnswer(a) ? a : { items: [], done: false };
      list.items.forEach((item, i) => {
        const key = t.dyn(`q.${node.id}.item`, { n: i + 1 });
        rows.push({
          key,
          value: answerLines(t, node.id, inputsOf(w.flow, node, answers), item),
          action: {
            href: withChange(`${w.base}/${node.id}/${i + 1}`, change),
            text: t('word.change'),
            hidden: key,
          },
        });
      });
      continue;
    }
    if (!a || isListAnswer(a)) continue;
    const specs = inputsOf(w.flow, node, answers);
    if (specs.length === 1) {
      const spec = specs[0] as FieldSpec;
      const title = loneInput(node, specs) ? fieldLabel(t, node.id, spec) : questionTitle(t, node);
      rows.push({
        key: title,
        value: displayValue(t, node.id, spec, a[spec.name]),
        action: { href: withChange(nodeHref(w, node), change), text: t('word.change'), hidden: title },
      });
    } else {
      for (const spec of specs) {
        const label = fieldLabel(t, node.id, spec);
        rows.push({
          key: label,
          value: displayValue(t, node.id, spec, a[spec.name]),
          action: { href: withChange(nodeHref(w, node), change), text: t('word.change'), hidden: label },
        });
      }
    }
  }
  return rows;
}

/** Rows for the SummaryList component: several lines become a list. */
export function summaryRows(rows: readonly AnswerRow[], withActions = true) {
  return rows.map((r) => ({
    key: r.key,
    value: Array.isArray(r.value) ? <Lines lines={r.value} /> : r.value,
    action: withActions ? r.action : undefined,
  }));
}

function Lines(props: { lines: readonly string[] }) {
  return (
    <ul class="list">
      {props.lines.map((l) => (
        <li>{l}</li>
      ))}
    </ul>
  );
}

async function showCheck(c: Context, env: WebEnv, w: Wizard) {
  const ctx = await pageContext(c, env);
  const { t } = ctx;
  const draft = loadDraft(c, env, w.flow.routeId, w.slot);
  if (!draft) return c.redirect(w.base, 303);
  const missing = firstUnanswered(w.flow, draft.answers);
  if (missing) return c.redirect(nodeHref(w, missing), 303);
  const last = path(w.flow, draft.answers).at(-1);
  const page = (
    <Layout
      t={t}
      title={t('check.title')}
      url={ctx.url}
      section={w.section}
      before={
        last ? (
          <a class="back-link" href={nodeHref(w, last)}>
            {t('word.back')}
          </a>
        ) : null
      }
    >
      <h1>{t('check.title')}</h1>
      <p>{t('check.lead')}</p>
      <SummaryList rows={summaryRows(answerRows(t, w, draft.answers, true))} />
      <p>
        <a class="button" href={`${w.base}/result`}>
          {w.submit(t)}
        </a>
      </p>
      <ClearForm t={t} csrf={ctx.csrf} base={w.base} />
    </Layout>
  );
  return render(c, page);
}

/**
 * Registers a questionnaire's pages under `prefix` ("/assess/:route" for the route
 * self-assessments, "/compare" for the comparison): start, clear, check, the result pages that
 * `resultRoutes` adds, then every question and list page.
 */
export function registerQuestionnaire(
  app: Hono,
  env: WebEnv,
  prefix: string,
  resolve: (c: Context) => Wizard | undefined,
  resultRoutes: (app: Hono) => void,
): void {
  const withWizard =
    (handler: (c: Context, w: Wizard) => Response | Promise<Response>) =>
    (c: Context): Response | Promise<Response> => {
      const w = resolve(c);
      return w ? handler(c, w) : c.notFound();
    };
  const withNode =
    (handler: (c: Context, w: Wizard, node: FlowNode) => Response | Promise<Response>) =>
    (c: Context): Response | Promise<Response> => {
      const w = resolve(c);
      const node = w ? findNode(w.flow, c.req.param('node') ?? '') : undefined;
      return w && node ? handler(c, w, node) : c.notFound();
    };
  const withList = (handler: (c: Context, w: Wizard, node: ListNode) => Response | Promise<Response>) =>
    withNode((c, w, node) => (node.kind === 'list' ? handler(c, w, node) : c.notFound()));

  app.get(
    prefix,
    withWizard((c, w) => showStart(c, env, w)),
  );
  app.post(
    `${prefix}/clear`,
    withWizard((c, w) => {
      clearDraft(c, w.slot);
      return c.redirect(`${w.base}?cleared=1`, 303);
    }),
  );
  app.get(
    `${prefix}/check`,
    withWizard((c, w) => showCheck(c, env, w)),
  );
  resultRoutes(app);
  app.get(
    `${prefix}/:node`,
    withNode((c, w, node) =>
      node.kind === 'list' ? showListSummary(c, env, w, node) : showQuestion(c, env, w, node, undefined, []),
    ),
  );
  app.post(
    `${prefix}/:node`,
    withNode((c, w, node) =>
      node.kind === 'list' ? postListSummary(c, env, w, node) : postQuestion(c, env, w, node),
    ),
  );
  app.get(
    `${prefix}/:node/add`,
    withList((c, w, node) => showItem(c, env, w, node, undefined, undefined, [])),
  );
  app.post(
    `${prefix}/:node/add`,
    withList((c, w, node) => postItem(c, env, w, node, false)),
  );
  app.get(
    `${prefix}/:node/:n{[0-9]{1,3}}`,
    withList((c, w, node) => {
      const list = listOf(answersOf(loadDraft(c, env, w.flow.routeId, w.slot)), node);
      const index = itemIndex(c, list);
      return index === undefined
        ? c.redirect(`${w.base}/${node.id}`, 303)
        : showItem(c, env, w, node, index, undefined, []);
    }),
  );
  app.post(
    `${prefix}/:node/:n{[0-9]{1,3}}`,
    withList((c, w, node) => postItem(c, env, w, node, true)),
  );
  app.post(
    `${prefix}/:node/:n{[0-9]{1,3}}/remove`,
    withList((c, w, node) => removeItem(c, env, w, node)),
  );
}

/** The route self-assessments, at /assess/<route id>. */
export function registerWizard(app: Hono, env: WebEnv, resultRoutes: (app: Hono) => void): void {
  registerQuestionnaire(app, env, '/assess/:route', (c) => wizardFor(c, env), resultRoutes);
}

export { isAnswered, type PageContext };
