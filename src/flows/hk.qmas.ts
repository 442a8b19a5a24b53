import type { Degree, Dependant, Profile, WorkPeriod } from '../profile/schema.ts';
import {
  type Answer,
  type Answers,
  DONT_KNOW,
  type Flow,
  type FlowNode,
  isListAnswer,
  type ListAnswer,
} from './types.ts';

/**
 * The QMAS self-assessment: one question per page, in the order a person can answer them. The
 * profile has one schema for every era of the scheme, so every fact any era reads is asked.
 */

type Tri = boolean | 'unknown';

function answer(answers: Answers, id: string): Answer | undefined {
  const a = answers[id];
  return a === undefined || isListAnswer(a) ? undefined : a;
}

function list(answers: Answers, id: string): ListAnswer | undefined {
  const a = answers[id];
  return isListAnswer(a) ? a : undefined;
}

function value(answers: Answers, id: string, field: string) {
  return answer(answers, id)?.[field];
}

function tri(a: Answer | undefined, field: string): Tri {
  const v = a?.[field];
  return typeof v === 'boolean' ? v : DONT_KNOW;
}

function text(a: Answer | undefined, field: string): string {
  const v = a?.[field];
  return typeof v === 'string' && v !== '' ? v : DONT_KNOW;
}

function num(a: Answer | undefined, field: string): number | 'unknown' {
  const v = a?.[field];
  return typeof v === 'number' ? v : DONT_KNOW;
}

/** Chinese nationals who are not (or may not be) Mainland residents: the PRC-passport question. */
function asksPrcPassport(answers: Answers): boolean {
  return (
    value(answers, 'nationality', 'nationality') === 'CHN' &&
    value(answers, 'mainland-resident', 'mainlandResident') !== true
  );
}

const yesno = (name: string) => ({ name, type: 'yesno', unknown: true }) as const;

