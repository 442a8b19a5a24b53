import { describe, expect, it } from 'vitest';
import {
  CaseCreatedSchema,
  CaseResponseSchema,
  EvidenceItemResponseSchema,
  TrackerResponseSchema,
} from '../../src/http/api/schemas.ts';
import { StoreError } from '../../src/store/index.ts';
import {
  appOn,
  body,
  exampleProfile,
  fixture,
  type Json,
  patch,
  post,
  put,
  testAppPerFile,
} from './helpers.ts';

const t = testAppPerFile();

async function createCase(
  profile: unknown = exampleProfile(),
  extra: Record<string, unknown> = {},
): Promise<Json> {
  const res = await t.app.request('/api/v1/cases', post({ profile, lang: 'en', ...extra }));
  expect(res.status).toBe(201);
  return body(res);
}

describe('a case from creation to deletion', () => {
  it('creates, reads, updates and deletes a case, and never logs the token or personal data', async () => {
    const created = CaseCreatedSchema.parse(
      await createCase(exampleProfile(), { submittedAt: '2025-03-01T10:00:00+08:00' }),
    );
    const token = created.token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.links.self).toBe(`/api/v1/cases/${token}`);
    expect(created.case.language).toBe('en');
    expect(created.case.submittedAt).toBe('2025-03-01T10:00:00+08:00');
    expect(created.assessment.submittedAt).toBe('2025-03-01T10:00:00+08:00');
    expect(created.case.evidence.items.every((i) => i.state === 'to_do')).toBe(true);

    const read = await t.app.request(`/api/v1/cases/${token}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('cache-control')).toBe('no-store');
    const got = CaseResponseSchema.parse(await body(read));
    expect(got.case.profile).toEqual(exampleProfile());
    expect(got).not.toHaveProperty('token');

    // Another language on request: the same assessment, re-worded.
    const zh = await body(await t.app.request(`/api/v1/cases/${token}?lang=zh-Hant`));
    expect(zh.assessment.lang).toBe('zh-Hant');
    expect(zh.assessment.status).toBe(got.assessment.status);
    expect(zh.case.route.name).toBe('優秀人才入境計劃');

    // Evidence: state and note.
    const item = await t.app.request(
      `/api/v1/cases/${token}/evidence/degree-certificate-2`,
      patch({ state: 'done', note: 'Certified copy' }),
    );
    expect(item.status).toBe(200);
    const updatedItem = EvidenceItemResponseSchema.parse(await body(item)).item;
    expect(updatedItem).toMatchObject({ id: 'degree-certificate-2', state: 'done', note: 'Certified copy' });

    // Tracker: entering Hong Kong computes the extension windows.
    const stage = await t.app.request(
      `/api/v1/cases/${token}/tracker/entered`,
      patch({ date: '2025-03-01', note: 'HKIA' }),
    );
    expect(stage.status).toBe(200);
    const tracker = TrackerResponseSchema.parse(await body(stage));
    expect(tracker.stage).toMatchObject({ id: 'entered', date: '2025-03-01', note: 'HKIA' });
    const ext1 = tracker.tracker.stages.find((s) => s.id === 'extension-1');
    expect(ext1?.derived).toEqual({
      limitOfStay: '2028-02-29',
      windowFrom: '2027-11-29', // three months: applications made from 1 March 2026
      windowTo: '2028-02-29',
      newLimitOfStay: '2031-02-28',
    });

    // Profile update: re-assessed at the case's moment; checklist states of remaining items kept.
    const changed = exampleProfile() as { business: Record<string, unknown> };
    changed.business.ownsBusiness = true;
    const updated = await t.app.request(`/api/v1/cases/${token}/profile`, put({ profile: changed }));
    expect(updated.status).toBe(200);
    const after = CaseResponseSchema.parse(await body(updated));
    expect(after.case.profileVersion).toBe(2);
    expect(after.assessment.submittedAt).toBe('2025-03-01T10:00:00+08:00');
    const ids = after.case.evidence.items.map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'business-registration',
        'business-financial-statements',
        'business-ownership',
      ]),
    );
    expect(after.case.evidence.items.find((i) => i.id === 'degree-certificate-2')).toMatchObject({
      state: 'done',
      note: 'Certified copy',
    });
    expect(after.case.tracker.stages.find((s) => s.id === 'entered')?.date).toBe('2025-03-01');

    // The PDF report.
    const pdf = await t.app.request(`/api/v1/cases/${token}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');

    // Deletion is real: the token stops working everywhere.
    const del = await t.app.request(`/api/v1/cases/${token}`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe('');
    for (const [path, init] of [
      [`/api/v1/cases/${token}`, undefined],
      [`/api/v1/cases/${token}/report.pdf`, undefined],
      [`/api/v1/cases/${token}/tracker/entered`, patch({ date: '2025-03-02' })],
      [`/api/v1/cases/${token}`, { method: 'DELETE' }],
    ] as const) {
      const res = await t.app.request(path, init);
      expect(res.status).toBe(404);
      expect((await body(res)).error.code).toBe('not_found');
    }

    // The log: route patterns, statuses and durations; never the token, the profile or a note.
    const log = t.logs.join('\n');
    expect(log).toContain('/api/v1/cases/:token');
    expect(log).not.toContain(token);
    expect(log).not.toContain(token.slice(0, 16));
    expect(log).not.toContain('1988-04-12'); // date of birth
    expect(log).not.toContain('Imperial College'); // an institution named in the profile
    expect(log).not.toContain('Certified copy');
    expect(log).not.toContain('HKIA');
    const lines = t.logs.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) {
      expect(Object.keys(l).sort()).toEqual(
        ['durationMs', 'level', 'method', 'msg', 'route', 'service', 'status', 'time'].sort(),
      );
    }
  });
});

