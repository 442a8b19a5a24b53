import {
  type Degree,
  type Dependant,
  hongKongProgrammes,
  type JobOffer,
  type Profile,
  placesOfBirth,
  type Sponsor,
  sponsorRelations,
  sponsorStatuses,
  technologyAreas,
  type WorkPeriod,
  workFields,
} from '../profile/schema.ts';
import {
  type Answer,
  type Answers,
  DONT_KNOW,
  type DontKnow,
  type FieldSpec,
  type FlowNode,
  isListAnswer,
  type ListAnswer,
} from './types.ts';

/**
 * Answers and profiles, both ways. Every questionnaire asks a fact under the same question id and
 * input name, so one reading serves them all: a question a questionnaire does not ask (the QMAS
 * wizard has no job-offer page) leaves its facts unknown, and every fact is written back under the
 * question that asks it.
 */

type Tri = boolean | DontKnow;

function answer(answers: Answers, id: string): Answer | undefined {
  const a = answers[id];
  return a === undefined || isListAnswer(a) ? undefined : a;
}

function list(answers: Answers, id: string): ListAnswer | undefined {
  const a = answers[id];
  return isListAnswer(a) ? a : undefined;
}

export function value(answers: Answers, id: string, field: string) {
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

function num(a: Answer | undefined, field: string): number | DontKnow {
  const v = a?.[field];
  return typeof v === 'number' ? v : DONT_KNOW;
}

function oneOf<T extends string>(options: readonly T[], v: unknown): T | DontKnow {
  return options.find((o) => o === v) ?? DONT_KNOW;
}

/** Chinese nationals who are not (or may not be) Mainland residents: the PRC-passport question. */
export function asksPrcPassport(answers: Answers): boolean {
  return (
    value(answers, 'nationality', 'nationality') === 'CHN' &&
    value(answers, 'mainland-resident', 'mainlandResident') !== true
  );
}

/** The Hong Kong study programmes after which a graduation date matters. */
const HONG_KONG_STUDY: readonly string[] = ['ugc_funded', 'self_financed', 'gba_campus'];

// ---------------------------------------------------------------------------------------------
// Answers → profile
// ---------------------------------------------------------------------------------------------

/**
 * The answers a profile is built from: each question's answer and each list's items, as the
 * questionnaire lets them count (only questions on the path; only inputs it asks).
 */
export interface AnswersRead {
  asked(id: string): Answer | undefined;
  items(id: string): readonly Answer[] | undefined;
}

/**
 * Reads the answers to the nodes on the path (those whose `when` holds), so changing an earlier
 * answer never leaves a stale fact behind; `keep` trims an answer to the inputs that count.
 */
export function answersOnPath(
  nodes: readonly FlowNode[],
  answers: Answers,
  keep: (node: FlowNode, a: Answer) => Answer = (_node, a) => a,
): AnswersRead {
  const onPath = new Map(nodes.filter((n) => (n.when ? n.when(answers) : true)).map((n) => [n.id, n]));
  return {
    asked(id) {
      const node = onPath.get(id);
      const a = answer(answers, id);
      return node && a ? keep(node, a) : undefined;
    },
    items(id) {
      const node = onPath.get(id);
      const l = list(answers, id);
      return node && l ? l.items.map((item) => keep(node, item)) : undefined;
    },
  };
}

/** Keeps the inputs of an answer that are relevant to its other inputs (a child's marriage). */
export function relevantInputs(specs: readonly FieldSpec[], a: Answer): Answer {
  const relevant = (spec: FieldSpec) =>
    spec.name in a && (!spec.onlyWhen || spec.onlyWhen.in.includes(String(a[spec.onlyWhen.field])));
  return Object.fromEntries(specs.filter(relevant).map((spec) => [spec.name, a[spec.name]])) as Answer;
}

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

function degree(a: Answer): Degree {
  return {
    level: oneOf(['bachelor', 'master', 'doctorate'] as const, a.level),
    institution: text(a, 'institution'),
    subject: text(a, 'subject'),
    stem: tri(a, 'stem'),
    eligibleUniversity: tri(a, 'eligibleUniversity'),
    renownedInstitution: tri(a, 'renownedInstitution'),
    yearAwarded: num(a, 'yearAwarded'),
    graduationDate: text(a, 'graduationDate'),
    hongKongProgramme: oneOf(hongKongProgrammes, a.hongKongProgramme),
    admittedAsNonLocalStudent: tri(a, 'admittedAsNonLocalStudent'),
  };
}

function workPeriod(a: Answer): WorkPeriod {
  return {
    from: `${String(a.from)}-01`,
    to: a.to === 'present' ? 'present' : lastDayOfMonth(String(a.to)),
    graduateLevel: tri(a, 'graduateLevel'),
    fullTimeOrSelfEmployed: tri(a, 'fullTimeOrSelfEmployed'),
    seniorRole: tri(a, 'seniorRole'),
    multinationalOrRenowned: tri(a, 'multinationalOrRenowned'),
    field: oneOf(workFields, a.field),
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

/** A list behind a yes/no question: unknown, none, or the items entered. */
function listOrUnknown<T>(
  gate: Tri,
  items: readonly Answer[] | undefined,
  map: (a: Answer) => T,
): T[] | DontKnow {
  if (gate === DONT_KNOW) return DONT_KNOW;
  if (gate === false) return [];
  return (items ?? []).map(map);
}

function prcPassportAbroad({ asked }: AnswersRead): Profile['person']['prcPassportAbroad'] {
  const nationality = asked('nationality')?.nationality;
  if (nationality === undefined || nationality === DONT_KNOW) return DONT_KNOW;
  if (nationality !== 'CHN' || asked('mainland-resident')?.mainlandResident === true) return 'not_applicable';
  const a = asked('prc-passport');
  if (!a) return DONT_KNOW;
  return {
    appliesFromOverseas: tri(a, 'appliesFromOverseas'),
    overseasPermanentResidence: tri(a, 'overseasPermanentResidence'),
    livedOverseasAtLeastOneYear: tri(a, 'livedOverseasAtLeastOneYear'),
  };
}

function work({ asked, items }: AnswersRead): Profile['work'] {
  const format = asked('work')?.format;
  if (format === 'periods')
    return { kind: 'periods', periods: (items('work-periods') ?? []).map(workPeriod) };
  if (format === 'totals') {
    const t = asked('work-totals');
    return {
      kind: 'totals',
      graduateYears: num(t, 'graduateYears'),
      seniorYears: num(t, 'seniorYears'),
      multinationalYears: num(t, 'multinationalYears'),
      specifiedFieldYears: num(t, 'specifiedFieldYears'),
      internationalYears: num(t, 'internationalYears'),
      fullTimeYearsAfterGraduation: num(t, 'fullTimeYearsAfterGraduation'),
      fullTimeYearsInLastFive: num(t, 'fullTimeYearsInLastFive'),
    };
  }
  return DONT_KNOW;
}

function business({ asked }: AnswersRead): Profile['business'] {
  const owns = tri(asked('business'), 'ownsBusiness');
  return {
    ownsBusiness: owns,
    businessProfitLastYearHKD:
      owns === true ? num(asked('business-profit'), 'profitHKD') : owns === false ? 0 : DONT_KNOW,
    ownsListedCompany: tri(asked('listed-company'), 'ownsListedCompany'),
  };
}

function jobOffer({ asked }: AnswersRead): Profile['jobOffer'] {
  const has = tri(asked('job-offer'), 'hasOffer');
  if (has !== true) return has === false ? 'none' : DONT_KNOW;
  const post = asked('job-offer-post');
  const pay = asked('job-offer-pay');
  const employer = asked('job-offer-employer');
  const technology = asked('job-offer-technology');
  const offer: JobOffer = {
    relevantToQualifications: tri(post, 'relevantToQualifications'),
    degreeLevelPost: tri(post, 'degreeLevelPost'),
    annualSalaryHKD: num(pay, 'annualSalaryHKD'),
    marketLevelPay: tri(pay, 'marketLevelPay'),
    cannotBeFilledLocally: tri(employer, 'cannotBeFilledLocally'),
    employerHasTechTasQuota: tri(employer, 'employerHasTechTasQuota'),
    researchAndDevelopment: tri(technology, 'researchAndDevelopment'),
    technologyArea: oneOf(technologyAreas, technology?.technologyArea),
  };
  return offer;
}

function sponsor({ asked }: AnswersRead): Profile['sponsor'] {
  const has = tri(asked('sponsor'), 'hasSponsor');
  if (has !== true) return has === false ? 'none' : DONT_KNOW;
  const s: Sponsor = {
    relation: oneOf(sponsorRelations, asked('sponsor-relation')?.relation),
    status: oneOf(sponsorStatuses, asked('sponsor-status')?.status),
    canSupportAndAccommodate: tri(asked('sponsor-support'), 'canSupportAndAccommodate'),
    applicantUnmarried: tri(asked('sponsor-unmarried'), 'applicantUnmarried'),
  };
  return s;
}

function investment({ asked }: AnswersRead): Profile['investment'] {
  const might = tri(asked('might-invest'), 'mightInvest');
  // Someone who will not invest plans to invest nothing; what they own is then not asked.
  if (might === false) return { netAssetsHKD: DONT_KNOW, plannedInvestmentHKD: 0 };
  const a = might === true ? asked('investment') : undefined;
  return { netAssetsHKD: num(a, 'netAssetsHKD'), plannedInvestmentHKD: num(a, 'plannedInvestmentHKD') };
}

/** "—" stands for a profession the person meets but has not named. */
const UNNAMED_PROFESSION = '—';

function talentList({ asked }: AnswersRead): Profile['talentList'] {
  const meets = tri(asked('talent-list'), 'meets');
  if (meets === DONT_KNOW) return DONT_KNOW;
  if (!meets) return 'none';
  const named = text(asked('talent-list-profession'), 'profession');
  return { profession: named === DONT_KNOW ? UNNAMED_PROFESSION : named };
}

function otherLanguages({ asked }: AnswersRead): Profile['languages']['others'] {
  const others = asked('languages-other')?.others;
  if (!Array.isArray(others)) return DONT_KNOW;
  return others.map((language: string) => ({ language, written: true, spoken: true }));
}

/** The profile the answers stand for; every fact not answered is "unknown". */
export function profileFromAnswers(read: AnswersRead): Profile {
  const { asked, items } = read;
  const chinese = asked('languages-chinese');
  const english = asked('languages-english');
  const achievements = asked('achievements');
  return {
    schemaVersion: 3,
    person: {
      dateOfBirth: text(asked('date-of-birth'), 'dateOfBirth'),
      nationality: text(asked('nationality'), 'nationality'),
      mainlandResident: tri(asked('mainland-resident'), 'mainlandResident'),
      prcPassportAbroad: prcPassportAbroad(read),
      placeOfBirth: oneOf(placesOfBirth, asked('place-of-birth')?.placeOfBirth),
    },
    character: {
      selfSupporting: tri(asked('self-supporting'), 'selfSupporting'),
      criminalRecord: tri(asked('criminal-record'), 'criminalRecord'),
      adverseImmigrationRecord: tri(asked('adverse-immigration-record'), 'adverseImmigrationRecord'),
    },
    education: {
      degrees: listOrUnknown(tri(asked('has-degree'), 'hasDegree'), items('degrees'), degree),
      professionalQualification: tri(asked('professional-qualification'), 'professionalQualification'),
    },
    languages: {
      chinese: {
        written: tri(chinese, 'written'),
        putonghua: tri(chinese, 'putonghua'),
        cantonese: tri(chinese, 'cantonese'),
      },
      english: { written: tri(english, 'written'), spoken: tri(english, 'spoken') },
      others: otherLanguages(read),
    },
    work: work(read),
    income: { lastYearHKD: num(asked('income'), 'lastYearHKD') },
    business: business(read),
    talentList: talentList(read),
    achievements: {
      exceptionalAward: tri(achievements, 'exceptionalAward'),
      peerRecognition: tri(achievements, 'peerRecognition'),
    },
    family: {
      hkPermanentResidentInHongKong: tri(asked('family-in-hong-kong'), 'hkPermanentResidentInHongKong'),
      parentChinesePermanentResidentSettledOverseas: tri(
        asked('parent-settled-overseas'),
        'parentChinesePermanentResidentSettledOverseas',
      ),
    },
    jobOffer: jobOffer(read),
    investment: investment(read),
    sponsor: sponsor(read),
    dependants: listOrUnknown(tri(asked('has-dependants'), 'hasDependants'), items('dependants'), dependant),
  };
}

// ---------------------------------------------------------------------------------------------
// Profile → answers
// ---------------------------------------------------------------------------------------------

/**
 * The answers a profile stands for, under every question any questionnaire asks; a
 * questionnaire keeps those of its own questions.
 */
export function answersFromProfile(profile: Profile): Answers {
  const a: Record<string, Answer | ListAnswer> = {};
  const p = profile.person;
  a['date-of-birth'] = { dateOfBirth: p.dateOfBirth };
  a.nationality = { nationality: p.nationality };
  a['mainland-resident'] = { mainlandResident: p.mainlandResident };
  const x = p.prcPassportAbroad;
  if (x !== 'not_applicable' && asksPrcPassport(a))
    a['prc-passport'] =
      x === DONT_KNOW
        ? {
            appliesFromOverseas: DONT_KNOW,
            overseasPermanentResidence: DONT_KNOW,
            livedOverseasAtLeastOneYear: DONT_KNOW,
          }
        : { ...x };
  a['place-of-birth'] = { placeOfBirth: p.placeOfBirth };
  a['parent-settled-overseas'] = {
    parentChinesePermanentResidentSettledOverseas:
      profile.family.parentChinesePermanentResidentSettledOverseas,
  };
  a['self-supporting'] = { selfSupporting: profile.character.selfSupporting };
  a['criminal-record'] = { criminalRecord: profile.character.criminalRecord };
  a['adverse-immigration-record'] = { adverseImmigrationRecord: profile.character.adverseImmigrationRecord };
  const degrees = profile.education.degrees;
  a['has-degree'] = { hasDegree: degrees === DONT_KNOW ? DONT_KNOW : degrees.length > 0 };
  if (degrees !== DONT_KNOW && degrees.length > 0)
    a.degrees = {
      done: true,
      items: degrees.map((d) => {
        const { graduationDate, ...item } = d;
        return HONG_KONG_STUDY.includes(d.hongKongProgramme) ? { ...item, graduationDate } : item;
      }),
    };
  a['professional-qualification'] = {
    professionalQualification: profile.education.professionalQualification,
  };
  const w = profile.work;
  a.work = { format: w === DONT_KNOW ? DONT_KNOW : w.kind };
  if (w !== DONT_KNOW && w.kind === 'periods')
    a['work-periods'] = {
      done: true,
      items: w.periods.map((period) => ({
        ...period,
        from: period.from.slice(0, 7),
        to: period.to === 'present' ? 'present' : period.to.slice(0, 7),
      })),
    };
  else if (w !== DONT_KNOW) {
    const { kind: _kind, ...years } = w;
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
    a['talent-list-profession'] = {
      profession: talent.profession === UNNAMED_PROFESSION ? DONT_KNOW : talent.profession,
    };
  const offer = profile.jobOffer;
  a['job-offer'] = { hasOffer: offer === DONT_KNOW ? DONT_KNOW : offer !== 'none' };
  if (offer !== DONT_KNOW && offer !== 'none') {
    a['job-offer-post'] = {
      relevantToQualifications: offer.relevantToQualifications,
      degreeLevelPost: offer.degreeLevelPost,
    };
    a['job-offer-pay'] = { annualSalaryHKD: offer.annualSalaryHKD, marketLevelPay: offer.marketLevelPay };
    a['job-offer-employer'] = {
      cannotBeFilledLocally: offer.cannotBeFilledLocally,
      employerHasTechTasQuota: offer.employerHasTechTasQuota,
    };
    a['job-offer-technology'] = {
      researchAndDevelopment: offer.researchAndDevelopment,
      technologyArea: offer.technologyArea,
    };
  }
  a['languages-chinese'] = { ...profile.languages.chinese };
  a['languages-english'] = { ...profile.languages.english };
  const others = profile.languages.others;
  a['languages-other'] = {
    others:
      others === DONT_KNOW
        ? DONT_KNOW
        : others.filter((l) => l.written === true && l.spoken === true).map((l) => l.language),
  };
  a.achievements = { ...profile.achievements };
  a['family-in-hong-kong'] = { hkPermanentResidentInHongKong: profile.family.hkPermanentResidentInHongKong };
  const s = profile.sponsor;
  a.sponsor = { hasSponsor: s === DONT_KNOW ? DONT_KNOW : s !== 'none' };
  if (s !== DONT_KNOW && s !== 'none') {
    a['sponsor-relation'] = { relation: s.relation };
    a['sponsor-status'] = { status: s.status };
    a['sponsor-support'] = { canSupportAndAccommodate: s.canSupportAndAccommodate };
    a['sponsor-unmarried'] = { applicantUnmarried: s.applicantUnmarried };
  }
  const inv = profile.investment;
  const wontInvest = inv.plannedInvestmentHKD === 0 && inv.netAssetsHKD === DONT_KNOW;
  const unknownInvestment = inv.plannedInvestmentHKD === DONT_KNOW && inv.netAssetsHKD === DONT_KNOW;
  a['might-invest'] = { mightInvest: wontInvest ? false : unknownInvestment ? DONT_KNOW : true };
  if (!wontInvest && !unknownInvestment) a.investment = { ...inv };
  const dependants = profile.dependants;
  a['has-dependants'] = { hasDependants: dependants === DONT_KNOW ? DONT_KNOW : dependants.length > 0 };
  if (dependants !== DONT_KNOW && dependants.length > 0)
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
  return a;
}

/** Of some answers, those to the given nodes. */
export function answersTo(nodes: readonly FlowNode[], answers: Answers): Answers {
  const kept: Record<string, Answer | ListAnswer> = {};
  for (const n of nodes) {
    const a = answers[n.id];
    if (a !== undefined) kept[n.id] = a;
  }
  return kept;
}