export const qmasNodes: readonly FlowNode[] = [
  {
    kind: 'question',
    id: 'date-of-birth',
    fields: ['person.dateOfBirth'],
    inputs: [{ name: 'dateOfBirth', type: 'date', unknown: true }],
  },
  {
    kind: 'question',
    id: 'nationality',
    fields: ['person.nationality'],
    inputs: [{ name: 'nationality', type: 'country', unknown: true }],
  },
  {
    kind: 'question',
    id: 'mainland-resident',
    fields: ['person.mainlandResident'],
    inputs: [yesno('mainlandResident')],
  },
  {
    kind: 'question',
    id: 'prc-passport',
    fields: ['person.prcPassportAbroad'],
    when: asksPrcPassport,
    inputs: [
      yesno('appliesFromOverseas'),
      yesno('overseasPermanentResidence'),
      yesno('livedOverseasAtLeastOneYear'),
    ],
  },
  {
    kind: 'question',
    id: 'self-supporting',
    fields: ['character.selfSupporting'],
    inputs: [yesno('selfSupporting')],
  },
  {
    kind: 'question',
    id: 'criminal-record',
    fields: ['character.criminalRecord'],
    inputs: [yesno('criminalRecord')],
  },
  {
    kind: 'question',
    id: 'adverse-immigration-record',
    fields: ['character.adverseImmigrationRecord'],
    inputs: [yesno('adverseImmigrationRecord')],
  },
  { kind: 'question', id: 'has-degree', fields: ['education.degrees'], inputs: [yesno('hasDegree')] },
  {
    kind: 'list',
    id: 'degrees',
    fields: ['education.degrees[]'],
    when: (a) => value(a, 'has-degree', 'hasDegree') === true,
    maxItems: 10,
    item: [
      { name: 'level', type: 'choice', options: ['bachelor', 'master', 'doctorate'], unknown: true },
      { name: 'institution', type: 'text', unknown: true, maxLength: 200 },
      { name: 'subject', type: 'text', unknown: true, maxLength: 200 },
      yesno('eligibleUniversity'),
      yesno('stem'),
      yesno('renownedInstitution'),
      { name: 'yearAwarded', type: 'year', unknown: true },
    ],
  },
  {
    kind: 'question',
    id: 'professional-qualification',
    fields: ['education.professionalQualification'],
    inputs: [yesno('professionalQualification')],
  },
  {
    kind: 'question',
    id: 'languages-chinese',
    fields: ['languages.chinese', 'languages'],
    inputs: [yesno('written'), yesno('putonghua'), yesno('cantonese')],
  },
  {
    kind: 'question',
    id: 'languages-english',
    fields: ['languages.english', 'languages'],
    inputs: [yesno('written'), yesno('spoken')],
  },
  {
    kind: 'question',
    id: 'languages-other',
    fields: ['languages.others', 'languages'],
    inputs: [{ name: 'others', type: 'textList', unknown: true, maxItems: 10, maxLength: 60 }],
  },
  {
    kind: 'question',
    id: 'work',
    fields: ['work'],
    inputs: [{ name: 'format', type: 'choice', options: ['periods', 'totals'], unknown: true }],
  },
  {
    kind: 'list',
    id: 'work-periods',
    fields: ['work'],
    when: (a) => value(a, 'work', 'format') === 'periods',
    maxItems: 20,
    item: [
      { name: 'from', type: 'month', present: false },
      { name: 'to', type: 'month', present: true },
      yesno('graduateLevel'),
      yesno('seniorRole'),
      yesno('multinationalOrRenowned'),
      {
        name: 'field',
        type: 'choice',
        options: ['innovation_technology', 'finance', 'international_trade', 'other'],
        unknown: true,
      },
      yesno('international'),
    ],
  },
  {
    kind: 'question',
    id: 'work-totals',
    fields: ['work'],
    when: (a) => value(a, 'work', 'format') === 'totals',
    inputs: [
      { name: 'graduateYears', type: 'years', unknown: true },
      { name: 'seniorYears', type: 'years', unknown: true },
      { name: 'multinationalYears', type: 'years', unknown: true },
      { name: 'specifiedFieldYears', type: 'years', unknown: true },
      { name: 'internationalYears', type: 'years', unknown: true },
    ],
  },
  {
    kind: 'question',
    id: 'income',
    fields: ['income.lastYearHKD'],
    inputs: [{ name: 'lastYearHKD', type: 'amount', unknown: true }],
  },
  { kind: 'question', id: 'business', fields: ['business.ownsBusiness'], inputs: [yesno('ownsBusiness')] },
  {
    kind: 'question',
    id: 'business-profit',
    fields: ['business.businessProfitLastYearHKD'],
    when: (a) => value(a, 'business', 'ownsBusiness') === true,
    inputs: [{ name: 'profitHKD', type: 'amount', unknown: true }],
  },
  {
    kind: 'question',
    id: 'listed-company',
    fields: ['business.ownsListedCompany'],
    inputs: [yesno('ownsListedCompany')],
  },
  { kind: 'question', id: 'talent-list', fields: ['talentList'], inputs: [yesno('meets')] },
  {
    kind: 'question',
    id: 'talent-list-profession',
    fields: ['talentList'],
    when: (a) => value(a, 'talent-list', 'meets') === true,
    inputs: [{ name: 'profession', type: 'text', unknown: false, maxLength: 200 }],
  },
  {
    kind: 'question',
    id: 'achievements',
    fields: ['achievements.exceptionalAward', 'achievements.peerRecognition'],
    inputs: [yesno('exceptionalAward'), yesno('peerRecognition')],
  },
  {
    kind: 'question',
    id: 'family-in-hong-kong',
    fields: ['family.hkPermanentResidentInHongKong'],
    inputs: [yesno('hkPermanentResidentInHongKong')],
  },
  { kind: 'question', id: 'has-dependants', fields: ['dependants'], inputs: [yesno('hasDependants')] },
  {
    kind: 'list',
    id: 'dependants',
    fields: ['dependants[]'],
    when: (a) => value(a, 'has-dependants', 'hasDependants') === true,
    maxItems: 12,
    item: [
      { name: 'relation', type: 'choice', options: ['spouse', 'civil_partner', 'child'], unknown: false },
      { name: 'dateOfBirth', type: 'date', unknown: true },
      { name: 'nationality', type: 'country', unknown: true },
      yesno('mainlandResident'),
      { ...yesno('hasDegree'), onlyWhen: { field: 'relation', in: ['spouse', 'civil_partner'] } },
      { ...yesno('married'), onlyWhen: { field: 'relation', in: ['child'] } },
    ],
  },
  {
    kind: 'question',
    id: 'submission-date',
    fields: [],
    inputs: [{ name: 'date', type: 'date', unknown: false }],
    defaults: (today) => ({ date: today }),
  },
];