describe('case errors', () => {
  it('is 404 not_found for a token that opens nothing, whatever its shape', async () => {
    for (const token of ['x', 'A'.repeat(43), '..%2F..%2Fetc']) {
      const res = await t.app.request(`/api/v1/cases/${token}`);
      expect(res.status).toBe(404);
      expect((await body(res)).error.code).toBe('not_found');
    }
  });

  it('is 404 for an evidence item or a stage the case does not have', async () => {
    const { token } = await createCase();
    expect(
      (await t.app.request(`/api/v1/cases/${token}/evidence/no-such-item`, patch({ state: 'done' }))).status,
    ).toBe(404);
    expect(
      (await t.app.request(`/api/v1/cases/${token}/tracker/no-such-stage`, patch({ date: '2025-01-01' })))
        .status,
    ).toBe(404);
    // A Mainland-only stage is not part of a non-Mainland applicant's tracker.
    expect(
      (await t.app.request(`/api/v1/cases/${token}/tracker/exit-endorsement`, patch({ date: '2025-01-01' })))
        .status,
    ).toBe(404);
  });

  it('is 400 invalid_field for bad evidence and tracker changes', async () => {
    const { token } = await createCase();
    const state = await body(
      await t.app.request(`/api/v1/cases/${token}/evidence/travel-document`, patch({ state: 'finished' })),
    );
    expect(state.error.code).toBe('invalid_field');
    expect(state.error.issues[0]).toMatchObject({
      path: 'state',
      value: 'finished',
      expected: 'one of to_do, in_progress, done, not_applicable',
    });
    const empty = await body(
      await t.app.request(`/api/v1/cases/${token}/evidence/travel-document`, patch({})),
    );
    expect(empty.error.code).toBe('invalid_field');
    const date = await body(
      await t.app.request(`/api/v1/cases/${token}/tracker/entered`, patch({ date: '2025-02-30' })),
    );
    expect(date.error.issues[0]).toMatchObject({ path: 'date', value: '2025-02-30' });
    const note = await body(
      await t.app.request(`/api/v1/cases/${token}/tracker/entered`, patch({ note: 'x'.repeat(2001) })),
    );
    expect(note.error.issues[0].path).toBe('note');
    // A date can be cleared again.
    await t.app.request(`/api/v1/cases/${token}/tracker/entered`, patch({ date: '2025-03-01' }));
    const cleared = await body(
      await t.app.request(`/api/v1/cases/${token}/tracker/entered`, patch({ date: null })),
    );
    expect(cleared.stage.date).toBeNull();
    expect(cleared.tracker.stages.find((s: { id: string }) => s.id === 'extension-1').derived).toBeNull();
  });

  it('requires lang and a valid profile to create a case', async () => {
    const noLang = await body(await t.app.request('/api/v1/cases', post({ profile: exampleProfile() })));
    expect(noLang.error.code).toBe('invalid_field');
    expect(noLang.error.issues[0]).toMatchObject({ path: 'lang' });
    expect(noLang.error.issues[0]).not.toHaveProperty('value');
    const badProfile = await body(
      await t.app.request('/api/v1/cases', post({ profile: { schemaVersion: 1 }, lang: 'en' })),
    );
    expect(badProfile.error.code).toBe('invalid_profile');
    expect(badProfile.error.issues.map((i: { path: string }) => i.path)).toContain('profile.person');
    const badJson = await t.app.request('/api/v1/cases', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'nope',
    });
    expect((await body(badJson)).error.code).toBe('invalid_json');
  });
});

