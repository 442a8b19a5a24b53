import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CaseStore,
  type Db,
  loadMigrations,
  migrate,
  type Store,
  StoreError,
} from '../../src/store/index.ts';
import { sampleAssessment, sampleProfile } from './fixtures/sample.ts';
import { type Driver, dumpAllRows, openTestStore, type TestStore } from './helpers.ts';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

async function expectStoreError(promise: Promise<unknown>, code: StoreError['code'], field?: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected StoreError ${code}`).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
  if (field !== undefined) expect((error as StoreError).field).toBe(field);
  return error as StoreError;
}

const ITEMS = [
  { id: 'passport', labelKey: 'evidence.passport' },
  { id: 'degree-certificate', labelKey: 'evidence.degree_certificate' },
  { id: 'employer_letter', labelKey: 'evidence.employer_letter' },
];

/** The same behaviour, checked on each driver. */
export function storeSuite(driver: Driver): void {
  let t: TestStore;
  let store: Store;
  let db: Db;

  beforeAll(async () => {
    t = await openTestStore(driver);
    store = t.store;
    db = t.db;
  }, 120_000); // a cold run makes the PGlite template first (initdb), slow on a busy machine
  afterAll(async () => {
    await t?.cleanup();
  }, 60_000);

  const advance = (ms: number) => {
    t.clock.now += ms;
  };

  describe('createCase and getCase', () => {
    it('saves the profile, language, assessment and checklist, and reads them back', async () => {
      const assessment = sampleAssessment('qmas');
      const { token, caseId } = await store.createCase({
        profile: sampleProfile(),
        language: 'zh-Hant',
        assessment,
        evidence: ITEMS,
      });
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(caseId).toMatch(/^[0-9a-f-]{36}$/);

      const saved = await store.getCase(token);
      expect(saved.caseId).toBe(caseId);
      expect(saved.language).toBe('zh-Hant');
      expect(saved.profile).toEqual(sampleProfile());
      expect(saved.profileVersion).toBe(1);
      expect(saved.createdAt).toBe(new Date(t.clock.now).toISOString());
      expect(saved.updatedAt).toMatch(ISO_INSTANT);
      expect(saved.evidence.map((i) => [i.id, i.labelKey, i.state, i.note])).toEqual(
        ITEMS.map((i) => [i.id, i.labelKey, 'to_do', '']),
      );
      expect(saved.tracker).toEqual([]);
      expect(saved.latestAssessments).toHaveLength(1);
      const [stored] = saved.latestAssessments;
      expect(stored?.assessment).toEqual(assessment);
      expect(stored?.routeId).toBe('qmas');
      expect(stored?.submittedAt).toBe('2025-02-26T03:00:00.000Z');
      expect(stored?.ruleVersionIds).toEqual([
        'qmas.prerequisites@2024-11-01',
        'qmas.fees@2025-02-26T11:00+08:00',
      ]);
      expect(stored?.profileVersion).toBe(1);
      expect(stored?.createdAt).toMatch(ISO_INSTANT);
    });

    it('creates a case without an assessment, and with one per route', async () => {
      const bare = await store.createCase({ profile: { schemaVersion: 1 }, language: 'en' });
      expect((await store.getCase(bare.token)).latestAssessments).toEqual([]);
      const two = await store.createCase({
        profile: { schemaVersion: 1 },
        language: 'zh-Hans',
        assessment: [sampleAssessment('qmas'), sampleAssessment('ttps')],
      });
      const saved = await store.getCase(two.token);
      expect(saved.latestAssessments.map((a) => a.routeId)).toEqual(['qmas', 'ttps']);
    });

    it('gives every case its own unguessable token', async () => {
      const a = await store.createCase({ profile: { n: 1 }, language: 'en' });
      const b = await store.createCase({ profile: { n: 2 }, language: 'en' });
      expect(a.token).not.toBe(b.token);
      expect(a.caseId).not.toBe(b.caseId);
      expect((await store.getCase(a.token)).profile).toEqual({ n: 1 });
      expect((await store.getCase(b.token)).profile).toEqual({ n: 2 });
    });

    it('answers not_found for unknown, malformed and altered tokens', async () => {
      const { token } = await store.createCase({ profile: { n: 1 }, language: 'en' });
      const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
      for (const bad of [altered, 'nope', '', `${token}x`, "' OR 1=1 --", 'A'.repeat(43)]) {
        await expectStoreError(store.getCase(bad), 'not_found');
      }
      await expectStoreError(store.getCase(undefined as unknown as string), 'not_found');
    });
  });

  describe('profile versions and assessments', () => {
    it('keeps every earlier profile version and appends each assessment', async () => {
      const { token } = await store.createCase({
        profile: sampleProfile({ step: 1 }),
        language: 'en',
        assessment: sampleAssessment('qmas', '2025-01-10T10:00:00+08:00', 'undetermined'),
      });
      advance(60_000);
      const r2 = await store.updateProfile(
        token,
        sampleProfile({ step: 2 }),
        sampleAssessment('qmas', '2025-03-01T10:00:00+08:00', 'eligible'),
      );
      expect(r2).toEqual({ profileVersion: 2 });
      advance(60_000);
      const r3 = await store.updateProfile(token, sampleProfile({ step: 3 }));
      expect(r3).toEqual({ profileVersion: 3 });

      const versions = await store.listProfileVersions(token);
      expect(versions.map((v) => [v.version, v.profile.step])).toEqual([
        [1, 1],
        [2, 2],
        [3, 3],
      ]);
      expect(versions[1]?.createdAt).toMatch(ISO_INSTANT);

      const saved = await store.getCase(token);
      expect(saved.profileVersion).toBe(3);
      expect(saved.profile.step).toBe(3);
      expect(saved.updatedAt).toBe(new Date(t.clock.now).toISOString());
      expect(saved.latestAssessments.map((a) => [a.routeId, a.assessment.status, a.profileVersion])).toEqual([
        ['qmas', 'eligible', 2],
      ]);

      const all = await store.listAssessments(token);
      expect(all.map((a) => [a.assessment.status, a.profileVersion, a.submittedAt])).toEqual([
        ['undetermined', 1, '2025-01-10T02:00:00.000Z'],
        ['eligible', 2, '2025-03-01T02:00:00.000Z'],
      ]);
    });

    it('adds an assessment of the current profile, and lists them by route', async () => {
      const { token } = await store.createCase({
        profile: { a: 1 },
        language: 'en',
        assessment: sampleAssessment('qmas'),
      });
      await store.updateProfile(token, { a: 2 });
      const added = await store.addAssessment(token, sampleAssessment('ttps', '2025-04-01T00:00:00Z'));
      expect(added.routeId).toBe('ttps');
      expect(added.profileVersion).toBe(2);
      expect(added.submittedAt).toBe('2025-04-01T00:00:00.000Z');
      await store.addAssessment(token, sampleAssessment('qmas', '2025-04-02T00:00:00Z', 'not_eligible'));
      expect((await store.listAssessments(token)).map((a) => a.routeId)).toEqual(['qmas', 'ttps', 'qmas']);
      expect(
        (await store.listAssessments(token, { routeId: 'qmas' })).map((a) => a.assessment.status),
      ).toEqual(['eligible', 'not_eligible']);
      expect((await store.listAssessments(token, { routeId: 'gep' })).length).toBe(0);
      const latest = (await store.getCase(token)).latestAssessments;
      expect(latest.map((a) => [a.routeId, a.assessment.status])).toEqual([
        ['qmas', 'not_eligible'],
        ['ttps', 'eligible'],
      ]);
    });
  });

  describe('evidence checklist', () => {
    it('updates one item, and replaces the list keeping what was recorded', async () => {
      const { token } = await store.createCase({ profile: { a: 1 }, language: 'en', evidence: ITEMS });
      const created = (await store.getCase(token)).evidence;
      advance(1000);
      const item = await store.updateEvidence(token, 'degree-certificate', {
        state: 'in_progress',
        note: '在辦理',
      });
      expect(item).toMatchObject({ id: 'degree-certificate', state: 'in_progress', note: '在辦理' });
      expect(item.updatedAt).toBe(new Date(t.clock.now).toISOString());
      const noteOnly = await store.updateEvidence(token, 'degree-certificate', { note: 'sent' });
      expect(noteOnly).toMatchObject({ state: 'in_progress', note: 'sent' });
      const stateOnly = await store.updateEvidence(token, 'degree-certificate', { state: 'done' });
      expect(stateOnly).toMatchObject({ state: 'done', note: 'sent' });
      await store.updateEvidence(token, 'passport', { state: 'not_applicable', note: '' });

      advance(1000);
      const list = await store.setEvidenceItems(token, [
        { id: 'tax-return', labelKey: 'evidence.tax_return' },
        { id: 'degree-certificate', labelKey: 'evidence.degree_certificate' },
        { id: 'passport', labelKey: 'evidence.passport', state: 'to_do' },
      ]);
      expect(list.map((i) => [i.id, i.state, i.note])).toEqual([
        ['tax-return', 'to_do', ''],
        ['degree-certificate', 'done', 'sent'],
        ['passport', 'to_do', ''],
      ]);
      expect(list[0]?.updatedAt).toBe(new Date(t.clock.now).toISOString());
      expect(list[1]?.updatedAt).toBe(stateOnly.updatedAt); // unchanged items keep their time
      expect((await store.getCase(token)).evidence).toEqual(list);
      expect(created).toHaveLength(3);

      await expectStoreError(store.updateEvidence(token, 'employer_letter', { state: 'done' }), 'not_found');
      expect(await store.setEvidenceItems(token, [])).toEqual([]);
    });
  });

  describe('application tracker', () => {
    it('adds stages, sets and clears dates, keeps what a change leaves out', async () => {
      const { token } = await store.createCase({ profile: { a: 1 }, language: 'en' });
      const submitted = await store.updateTrackerStage(token, 'submitted', {
        date: '2025-03-03',
        note: 'online',
      });
      expect(submitted).toEqual({
        stageId: 'submitted',
        date: '2025-03-03',
        note: 'online',
        updatedAt: new Date(t.clock.now).toISOString(),
      });
      expect(typeof submitted.date).toBe('string');
      await store.updateTrackerStage(token, 'acknowledged', { date: null });
      expect(await store.updateTrackerStage(token, 'submitted', { note: 'by post' })).toMatchObject({
        date: '2025-03-03',
        note: 'by post',
      });
      expect(await store.updateTrackerStage(token, 'submitted', { date: '2024-02-29' })).toMatchObject({
        date: '2024-02-29',
        note: 'by post',
      });
      expect(await store.updateTrackerStage(token, 'submitted', { date: null })).toMatchObject({
        date: null,
        note: 'by post',
      });
      const tracker = (await store.getCase(token)).tracker;
      expect(tracker.map((s) => [s.stageId, s.date, s.note])).toEqual([
        ['submitted', null, 'by post'],
        ['acknowledged', null, ''],
      ]);
    });
  });

  describe('language', () => {
    it('changes the language', async () => {
      const { token } = await store.createCase({ profile: { a: 1 }, language: 'en' });
      await store.setLanguage(token, 'zh-Hans');
      expect((await store.getCase(token)).language).toBe('zh-Hans');
    });
  });

  describe('audit trail', () => {
    it('records what changed and when, and never a value', async () => {
      const secretNote = 'Passport K1234567(8) expires 2031-12-31';
      const { token } = await store.createCase({
        profile: sampleProfile(),
        language: 'en',
        assessment: sampleAssessment('qmas'),
        evidence: ITEMS,
      });
      await store.updateProfile(
        token,
        sampleProfile({ person: { dateOfBirth: '1990-01-23', fullName: 'Zephyrine Quixote-Lam' } }),
        sampleAssessment('ttps'),
      );
      await store.updateEvidence(token, 'passport', { state: 'done', note: secretNote });
      await store.setEvidenceItems(token, ITEMS);
      await store.updateTrackerStage(token, 'submitted', { date: '2025-03-03', note: secretNote });
      await store.setLanguage(token, 'zh-Hant');
      await store.addAssessment(token, sampleAssessment('qmas'));

      const audit = await store.listAudit(token);
      expect(audit.map((a) => a.event)).toEqual([
        'case.created',
        'assessment.added:qmas',
        'profile.updated',
        'assessment.added:ttps',
        'evidence.item_updated:passport',
        'evidence.items_set',
        'tracker.stage_updated:submitted',
        'language.updated',
        'assessment.added:qmas',
      ]);
      for (const entry of audit) expect(entry.at).toMatch(ISO_INSTANT);

      const rows = (await dumpAllRows(db)).get('case_audit') ?? [];
      expect(rows.length).toBeGreaterThanOrEqual(audit.length);
      const personal = [
        'Zephyrine',
        'Quixote',
        '1987-06-05',
        '1990-01-23',
        '987654',
        'K1234567',
        '2031-12-31',
        '2025-03-03',
      ];
      for (const row of rows) {
        for (const value of personal) expect(row).not.toContain(value);
      }
    });

    it('refuses free text in an audit event at the database level too', async () => {
      const { caseId } = await store.createCase({ profile: { a: 1 }, language: 'en' });
      await expect(
        db.query('INSERT INTO case_audit (case_id, event, at) VALUES ($1, $2, now())', [
          caseId,
          'note: Zephyrine Lam',
        ]),
      ).rejects.toThrow();
    });
  });

  describe('token secrecy', () => {
    it('stores only the SHA-256 of the token, nowhere the token itself', async () => {
      const tokens: string[] = [];
      for (let i = 0; i < 3; i++) {
        const { token } = await store.createCase({ profile: { i }, language: 'en', evidence: ITEMS });
        await store.updateTrackerStage(token, 'submitted', { date: '2025-01-01' });
        tokens.push(token);
      }
      const all = [...(await dumpAllRows(db)).values()].flat().join('\n');
      for (const token of tokens) {
        const raw = Buffer.from(token, 'base64url');
        expect(raw).toHaveLength(32);
        expect(all).not.toContain(token);
        expect(all).not.toContain(raw.toString('hex'));
        expect(all).not.toContain(raw.toString('base64'));
        expect(all.toLowerCase()).not.toContain(token.toLowerCase());
      }
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM cases WHERE octet_length(token_hash) = 32',
      );
      expect(rows[0]?.n).toBeGreaterThanOrEqual(3);
    });
  });

  describe('deleteCase', () => {
    it('deletes every row of the case, audit included, and nothing else', async () => {
      const keep = await store.createCase({ profile: { keep: true }, language: 'en', evidence: ITEMS });
      const { token, caseId } = await store.createCase({
        profile: sampleProfile(),
        language: 'en',
        assessment: sampleAssessment('qmas'),
        evidence: ITEMS,
      });
      await store.updateProfile(token, sampleProfile({ v: 2 }), sampleAssessment('ttps'));
      await store.updateEvidence(token, 'passport', { state: 'done', note: 'x' });
      await store.updateTrackerStage(token, 'submitted', { date: '2025-01-01', note: 'y' });
      const before = [...(await dumpAllRows(db)).entries()].filter(([, rows]) =>
        rows.some((r) => r.includes(caseId)),
      );
      expect(before.map(([table]) => table).sort()).toEqual([
        'case_assessments',
        'case_audit',
        'case_evidence_items',
        'case_profiles',
        'case_tracker_stages',
        'cases',
      ]);

      await store.deleteCase(token);

      for (const [table, rows] of await dumpAllRows(db)) {
        expect(
          rows.filter((r) => r.includes(caseId)),
          table,
        ).toEqual([]);
      }
      await expectStoreError(store.getCase(token), 'not_found');
      await expectStoreError(store.deleteCase(token), 'not_found');
      await expectStoreError(store.listAudit(token), 'not_found');
      expect((await store.getCase(keep.token)).evidence).toHaveLength(3);
    });
  });

  describe('every function answers not_found for an unknown token', () => {
    it('does', async () => {
      const token = 'B'.repeat(43);
      const calls: (() => Promise<unknown>)[] = [
        () => store.getCase(token),
        () => store.updateProfile(token, { a: 1 }, sampleAssessment()),
        () => store.addAssessment(token, sampleAssessment()),
        () => store.updateEvidence(token, 'passport', { state: 'done' }),
        () => store.setEvidenceItems(token, ITEMS),
        () => store.updateTrackerStage(token, 'submitted', { date: null }),
        () => store.setLanguage(token, 'en'),
        () => store.deleteCase(token),
        () => store.listAssessments(token),
        () => store.listProfileVersions(token),
        () => store.listAudit(token),
      ];
      for (const call of calls) await expectStoreError(call(), 'not_found');
    });
  });

  describe('input validation', () => {
    it('rejects invalid inputs with invalid_input and the field, before touching the database', async () => {
      const { token } = await store.createCase({ profile: { a: 1 }, language: 'en', evidence: ITEMS });
      const long = 'x'.repeat(2001);
      const cases: [() => Promise<unknown>, string][] = [
        [() => store.createCase({ profile: { a: 1 }, language: 'fr' as 'en' }), 'language'],
        [
          () => store.createCase({ profile: [] as unknown as Record<string, unknown>, language: 'en' }),
          'profile',
        ],
        [() => store.createCase({ profile: { a: 'nul\u0000' }, language: 'en' }), 'profile'],
        [() => store.createCase({ profile: { a: '\uD800' }, language: 'en' }), 'profile'],
        [() => store.createCase({ profile: { a: Number.NaN }, language: 'en' }), 'profile'],
        [() => store.createCase({ profile: { a: new Date() }, language: 'en' }), 'profile'],
        [() => store.createCase({ profile: { a: 'x'.repeat(300_000) }, language: 'en' }), 'profile'],
        [
          () => store.createCase({ profile: { a: 1 }, language: 'en', assessment: { format: 'x' } as never }),
          'assessment',
        ],
        [
          () =>
            store.createCase({
              profile: { a: 1 },
              language: 'en',
              assessment: { ...sampleAssessment(), route: { id: 'qmas: Zephyrine', name: '' } },
            }),
          'assessment.route.id',
        ],
        [
          () =>
            store.createCase({
              profile: { a: 1 },
              language: 'en',
              assessment: { ...sampleAssessment(), submittedAt: '2025-01-01' },
            }),
          'assessment.submittedAt',
        ],
        [() => store.updateEvidence(token, 'passport', { state: 'finished' as 'done' }), 'state'],
        [() => store.updateEvidence(token, 'passport', { note: long }), 'note'],
        [() => store.updateEvidence(token, 'passport', {}), 'changes'],
        [() => store.updateEvidence(token, 'pass port', { state: 'done' }), 'itemId'],
        [() => store.updateEvidence(token, 'passport:Zephyrine', { state: 'done' }), 'itemId'],
        [
          () =>
            store.setEvidenceItems(token, [
              { id: 'a', labelKey: 'k' },
              { id: 'a', labelKey: 'k' },
            ]),
          'items[1].id',
        ],
        [
          () => store.setEvidenceItems(token, [{ id: 'a', labelKey: 'k', state: 'x' as 'done' }]),
          'items[0].state',
        ],
        [() => store.setEvidenceItems(token, [{ id: 'a', labelKey: '' }]), 'items[0].labelKey'],
        [() => store.setEvidenceItems(token, 'x' as never), 'items'],
        [
          () =>
            store.setEvidenceItems(
              token,
              Array.from({ length: 201 }, (_, i) => ({ id: `i${i}`, labelKey: 'k' })),
            ),
          'items',
        ],
        [() => store.updateTrackerStage(token, 'submitted', { date: '2025-02-30' }), 'date'],
        [() => store.updateTrackerStage(token, 'submitted', { date: '25-01-01' }), 'date'],
        [() => store.updateTrackerStage(token, 'submitted', { date: '2025-1-1' }), 'date'],
        [() => store.updateTrackerStage(token, 'submitted', { note: long }), 'note'],
        [() => store.updateTrackerStage(token, '', { note: 'x' }), 'stageId'],
        [() => store.setLanguage(token, 'zh' as 'en'), 'language'],
        [() => store.listAssessments(token, { routeId: 'a b' }), 'routeId'],
        [() => store.hitRateLimit('', 60, 1), 'key'],
        [() => store.hitRateLimit('k', 0, 1), 'windowSeconds'],
        [() => store.hitRateLimit('k', 1.5, 1), 'windowSeconds'],
        [() => store.hitRateLimit('k', 60, 0), 'max'],
      ];
      for (const [call, field] of cases) await expectStoreError(call(), 'invalid_input', field);
      // A note of exactly 2000 characters (counted as characters, not UTF-16 units) is fine.
      const max = '😀'.repeat(2000);
      expect((await store.updateEvidence(token, 'passport', { note: max })).note).toBe(max);
      // Nothing invalid reached the checklist.
      expect((await store.getCase(token)).evidence.map((i) => i.id)).toEqual(ITEMS.map((i) => i.id));
    });

    it('reports a database failure as storage_failure without the SQL error', async () => {
      const broken: Db = {
        driver: 'postgres',
        query: async () => {
          throw new Error('relation "cases" does not exist at character 15: SELECT id FROM cases');
        },
        exec: async () => undefined,
        transaction: async (fn) => fn(broken),
        close: async () => undefined,
      };
      const s = new CaseStore(broken);
      const error = await expectStoreError(
        s.createCase({ profile: { a: 1 }, language: 'en' }),
        'storage_failure',
      );
      expect(error.message).not.toMatch(/relation|SELECT|cases"/);
      expect(error.cause).toBeInstanceOf(Error);
      await expectStoreError(s.hitRateLimit('k', 60, 1), 'storage_failure');
    });
  });

  describe('migrations', () => {
    it('records each migration once; running them again changes nothing', async () => {
      const files = await loadMigrations();
      expect(files.map((m) => m.file)[0]).toBe('001_cases.sql');
      expect(await migrate(db)).toEqual({ applied: [] });
      expect(await migrate(db)).toEqual({ applied: [] });
      const { rows } = await db.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
      expect(rows.map((r) => r.id)).toEqual(files.map((m) => m.id));
      const again = await t.reopen();
      if (driver === 'pglite') store = again;
      db = store.db;
      expect(
        (await store.getCase((await store.createCase({ profile: { a: 1 }, language: 'en' })).token)).profile,
      ).toEqual({ a: 1 });
    });

    it('refuses to start when an applied migration file was edited', async () => {
      const [first] = await loadMigrations();
      if (!first) throw new Error('no migrations');
      const error = await expectStoreError(
        migrate(db, [{ ...first, sql: `${first.sql}\n-- edited`, checksum: 'different' }]),
        'migration_failed',
      );
      expect(error.message).toContain('001_cases.sql');
    });
  });

  describe('hitRateLimit', () => {
    it('allows max hits per fixed window, then says how long to wait', async () => {
      t.clock.now = Date.parse('2025-03-01T02:00:10.000Z'); // 10 s into a 60 s window
      const key = `create:${driver}:203.0.113.7`;
      for (let i = 1; i <= 3; i++) {
        expect(await store.hitRateLimit(key, 60, 3)).toEqual({
          allowed: true,
          retryAfterSeconds: 0,
          hits: i,
        });
      }
      expect(await store.hitRateLimit(key, 60, 3)).toEqual({
        allowed: false,
        retryAfterSeconds: 50,
        hits: 4,
      });
      advance(49_500);
      expect(await store.hitRateLimit(key, 60, 3)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
      // Other keys and other window sizes count separately.
      expect(await store.hitRateLimit(`${key}:other`, 60, 3)).toMatchObject({ allowed: true, hits: 1 });
      expect(await store.hitRateLimit(key, 3600, 3)).toMatchObject({ allowed: true, hits: 1 });
      advance(500); // the next window starts
      expect(await store.hitRateLimit(key, 60, 3)).toEqual({ allowed: true, retryAfterSeconds: 0, hits: 1 });
      // A replica whose clock lags still counts in the newest window.
      advance(-5_000);
      expect(await store.hitRateLimit(key, 60, 3)).toMatchObject({ allowed: true, hits: 2 });
      advance(5_000);
    });

    it('counts parallel hits atomically', async () => {
      const key = `burst:${driver}`;
      const results = await Promise.all(Array.from({ length: 30 }, () => store.hitRateLimit(key, 60, 10)));
      expect(results.filter((r) => r.allowed)).toHaveLength(10);
      expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 30 }, (_, i) => i + 1),
      );
    });

    it('prunes counters whose window has ended', async () => {
      const key = `prune:${driver}`;
      await store.hitRateLimit(key, 1, 5);
      await store.hitRateLimit(`${key}:long`, 86_400, 5);
      advance(2_000);
      expect(await store.pruneRateLimits()).toBeGreaterThanOrEqual(1);
      const { rows } = await db.query<{ key: string }>('SELECT key FROM rate_limits WHERE key LIKE $1', [
        `${key}%`,
      ]);
      expect(rows.map((r) => r.key)).toEqual([`${key}:long`]);
    });
  });

  describe('concurrency', () => {
    it('applies 20 parallel updates to one case, none lost', async () => {
      const items = Array.from({ length: 20 }, (_, i) => ({
        id: `item-${i}`,
        labelKey: `evidence.item_${i}`,
      }));
      const { token } = await store.createCase({ profile: { v: 0 }, language: 'en', evidence: items });
      await Promise.all([
        ...Array.from({ length: 20 }, (_, i) =>
          store.updateProfile(token, { v: i + 1 }, sampleAssessment('qmas')),
        ),
        ...items.map((item, i) => store.updateEvidence(token, item.id, { state: 'done', note: `n${i}` })),
        ...Array.from({ length: 20 }, (_, i) =>
          store.updateTrackerStage(token, `stage-${i}`, { date: '2025-01-02' }),
        ),
      ]);
      const versions = await store.listProfileVersions(token);
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
      expect(new Set(versions.map((v) => v.profile.v)).size).toBe(21);
      expect(await store.listAssessments(token)).toHaveLength(20);
      const saved = await store.getCase(token);
      expect(saved.evidence.every((i, n) => i.state === 'done' && i.note === `n${n}`)).toBe(true);
      expect(saved.tracker).toHaveLength(20);
      expect((await store.listAudit(token)).length).toBe(1 + 40 + 20 + 20);
    });

    it('creates 20 cases in parallel', async () => {
      const created = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.createCase({ profile: { i }, language: 'en' })),
      );
      for (const [i, c] of created.entries()) expect((await store.getCase(c.token)).profile).toEqual({ i });
    });
  });
}