function degree(a: Answer): Degree {
  const level = a.level;
  return {
    level: level === 'bachelor' || level === 'master' || level === 'doctorate' ? level : DONT_KNOW,
    institution: text(a, 'institution'),
    subject: text(a, 'subject'),
    stem: tri(a, 'stem'),
    eligibleUniversity: tri(a, 'eligibleUniversity'),
    renownedInstitution: tri(a, 'renownedInstitution'),
    yearAwarded: num(a, 'yearAwarded'),
    graduationDate: DONT_KNOW,
    hongKongProgramme: DONT_KNOW,
  };
}

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

const workFieldValues = ['innovation_technology', 'finance', 'international_trade', 'other'] as const;

function workPeriod(a: Answer): WorkPeriod {
  const field = workFieldValues.find((f) => f === a.field) ?? DONT_KNOW;
  return {
    from: `${String(a.from)}-01`,
    to: a.to === 'present' ? 'present' : lastDayOfMonth(String(a.to)),
    graduateLevel: tri(a, 'graduateLevel'),
    seniorRole: tri(a, 'seniorRole'),
    multinationalOrRenowned: tri(a, 'multinationalOrRenowned'),
    field,
    international: tri(a, 'international'),
  };
}

function dependant(a: Answer): Dependant {
  const common = {
    dateOfBirth: text(a, 'dateOfBirth'),
    nationality: text(a, 'nationality'),
    mainlandResident: tri(a, 'mainlandResident'),
  };
  if (a.relation === 'child') return { relation: 'child', ...common, married: tri(a, 'married') };
  const relation = a.relation === 'civil_partner' ? 'civil_partner' : 'spouse';
  return { relation, ...common, hasDegree: tri(a, 'hasDegree') };
}

function listOrUnknown<T>(
  gate: Tri,
  items: readonly Answer[] | undefined,
  map: (a: Answer) => T,
): T[] | 'unknown' {
  if (gate === DONT_KNOW) return DONT_KNOW;
  if (gate === false) return [];
  return (items ?? []).map(map);
}

function prcPassportAbroad(answers: Answers): Profile['person']['prcPassportAbroad'] {
  const nationality = value(answers, 'nationality', 'nationality');
  if (nationality === undefined || nationality === DONT_KNOW) return DONT_KNOW;
  if (!asksPrcPassport(answers)) return 'not_applicable';
  const a = answer(answers, 'prc-passport');
  return {
    appliesFromOverseas: tri(a, 'appliesFromOverseas'),
    overseasPermanentResidence: tri(a, 'overseasPermanentResidence'),
    livedOverseasAtLeastOneYear: tri(a, 'livedOverseasAtLeastOneYear'),
  };
}

function work(answers: Answers): Profile['work'] {
  const format = value(answers, 'work', 'format');
  if (format === 'periods')
    return { kind: 'periods', periods: (list(answers, 'work-periods')?.items ?? []).map(workPeriod) };
  if (format === 'totals') {
    const t = answer(answers, 'work-totals');
    return {
      kind: 'totals',
      graduateYears: num(t, 'graduateYears'),
      seniorYears: num(t, 'seniorYears'),
      multinationalYears: num(t, 'multinationalYears'),
      specifiedFieldYears: num(t, 'specifiedFieldYears'),
      internationalYears: num(t, 'internationalYears'),
    };
  }
  return DONT_KNOW;
}

function otherLanguages(answers: Answers): Profile['languages']['others'] {
  const others = value(answers, 'languages-other', 'others');
  if (!Array.isArray(others)) return DONT_KNOW;
  return others.map((language: string) => ({ language, written: true, spoken: true }));
}

