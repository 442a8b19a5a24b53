/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { resolveCitations } from '../../engine/explain.ts';
import type { Assessment, Citation, ResolvedCitation } from '../../engine/result.ts';
import type { Confidence } from '../../rules/schema.ts';
import { UNKNOWN_SUFFIX } from './forms.ts';
import type { T } from './i18n.ts';
import { CSRF_FIELD } from './security.ts';

/** Shared building blocks of the pages, after the GOV.UK Design System's patterns. */

export function ErrorSummary(props: { t: T; errors: ReadonlyArray<{ href: string; text: string }> }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} data-focus>
      <h2 id="error-summary-title" class="error-summary__title">
        {props.t('error.summary')}
      </h2>
      <ul class="error-summary__list">
        {props.errors.map((e) => (
          <li>
            <a href={e.href}>{e.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorMessage(props: { t: T; id: string; text: string | undefined }) {
  if (!props.text) return null;
  return (
    <p class="error-message" id={props.id}>
      <span class="visually-hidden">{props.t('word.error')} </span>
      {props.text}
    </p>
  );
}

export function BackLink(props: { t: T; href: string | undefined }) {
  if (!props.href) return null;
  return (
    <a class="back-link" href={props.href}>
      {props.t('word.back')}
    </a>
  );
}

export function Form(props: {
  action: string;
  csrf: string;
  children?: Child;
  class?: string;
  novalidate?: boolean;
}) {
  return (
    <form method="post" action={props.action} class={props.class} novalidate={props.novalidate ?? true}>
      <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
      {props.children}
    </form>
  );
}

export function Button(props: {
  children?: Child;
  variant?: 'secondary' | 'warning';
  name?: string;
  value?: string;
}) {
  const cls = props.variant ? `button button--${props.variant}` : 'button';
  return (
    <button type="submit" class={cls} name={props.name} value={props.value}>
      {props.children}
    </button>
  );
}

export interface FieldProps {
  t: T;
  name: string;
  /** The question (legend or label). */
  label: string;
  /** Render the label as the page's h1 (one-question pages). */
  isHeading?: boolean;
  hint?: string | undefined;
  error?: string | undefined;
  raw: Record<string, string>;
}

function describedBy(name: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter((s) => s !== '');
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Legend(props: { label: string; isHeading?: boolean | undefined }) {
  return props.isHeading ? (
    <legend class="fieldset__legend fieldset__legend--l">
      <h1 class="fieldset__heading">{props.label}</h1>
    </legend>
  ) : (
    <legend class="fieldset__legend">{props.label}</legend>
  );
}

function Hint(props: { id: string; text: string | undefined }) {
  return props.text ? (
    <div class="hint" id={props.id}>
      {props.text}
    </div>
  ) : null;
}

function group(error: string | undefined): string {
  return error ? 'form-group form-group--error' : 'form-group';
}

export interface RadioOption {
  value: string;
  label: string;
  hint?: string | undefined;
}

export function Radios(
  props: FieldProps & { options: readonly RadioOption[]; inline?: boolean; dividerBeforeLast?: boolean },
) {
  const { t, name, raw } = props;
  const last = props.options.length - 1;
  return (
    <div class={group(props.error)}>
      <fieldset class="fieldset" aria-describedby={describedBy(name, props.hint, props.error)}>
        <Legend label={props.label} isHeading={props.isHeading} />
        <Hint id={`${name}-hint`} text={props.hint} />
        <ErrorMessage t={t} id={`${name}-error`} text={props.error} />
        <div class={props.inline ? 'radios radios--inline' : 'radios'}>
          {props.options.map((o, i) => (
            <>
              {props.dividerBeforeLast && i === last && i > 0 ? (
                <div class="radios__divider">{t('word.or')}</div>
              ) : null}
              <div class="radios__item">
                <input
                  class="radios__input"
                  type="radio"
                  id={i === 0 ? name : `${name}-${i + 1}`}
                  name={name}
                  value={o.value}
                  checked={raw[name] === o.value}
                  aria-describedby={o.hint ? `${name}-${i + 1}-hint` : undefined}
                />
                <label class="radios__label" for={i === 0 ? name : `${name}-${i + 1}`}>
                  {o.label}
                </label>
                {o.hint ? (
                  <div class="hint radios__hint" id={`${name}-${i + 1}-hint`}>
                    {o.hint}
                  </div>
                ) : null}
              </div>
            </>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** Yes / No / I don't know. */
export function YesNo(props: FieldProps & { unknown: boolean }) {
  const { t } = props;
  const options: RadioOption[] = [
    { value: 'yes', label: t('word.yes') },
    { value: 'no', label: t('word.no') },
  ];
  if (props.unknown) options.push({ value: 'unknown', label: t('word.unknown') });
  return <Radios {...props} options={options} dividerBeforeLast={props.unknown} />;
}

function UnknownCheckbox(props: { name: string; label: string; checked: boolean }) {
  const id = `${props.name}${UNKNOWN_SUFFIX}`;
  return (
    <div class="checkboxes__item">
      <input class="checkboxes__input" type="checkbox" id={id} name={id} value="on" checked={props.checked} />
      <label class="checkboxes__label" for={id}>
        {props.label}
      </label>
    </div>
  );
}

function Part(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  width: 2 | 4;
  error: boolean;
  autocomplete?: string | undefined;
}) {
  return (
    <div class="date-input__item">
      <label class="label date-input__label" for={props.id}>
        {props.label}
      </label>
      <input
        class={`input input--width-${props.width}${props.error ? ' input--error' : ''}`}
        id={props.id}
        name={props.name}
        type="text"
        inputmode="numeric"
        value={props.value}
        autocomplete={props.autocomplete}
      />
    </div>
  );
}

/** Day / month / year, GOV.UK style, with "I don't know" when allowed. */
export function DateInput(props: FieldProps & { unknown: boolean; autocomplete?: 'bday' }) {
  const { t, name, raw } = props;
  const ac = props.autocomplete;
  return (
    <div class={group(props.error)}>
      <fieldset class="fieldset" aria-describedby={describedBy(name, props.hint, props.error)}>
        <Legend label={props.label} isHeading={props.isHeading} />
        <Hint id={`${name}-hint`} text={props.hint} />
        <ErrorMessage t={t} id={`${name}-error`} text={props.error} />
        <div class="date-input">
          <Part
            id={`${name}-day`}
            name={`${name}-day`}
            label={t('word.day')}
            value={raw[`${name}-day`] ?? ''}
            width={2}
            error={!!props.error}
            autocomplete={ac ? 'bday-day' : undefined}
          />
          <Part
            id={`${name}-month`}
            name={`${name}-month`}
            label={t('word.month')}
            value={raw[`${name}-month`] ?? ''}
            width={2}
            error={!!props.error}
            autocomplete={ac ? 'bday-month' : undefined}
          />
          <Part
            id={`${name}-year`}
            name={`${name}-year`}
            label={t('word.year')}
            value={raw[`${name}-year`] ?? ''}
            width={4}
            error={!!props.error}
            autocomplete={ac ? 'bday-year' : undefined}
          />
        </div>
        {props.unknown ? (
          <div class="checkboxes checkboxes--or">
            <div class="radios__divider">{t('word.or')}</div>
            <UnknownCheckbox
              name={name}
              label={t('word.unknown')}
              checked={!!raw[`${name}${UNKNOWN_SUFFIX}`]}
            />
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}

/** Month / year, with an optional "still ongoing" box. */
export function MonthInput(props: FieldProps & { presentLabel?: string | undefined }) {
  const { t, name, raw } = props;
  return (
    <div class={group(props.error)}>
      <fieldset class="fieldset" aria-describedby={describedBy(name, props.hint, props.error)}>
        <Legend label={props.label} isHeading={props.isHeading} />
        <Hint id={`${name}-hint`} text={props.hint} />
        <ErrorMessage t={t} id={`${name}-error`} text={props.error} />
        <div class="date-input">
          <Part
            id={`${name}-month`}
            name={`${name}-month`}
            label={t('word.month')}
            value={raw[`${name}-month`] ?? ''}
            width={2}
            error={!!props.error}
          />
          <Part
            id={`${name}-year`}
            name={`${name}-year`}
            label={t('word.year')}
            value={raw[`${name}-year`] ?? ''}
            width={4}
            error={!!props.error}
          />
        </div>
        {props.presentLabel ? (
          <div class="checkboxes checkboxes--or">
            <div class="radios__divider">{t('word.or')}</div>
            <div class="checkboxes__item">
              <input
                class="checkboxes__input"
                type="checkbox"
                id={`${name}-present`}
                name={`${name}-present`}
                value="on"
                checked={!!raw[`${name}-present`]}
              />
              <label class="checkboxes__label" for={`${name}-present`}>
                {props.presentLabel}
              </label>
            </div>
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}

function LabelOrHeading(props: { for: string; label: string; isHeading?: boolean | undefined }) {
  const label = (
    <label class={props.isHeading ? 'label label--l' : 'label'} for={props.for}>
      {props.label}
    </label>
  );
  return props.isHeading ? <h1 class="label-wrapper">{label}</h1> : label;
}

/** A text input; `prefix` shows a unit such as HK$; `unknownLabel` adds an "I don't know" box. */
export function TextInput(
  props: FieldProps & {
    width?: 'full' | 10 | 20 | 4;
    inputmode?: 'numeric' | 'decimal' | 'text';
    prefix?: string;
    unknownLabel?: string | undefined;
    maxLength?: number;
    optional?: boolean;
  },
) {
  const { t, name, raw } = props;
  const width =
    props.width === undefined || props.width === 'full' ? 'input--full' : `input--width-${props.width}`;
  const input = (
    <input
      class={`input ${width}${props.error ? ' input--error' : ''}`}
      id={name}
      name={name}
      type="text"
      inputmode={props.inputmode}
      value={raw[name] ?? ''}
      maxlength={props.maxLength}
      aria-describedby={describedBy(name, props.hint, props.error)}
      spellcheck={props.inputmode ? false : undefined}
    />
  );
  const body = (
    <>
      <Hint id={`${name}-hint`} text={props.hint} />
      <ErrorMessage t={t} id={`${name}-error`} text={props.error} />
      {props.prefix ? (
        <div class="input-wrapper">
          <div class="input__prefix" aria-hidden="true">
            {props.prefix}
          </div>
          {input}
        </div>
      ) : (
        input
      )}
    </>
  );
  if (props.unknownLabel) {
    // With a second choice, the pair is a group: a fieldset whose legend is the question.
    return (
      <div class={group(props.error)}>
        <fieldset class="fieldset">
          <Legend label={props.label} isHeading={props.isHeading} />
          <label class="visually-hidden" for={name}>
            {props.label}
          </label>
          {body}
          <div class="checkboxes checkboxes--or">
            <div class="radios__divider">{t('word.or')}</div>
            <UnknownCheckbox
              name={name}
              label={props.unknownLabel}
              checked={!!raw[`${name}${UNKNOWN_SUFFIX}`]}
            />
          </div>
        </fieldset>
      </div>
    );
  }
  return (
    <div class={group(props.error)}>
      <LabelOrHeading
        for={name}
        label={props.optional ? `${props.label} ${t('word.optional')}` : props.label}
        isHeading={props.isHeading}
      />
      {body}
    </div>
  );
}

export function Select(
  props: FieldProps & { options: ReadonlyArray<{ value: string; label: string }>; placeholder: string },
) {
  const { t, name, raw } = props;
  return (
    <div class={group(props.error)}>
      <LabelOrHeading for={name} label={props.label} isHeading={props.isHeading} />
      <Hint id={`${name}-hint`} text={props.hint} />
      <ErrorMessage t={t} id={`${name}-error`} text={props.error} />
      <select
        class={`select${props.error ? ' select--error' : ''}`}
        id={name}
        name={name}
        aria-describedby={describedBy(name, props.hint, props.error)}
      >
        <option value="">{props.placeholder}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={raw[name] === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A link whose text every card repeats ("Read the guide"), completed for screen readers with the
 * card's name, so that a list of the page's links still says where each one goes.
 */
export function CardLink(props: { href: string; text: string; name: string }) {
  return (
    <a href={props.href}>
      {props.text}
      <span class="visually-hidden">: {props.name}</span>
    </a>
  );
}

/** The way into the comparison, for someone who does not yet know which route to read. */
export function CompareInvitation(props: { t: T }) {
  const { t } = props;
  return (
    <div class="box">
      <h2>{t('routes.compare.title')}</h2>
      <p>{t('routes.compare.lead')}</p>
      <p>
        <a class="button button--start" href="/compare">
          {t('routes.compare.button')}
        </a>
      </p>
    </div>
  );
}

interface SummaryAction {
  href: string;
  text: string;
  /** Said to screen readers after the text: what is changed. */
  hidden: string;
}

/** One row of a summary list: a key, its value and, optionally, a link to change it. */
export function SummaryRow(props: { label: string; children?: Child; action?: SummaryAction | undefined }) {
  const { action } = props;
  return (
    <div class="summary-list__row">
      <dt class="summary-list__key">{props.label}</dt>
      <dd class="summary-list__value">{props.children}</dd>
      {action ? (
        <dd class="summary-list__actions">
          <a href={action.href}>
            {action.text}
            <span class="visually-hidden"> {action.hidden}</span>
          </a>
        </dd>
      ) : null}
    </div>
  );
}

export function SummaryList(props: {
  rows: ReadonlyArray<{ key: string; value: Child; action?: SummaryAction | undefined }>;
}) {
  return (
    <dl class="summary-list">
      {props.rows.map((r) => (
        <SummaryRow label={r.key} action={r.action}>
          {r.value}
        </SummaryRow>
      ))}
    </dl>
  );
}

const confidenceMarks: Record<Confidence, string> = { official: '✅', secondary: '🟡', uncertain: '⚠️' };

export function ConfidenceTag(props: { t: T; confidence: Confidence }) {
  return (
    <span class={`tag tag--${props.confidence}`}>
      <span aria-hidden="true">{confidenceMarks[props.confidence]} </span>
      {props.t(`confidence.${props.confidence}`)}
    </span>
  );
}

export function Sources(props: {
  t: T;
  sources: readonly ResolvedCitation[];
  retrieved?: (ref: string) => string | undefined;
}) {
  const { t } = props;
  return (
    <details class="sources">
      <summary>{t('sources.heading')}</summary>
      <ul class="sources__list">
        {props.sources.map((s) => {
          const retrieved = props.retrieved?.(s.ref);
          return (
            <li>
              <a href={s.url} rel="noreferrer">
                {s.title}
              </a>
              {' — '}
              {s.section}
              {s.official ? ` (${t('confidence.official')})` : ` (${t('confidence.secondary')})`}
              {retrieved ? `, ${t('sources.retrieved', { date: t.date(retrieved) })}` : ''}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/** An assessment's citations, written out from the assessment's list of sources. */
export function AssessmentSources(props: {
  t: T;
  citations: readonly Citation[];
  sources: Assessment['sources'];
}) {
  const { sources } = props;
  return (
    <Sources
      t={props.t}
      sources={resolveCitations(props.citations, sources)}
      retrieved={(ref) => (Object.hasOwn(sources, ref) ? sources[ref]?.retrieved : undefined)}
    />
  );
}

export function OutcomeTag(props: { t: T; outcome: 'met' | 'not_met' | 'unknown' }) {
  const marks = { met: '✓', not_met: '✗', unknown: '?' } as const;
  return (
    <strong class={`outcome outcome--${props.outcome}`}>
      <span aria-hidden="true">{marks[props.outcome]} </span>
      {props.t(`outcome.${props.outcome}`)}
    </strong>
  );
}

export function Notice(props: { children?: Child; kind?: 'warning' | 'info' | 'success' }) {
  return <div class={`notice notice--${props.kind ?? 'info'}`}>{props.children}</div>;
}
