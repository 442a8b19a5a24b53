import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qmasFlow } from '../../src/flows/hk.qmas.ts';
import { path } from '../../src/flows/index.ts';
import { hasWebMessage, webCatalogues } from '../../src/i18n/web-messages.ts';
import { Client } from './client.ts';
import { h1, htmlLang, links, text, title } from './html.ts';
import { strong, type TestApp, walk, webApp } from './setup.ts';

let t: TestApp;
let caseUrl: string;
const walker = () => new Client(t.app);

beforeAll(async () => {
  t = await webApp();
  const client = walker();
  await walk(client, strong);
  const saved = await client.submit(await client.get('/assess/hk.qmas/result'), {}, '/assess/hk.qmas/save');
  caseUrl = saved.url.split('?')[0] as string;
}, 120_000);
afterAll(() => t.close(), 60_000);

const langs = [
  ['en', 'en'],
  ['zh-Hant', 'zh-Hant-HK'],
  ['zh-Hans', 'zh-Hans'],
] as const;

const questionPages = path(qmasFlow, {})
  .filter((n) => n.kind === 'question')
  .map((n) => `/assess/hk.qmas/${n.id}`);

describe('every page, in every language', () => {
  const pages = () => [
    '/',
    '/routes/hk.qmas',
    '/assess/hk.qmas',
    ...questionPages,
    '/assess/hk.qmas/degrees/add',
    '/assess/hk.qmas/work-periods/add',
    '/assess/hk.qmas/dependants/add',
    '/assess/hk.qmas/check',
    '/assess/hk.qmas/result',
    caseUrl,
    `${caseUrl}/delete`,
    '/cases/deleted',
  ];

  for (const [lang, tag] of langs) {
    it(`renders every page in ${lang} with <html lang="${tag}">`, async () => {
      const client = walker();
      await walk(client, strong);
      for (const url of pages()) {
        const page = await client.get(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        expect(page.status, url).toBe(200);
        expect(htmlLang(page.html), url).toBe(tag);
        expect(h1(page.html), url).not.toBe('');
        expect(page.html, url).not.toMatch(/\{[a-z]+\}|q\.[a-z-]+\.(title|hint)/);
        // The landmarks and the notices every page carries.
        expect(page.html).toContain('class="skip-link"');
        expect(page.html).toMatch(/<main id="main"/);
        expect(page.html).toMatch(/<header class="header">/);
        expect(page.html).toMatch(/<footer class="footer">/);
        expect(text(page.html)).toContain(webCatalogues[lang]['layout.notOfficial']);
        expect(text(page.html)).toContain(webCatalogues[lang]['layout.adviser']);
        expect(links(page.html)).toContain(webCatalogues[lang]['layout.officialUrl']);
      }
    });
  }

  it('keeps the chosen language across pages in a cookie, and offers the other two', async () => {
    const client = walker();
    const first = await client.get('/routes/hk.qmas?lang=zh-Hant');
    expect(htmlLang(first.html)).toBe('zh-Hant-HK');
    const next = await client.get('/assess/hk.qmas');
    expect(htmlLang(next.html)).toBe('zh-Hant-HK');
    expect(links(next.html)).toContain('/assess/hk.qmas?lang=zh-Hans');
    expect(links(next.html)).toContain('/assess/hk.qmas?lang=en');
    // A page that already has a query keeps it when switching.
    const change = await client.get('/assess/hk.qmas/income?change=1');
    expect(links(change.html)).toContain('/assess/hk.qmas/income?change=1&lang=en');
  });

  it('follows the browser’s language on a first visit', async () => {
    const page = await walker().get('/', { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(htmlLang(page.html)).toBe('zh-Hans');
    const hk = await walker().get('/', { 'accept-language': 'zh-HK' });
    expect(htmlLang(hk.html)).toBe('zh-Hant-HK');
  });

  it('has a message for every question, input and option of the flow', () => {
    const missing: string[] = [];
    for (const node of qmasFlow.nodes) {
      const keys = [`q.${node.id}.title`];
      const inputs = node.kind === 'list' ? node.item : node.inputs;
      if (node.kind === 'list')
        keys.push(
          `q.${node.id}.add`,
          `q.${node.id}.edit`,
          `q.${node.id}.item`,
          `q.${node.id}.summary`,
          `q.${node.id}.addAnother`,
        );
      if (node.kind === 'list' || inputs.length > 1)
        for (const i of inputs) keys.push(`q.${node.id}.${i.name}`);
      for (const i of inputs)
        if (i.type === 'choice') for (const o of i.options) keys.push(`q.${node.id}.${i.name}.${o}`);
      for (const k of keys) if (!hasWebMessage(k)) missing.push(k);
    }
    expect(missing).toEqual([]);
  });

  it('titles each page after its heading', async () => {
    const page = await walker().get('/assess/hk.qmas/nationality');
    expect(title(page.html)).toBe('What is your nationality? – Routewise');
  });

  it('serves the stylesheet with a print section, and works without its script', async () => {
    const css = await t.app.request('/assets/routewise.css');
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    expect(await css.text()).toContain('@media print');
    const js = await t.app.request('/assets/enhance.js');
    expect(js.status).toBe(200);
    expect((await t.app.request('/assets/nothing.js')).status).toBe(404);
  });
});
