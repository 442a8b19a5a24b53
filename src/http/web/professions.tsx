/** @jsxImportSource hono/jsx */
import { type Answers, DONT_KNOW, type FieldSpec, isListAnswer } from '../../flows/index.ts';
import { locales } from '../../i18n/web-messages.ts';
import { type TalentListVersion, talentListAt } from '../../lists/talent-list.ts';
import { ErrorMessage } from './components.tsx';
import { hongKongDay, submissionMoment } from './dates.ts';
import type { Raw } from './forms.ts';
import type { T } from './i18n.ts';
import { isProfessionId, OTHER_SUFFIX, professionById } from './profession-ids.ts';
import type { Wizard } from './wizard.tsx';

/**
 * The Talent List profession picker: a list of the professions Routewise holds for the version of
 * the list in force on the submission day, grouped by segment, with a box to type a profession the
 * data does not hold (the data is incomplete, and says so), and "I don't know".
 */

/** A stored profession as a person reads it: its name in the page's language, or what they typed. */
export function professionName(t: T, value: string): string {
  const p = isProfessionId(value) ? professionById(value) : undefined;
  return p ? p.name[t.lang] : value;
}

export interface ProfessionChoices {
  /** The version of the list in force on the submission day; undefined before the first list. */
  version: TalentListVersion | undefined;
  /** The day the choices are for (YYYY-MM-DD). */
  day: string;
  groups: Array<{
    label: string | undefined;
    options: Array<{ value: string; label: string; english: boolean }>;
  }>;
}

/** What some inputs need beyond the answer itself to be drawn. */
export interface InputExtras {
  professions?: ProfessionChoices;
}

/** The professions to choose from on a day: the version in force, grouped by segment, sorted by name. */
export function professionChoices(t: T, day: string, now: Date): ProfessionChoices {
  const at = Date.parse(submissionMoment(day, now));
  const version = talentListAt(at);
  const collator = new Intl.Collator(locales[t.lang]);
  const bySegment = new Map<string, ProfessionChoices['groups'][number]>();
  for (const p of version?.professions ?? []) {
    const key = p.segment?.id ?? '';
    let group = bySegment.get(key);
    if (!group) {
      group = { label: p.segment?.name[t.lang], options: [] };
      bySegment.set(key, group);
    }
    group.options.push({
      value: p.id,
      label: p.name[t.lang],
      english: t.lang !== 'en' && !p.chineseNamePublished,
    });
  }
  const groups = [...bySegment.values()];
  for (const g of groups) g.options.sort((a, b) => collator.compare(a.label, b.label));
  groups.sort((a, b) => collator.compare(a.label ?? '', b.label ?? ''));
  return { version, day, groups };
}

/** The extras a question page's inputs need: the professions on the submission day, when asked. */
export function inputExtras(
  t: T,
  w: Wizard,
  answers: Answers,
  specs: readonly FieldSpec[],
  now: Date,
): InputExtras {
  if (!specs.some((s) => s.type === 'profession')) return {};
  const a = answers[w.flow.submissionNode];
  const chosen = a && !isListAnswer(a) ? a.date : undefined;
  const day = typeof chosen === 'string' && chosen !== DONT_KNOW ? chosen : hongKongDay(now);
  return { professions: professionChoices(t, day, now) };
}

/** The hint above the picker: which version of the list, how much of it Routewise holds. */
export function professionHint(t: T, choices: ProfessionChoices): string {
  const v = choices.version;
  if (!v) return t('profession.noList', { date: t.date(choices.day) });
  const held = v.professions.length;
  return v.complete
    ? t('profession.complete', { date: t.date(v.from), n: v.officialCount })
    : t('profession.partial', { date: t.date(v.from), held, n: v.officialCount });
}

export function ProfessionInput(props: {
  t: T;
  name: string;
  label: string;
  hint: string | undefined;
  error: string | undefined;
  raw: Raw;
  isHeading: boolean;
  unknown: boolean;
  maxLength: number;
  choices: ProfessionChoices | undefined;
}) {
  const { t, name, raw, choices } = props;
  const other = `${name}${OTHER_SUFFIX}`;
  const listHint = choices ? professionHint(t, choices) : undefined;
  const describedBy = [
    props.hint ? `${name}-hint` : '',
    listHint ? `${name}-list-hint` : '',
    props.error ? `${name}-error` : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
  const label = (
    <label class={props.isHeading ? 'label label--l' : 'label'} for={name}>
      {props.label}
    </label>
  );
  return (
    <div class={props.error ? 'form-group form-group--error' : 'form-group'}>
      {props.isHeading ? <h1 class="label-wrapper">{label}</h1> : label}
      {props.hint ? (
        <div class="hint" id={`${name}-hint`}>
          {props.hint}
        </div>
      ) : null}
      {listHint ? (
        <div class="hint" id={`${name}-list-hint`}>
          {listHint}
        </div>
      ) : null}
      <ErrorMessage t={t} id={`${name}-error`} text={props.error} />
      <select
        class={`select${props.error ? ' select--error' : ''}`}
        id={name}
        name={name}
        aria-describedby={describedBy === '' ? undefined : describedBy}
      >
        <option value="">{t('profession.choose')}</option>
        {props.unknown ? (
          <option value={DONT_KNOW} selected={raw[name] === DONT_KNOW}>
            {t('word.unknown')}
          </option>
        ) : null}
        {(choices?.groups ?? []).map((g) => {
          const options = g.options.map((o) => (
            <option value={o.value} selected={raw[name] === o.value} lang={o.english ? 'en' : undefined}>
              {o.label}
            </option>
          ));
          return g.label ? <optgroup label={g.label}>{options}</optgroup> : options;
        })}
      </select>
      <div class="form-group form-group--nested">
        <label class="label" for={other}>
          {t('profession.other')}
        </label>
        <div class="hint" id={`${other}-hint`}>
          {t('profession.other.hint')}
        </div>
        <input
          class="input input--full"
          id={other}
          name={other}
          type="text"
          value={raw[other] ?? ''}
          maxlength={props.maxLength}
          aria-describedby={`${other}-hint`}
        />
      </div>
    </div>
  );
}
