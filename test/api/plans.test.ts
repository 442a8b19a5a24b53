import { describe, expect, it } from 'vitest';
import { PlanSchema } from '../../src/http/api/schemas.ts';
import { body, exampleProfile, post, testAppPerFile } from './helpers.ts';

const t = testAppPerFile();

const planRequest = (payload: unknown, query = '') => t.app.request(`/api/v1/plans${query}`, post(payload));

describe('POST /api/v1/plans', () => {
  it('plans the profile under the routes named, with windows, the best window and the road', async () => {
    const res = await planRequest({
      profile: exampleProfile(),
      from: '2026-12-08T10:00:00+08:00',
      horizon: '2y',
      routes: ['hk.qmas', 'hk.ttps'],
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const p = PlanSchema.parse(await body(res));
    expect(p.from).toBe('2026-12-08T10:00:00+08:00');
    expect(p.to).toBe('2028-12-08T10:00:00+08:00');
    expect(p.routes.map((r) => r.route.id)).toEqual(['hk.qmas', 'hk.ttps']);
    const qmas = p.routes[0];
    expect(qmas?.windows[0]?.from).toBe('2026-12-08T10:00:00+08:00');
    expect(qmas?.road?.steps.map((s) => s.kind)).toContain('seven_years');
    expect(p.disclaimer).toMatch(/not approval/);
  });

  it('answers in the language of the body', async () => {
    const res = await planRequest({
      profile: exampleProfile(),
      horizon: '1y',
      routes: ['hk.qmas'],
      lang: 'zh-Hant',
    });
    expect(res.status).toBe(200);
    const p = PlanSchema.parse(await body(res));
    expect(p.lang).toBe('zh-Hant');
    expect(p.summary).toMatch(/年/);
  });

  it('refuses a horizon over ten years, naming the field, the value and what was expected', async () => {
    const res = await planRequest({ profile: exampleProfile(), horizon: '11y' });
    expect(res.status).toBe(400);
    const b = (await body(res)) as {
      error: { code: string; issues: Array<{ path: string; value: unknown; expected: string }> };
    };
    expect(b.error.code).toBe('invalid_field');
    expect(b.error.issues[0]).toMatchObject({ path: 'horizon', value: '11y' });
    expect(b.error.issues[0]?.expected).toMatch(/10 years/);
  });

  it('refuses an unknown route and a bad start moment with their fields', async () => {
    const bad = await planRequest({ profile: exampleProfile(), routes: ['hk.nowhere'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await body(bad))).toContain('routes.0');
    const moment = await planRequest({ profile: exampleProfile(), from: 'next Tuesday' });
    expect(moment.status).toBe(400);
    expect(JSON.stringify(await body(moment))).toContain('from');
  });
});