describe('evidence checklist derived from the claims made', () => {
  it("lists a master's degree's certificate and transcript, and a Mainland resident's consent letter and exit permit", async () => {
    const created = await createCase(fixture('mainland-resident'), {
      submittedAt: '2025-03-01T10:00:00+08:00',
    });
    const items: Array<{
      id: string;
      label: string;
      stage: string;
      why: string;
      about: unknown;
      sources: unknown[];
    }> = created.case.evidence.items;
    const byId = new Map(items.map((i) => [i.id, i]));
    const master = items.filter((i) => /master's degree/.test(i.label));
    expect(master.map((i) => i.id.replace(/-\d+$/, '')).sort()).toEqual([
      'degree-certificate',
      'degree-transcript',
    ]);
    expect(byId.get('mainland-consent-letter')).toMatchObject({ stage: 'selected' });
    expect(byId.get('mainland-exit-entry-permit')).toMatchObject({ stage: 'exit-endorsement' });
    expect(byId.get('travel-document')).toBeDefined();
    for (const i of items) {
      expect(i.why.length).toBeGreaterThan(0);
      expect(i.sources.length).toBeGreaterThan(0);
    }
    // The Mainland-only tracker stage is there for a Mainland resident.
    expect(created.case.tracker.stages.map((s: { id: string }) => s.id)).toContain('exit-endorsement');
    // The checklist as a whole says the official list was not retrieved.
    expect(created.case.evidence.version.confidence).toBe('uncertain');
    expect(created.case.evidence.version.note).toMatch(/ID\(E\)982/);
  });

  it('lists relationship proof and a travel document for each dependant', async () => {
    const created = await createCase(fixture('family'));
    const ids: string[] = created.case.evidence.items.map((i: { id: string }) => i.id);
    expect(ids).toContain('sponsor-financial-proof');
    expect(ids.filter((id) => id.startsWith('dependant-travel-document-')).length).toBeGreaterThan(0);
    expect(
      ids.some(
        (id) =>
          id.startsWith('dependant-marriage-certificate-') || id.startsWith('dependant-birth-certificate-'),
      ),
    ).toBe(true);
  });
});

describe('rate limiting of case creation', () => {
  it('is 429 rate_limited with Retry-After past the hourly limit, counted per client', async () => {
    const limited = appOn(t.store, {
      limits: { casesPerHour: 2 },
      clientIp: (c) => c.req.header('x-test-client'),
    });
    {
      const make = (client: string) =>
        limited.app.request(
          '/api/v1/cases',
          post({ profile: exampleProfile(), lang: 'en' }, { 'x-test-client': client }),
        );
      expect((await make('a')).status).toBe(201);
      expect((await make('a')).status).toBe(201);
      const third = await make('a');
      expect(third.status).toBe(429);
      const retry = Number(third.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(3600);
      const data = await body(third);
      expect(data.error.code).toBe('rate_limited');
      expect(data.error.message).toContain(String(retry));
      // Another client is counted apart; the key stored is a hash, never the address.
      expect((await make('b')).status).toBe(201);
      const { rows } = await limited.store.db.query<{ key: string }>('SELECT key FROM rate_limits');
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.key).toMatch(/^cases\.create:[A-Za-z0-9_-]{32}$/);
      }
      // A new hour, a new window.
      limited.store.clock.now += 3600 * 1000;
      expect((await make('a')).status).toBe(201);
    }
  });
});

describe('internal errors', () => {
  it('are 500 internal with no stack trace or message, and are logged without the message', async () => {
    const store = t.store.store;
    const failing = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'getCase') return async () => Promise.reject(new TypeError('secret detail 1988-04-12'));
        return Reflect.get(target, prop, receiver);
      },
    });
    const app = appOn(t.store, { store: failing });
    {
      const res = await app.app.request(`/api/v1/cases/${'A'.repeat(43)}`);
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text).error.code).toBe('internal');
      expect(text).not.toMatch(/secret detail|TypeError|at |\.ts/);
      const log = app.logs.join('\n');
      expect(log).toContain('request failed');
      expect(log).toContain('TypeError');
      expect(log).not.toContain('secret detail');
      expect(log).not.toContain('1988-04-12');
    }
  });

  it('maps a store outage to 503 store_unavailable', async () => {
    const failing = new Proxy(t.store.store, {
      get(target, prop, receiver) {
        if (prop === 'getCase') return async () => Promise.reject(new StoreError('storage_failure', 'down'));
        return Reflect.get(target, prop, receiver);
      },
    });
    const app = appOn(t.store, { store: failing });
    const res = await app.app.request(`/api/v1/cases/${'A'.repeat(43)}`);
    expect(res.status).toBe(503);
    expect((await body(res)).error.code).toBe('store_unavailable');
  });
});
