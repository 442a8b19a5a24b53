import { describe, expect, it } from 'vitest';
import { ComparisonSchema } from '../../src/http/api/schemas.ts';
import { SHIPPED_ROUTE_IDS } from '../../src/rules/shipped.ts';
import { body, exampleProfile, post, testAppPerFile } from './helpers.ts';

const t = testAppPerFile();

const comparison = (payload: unknown, query = '') =>
  t.app.request(`/api/v1/comparisons${query}`, post(payload));

describe('POST /api/v1/comparisons', () => {
  it('compares the profile with every route at the submission moment, ranked', async () => {
    const res = await comparison({ profile: exampleProfile(), submittedAt: '2026-03-01T10:00:00+08:00' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const c = ComparisonSchema.parse(await body(res));
    expect(c.submittedAt).toBe('2026-03-01T10:00:00+08:00');
    expect(c.routes.map((r) => r.route.id).sort()).toEqual([...SHIPPED_ROUTE_IDS].sort());
    expect(c.fits).toContain('hk.qmas');
    expect(c.disclaimer).toMatch(/not approval/);
  });

  it('is 200 before routes opened, telling "not open yet" from "no rules held"', async () => {
    const res = await comparison({ profile: exampleProfile(), submittedAt: '2004-01-01T10:00:00+08:00' });
    expect(res.status).toBe(200);
    const c = ComparisonSchema.parse(await body(res));
    const qmas = c.routes.find((r) => r.route.id === 'hk.qmas');
    const gep = c.routes.find((r) => r.route.id === 'hk.gep');
    expect(qmas).toMatchObject({ fit: 'not_open', status: 'not_eligible', rank: null });
    expect(qmas?.headline).toContain('28 June 2006');
    expect(gep).toMatchObject({ fit: 'not_available', status: null, rank: null });
  });

  it('answers in the language asked for, and compares only the routes named', async () => {
    const res = await comparison(
      { profile: exampleProfile(), submittedAt: '2026-03-01T10:00:00+08:00', routes: ['hk.qmas'] },
      '?lang=zh-Hans',
    );
    const c = ComparisonSchema.parse(await body(res));
    expect(c.lang).toBe('zh-Hans');
    expect(c.routes.map((r) => r.route.id)).toEqual(['hk.qmas']);
    expect(c.routes[0]?.route.name).toBe('优秀人才入境计划');
  });

  it('names the field, the value and what was expected for an unknown route or a bad profile', async () => {
    const bad = await comparison({ profile: exampleProfile(), routes: ['hk.nope'] });
    expect(bad.status).toBe(400);
    const error = (await body(bad)).error;
    expect(error.code).toBe('invalid_field');
    expect(error.issues[0].path).toBe('routes.0');
    expect(error.issues[0].message).toMatch(/hk\.nope/);
    expect(error.issues[0].message).toMatch(/hk\.qmas/);

    const profile = exampleProfile();
    (profile.person as Record<string, unknown>).dateOfBirth = '1985-02-30';
    const invalid = await comparison({ profile });
    expect(invalid.status).toBe(400);
    const issues = (await body(invalid)).error.issues;
    expect(issues[0].path).toBe('profile.person.dateOfBirth');
  });

  it('writes every problem of a body at once, in the language the body asks for', async () => {
    const profile = exampleProfile();
    (profile.person as Record<string, unknown>).dateOfBirth = '1985-02-30';
    const res = await comparison({ profile, lang: 'zh-Hant', routes: ['hk.qmas'] });
    expect(res.status).toBe(400);
    const error = (await body(res)).error;
    expect(error.code).toBe('invalid_profile');
    expect(error.message).toMatch(/\p{Script=Han}/u);
    expect(error.issues[0].path).toBe('profile.person.dateOfBirth');
    expect(error.issues[0].value).toBe('1985-02-30');
    expect(error.issues[0].message).toMatch(/\p{Script=Han}/u);
    expect(error.issues[0].message).not.toMatch(/\b(the|is|give)\b/);
    // A bad moment is reported with the profile's problems, not after they are fixed.
    const both = await comparison({ profile, lang: 'zh-Hant', submittedAt: 'yesterday' });
    const bothError = (await body(both)).error;
    expect(bothError.code).toBe('invalid_field');
    expect(bothError.issues.map((i: { path: string }) => i.path)).toEqual([
      'submittedAt',
      'profile.person.dateOfBirth',
    ]);
    // A lang the API does not speak is itself the problem, named in the language of the request.
    const unknownLang = await comparison({ profile: exampleProfile(), lang: 'fr' }, '?lang=zh-Hans');
    const langError = (await body(unknownLang)).error;
    expect(langError.issues[0].path).toBe('lang');
    expect(langError.issues[0].message).toMatch(/\p{Script=Han}/u);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await body(await t.app.request('/api/openapi.json'));
    expect(doc.paths['/api/v1/comparisons'].post.responses['200']).toBeDefined();
    expect(doc.components.schemas.Comparison).toBeDefined();
  });
});
