import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seal, unseal, webSecrets } from '../../src/http/web/security.ts';
import { Client, findForm } from './client.ts';
import { formData, h1, text } from './html.ts';
import { strong, type TestApp, walk, webApp } from './setup.ts';

let t: TestApp;
beforeAll(async () => {
  t = await webApp();
}, 120_000);
afterAll(() => t.close(), 60_000);

function post(client: Client, url: string, body: URLSearchParams, headers: Record<string, string> = {}) {
  return t.app.request(url, {
    method: 'POST',
    body: body.toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      ...headers,
    },
    redirect: 'manual',
  });
}

describe('CSRF protection', () => {
  it('rejects a form post without the token, with a wrong token, or from another site', async () => {
    const client = new Client(t.app);
    const page = await client.get('/assess/hk.qmas/income');
    const form = findForm(page);
    const good = formData(form, { lastYearHKD: '100' });

    const noToken = new URLSearchParams(good);
    noToken.delete('_csrf');
    const r1 = await post(client, form.action, noToken);
    expect(r1.status).toBe(403);
    expect(h1(await r1.text())).toBe('This form has expired');

    const wrong = new URLSearchParams(good);
    wrong.set('_csrf', 'A'.repeat(43));
    expect((await post(client, form.action, wrong)).status).toBe(403);

    // The right token, but the request comes from another site.
    expect((await post(client, form.action, good, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(client, form.action, good, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);

    // Without the cookie (another browser), the token alone is worth nothing.
    const stranger = await t.app.request(form.action, {
      method: 'POST',
      body: good.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(stranger.status).toBe(403);

    // The same form as sent by the page passes, also with Origin "null" (no-referrer policy).
    expect((await post(client, form.action, good, { origin: 'null' })).status).toBe(303);
    expect((await post(client, form.action, good, { origin: 'http://localhost' })).status).toBe(303);
  });

  it('protects saving, the saved case and its deletion too', async () => {
    const client = new Client(t.app);
    await walk(client, strong);
    const save = await post(client, '/assess/hk.qmas/save', new URLSearchParams());
    expect(save.status).toBe(403);
    const saved = await client.submit(await client.get('/assess/hk.qmas/result'), {}, '/assess/hk.qmas/save');
    const base = saved.url.split('?')[0] as string;
    const del = await post(client, `${base}/delete`, new URLSearchParams());
    expect(del.status).toBe(403);
    expect((await client.get(base)).status).toBe(200);
    const note = await post(
      client,
      `${base}/evidence/travel-document`,
      new URLSearchParams({ state: 'done', note: 'x' }),
    );
    expect(note.status).toBe(403);
  });

  it('marks the token cookie HttpOnly and SameSite', async () => {
    const client = new Client(t.app);
    await client.get('/assess/hk.qmas/income');
    const cookie = client.setCookies.find((c) => c.startsWith('rw_csrf='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});

describe('the sealed draft cookie', () => {
  it('round-trips, and rejects a value that was tampered with or sealed with another key', () => {
    const a = webSecrets('a'.repeat(32));
    const b = webSecrets('b'.repeat(32));
    const sealed = seal(a.draftKey, { answers: { x: 1 } });
    expect(unseal(a.draftKey, sealed)).toEqual({ answers: { x: 1 } });
    expect(unseal(b.draftKey, sealed)).toBeUndefined();
    const flipped = `${sealed.slice(0, 20)}${sealed[20] === 'A' ? 'B' : 'A'}${sealed.slice(21)}`;
    expect(unseal(a.draftKey, flipped)).toBeUndefined();
    expect(unseal(a.draftKey, 'not-a-draft')).toBeUndefined();
    expect(() => webSecrets('short')).toThrow(/at least 32/);
  });

  it('ignores a tampered draft: the person starts again, nothing breaks', async () => {
    const client = new Client(t.app);
    await walk(client, strong);
    client.cookies.set('rw_draft0', `${client.cookies.get('rw_draft0')?.slice(0, -4)}AAAA`);
    const page = await client.get('/assess/hk.qmas/result');
    expect(page.url).toBe('/assess/hk.qmas');
    expect(page.status).toBe(200);
  });

  it('spreads a large draft over several cookies and reads it back whole', async () => {
    const client = new Client(t.app);
    await walk(client, strong);
    let page = await client.get('/assess/hk.qmas/degrees?change=1');
    const names: string[] = [];
    for (let i = 0; i < 9; i++) {
      page = await client.submit(page, { addAnother: 'yes' });
      // Random text compresses badly: the worst case for the cookie's size.
      const name = randomBytes(150).toString('base64').slice(0, 200);
      names.push(name);
      page = await client.submit(page, {
        level: 'master',
        institution: name,
        subject: randomBytes(150).toString('base64').slice(0, 200),
        eligibleUniversity: 'unknown',
        stem: 'unknown',
        renownedInstitution: 'unknown',
      });
    }
    expect(h1(page.html)).toBe('You have added 10 degrees');
    expect(client.cookies.has('rw_draft1')).toBe(true);
    const check = await client.get('/assess/hk.qmas/check');
    for (const name of names) expect(text(check.html)).toContain(name);
    // Still well under the 8 KiB of cookies many servers accept in one header.
    const header = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    expect(header.length).toBeLessThan(8192);
  });

  it('forgets the answers after 24 hours', async () => {
    const client = new Client(t.app);
    await walk(client, strong);
    const saved = t.clock.now;
    t.clock.now = saved + 25 * 3600 * 1000;
    try {
      const page = await client.get('/assess/hk.qmas/check');
      expect(page.url).toBe('/assess/hk.qmas');
      expect(text(page.html)).toContain('Start now');
    } finally {
      t.clock.now = saved;
    }
  });
});

describe('private pages', () => {
  it('are not cached, and carry the app’s security headers', async () => {
    const client = new Client(t.app);
    const page = await client.get('/assess/hk.qmas/income');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.html).not.toMatch(/<script>(?!<\/script>)|\son[a-z]+="/);
  });
});
