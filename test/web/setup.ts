import { type TestApp, testApp } from '../api/helpers.ts';
import { type Client, findForm, type Page } from './client.ts';
import type { Form } from './html.ts';

export type { TestApp };

/** The whole app (API + web) on a temporary PGlite store, clock pinned to 2025-06-01 10:00 HKT. */
export function webApp(overrides: Parameters<typeof testApp>[0] = {}): Promise<TestApp> {
  return testApp(overrides);
}

/** Answers by page: a node id (or list page, e.g. "degrees/add") to the form values to send. */
export type Script = Record<string, Record<string, string | undefined>>;

/**
 * A 35-year-old British graduate with ten years' work, five senior, English and French, of good
 * record, with no business, award or dependants: what the QMAS and comparison scripts share.
 */
const britishGraduate: Script = {
  'date-of-birth': { 'dateOfBirth-day': '1', 'dateOfBirth-month': '5', 'dateOfBirth-year': '1990' },
  nationality: { nationality: 'GBR' },
  'mainland-resident': { mainlandResident: 'no' },
  'self-supporting': { selfSupporting: 'yes' },
  'criminal-record': { criminalRecord: 'no' },
  'adverse-immigration-record': { adverseImmigrationRecord: 'no' },
  'has-degree': { hasDegree: 'yes' },
  degrees: { addAnother: 'no' },
  'professional-qualification': { professionalQualification: 'no' },
  'languages-chinese': { written: 'no', putonghua: 'no', cantonese: 'no' },
  'languages-english': { written: 'yes', spoken: 'yes' },
  'languages-other': { others: 'French' },
  work: { format: 'totals' },
  'work-totals': {
    graduateYears: '10',
    seniorYears: '5',
    multinationalYears: '6',
    specifiedFieldYears: '6',
    internationalYears: '3',
  },
  business: { ownsBusiness: 'no' },
  'listed-company': { ownsListedCompany: 'no' },
  'talent-list': { meets: 'no' },
  achievements: { exceptionalAward: 'no', peerRecognition: 'no' },
  'has-dependants': { hasDependants: 'no' },
};

/** The graduate's degree: a STEM master's of 2013 from University College London, an eligible university. */
const uclMasters = {
  level: 'master',
  institution: 'University College London',
  eligibleUniversity: 'yes',
  stem: 'yes',
  yearAwarded: '2013',
};

/** A 35-year-old British applicant with a STEM master's: meets 10 of the 12 criteria. */
export const strong: Script = {
  ...britishGraduate,
  'degrees/add': { ...uclMasters, subject: 'Computer Science', renownedInstitution: 'yes' },
  income: { lastYearHKD: '1,200,000' },
  'family-in-hong-kong': { hkPermanentResidentInHongKong: 'no' },
  'submission-date': {},
};

/**
 * The same graduate earning HK$2.8 million, born overseas, with no job offer, sponsor or plan to
 * invest, for the comparison (whose pages it does not name are answered "I don't know"): fits the
 * Top Talent Pass at least.
 */
export const earner: Script = {
  ...britishGraduate,
  'apply-date': {},
  'place-of-birth': { placeOfBirth: 'overseas' },
  'parent-settled-overseas': { parentChinesePermanentResidentSettledOverseas: 'no' },
  'degrees/add': { ...uclMasters, hongKongProgramme: 'none' },
  income: { lastYearHKD: '2,800,000' },
  'job-offer': { hasOffer: 'no' },
  sponsor: { hasSponsor: 'no' },
  'might-invest': { mightInvest: 'no' },
};

