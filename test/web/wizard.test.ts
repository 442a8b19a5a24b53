import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, findForm } from './client.ts';
import { byClass, h1, links, text } from './html.ts';
import { type Script, strong, type TestApp, unsure, walk, webApp } from './setup.ts';

let t: TestApp;
beforeAll(async () => {
  t = await webApp();
}, 120_000);
afterAll(() => t.close(), 60_000);

/** Everything the strong applicant typed that must never appear in an address. */
const personal = [
  '1990',
  'GBR',
  'University',
  'College',
  'London',
  'Computer',
  'French',
  '1,200,000',
  '1200000',
];

function errorSummary(html: string): string {
  return text(byClass(html, 'error-summary') ?? '');
}

describe('the self-assessment with JavaScript off', () => {
  it('walks one question per page to a result that meets the requirements', async () => {
    const client = new Client(t.app);
    const check = await walk(client, strong);
    expect(h1(check.html)).toBe('Check your answers');
    expect(text(check.html)).toContain('University College London');
    const result = await client.get('/assess/hk.qmas/result');
    expect(result.status).toBe(200);
    expect(h1(result.html)).toBe('On your answers, you meet the requirements');
    const body = text(result.html);
    expect(body).toContain('You meet 10 of 12 criteria; 6 are needed.');
    expect(body).toContain('Meeting the requirements is not approval.');
    // Fees for the whole family at the pinned date (2025-06-01): HK$600 + HK$1,300 for one person.
    expect(body).toContain('For you alone.');
    expect(body).toMatch(/Total HK\$1,900/);
    // Each criterion with its reason and its source.
    expect(body).toContain('Sources');
    expect(body).toContain(
      'Quality Migrant Admission Scheme (entry, and extension of stay for entrants and dependants)',
    );
  });

  it('never puts an answer in a URL or a Location header', async () => {
    const client = new Client(t.app);
    await walk(client, strong);
    await client.get('/assess/hk.qmas/result');
    const addresses = [...client.urls, ...client.locations];
    expect(addresses.length).toBeGreaterThan(25);
    for (const url of addresses) for (const p of personal) expect(url).not.toContain(p);
    // The draft cookie is sealed: none of the answers can be read from it either.
    const draft = [...client.cookies]
      .filter(([k]) => k.startsWith('rw_draft'))
      .map(([, v]) => v)
      .join('');
    expect(draft.length).toBeGreaterThan(100);
    for (const p of personal) expect(draft).not.toContain(p);
    const set = client.setCookies.find((c) => c.startsWith('rw_draft0='));
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).toMatch(/Path=\/assess/);
  });

  it('shows an error summary naming the field, with the message beside the input', async () => {
    const client = new Client(t.app);
    const page = await client.get('/assess/hk.qmas/date-of-birth');
    const bad = await client.submit(page, {
      'dateOfBirth-day': '31',
      'dateOfBirth-month': '2',
      'dateOfBirth-year': '1990',
    });
    expect(bad.status).toBe(422);
    expect(bad.url).toBe('/assess/hk.qmas/date-of-birth');
    const summary = errorSummary(bad.html);
    expect(summary).toContain('There is a problem');
    expect(summary).toContain('What is your date of birth?');
    expect(summary).toContain('Enter a real date, for example 15 6 1988.');
    expect(bad.html).toContain('href="#dateOfBirth-day"');
    expect(bad.html).toMatch(/<p class="error-message" id="dateOfBirth-error">/);
    expect(bad.html).toMatch(/<title>Error: What is your date of birth\?/);
    // What the person typed is kept in the form.
    expect(bad.html).toContain('value="31"');

    const none = await client.submit(await client.get('/assess/hk.qmas/criminal-record'), {});
    expect(errorSummary(none.html)).toContain(
      'Do you have a criminal record, in Hong Kong or anywhere else?',
    );
    expect(errorSummary(none.html)).toContain('If you are not sure, choose “I don’t know”.');
  });

  it('writes errors in the page language', async () => {
    const client = new Client(t.app);
    const page = await client.get('/assess/hk.qmas/income?lang=zh-Hant');
    const bad = await client.submit(page, { lastYearHKD: 'a lot' });
    expect(errorSummary(bad.html)).toContain('出現問題');
    expect(errorSummary(bad.html)).toContain('你在提出申請前一年的收入是多少？');
    expect(errorSummary(bad.html)).toContain('請以數字輸入金額');
    const hans = await client.submit(await client.get('/assess/hk.qmas/income?lang=zh-Hans'), {});
    expect(errorSummary(hans.html)).toContain('出现问题');
  });

  it('turns "I don\'t know" into an undetermined result that lists what to find out', async () => {
    const client = new Client(t.app);
    await walk(client, unsure);
    const result = await client.get('/assess/hk.qmas/result');
    expect(h1(result.html)).toBe('We can’t give a result yet');
    const body = text(result.html);
    expect(body).toContain('Facts to find out');
    for (const question of [
      'What is your date of birth?',
      'What is your nationality?',
      'Do you have a criminal record, in Hong Kong or anywhere else?',
      'Do you have a university degree?',
      'How would you like to tell us about your work experience?',
      'What was your income in the year before you apply?',
    ]) {
      expect(body).toContain(question);
    }
    // Each fact links back to its question, to answer it now.
    expect(links(result.html)).toContain('/assess/hk.qmas/date-of-birth?change=1');
    expect(body).toMatch(/the result will be “meets the requirements” or “does not meet the requirements”/);
  });

  it('answers a mix: some facts unknown but the result already decided', async () => {
    const client = new Client(t.app);
    const script: Script = {
      ...strong,
      'talent-list': { meets: 'unknown' },
      'listed-company': { ownsListedCompany: 'unknown' },
    };
    await walk(client, script);
    const result = await client.get('/assess/hk.qmas/result');
    expect(h1(result.html)).toBe('On your answers, you meet the requirements');
    expect(text(result.html)).toContain('Also not known');
    expect(text(result.html)).toContain('Do you own a listed company?');
  });

  it('explains kindly what is missing when the requirements are not met', async () => {
    const client = new Client(t.app);
    const script: Script = {
      ...strong,
      'degrees/add': { ...strong['degrees/add'], level: 'bachelor', eligibleUniversity: 'no', stem: 'no' },
      'languages-other': { others: '' },
      'work-totals': {
        graduateYears: '3',
        seniorYears: '0',
        multinationalYears: '0',
        specifiedFieldYears: '0',
        internationalYears: '0',
      },
      income: { lastYearHKD: '400000' },
    };
    await walk(client, script);
    const result = await client.get('/assess/hk.qmas/result');
    expect(h1(result.html)).toBe('On your answers, you do not meet the requirements yet');
    const body = text(result.html);
    expect(body).toContain('This is about the answers you gave, not about you.');
    expect(body).toContain('What would change the result');
    expect(body).toMatch(
      /General Points Test: you meet 2 of 12 criteria; 6 are needed — 4 more would be enough\./,
    );
    expect(body).toContain('Not met on your answers:');
    expect(body).not.toMatch(/\bnot eligible\b/i);
  });

  it('switches from the points test to the 12 criteria across 1 November 2024', async () => {
    const client = new Client(t.app);
    await walk(client, strong);
    const before = await client.submit(
      await client.get('/assess/hk.qmas/result'),
      { 'date-day': '31', 'date-month': '10', 'date-year': '2024' },
      '/assess/hk.qmas/result/date',
    );
    expect(before.url).toBe('/assess/hk.qmas/result');
    let body = text(before.html);
    expect(body).toContain('Rules in force at 31 October 2024 at 00:00');
    expect(body).toMatch(/\d+ of 245 points; the pass mark is 80\./);
    expect(body).not.toContain('of 12 criteria');
    expect(body).toContain('gpt-2023-245');

    const after = await client.submit(
      before,
      { 'date-day': '1', 'date-month': '11', 'date-year': '2024' },
      '/assess/hk.qmas/result/date',
    );
    body = text(after.html);
    expect(body).toContain('Rules in force at 1 November 2024 at 00:00');
    expect(body).toContain('You meet 10 of 12 criteria; 6 are needed.');
    expect(body).not.toContain('of 245 points');
    // The comparison with the date before.
    expect(body).toContain('What changed from 31 October 2024');
    expect(body).toContain('gpt-2023-245 → gpt-2024-criteria');
    // The old flat fee applied then.
    expect(body).toMatch(/Total HK\$230/);
  });

  it('refuses a submission date before the scheme had rules', async () => {
    const client = new Client(t.app);
    await walk(client, strong);
    const page = await client.submit(
      await client.get('/assess/hk.qmas/result'),
      { 'date-day': '1', 'date-month': '1', 'date-year': '2005' },
      '/assess/hk.qmas/result/date',
    );
    expect(page.status).toBe(422);
    expect(errorSummary(page.html)).toContain('Submission date');
    expect(errorSummary(page.html)).toContain('the scheme had no rules before then');
  });

  it('asks about the PRC passport only for Chinese nationals who are not Mainland residents', async () => {
    const client = new Client(t.app);
    const script: Script = {
      ...strong,
      nationality: { nationality: 'CHN' },
      'prc-passport': {
        appliesFromOverseas: 'yes',
        overseasPermanentResidence: 'no',
        livedOverseasAtLeastOneYear: 'yes',
      },
    };
    await walk(client, script);
    expect(client.urls).toContain('/assess/hk.qmas/prc-passport');
    const mainland = new Client(t.app);
    await walk(mainland, { ...script, 'mainland-resident': { mainlandResident: 'yes' } });
    expect(mainland.urls).not.toContain('/assess/hk.qmas/prc-passport');
    const result = await mainland.get('/assess/hk.qmas/result');
    expect(text(result.html)).toMatch(/consent/i);
    expect(text(result.html)).toMatch(/Exit-entry Permit/);
  });

  it('has a back link on every question and change links on the check page', async () => {
    const client = new Client(t.app);
    const check = await walk(client, strong);
    const dob = await client.get('/assess/hk.qmas/date-of-birth');
    expect(dob.html).toMatch(/class="back-link" href="\/assess\/hk\.qmas"/);
    const nationality = await client.get('/assess/hk.qmas/nationality');
    expect(nationality.html).toMatch(/class="back-link" href="\/assess\/hk\.qmas\/date-of-birth"/);
    expect(links(check.html)).toContain('/assess/hk.qmas/income?change=1');
    expect(links(check.html)).toContain('/assess/hk.qmas/degrees/1?change=1');
    // Changing an answer returns to the check page.
    const income = await client.get('/assess/hk.qmas/income?change=1');
    expect(income.html).toMatch(/class="back-link" href="\/assess\/hk\.qmas\/check"/);
    const back = await client.submit(income, { lastYearHKD: '900000' });
    expect(back.url).toBe('/assess/hk.qmas/check');
    expect(text(back.html)).toContain('HK$900,000');
  });

  it('adds, changes and removes items of a list', async () => {
    const client = new Client(t.app);
    await walk(client, strong);
    let page = await client.get('/assess/hk.qmas/degrees?change=1');
    expect(h1(page.html)).toBe('You have added 1 degree');
    page = await client.submit(page, { addAnother: 'yes' });
    expect(page.url).toBe('/assess/hk.qmas/degrees/add?change=1');
    page = await client.submit(page, {
      level: 'bachelor',
      eligibleUniversity: 'no',
      stem: 'unknown',
      renownedInstitution: 'unknown',
    });
    expect(h1(page.html)).toBe('You have added 2 degrees');
    page = await client.submit(page, {}, '/assess/hk.qmas/degrees/2/remove?change=1');
    expect(h1(page.html)).toBe('You have added 1 degree');
    // "Add another" needs an answer.
    const none = await client.submit(page, {});
    expect(none.status).toBe(422);
    expect(errorSummary(none.html)).toContain('Do you have another degree?');
    // A job must not end before it starts.
    const work = await new Client(t.app);
    await walk(work, strong);
    let w = await work.submit(await work.get('/assess/hk.qmas/work?change=1'), { format: 'periods' });
    expect(w.url).toBe('/assess/hk.qmas/work-periods/add?change=1');
    w = await work.submit(w, {
      'from-month': '5',
      'from-year': '2020',
      'to-month': '1',
      'to-year': '2019',
      graduateLevel: 'yes',
      seniorRole: 'no',
      multinationalOrRenowned: 'no',
      field: 'finance',
      international: 'no',
    });
    expect(w.status).toBe(422);
    expect(errorSummary(w.html)).toContain('The end must be the same month as the start or later.');
    w = await work.submit(w, { 'to-month': '', 'to-year': '', 'to-present': 'on' });
    expect(h1(w.html)).toBe('You have added 1 job');
    expect(findForm(w).action).toBe('/assess/hk.qmas/work-periods?change=1');
  });

  it('starts again when the answers are cleared', async () => {
    const client = new Client(t.app);
    await walk(client, strong);
    const start = await client.get('/assess/hk.qmas');
    const cleared = await client.submit(start, {}, '/assess/hk.qmas/clear');
    expect(cleared.url).toBe('/assess/hk.qmas?cleared=1');
    expect(text(cleared.html)).toContain('Your answers have been cleared from this device.');
    expect([...client.cookies.keys()].some((k) => k.startsWith('rw_draft'))).toBe(false);
    const result = await client.get('/assess/hk.qmas/result');
    expect(result.url).toBe('/assess/hk.qmas');
  });
});
