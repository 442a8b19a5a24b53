import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/compare.ts';
import { comparisonFlow } from '../../src/flows/compare.ts';
import { flows } from '../../src/flows/index.ts';
import { webCatalogues } from '../../src/i18n/web-messages.ts';
import { languages } from '../../src/rules/schema.ts';
import { SHIPPED_ROUTE_IDS, shippedRoute } from '../../src/rules/shipped.ts';
import { Client, findForm } from './client.ts';
import { h1, htmlLang, links, text } from './html.ts';
import { earner, type TestApp, walkCompare, webApp } from './setup.ts';

let t: TestApp;
beforeAll(async () => {
  t = await webApp();
}, 120_000);
afterAll(() => t.close(), 60_000);

const routes = SHIPPED_ROUTE_IDS.map(shippedRoute);

/** The route ids of the cards, in the order shown. */
function cardOrder(html: string): string[] {
  return [...html.matchAll(/<article aria-labelledby="route-([a-z0-9-]+)"/g)].map((m) =>
    (m[1] as string).replace(/^hk-/, 'hk.'),
  );
}

describe('the comparison with JavaScript off', () => {
  it('asks one question per page, then shows every route as a card ranked as compare() ranks them', async () => {
    const client = new Client(t.app);
    const { check, visited } = await walkCompare(client, earner);
    expect(h1(check.html)).toBe('Check your answers');
    expect(visited[0]).toBe('apply-date');
    // No follow-up page for an offer, a sponsor or an investment the person said they do not have.
    for (const id of visited) expect(id).not.toMatch(/^(job-offer-|sponsor-|investment)/);
    const page = await client.get('/compare/result');
    expect(page.status).toBe(200);
    expect(h1(page.html)).toBe('Your comparison');
    const order = cardOrder(page.html);
    expect([...order].sort()).toEqual([...SHIPPED_ROUTE_IDS].sort());
    // The same profile compared directly gives the same ranking.
    const flow = comparisonFlow(routes);
    expect(flow.routeId).toBe('compare');
    const body = text(page.html);
    expect(body).toContain('Meeting the requirements is not approval.');
    expect(body).toContain('Routewise is independent software, not an official government service');
    expect(body).toMatch(/On your answers, \d+ of \d+ routes fit you/);
    if (order.includes('hk.ttps')) {
      expect(body).toContain('Routes that fit');
      const fitSection =
        /<section aria-labelledby="group-fits">[\s\S]*?<\/section>/.exec(page.html)?.[0] ?? '';
      expect(cardOrder(fitSection)).toContain('hk.ttps');
    }
    // Each card: fit, why, stay, family fees, permanent residence, guide; an assessment where one exists.
    const hrefs = links(page.html);
    for (const id of SHIPPED_ROUTE_IDS) {
      expect(hrefs).toContain(`/routes/${id}`);
      if (flows.has(id)) expect(hrefs).toContain(`/assess/${id}`);
      else expect(hrefs).not.toContain(`/assess/${id}`);
    }
    for (const word of ['Why', 'First stay', 'Fees for your family', 'Path to permanent residence'])
      expect(body).toContain(word);
    expect(body).toMatch(/HK\$[\d,]+ for you alone/);
  });

  it('ranks the cards exactly as compare() does for the profile the answers build', async () => {
    const client = new Client(t.app);
    await walkCompare(client, earner);
    const page = await client.get('/compare/result');
    // Rebuild the profile the questionnaire built, from the check page's answers, is not possible
    // from outside: compare the order with a comparison of the same profile made in-process.
    const flow = comparisonFlow(routes);
    const answers = {
      'apply-date': { date: '2025-06-01' },
      'date-of-birth': { dateOfBirth: '1990-05-01' },
      nationality: { nationality: 'GBR' },
      'mainland-resident': { mainlandResident: false },
      'place-of-birth': { placeOfBirth: 'overseas' },
      'parent-settled-overseas': { parentChinesePermanentResidentSettledOverseas: false },
      'self-supporting': { selfSupporting: true },
      'criminal-record': { criminalRecord: false },
      'adverse-immigration-record': { adverseImmigrationRecord: false },
      'has-degree': { hasDegree: true },
      degrees: {
        items: [
          {
            level: 'master',
            institution: 'University College London',
            eligibleUniversity: true,
            stem: true,
            yearAwarded: 2013,
            hongKongProgramme: 'none',
          },
        ],
        done: true,
      },
      'professional-qualification': { professionalQualification: false },
      work: { format: 'totals' },
      'work-totals': {
        graduateYears: 10,
        seniorYears: 5,
        multinationalYears: 6,
        specifiedFieldYears: 6,
        internationalYears: 3,
      },
      income: { lastYearHKD: 2_800_000 },
      business: { ownsBusiness: false },
      'listed-company': { ownsListedCompany: false },
      'talent-list': { meets: false },
      'job-offer': { hasOffer: false },
      'languages-chinese': { written: false, putonghua: false, cantonese: false },
      'languages-english': { written: true, spoken: true },
      'languages-other': { others: ['French'] },
      achievements: { exceptionalAward: false, peerRecognition: false },
      sponsor: { hasSponsor: false },
      'might-invest': { mightInvest: false },
      'has-dependants': { hasDependants: false },
    };
    const expected = compare(flow.toProfile(answers), routes, '2025-06-01T10:00:00+08:00', { lang: 'en' });
    expect(cardOrder(page.html)).toEqual(expected.routes.map((r) => r.route.id));
    for (const r of expected.routes) expect(text(page.html)).toContain(r.fitLabel);
  });

  it('counts every “I don’t know” as unknown, says what would decide each route, and links to the question', async () => {
    const client = new Client(t.app);
    await walkCompare(client, {
      'apply-date': { 'date-day': '', 'date-month': '', 'date-year': '', 'date-unknown': 'on' },
    });
    const page = await client.get('/compare/result');
    expect(page.status).toBe(200);
    const body = text(page.html);
    expect(body).not.toContain('Routes that fit (');
    expect(body).toContain('Routes that might fit');
    expect(body).toContain('Facts to find out');
    expect(links(page.html).some((h) => /^\/compare\/[a-z-]+\?change=1$/.test(h))).toBe(true);
  });

  it('shows the comparison for another submission date, and what changed', async () => {
    const client = new Client(t.app);
    await walkCompare(client, earner);
    const page = await client.get('/compare/result');
    const moved = await client.submit(
      page,
      { 'date-day': '1', 'date-month': '6', 'date-year': '2024' },
      '/compare/result/date',
    );
    expect(moved.status).toBe(200);
    const body = text(moved.html);
    expect(body).toContain('What changed from 1 June 2025');
    expect(body).toContain('Rules in force at 1 June 2024');
    // Questions only the rules of that day read are not answered yet: they count as unknown.
    expect(body).toMatch(/questions? matters? on this date that you have not answered/);
    const bad = await client.submit(
      moved,
      { 'date-day': '31', 'date-month': '2', 'date-year': '2024' },
      '/compare/result/date',
    );
    expect(bad.status).toBe(422);
    expect(text(bad.html)).toContain('There is a problem');
  });

  it('keeps its own draft beside the route self-assessment’s, never in an address', async () => {
    const client = new Client(t.app);
    await walkCompare(client, earner);
    const set = client.setCookies.find((c) => c.startsWith('rw_compare0='));
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/Path=\/compare/);
    for (const url of [...client.urls, ...client.locations])
      for (const p of ['1990', 'GBR', 'London', '2800000']) expect(url).not.toContain(p);
    const res = await t.app.request('/compare/result');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/compare');
  });

  it('names every route it compares on its start page, and leads from check to the comparison', async () => {
    const start = await new Client(t.app).get('/compare');
    for (const r of routes)
      expect(text(start.html)).toContain(`${r.route.name.en} (${r.route.shortName.en})`);
    const client = new Client(t.app);
    const { check } = await walkCompare(client, earner);
    expect(links(check.html)).toContain('/compare/result');
    expect(text(check.html)).toContain('See the comparison');
  });

  it('refuses a post without the form’s token', async () => {
    const client = new Client(t.app);
    const page = await client.get('/compare/apply-date');
    const form = findForm(page);
    const res = await t.app.request(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'date-unknown=on',
    });
    expect(res.status).toBe(403);
  });

  it('saves one route of the comparison as a case: that route’s result, evidence, tracker and the answers it rests on', async () => {
    const client = new Client(t.app);
    await walkCompare(client, earner);
    const page = await client.get('/compare/result');
    // Every route with rules in force has its own save button, named for the route; a route with
    // no rules on the comparison's date (opened later) has none, as there is no result to save.
    const notInForce = new Set(['hk.tp-stream', 'hk.vpas']);
    for (const id of SHIPPED_ROUTE_IDS) {
      const button = `name="route" value="${id}"`;
      if (notInForce.has(id)) expect(page.html).not.toContain(button);
      else expect(page.html).toContain(button);
    }
    const saved = await client.submit(page, { route: 'hk.ttps' }, '/compare/save');
    expect(saved.status).toBe(200);
    expect(saved.url).toMatch(/^\/cases\/[A-Za-z0-9_-]{43}\?saved=1$/);
    const body = text(saved.html);
    expect(body).toContain('Top Talent Pass Scheme · Your saved case');
    expect(body).toContain('On your answers, you meet the requirements');
    expect(body).toContain('Category A (high income)');
    // TTPS's own checklist and tracker, not QMAS's.
    expect(body).toContain('Your evidence checklist');
    expect(body).toContain('Your recent photograph');
    expect(body).toContain('Application tracker');
    expect(body).not.toContain('Quality Migrant Admission Scheme · Your saved case');
    // The answers as the comparison's questions asked them, income included; the day is not repeated.
    expect(body).toContain('What was your income in the year before you apply?');
    expect(body).toContain('HK$2,800,000');
    expect(body).not.toContain('When will you submit');
    // The report of the saved case is a PDF.
    const pdf = await t.app.request(`${saved.url.split('?')[0]}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });

  it('saves nothing for a route it does not compare, or without the form’s token', async () => {
    const client = new Client(t.app);
    await walkCompare(client, earner);
    const page = await client.get('/compare/result');
    const unknown = await client.submit(page, { route: 'hk.nowhere' }, '/compare/save');
    expect(unknown.url).toBe('/compare/result');
    expect(h1(unknown.html)).toBe('Your comparison');
    const forged = await t.app.request('/compare/save', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'route=hk.ttps',
    });
    expect(forged.status).toBe(403);
  });

  it('offers the Talent List professions of the version in force, and takes a profession it does not hold', async () => {
    const client = new Client(t.app);
    await walkCompare(client, { ...earner, 'talent-list': { meets: 'yes' } });
    const picker = await client.get('/compare/talent-list-profession?change=1');
    if (picker.status !== 200) return; // no shipped route reads the Talent List
    expect(picker.html).toMatch(/<select[^>]*name="profession"/);
    // "I don't know", chosen on the way, is shown chosen again, and nothing is typed in the box.
    expect(picker.html).toMatch(/<option value="unknown" selected/);
    expect(picker.html).toMatch(/<input[^>]*name="profession-other"[^>]*value=""/);
    expect(text(picker.html)).toMatch(/Routewise holds only \d+ of them|all of them are below/);
    const both = await client.submit(picker, { profession: 'actuaries', 'profession-other': 'Actuaries' });
    expect(both.status).toBe(422);
    const typed = await client.submit(picker, { profession: '', 'profession-other': 'Naval architects' });
    expect(typed.url).toBe('/compare/check');
    expect(text(typed.html)).toContain('Naval architects');
  });

  for (const lang of languages) {
    it(`renders the start, a question, the check page and the comparison in ${lang}`, async () => {
      const client = new Client(t.app);
      await walkCompare(client, earner, lang);
      for (const url of ['/compare', '/compare/apply-date', '/compare/check', '/compare/result']) {
        const page = await client.get(url);
        expect(page.status, url).toBe(200);
        expect(htmlLang(page.html), url).toBe(
          { en: 'en', 'zh-Hant': 'zh-Hant-HK', 'zh-Hans': 'zh-Hans' }[lang],
        );
        expect(page.html, url).not.toMatch(/\{[a-z]+\}|q\.[a-z-]+\.(title|hint)|comparison\.[a-z]/);
        expect(text(page.html)).toContain(webCatalogues[lang]['layout.notOfficial']);
      }
    });
  }
});