function business(answers: Answers): Profile['business'] {
  const owns = tri(answer(answers, 'business'), 'ownsBusiness');
  return {
    ownsBusiness: owns,
    businessProfitLastYearHKD:
      owns === true ? num(answer(answers, 'business-profit'), 'profitHKD') : owns === false ? 0 : DONT_KNOW,
    ownsListedCompany: tri(answer(answers, 'listed-company'), 'ownsListedCompany'),
  };
}

function talentList(answers: Answers): Profile['talentList'] {
  const meets = tri(answer(answers, 'talent-list'), 'meets');
  if (meets === DONT_KNOW) return DONT_KNOW;
  if (!meets) return 'none';
  const profession = value(answers, 'talent-list-profession', 'profession');
  return { profession: typeof profession === 'string' && profession !== '' ? profession : '—' };
}

/** Builds the QMAS profile from the wizard's answers; an unanswered fact is "unknown". */
export function qmasProfile(answers: Answers): Profile {
  const chinese = answer(answers, 'languages-chinese');
  const english = answer(answers, 'languages-english');
  const achievements = answer(answers, 'achievements');
  return {
    schemaVersion: 2,
    person: {
      dateOfBirth: text(answer(answers, 'date-of-birth'), 'dateOfBirth'),
      nationality: text(answer(answers, 'nationality'), 'nationality'),
      mainlandResident: tri(answer(answers, 'mainland-resident'), 'mainlandResident'),
      prcPassportAbroad: prcPassportAbroad(answers),
      placeOfBirth: DONT_KNOW,
    },
    character: {
      selfSupporting: tri(answer(answers, 'self-supporting'), 'selfSupporting'),
      criminalRecord: tri(answer(answers, 'criminal-record'), 'criminalRecord'),
      adverseImmigrationRecord: tri(
        answer(answers, 'adverse-immigration-record'),
        'adverseImmigrationRecord',
      ),
    },
    education: {
      degrees: listOrUnknown(
        tri(answer(answers, 'has-degree'), 'hasDegree'),
        list(answers, 'degrees')?.items,
        degree,
      ),
      professionalQualification: tri(
        answer(answers, 'professional-qualification'),
        'professionalQualification',
      ),
    },
    languages: {
      chinese: {
        written: tri(chinese, 'written'),
        putonghua: tri(chinese, 'putonghua'),
        cantonese: tri(chinese, 'cantonese'),
      },
      english: { written: tri(english, 'written'), spoken: tri(english, 'spoken') },
      others: otherLanguages(answers),
    },
    work: work(answers),
    income: { lastYearHKD: num(answer(answers, 'income'), 'lastYearHKD') },
    business: business(answers),
    talentList: talentList(answers),
    achievements: {
      exceptionalAward: tri(achievements, 'exceptionalAward'),
      peerRecognition: tri(achievements, 'peerRecognition'),
    },
    family: {
      hkPermanentResidentInHongKong: tri(
        answer(answers, 'family-in-hong-kong'),
        'hkPermanentResidentInHongKong',
      ),
      parentChinesePermanentResidentSettledOverseas: DONT_KNOW,
    },
    jobOffer: DONT_KNOW,
    investment: { netAssetsHKD: DONT_KNOW, plannedInvestmentHKD: DONT_KNOW },
    sponsor: DONT_KNOW,
    dependants: listOrUnknown(
      tri(answer(answers, 'has-dependants'), 'hasDependants'),
      list(answers, 'dependants')?.items,
      dependant,
    ),
  };
}

