import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './client.ts';
import { byClass, formData, forms, h1, htmlLang, text } from './html.ts';
import { strong, type TestApp, walk, webApp } from './setup.ts';

let t: TestApp;
beforeAll(async () => {
  // Rate limits count per client; tests name their client in a header.
  t = await webApp({
    clientIp: (c) => c.req.header('x-test-client') ?? randomUUID(),
    limits: { casesPerHour: 3 },
  });
}, 120_000);
afterAll(() => t.close(), 60_000);

async function savedCase(client: Client, lang?: string) {
  await walk(client, strong, lang);
  const saved = await client.submit(await client.get('/assess/hk.qmas/result'), {}, '/assess/hk.qmas/save');
  return { page: saved, base: saved.url.split('?')[0] as string };
}

describe('a saved case', () => {
  it('is reached by a secret link of 256 bits, and says to keep it safe', async () => {
    const client = new Client(t.app);
    const { page, base } = await savedCase(client);
    expect(base).toMatch(/^\/cases\/[A-Za-z0-9_-]{43}$/);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    const body = text(page.html);
    expect(body).toContain('Your assessment is saved.');
    expect(body).toContain('anyone who has it can see and change this case');
    expect(body).toContain('On your answers, you meet the requirements');
    expect(body).toContain('Your evidence checklist');
    expect(body).toContain('Application tracker');
    expect(page.html).toContain(`href="${base}/report.pdf?lang=en"`);
    // The answers the result rests on, as the questions asked them.
    expect(body).toContain('Show your answers');
    expect(body).toContain('What is your nationality? United Kingdom');
    expect(body).toContain('Level: Master’s degree');
    // Nothing the person typed is in any address on the way.
    for (const url of [...client.urls, ...client.locations])
      expect(url).not.toMatch(/1990|GBR|London|French/);
  });

  it('records an evidence item’s state and note', async () => {
    const client = new Client(t.app);
    const { page, base } = await savedCase(client);
    const action = `${base}/evidence/travel-document`;
    const form = forms(page.html).find((f) => f.action === action);
    expect(form).toBeDefined();
    const after = await client.request(
      'POST',
      action,
      formData(form as never, { state: 'done', note: 'Passport renewed in May' }),
    );
    expect(after.url).toBe(`${base}?done=ev-0`);
    const item = forms(after.html).find((f) => f.action === action);
    expect(item?.fields.find((f) => f.name === 'state' && f.checked)?.value).toBe('done');
    expect(item?.fields.find((f) => f.name === 'note')?.value).toBe('Passport renewed in May');
    expect(after.html).toMatch(/<p class="saved-message" role="status">Saved\.<\/p>/);

    const bad = await client.request('POST', action, formData(form as never, { state: 'lost' }));
    expect(bad.status).toBe(422);
    expect(text(byClass(bad.html, 'error-summary') ?? '')).toContain('Choose a status.');
  });

  it('records a tracker date and shows the dates that follow from it', async () => {
    const client = new Client(t.app);
    const { page, base } = await savedCase(client);
    const action = `${base}/tracker/entered`;
    const form = forms(page.html).find((f) => f.action === action);
    expect(form).toBeDefined();
    const after = await client.request(
      'POST',
      action,
      formData(form as never, { day: '1', month: '3', year: '2025', note: '' }),
    );
    const body = text(after.html);
    // 36 months from 1 March 2025 end on 29 February 2028 (a leap year).
    expect(body).toContain('Your limit of stay would end on 29 February 2028.');
    expect(body).toContain('Apply for the extension between 29 November 2027 and 29 February 2028.');
    expect(body).toContain('From 1 March 2032.');
    const bad = await client.request(
      'POST',
      action,
      formData(form as never, { day: '31', month: '2', year: '2025' }),
    );
    expect(bad.status).toBe(422);
    expect(text(byClass(bad.html, 'error-summary') ?? '')).toContain('Enter a real date');
  });

  it('switches its language, and the page and report follow', async () => {
    const client = new Client(t.app);
    const { page, base } = await savedCase(client);
    const form = forms(page.html).find((f) => f.action === `${base}/language`);
    const after = await client.request(
      'POST',
      `${base}/language`,
      formData(form as never, { language: 'zh-Hans' }),
    );
    expect(htmlLang(after.html)).toBe('zh-Hans');
    expect(h1(after.html)).toBe('根据你的答案，你符合要求');
    expect(after.html).toContain(`href="${base}/report.pdf?lang=zh-Hans"`);
    // Someone opening the link afresh gets the case's language.
    const fresh = await new Client(t.app).get(base);
    expect(htmlLang(fresh.html)).toBe('zh-Hans');
  });

  it('downloads its report as a PDF', async () => {
    const client = new Client(t.app);
    const { base } = await savedCase(client);
    const res = await t.app.request(`${base}/report.pdf?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
  }, 60_000);

  it('is deleted for good after a confirmation page, and its link stops working', async () => {
    const client = new Client(t.app);
    const { base } = await savedCase(client);
    const confirm = await client.get(`${base}/delete`);
    expect(h1(confirm.html)).toBe('Delete this case?');
    const done = await client.submit(confirm, {}, `${base}/delete`);
    expect(done.url).toBe('/cases/deleted');
    expect(h1(done.html)).toBe('Your case has been deleted');
    const dead = await client.get(base);
    expect(dead.status).toBe(404);
    expect(h1(dead.html)).toBe('Page not found');
    expect((await client.get(`${base}/report.pdf`)).status).toBe(404);
  });

  it('answers 404 for a link that is not a case', async () => {
    const res = await t.app.request('/cases/not-a-token');
    expect(res.status).toBe(404);
    const other = await t.app.request(`/cases/${'A'.repeat(43)}`);
    expect(other.status).toBe(404);
  });

  it('limits how many cases one client can create', async () => {
    const client = new Client(t.app);
    await walk(client, strong);
    const result = await client.get('/assess/hk.qmas/result');
    const form = forms(result.html).find((f) => f.action === '/assess/hk.qmas/save');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await client.request('POST', '/assess/hk.qmas/save', formData(form as never), {
        'x-test-client': 'busy',
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(h1(res.html)).toBe('Too many saved cases from here');
        expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
