/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { countries } from '../../flows/countries.ts';
import { type Answer, DONT_KNOW, type FieldSpec, type FieldValue } from '../../flows/index.ts';
import { locales } from '../../i18n/web-messages.ts';
import type { Lang } from '../../rules/schema.ts';
import {
  BackLink,
  Button,
  DateInput,
  ErrorSummary,
  Form,
  MonthInput,
  Radios,
  Select,
  TextInput,
  YesNo,
} from './components.tsx';
import type { FieldError, Raw } from './forms.ts';
import type { T } from './i18n.ts';
import { Layout } from './layout.tsx';
import { type InputExtras, ProfessionInput, professionName } from './professions.tsx';

/** Rendering of the wizard's questions: labels come from `q.<node>.<field>` message keys. */

const countryLists = new Map<Lang, Array<{ value: string; label: string }>>();

export function countryOptions(t: T): Array<{ value: string; label: string }> {
  let list = countryLists.get(t.lang);
  if (!list) {
    const collator = new Intl.Collator(locales[t.lang]);
    list = [...countries.entries()]
      .map(([a3, a2]) => ({ value: a3, label: t.country(a2, a3) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    countryLists.set(t.lang, list);
  }
  return list;
}

export function fieldLabel(t: T, keyBase: string, spec: FieldSpec): string {
  return t.dyn(`q.${keyBase}.${spec.name}`);
}

function optional(t: T, key: string): string | undefined {
  return t.has(key) ? t.dyn(key) : undefined;
}

export function optionLabel(t: T, keyBase: string, spec: FieldSpec, option: string): string {
  return t.dyn(`q.${keyBase}.${spec.name}.${option}`);
}

/** A stored value as the check-answers page shows it. */
export function displayValue(t: T, keyBase: string, spec: FieldSpec, value: FieldValue | undefined): string {
  if (value === undefined) return t('word.notGiven');
  if (value === DONT_KNOW)
    return spec.type === 'text' || spec.type === 'year' ? t('word.notGiven') : t('word.unknown');
  switch (spec.type) {
    case 'yesno':
      return value === true ? t('word.yes') : t('word.no');
    case 'choice':
      return optionLabel(t, keyBase, spec, String(value));
    case 'date':
      return t.date(String(value));
    case 'month':
      return value === 'present' ? t.dyn(`q.${keyBase}.${spec.name}.present`) : t.month(String(value));
    case 'country':
      return t.country(countries.get(String(value)), String(value));
    case 'amount':
      return t.hkd(Number(value));
    case 'years':
      return t('word.years', { n: Number(value) });
    case 'year':
      return String(value);
    case 'text':
      return String(value);
    case 'textList':
      return Array.isArray(value) && value.length > 0 ? value.join(', ') : t('word.none');
    case 'profession':
      return professionName(t, String(value));
  }
}

export function answerLines(t: T, keyBase: string, specs: readonly FieldSpec[], answer: Answer): string[] {
  return specs
    .filter((s) => answer[s.name] !== undefined)
    .map((s) => `${fieldLabel(t, keyBase, s)}: ${displayValue(t, keyBase, s, answer[s.name])}`);
}

export function Input(props: {
  t: T;
  spec: FieldSpec;
  keyBase: string;
  raw: Raw;
  error: string | undefined;
  /** The page has this one input: its label is the page's heading. */
  single?: { title: string; hint: string | undefined } | undefined;
  extras?: InputExtras | undefined;
}) {
  const { t, spec, keyBase, raw, error, single } = props;
  const label = single ? single.title : fieldLabel(t, keyBase, spec);
  const hint = single ? single.hint : optional(t, `q.${keyBase}.${spec.name}.hint`);
  const common = { t, name: spec.name, label, hint, error, raw, isHeading: !!single };
  switch (spec.type) {
    case 'yesno':
      return <YesNo {...common} unknown={spec.unknown} />;
    case 'choice': {
      const options = spec.options.map((o) => ({
        value: o,
        label: optionLabel(t, keyBase, spec, o),
        hint: optional(t, `q.${keyBase}.${spec.name}.${o}.hint`),
      }));
      if (spec.unknown) options.push({ value: DONT_KNOW, label: t('word.unknown'), hint: undefined });
      return <Radios {...common} options={options} dividerBeforeLast={spec.unknown} />;
    }
    case 'date':
      return (
        <DateInput
          {...common}
          unknown={spec.unknown}
          autocomplete={keyBase === 'date-of-birth' ? 'bday' : undefined}
        />
      );
    case 'month':
      return (
        <MonthInput
          {...common}
          presentLabel={spec.present ? t.dyn(`q.${keyBase}.${spec.name}.present`) : undefined}
        />
      );
    case 'country':
      return (
        <Select
          {...common}
          placeholder={t('q.nationality.choose')}
          options={[
            ...(spec.unknown ? [{ value: DONT_KNOW, label: t('word.unknown') }] : []),
            ...countryOptions(t),
          ]}
        />
      );
    case 'amount':
      return (
        <TextInput
          {...common}
          width={10}
          inputmode="numeric"
          prefix="HK$"
          unknownLabel={spec.unknown ? t('word.unknown') : undefined}
        />
      );
    case 'years':
      return <TextInput {...common} width={4} inputmode="decimal" />;
    case 'year':
      return <TextInput {...common} width={4} inputmode="numeric" optional={spec.unknown} />;
    case 'text':
      return <TextInput {...common} maxLength={spec.maxLength} optional={spec.unknown} />;
    case 'textList':
      return <TextInput {...common} unknownLabel={spec.unknown ? t('word.notSure') : undefined} />;
    case 'profession':
      return (
        <ProfessionInput
          {...common}
          unknown={spec.unknown}
          maxLength={spec.maxLength}
          choices={props.extras?.professions}
        />
      );
  }
}

export function errorSummaryItems(
  t: T,
  keyBase: string,
  specs: readonly FieldSpec[],
  errors: readonly FieldError[],
  single?: string,
) {
  return errors.map((e) => {
    const spec = specs.find((s) => s.name === e.field);
    const label = single ?? (spec ? fieldLabel(t, keyBase, spec) : e.field);
    return { href: `#${e.anchor}`, text: t('error.item', { label, message: t(e.key, e.params) }) };
  });
}

export interface QuestionPageProps {
  t: T;
  csrf: string;
  url: string;
  /** The page heading: the question, or the name of a group of inputs. */
  title: string;
  hint: string | undefined;
  caption?: string | undefined;
  keyBase: string;
  specs: readonly FieldSpec[];
  raw: Raw;
  errors: readonly FieldError[];
  back: string | undefined;
  action: string;
  submitLabel: string;
  after?: Child;
  extras?: InputExtras | undefined;
}

/** One question per page: back link, error summary, the inputs, one button. */
export function QuestionPage(props: QuestionPageProps) {
  const { t, specs } = props;
  const single = specs.length === 1 ? { title: props.title, hint: props.hint } : undefined;
  const errorOf = (name: string) => {
    const e = props.errors.find((x) => x.field === name);
    return e ? t(e.key, e.params) : undefined;
  };
  const title = props.errors.length > 0 ? `${t('word.error')} ${props.title}` : props.title;
  return (
    <Layout
      t={t}
      title={title}
      url={props.url}
      section="assess"
      before={<BackLink t={t} href={props.back} />}
    >
      <ErrorSummary t={t} errors={errorSummaryItems(t, props.keyBase, specs, props.errors, single?.title)} />
      {props.caption ? <p class="caption">{props.caption}</p> : null}
      <Form action={props.action} csrf={props.csrf}>
        {single ? null : (
          <>
            <h1>{props.title}</h1>
            {props.hint ? <p class="hint">{props.hint}</p> : null}
          </>
        )}
        {specs.map((spec) => (
          <Input
            t={t}
            spec={spec}
            keyBase={props.keyBase}
            raw={props.raw}
            error={errorOf(spec.name)}
            single={single}
            extras={props.extras}
          />
        ))}
        <Button>{props.submitLabel}</Button>
      </Form>
      {props.after}
    </Layout>
  );
}
