import { describe, expect, it } from 'vitest';
import { AssessmentSchema } from '../../src/http/api/schemas.ts';
import { body, exampleProfile, post, testAppPerFile } from './helpers.ts';

const t = testAppPerFile({ limits: { bodyBytes: 64 * 1024 } });

const assess = (payload: unknown, query = '') => t.app.request(`/api/v1/assessments${query}`, post(payload));

describe('POST /api/v1/assessments', () => {
  it("returns the engine's explained assessment at the submission moment", async () => {
    const res = await assess({ profile: exampleProfile(), submittedAt: '2025-03-01T10:00:00+08:00' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const a = AssessmentSchema.parse(await body(res));
    expect(a.submittedAt).toBe('2025-03-01T10:00:00+08:00');
    expect(a.route.id).toBe('hk.qmas');
    expect(a.tests.map((x) => x.test)).toEqual(['gpt', 'abt']);
    expect(a.rulesUsed.length).toBeGreaterThan(0);
    expect(a.warnings.some((w) => w.code === 'not_approval')).toBe(true);
  });

  it('cites sources by reference: each source once, in the top-level sources', async () => {
    const raw = await body(
      await assess({ profile: exampleProfile(), submittedAt: '2025-03-01T10:00:00+08:00' }),
    );
    const a = AssessmentSchema.parse(raw);
    const citations = [...a.rulesUsed, ...a.prerequisites, ...a.tests.flatMap((x) => x.criteria)].flatMap(
      (x) => x.sources,
    );
    expect(citations.length).toBeGreaterThan(20);
    for (const c of citations) expect(a.sources[c.ref]?.url, c.ref).toMatch(/^https?:\/\//);
    expect(Object.keys(a.sources).sort()).toEqual([...new Set(citations.map((c) => c.ref))].sort());
    // On the wire, a citation is only its ref and section: the source is not repeated.
    expect(Object.keys(raw.tests[0].criteria[0].sources[0])).toEqual(['ref', 'section']);
  });

  it('defaults to now, and takes a date as 00:00 Hong Kong time', async () => {
    const now = await body(await assess({ profile: exampleProfile() }));
    expect(now.submittedAt).toBe('2025-06-01T10:00:00+08:00');
    const day = await body(await assess({ profile: exampleProfile(), submittedAt: '2024-11-01' }));
    expect(day.submittedAt).toBe('2024-11-01T00:00:00+08:00');
  });

  it('assesses only the tests asked for, in the language asked for', async () => {
    const a = await body(await assess({ profile: exampleProfile(), tests: ['abt'], lang: 'zh-Hans' }));
    expect(a.tests.map((x: { test: string }) => x.test)).toEqual(['abt']);
    expect(a.lang).toBe('zh-Hans');
    const q = await body(await assess({ profile: exampleProfile() }, '?lang=zh-Hant'));
    expect(q.lang).toBe('zh-Hant');
  });

  it('is 400 invalid_json for a body that does not parse', async () => {
    const res = await t.app.request('/api/v1/assessments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"profile": ',
    });
    expect(res.status).toBe(400);
    const data = await body(res);
    expect(data).toEqual({ error: { code: 'invalid_json', message: 'The request body is not valid JSON.' } });
  });

  it('is 415 unsupported_media_type unless the body is sent as JSON', async () => {
    const res = await t.app.request('/api/v1/assessments', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'profile=x',
    });
    expect(res.status).toBe(415);
    expect((await body(res)).error.code).toBe('unsupported_media_type');
  });

  it('is 400 invalid_profile with one issue per problem: path, value given and what is expected', async () => {
    const profile = exampleProfile() as { person: Record<string, unknown>; income?: unknown };
    profile.person.dateOfBirth = '1988-02-30';
    profile.person.nationality = 'gb';
    delete profile.income;
    const res = await assess({ profile });
    expect(res.status).toBe(400);
    const data = await body(res);
    expect(data.error.code).toBe('invalid_profile');
    const byPath = Object.fromEntries(data.error.issues.map((i: { path: string }) => [i.path, i]));
    expect(byPath['profile.person.dateOfBirth']).toMatchObject({ value: '1988-02-30' });
    expect(byPath['profile.person.dateOfBirth'].expected).toMatch(/YYYY-MM-DD/);
    expect(byPath['profile.person.nationality']).toMatchObject({ value: 'gb' });
    expect(byPath['profile.person.nationality'].expected).toMatch(/alpha-3/);
    expect(byPath['profile.income']).toBeDefined();
    expect(byPath['profile.income']).not.toHaveProperty('value');
    for (const i of data.error.issues) expect(typeof i.message).toBe('string');
  });

  it("gives the issues in the request's language", async () => {
    const profile = exampleProfile() as { person: Record<string, unknown> };
    profile.person.dateOfBirth = 'soon';
    const data = await body(await assess({ profile }, '?lang=zh-Hant'));
    expect(data.error.message).toContain('申請人資料');
    expect(data.error.issues[0].expected).toContain('日期');
  });

  it('is 400 invalid_field for a bad field beside the profile, listing each', async () => {
    const res = await assess({
      profile: exampleProfile(),
      submittedAt: 'tomorrow',
      tests: ['gpt', 'xyz'],
      colour: 'red',
    });
    expect(res.status).toBe(400);
    const data = await body(res);
    expect(data.error.code).toBe('invalid_field');
    const paths = data.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toContain('colour');
    const unknownTest = await body(await assess({ profile: exampleProfile(), tests: ['gpt', 'xyz'] }));
    expect(unknownTest.error.issues).toEqual([
      expect.objectContaining({ path: 'tests.1', value: 'xyz', expected: 'one of gpt, abt' }),
    ]);
    const moment = await body(await assess({ profile: exampleProfile(), submittedAt: 'tomorrow' }));
    expect(moment.error.issues).toEqual([
      expect.objectContaining({ path: 'submittedAt', value: 'tomorrow' }),
    ]);
    const noTests = await body(await assess({ profile: exampleProfile(), tests: [] }));
    expect(noTests.error.issues).toEqual([expect.objectContaining({ path: 'tests', value: [] })]);
    const route = await body(await assess({ profile: exampleProfile(), route: 'hk.nope' }));
    expect(route.error.issues).toEqual([expect.objectContaining({ path: 'route', value: 'hk.nope' })]);
  });

  it('is 400 when the body is not an object or has no profile', async () => {
    const list = await body(await assess([1, 2]));
    expect(list.error.code).toBe('invalid_field');
    expect(list.error.issues[0].path).toBe('');
    const none = await body(await assess({ submittedAt: '2025-03-01' }));
    expect(none.error.code).toBe('invalid_profile');
    expect(none.error.issues[0]).toMatchObject({ path: 'profile' });
    expect(none.error.issues[0]).not.toHaveProperty('value');
  });

  it('is 200 before the scheme opened: not eligible, the scheme had not opened yet', async () => {
    const res = await assess({ profile: exampleProfile(), submittedAt: '2005-01-01', lang: 'zh-Hant' });
    expect(res.status).toBe(200);
    const a = AssessmentSchema.parse(await body(res));
    expect(a.status).toBe('not_eligible');
    expect(a.prerequisites).toEqual([
      expect.objectContaining({ id: 'scheme-opened', outcome: 'not_met', confidence: 'official' }),
    ]);
    expect(a.prerequisites[0]?.explanation).toContain('2006年6月28日');
    expect(a.tests).toEqual([]);
    expect(a.fees).toBeNull();
    expect(a.selection).toBeNull();
    const opened = await body(await assess({ profile: exampleProfile(), submittedAt: '2006-06-28' }));
    expect(opened.prerequisites.map((p: { id: string }) => p.id)).not.toContain('scheme-opened');
  });

  it('is 422 rules_not_in_force before the earliest rules held for a route that already existed', async () => {
    const res = await assess({ profile: exampleProfile(), route: 'hk.gep', submittedAt: '2005-01-01' });
    expect(res.status).toBe(422);
    const data = await body(res);
    expect(data.error.code).toBe('rules_not_in_force');
    expect(data.error.message).toContain('2015-05-04');
  });

  it('is 413 payload_too_large over the body limit, as JSON, without reading the profile', async () => {
    const big = { profile: exampleProfile(), padding: 'x'.repeat(70 * 1024) };
    const res = await assess(big);
    expect(res.status).toBe(413);
    const data = await body(res);
    expect(data.error.code).toBe('payload_too_large');
    expect(data.error.message).toContain('64 KiB');
    // Without a Content-Length (a streamed body), the limit holds too.
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify(big)));
        controller.close();
      },
    });
    const streamed = await t.app.request('/api/v1/assessments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      // @ts-expect-error Node's fetch needs this for a stream body
      duplex: 'half',
    });
    expect(streamed.status).toBe(413);
  });
});

describe('unknown API paths', () => {
  it('are 404 not_found as JSON', async () => {
    const res = await t.app.request('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await body(res)).toEqual({
      error: { code: 'not_found', message: 'Nothing was found at this address.' },
    });
  });
});