/** "I don't know" to everything that allows it. */
export const unsure: Script = {
  'date-of-birth': { 'dateOfBirth-unknown': 'on' },
  nationality: { nationality: 'unknown' },
  'mainland-resident': { mainlandResident: 'unknown' },
  'self-supporting': { selfSupporting: 'unknown' },
  'criminal-record': { criminalRecord: 'unknown' },
  'adverse-immigration-record': { adverseImmigrationRecord: 'unknown' },
  'has-degree': { hasDegree: 'unknown' },
  'professional-qualification': { professionalQualification: 'unknown' },
  'languages-chinese': { written: 'unknown', putonghua: 'unknown', cantonese: 'unknown' },
  'languages-english': { written: 'unknown', spoken: 'unknown' },
  'languages-other': { others: '', 'others-unknown': 'on' },
  work: { format: 'unknown' },
  income: { 'lastYearHKD-unknown': 'on' },
  business: { ownsBusiness: 'unknown' },
  'listed-company': { ownsListedCompany: 'unknown' },
  'talent-list': { meets: 'unknown' },
  achievements: { exceptionalAward: 'unknown', peerRecognition: 'unknown' },
  'family-in-hong-kong': { hkPermanentResidentInHongKong: 'unknown' },
  'has-dependants': { hasDependants: 'unknown' },
  'submission-date': {},
};

const BASE = '/assess/hk.qmas/';

/**
 * Walks the wizard from its start page to "check your answers", answering each page from the
 * script, with plain form posts. Returns the check page.
 */
export async function walk(client: Client, script: Script, lang?: string): Promise<Page> {
  let page = await client.get(`/assess/hk.qmas${lang ? `?lang=${lang}` : ''}`);
  const start = /<a class="button button--start" href="(\/assess\/hk\.qmas\/[^"]+)"/.exec(page.html)?.[1];
  if (!start) throw new Error('No start button');
  page = await client.get(start);
  for (let step = 0; step < 60; step++) {
    if (page.url.startsWith(`${BASE}check`)) return page;
    if (page.status !== 200)
      throw new Error(`${page.url} answered ${page.status}:\n${page.html.slice(0, 2000)}`);
    const id = page.url.slice(BASE.length).split('?')[0] as string;
    const values = script[id];
    if (!values) throw new Error(`The script has no answer for ${id}`);
    page = await client.submit(page, values);
  }
  throw new Error('The wizard did not reach the check page');
}

/**
 * "I don't know" for every input of a form that offers it (radios, selects, the boxes beside
 * dates, amounts and lists); other inputs are left as they are.
 */
export function dontKnow(form: Form): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of form.fields) {
    if (
      (f.type === 'radio' && f.value === 'unknown') ||
      (f.type === 'select' && f.options?.includes('unknown'))
    )
      values[f.name] = 'unknown';
    if (f.type === 'checkbox' && f.name.endsWith('-unknown')) {
      values[f.name] = 'on';
      // A pre-filled value beside the box would contradict it.
      const base = f.name.slice(0, -'-unknown'.length);
      for (const part of [base, `${base}-day`, `${base}-month`, `${base}-year`])
        if (form.fields.some((x) => x.name === part)) values[part] = '';
    }
  }
  return values;
}

/**
 * Walks the comparison questionnaire from its start page to "check your answers": each page is
 * answered from the script when it names the page, and with "I don't know" otherwise (the pages
 * asked depend on the routes shipped, so a script cannot know them all). Returns the check page
 * and the pages visited, in order.
 */
export async function walkCompare(
  client: Client,
  script: Script,
  lang?: string,
): Promise<{ check: Page; visited: string[] }> {
  let page = await client.get(`/compare${lang ? `?lang=${lang}` : ''}`);
  const start = /<a class="button button--start" href="(\/compare\/[^"]+)"/.exec(page.html)?.[1];
  if (!start) throw new Error('No start button');
  page = await client.get(start);
  const visited: string[] = [];
  for (let step = 0; step < 80; step++) {
    if (page.url.startsWith('/compare/check')) return { check: page, visited };
    if (page.status !== 200)
      throw new Error(`${page.url} answered ${page.status}:\n${page.html.slice(0, 2000)}`);
    const id = page.url.slice('/compare/'.length).split('?')[0] as string;
    visited.push(id);
    const values = script[id] ?? dontKnow(findForm(page));
    page = await client.submit(page, values);
  }
  throw new Error('The comparison questionnaire did not reach the check page');
}