/** The wizard's answers that a profile stands for: what the check page and a saved case show. */
export function qmasAnswers(profile: Profile): Answers {
  const a: Record<string, Answer | ListAnswer> = {};
  const p = profile.person;
  a['date-of-birth'] = { dateOfBirth: p.dateOfBirth };
  a.nationality = { nationality: p.nationality };
  a['mainland-resident'] = { mainlandResident: p.mainlandResident };
  if (p.prcPassportAbroad !== 'not_applicable' && asksPrcPassport(a)) {
    const x = p.prcPassportAbroad;
    a['prc-passport'] =
      x === DONT_KNOW
        ? {
            appliesFromOverseas: DONT_KNOW,
            overseasPermanentResidence: DONT_KNOW,
            livedOverseasAtLeastOneYear: DONT_KNOW,
          }
        : { ...x };
  }
  a['self-supporting'] = { selfSupporting: profile.character.selfSupporting };
  a['criminal-record'] = { criminalRecord: profile.character.criminalRecord };
  a['adverse-immigration-record'] = { adverseImmigrationRecord: profile.character.adverseImmigrationRecord };
  const degrees = profile.education.degrees;
  a['has-degree'] = { hasDegree: degrees === DONT_KNOW ? DONT_KNOW : degrees.length > 0 };
  if (degrees !== DONT_KNOW && degrees.length > 0) {
    a.degrees = {
      done: true,
      items: degrees.map((d) => ({
        level: d.level,
        institution: d.institution,
        subject: d.subject,
        eligibleUniversity: d.eligibleUniversity,
        stem: d.stem,
        renownedInstitution: d.renownedInstitution,
        yearAwarded: d.yearAwarded,
      })),
    };
  }
  a['professional-qualification'] = {
    professionalQualification: profile.education.professionalQualification,
  };
  a['languages-chinese'] = { ...profile.languages.chinese };
  a['languages-english'] = { ...profile.languages.english };
  const others = profile.languages.others;
  a['languages-other'] = {
    others:
      others === DONT_KNOW
        ? DONT_KNOW
        : others.filter((l) => l.written === true && l.spoken === true).map((l) => l.language),
  };
  const work = profile.work;
  a.work = { format: work === DONT_KNOW ? DONT_KNOW : work.kind };
  if (work !== DONT_KNOW && work.kind === 'periods') {
    a['work-periods'] = {
      done: true,
      items: work.periods.map((w) => ({
        from: w.from.slice(0, 7),
        to: w.to === 'present' ? 'present' : w.to.slice(0, 7),
        graduateLevel: w.graduateLevel,
        seniorRole: w.seniorRole,
        multinationalOrRenowned: w.multinationalOrRenowned,
        field: w.field,
        international: w.international,
      })),
    };
  } else if (work !== DONT_KNOW) {
    const { kind: _kind, ...years } = work;
    a['work-totals'] = years;
  }
  a.income = { lastYearHKD: profile.income.lastYearHKD };
  a.business = { ownsBusiness: profile.business.ownsBusiness };
  if (profile.business.ownsBusiness === true)
    a['business-profit'] = { profitHKD: profile.business.businessProfitLastYearHKD };
  a['listed-company'] = { ownsListedCompany: profile.business.ownsListedCompany };
  const talent = profile.talentList;
  a['talent-list'] = { meets: talent === DONT_KNOW ? DONT_KNOW : talent !== 'none' };
  if (talent !== DONT_KNOW && talent !== 'none')
    a['talent-list-profession'] = { profession: talent.profession };
  a.achievements = { ...profile.achievements };
  a['family-in-hong-kong'] = { hkPermanentResidentInHongKong: profile.family.hkPermanentResidentInHongKong };
  const dependants = profile.dependants;
  a['has-dependants'] = { hasDependants: dependants === DONT_KNOW ? DONT_KNOW : dependants.length > 0 };
  if (dependants !== DONT_KNOW && dependants.length > 0) {
    a.dependants = {
      done: true,
      items: dependants.map((d) => {
        const { relation, dateOfBirth, nationality, mainlandResident } = d;
        const common = { relation, dateOfBirth, nationality, mainlandResident };
        return d.relation === 'child'
          ? { ...common, married: d.married }
          : { ...common, hasDegree: d.hasDegree };
      }),
    };
  }
  return a;
}

export const qmasFlow: Flow = {
  routeId: 'hk.qmas',
  nodes: qmasNodes,
  submissionNode: 'submission-date',
  toProfile: qmasProfile,
  fromProfile: qmasAnswers,
};
