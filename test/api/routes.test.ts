import { describe, expect, it } from 'vitest';
import { RouteGuideSchema, RouteListSchema, RulesInForceSchema } from '../../src/http/api/schemas.ts';
import { SHIPPED_ROUTE_IDS } from '../../src/rules/shipped.ts';
import { body, testAppPerFile } from './helpers.ts';

const t = testAppPerFile();

describe('GET /api/v1/routes', () => {
  it('lists every shipped route, QMAS first with its tests and links', async () => {
    const res = await t.app.request('/api/v1/routes');
    expect(res.status).toBe(200);
    const data = RouteListSchema.parse(await body(res));
    expect(data.routes.map((r) => r.id)).toEqual([...SHIPPED_ROUTE_IDS]);
    expect(data.routes[0]?.tests.map((x) => x.id)).toEqual(['gpt', 'abt']);
    expect(data.routes[0]?.links.rules).toBe('/api/v1/routes/hk.qmas/rules');
  });

  it('speaks the language of ?lang=, then of Accept-Language', async () => {
    const q = await body(await t.app.request('/api/v1/routes?lang=zh-Hant'));
    expect(q.routes[0].name).toBe('優秀人才入境計劃');
    const h = await body(
      await t.app.request('/api/v1/routes', { headers: { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.5' } }),
    );
    expect(h.routes[0].name).toBe('优秀人才入境计划');
    const hk = await body(
      await t.app.request('/api/v1/routes', { headers: { 'Accept-Language': 'fr, zh-HK;q=0.8' } }),
    );
    expect(hk.routes[0].name).toBe('優秀人才入境計劃');
  });

  it('rejects a language it does not speak with invalid_field at "lang"', async () => {
    const res = await t.app.request('/api/v1/routes?lang=fr');
    expect(res.status).toBe(400);
    const data = await body(res);
    expect(data.error.code).toBe('invalid_field');
    expect(data.error.issues).toEqual([
      expect.objectContaining({ path: 'lang', value: 'fr', expected: 'one of en, zh-Hant, zh-Hans' }),
    ]);
  });
});

describe('GET /api/v1/routes/{id}', () => {
  it('gives the guide of the rules in force now, with sources', async () => {
    const res = await t.app.request('/api/v1/routes/hk.qmas');
    expect(res.status).toBe(200);
    const guide = RouteGuideSchema.parse(await body(res));
    expect(guide.at).toBe('2025-06-01T10:00:00+08:00');
    const gpt = guide.tests.find((x) => x.id === 'gpt');
    expect(gpt?.scoring).toMatchObject({ kind: 'count', threshold: 6 });
    expect(gpt?.criteria).toHaveLength(12);
    expect(gpt?.criteria[0]?.sources.length).toBeGreaterThan(0);
    // Fees today: the 26 February 2025 regime (HK$600 application fee).
    expect(guide.fees.perPerson.some((f) => f.amountHKD === 600)).toBe(true);
    expect(guide.stay.byTest.find((s) => s.test === 'gpt')?.initialMonths).toBe(36);
    expect(guide.steps.steps.length).toBeGreaterThan(0);
    expect(guide.prerequisites.items.length).toBeGreaterThan(0);
    expect(guide.disclaimer).toMatch(/not an official government service/);
  });

  it('is 404 not_found for a route it does not know', async () => {
    const res = await t.app.request('/api/v1/routes/hk.nope');
    expect(res.status).toBe(404);
    expect((await body(res)).error.code).toBe('not_found');
  });
});

describe('GET /api/v1/routes/{id}/rules', () => {
  it('lists the versions in force at a moment, either side of the 12-criteria change', async () => {
    const before = RulesInForceSchema.parse(
      await body(await t.app.request('/api/v1/routes/hk.qmas/rules?at=2024-10-31T23:59:00%2B08:00')),
    );
    const after = RulesInForceSchema.parse(
      await body(await t.app.request('/api/v1/routes/hk.qmas/rules?at=2024-11-01')),
    );
    const gptBefore = before.rules.find((r) => r.part === 'test:gpt');
    const gptAfter = after.rules.find((r) => r.part === 'test:gpt');
    expect(gptBefore?.id).not.toBe(gptAfter?.id);
    expect(gptAfter?.from).toBe('2024-11-01T00:00:00+08:00');
    expect(after.at).toBe('2024-11-01T00:00:00+08:00');
    for (const r of after.rules) expect(r.sources.length).toBeGreaterThan(0);
    expect(after.rules.map((r) => r.part)).toEqual(
      expect.arrayContaining(['evidence', 'tracker', 'fees', 'stay']),
    );
  });

  it('defaults to now', async () => {
    const data = await body(await t.app.request('/api/v1/routes/hk.qmas/rules'));
    expect(data.at).toBe('2025-06-01T10:00:00+08:00');
  });

  it('rejects a bad `at` with invalid_field naming it', async () => {
    for (const at of ['yesterday', '2025-02-30', '2025-03-01T10:00:00']) {
      const res = await t.app.request(`/api/v1/routes/hk.qmas/rules?at=${encodeURIComponent(at)}`);
      expect(res.status).toBe(400);
      const data = await body(res);
      expect(data.error.code).toBe('invalid_field');
      expect(data.error.issues[0]).toMatchObject({ path: 'at', value: at });
      expect(data.error.issues[0].expected).toMatch(/ISO 8601/);
    }
  });

  it('is 422 rules_not_in_force before the scheme existed', async () => {
    const res = await t.app.request('/api/v1/routes/hk.qmas/rules?at=2000-01-01&lang=zh-Hant');
    expect(res.status).toBe(422);
    const data = await body(res);
    expect(data.error.code).toBe('rules_not_in_force');
    expect(data.error.message).toContain('2006-06-28');
  });

  it('is 404 for an unknown route', async () => {
    expect((await t.app.request('/api/v1/routes/xx/rules')).status).toBe(404);
  });
});
