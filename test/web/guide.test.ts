import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedRoute } from '../../src/rules/shipped.ts';
import { versionAt } from '../../src/rules/types.ts';
import { Client } from './client.ts';
import { byClass, h1, links, text } from './html.ts';
import { type TestApp, webApp } from './setup.ts';

let t: TestApp;
beforeAll(async () => {
  t = await webApp();
}, 120_000);
afterAll(() => t.close(), 60_000);

const rules = shippedRoute('hk.qmas');

/** What one person pays for a 36-month stay, read straight from fees.yaml for an instant. */
function feeFromData(ms: number): number {
  const fees = versionAt(rules.fees, ms);
  if (!fees) throw new Error('no fees');
  const days = Math.round((36 * 365) / 12);
  return fees.perPerson
    .filter(
      (f) =>
        (f.stayDaysAtMost === undefined || days <= f.stayDaysAtMost) &&
        (f.stayDaysOver === undefined || days > f.stayDaysOver),
    )
    .reduce((sum, f) => sum + f.amountHKD, 0);
}

function hkd(n: number): string {
  return `HK$${n.toLocaleString('en-GB')}`;
}

describe('the QMAS guide', () => {
  it('shows the fees in force today, from the rule data, for one person and per dependant', async () => {
    const page = await new Client(t.app).get('/routes/hk.qmas');
    const facts = text(byClass(page.html, 'key-facts', 'dl') ?? '');
    const fee = feeFromData(t.clock.now);
    expect(fee).toBe(1900);
    expect(facts).toContain(`${hkd(fee)} for you`);
    expect(facts).toContain(`${hkd(fee)} for each family member coming with you`);
    expect(facts).toContain('Application fee: HK$600');
    expect(facts).toContain('36 months under the General Points Test');
    expect(facts).toContain('96 months under the Achievement-based Points Test');
    expect(facts).toMatch(/Job offer or sponsor needed No/);
    expect(facts).toContain(`Leads to permanent residence ${rules.route.permanentResidence.en}`);
  });

  it('follows the clock: the older flat fee and the points test on an earlier day', async () => {
    const saved = t.clock.now;
    t.clock.now = Date.parse('2024-06-01T02:00:00.000Z');
    try {
      const page = await new Client(t.app).get('/routes/hk.qmas');
      const facts = text(byClass(page.html, 'key-facts', 'dl') ?? '');
      expect(feeFromData(t.clock.now)).toBe(230);
      expect(facts).toContain('HK$230 for you');
      expect(text(page.html)).toContain('Score at least 80 of 245 points.');
      expect(text(page.html)).not.toContain('Meet at least 6 of these 12 criteria.');
    } finally {
      t.clock.now = saved;
    }
  });

  it('lists the prerequisites and both tests with their sources and confidence', async () => {
    const page = await new Client(t.app).get('/routes/hk.qmas');
    const body = text(page.html);
    expect(h1(page.html)).toBe('Quality Migrant Admission Scheme (QMAS)');
    const ms = t.clock.now;
    for (const item of versionAt(rules.prerequisites, ms)?.items ?? []) expect(body).toContain(item.label.en);
    expect(body).toContain('Meet at least 6 of these 12 criteria.');
    const gpt = versionAt(rules.tests.find((x) => x.id === 'gpt')?.versions ?? [], ms);
    for (const c of gpt && 'criteria' in gpt ? gpt.criteria : []) expect(body).toContain(c.label.en);
    expect(body).toContain('Meet at least one of these criteria.');
    expect(body).toContain('Official source');
    expect(body).toMatch(/Uncertain — check with ImmD|Secondary source/);
    expect(body).toContain('Nationals of Afghanistan, Cuba and North Korea cannot apply under this scheme.');
  });

  it('has blockers, evidence, the four-step pathway, official links with their check date, related routes, FAQ and a review date', async () => {
    const page = await new Client(t.app).get('/routes/hk.qmas');
    const body = text(page.html);
    for (const heading of [
      'Common blockers',
      'Typical evidence',
      'The pathway',
      'Official pages',
      'Related routes',
      'Questions people ask',
    ]) {
      expect(body).toContain(heading);
    }
    for (const step of [
      'Check your fit',
      'Build your evidence',
      'Submit through the official channel',
      'After approval',
    ])
      expect(body).toContain(step);
    expect(body).toContain('Not meeting a prerequisite: “No criminal record in Hong Kong or elsewhere”.');
    expect(body).toMatch(/Your valid travel document \(passport\)/);
    expect(body).not.toMatch(/\{(n|level|institution|relation|profession|criterion)\}/);
    const official = byClass(page.html, 'official-links', 'ul') ?? '';
    expect(links(official)).toContain(rules.sources['immd-qmas-page']?.url);
    expect(text(official)).toContain('last checked 20 January 2026');
    expect(body).toContain('Top Talent Pass Scheme (TTPS)');
    expect(body).toMatch(/Page last reviewed: \d{1,2} \w+ \d{4}/);
    expect(links(page.html)).toContain('/assess/hk.qmas');
  });

  it('is written in the chosen language, from the translated rule data', async () => {
    const page = await new Client(t.app).get('/routes/hk.qmas?lang=zh-Hant');
    expect(h1(page.html)).toBe('優秀人才入境計劃（優才計劃）');
    expect(text(page.html)).toContain('港幣1,900元');
    const hans = await new Client(t.app).get('/routes/hk.qmas?lang=zh-Hans');
    expect(h1(hans.html)).toBe('优秀人才入境计划（优才计划）');
  });

  it('answers 404 for a route it does not know', async () => {
    const res = await t.app.request('/routes/hk.nothing');
    expect(res.status).toBe(404);
  });
});
