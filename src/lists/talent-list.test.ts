import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assess } from '../engine/assess.ts';
import { parseProfile } from '../profile/validate.ts';
import { RULES_DIR, RuleFileError } from '../rules/loader.ts';
import { languages } from '../rules/schema.ts';
import { listLookup, shippedRoute } from '../rules/shipped.ts';
import {
  findProfession,
  InvalidMomentError,
  loadTalentList,
  professionListedAt,
  shippedTalentList,
  TALENT_LIST_DIR,
  talentListAt,
  talentListEffectsAt,
  talentListProfessionLookup,
} from './talent-list.ts';

const ms = (iso: string) => Date.parse(iso);
const onList = talentListProfessionLookup();

describe('the shipped Talent List', () => {
  it('has every version with its official count, dates and confidence', () => {
    const list = loadTalentList();
    expect(
      list.versions.map((v) => [
        v.id,
        v.from,
        v.to,
        v.officialCount,
        v.professions.length,
        v.complete,
        v.confidence,
      ]),
    ).toEqual([
      ['2018-08-28', '2018-08-28T00:00:00+08:00', '2021-01-01T00:00:00+08:00', 11, 11, true, 'official'],
      ['2021', '2021-01-01T00:00:00+08:00', '2023-05-16T00:00:00+08:00', 13, 13, true, 'uncertain'],
      ['2023-05-16', '2023-05-16T00:00:00+08:00', '2025-03-01T00:00:00+08:00', 51, 11, false, 'secondary'],
      ['2025-03-01', '2025-03-01T00:00:00+08:00', null, 60, 9, false, 'official'],
    ]);
    expect(list.versions.map((v) => v.segmentCount)).toEqual([null, null, 9, null]);
    expect(list.versions[2]?.segments).toHaveLength(9);
  });

  it('holds no more professions than the official count, and says what is missing when it holds fewer', () => {
    for (const v of shippedTalentList().versions) {
      expect(v.professions.length, v.id).toBeLessThanOrEqual(v.officialCount);
      if (v.complete) {
        expect(v.professions.length, v.id).toBe(v.officialCount);
        expect(v.missing, v.id).toBeUndefined();
      } else {
        expect(v.professions.length, v.id).toBeLessThan(v.officialCount);
        for (const lang of languages) expect(v.missing?.[lang], `${v.id} ${lang}`).toMatch(/\S/);
      }
    }
    const byId = new Map(shippedTalentList().versions.map((v) => [v.id, v]));
    expect(byId.get('2023-05-16')?.missing?.en).toMatch(/^40 of the 51 professions are not held/);
    expect(byId.get('2025-03-01')?.missing?.en).toMatch(/^51 of the 60 professions are not held/);
  });

  it('marks the 2021 effective date as uncertain, with a note in three languages', () => {
    const v2021 = shippedTalentList().versions[1];
    expect(v2021?.confidence).toBe('uncertain');
    for (const lang of languages) expect(v2021?.note?.[lang]).toMatch(/2021/);
  });

  it('gives Chinese names only where an official text does, and shows the English name otherwise', () => {
    const list = shippedTalentList();
    const latest = list.versions.at(-1);
    expect(latest?.professions.every((p) => p.chineseNamePublished)).toBe(true);
    expect(latest?.professions.find((p) => p.id === 'accountants')?.name).toEqual({
      en: 'Accountants',
      'zh-Hant': '會計業專才',
      'zh-Hans': '会计业专才',
    });
    for (const v of list.versions.slice(0, 3)) {
      for (const p of v.professions) {
        expect(p.chineseNamePublished, p.id).toBe(false);
        expect(p.name['zh-Hant'], p.id).toBe(p.name.en);
        expect(p.name['zh-Hans'], p.id).toBe(p.name.en);
      }
    }
  });

  it('records which version announced each profession as added', () => {
    const list = shippedTalentList();
    expect(list.addedIn.get('actuaries')).toBe('2018-08-28');
    expect(list.addedIn.get('esg-professionals')).toBe('2021');
    expect(list.addedIn.get('doctors')).toBe('2023-05-16');
    expect(list.addedIn.get('legal-knowledge-engineers')).toBe('2025-03-01');
    expect(list.addedIn.size).toBe(11 + 2 + 11 + 9);
  });
});

describe('talentListAt', () => {
  it.each([
    ['2018-08-27T23:59:00+08:00', undefined],
    ['2018-08-28T00:00:00+08:00', '2018-08-28'],
    ['2020-12-31T23:59:00+08:00', '2018-08-28'],
    ['2021-01-01T00:00:00+08:00', '2021'],
    ['2023-05-15T23:59:00+08:00', '2021'],
    ['2023-05-16T00:00:00+08:00', '2023-05-16'],
    ['2025-02-28T23:59:00+08:00', '2023-05-16'],
    ['2025-03-01T00:00:00+08:00', '2025-03-01'],
    ['2025-02-28T16:00:00Z', '2025-03-01'],
    ['2026-06-01T00:00:00+08:00', '2025-03-01'],
  ])('at %s is %s', (at, id) => {
    expect(talentListAt(ms(at))?.id).toBe(id);
  });
});

describe('talentListProfessionLookup', () => {
  it('is what the shipped routes read', () => {
    expect(listLookup().talentListProfession('Accountants', ms('2025-03-01T00:00:00+08:00'))).toBe(true);
    expect(listLookup().talentListProfession('Accountants', ms('2025-02-28T23:59:00+08:00'))).toBe(false);
  });

  it('answers on both sides of 1 March 2025 for a profession added then, by name in any language or id', () => {
    for (const name of ['Accountants', 'accountants', 'ACCOUNTANTS', '會計業專才', '会计业专才']) {
      expect(onList(name, ms('2025-02-28T23:59:00+08:00')), name).toBe(false);
      expect(onList(name, ms('2025-03-01T00:00:00+08:00')), name).toBe(true);
    }
    expect(onList('ship-surveyors', ms('2025-03-01T00:00:00+08:00'))).toBe(true);
    expect(onList('Professionals in green shipping', ms('2024-12-01T00:00:00+08:00'))).toBe(false);
  });

  it('answers on both sides of 16 May 2023 for a profession added then', () => {
    expect(onList('Doctors', ms('2023-05-15T23:59:00+08:00'))).toBe(false);
    expect(onList('Doctors', ms('2023-05-16T00:00:00+08:00'))).toBe(true);
    expect(onList('Experienced AI specialists', ms('2023-05-15T23:59:00+08:00'))).toBe(false);
    expect(onList('Experienced artificial intelligence specialists', ms('2023-05-16T00:00:00+08:00'))).toBe(
      true,
    );
  });

  it('keeps the claim (undefined) for a known profession that an incomplete version does not list', () => {
    // On the complete 2021 list; the 2023 list is held in part and does not list it.
    expect(onList('Actuaries', ms('2023-05-15T23:59:00+08:00'))).toBe(true);
    expect(onList('Actuaries', ms('2023-05-16T00:00:00+08:00'))).toBeUndefined();
    // Held for 2023; the 2025 list is held in part (60 = 51 + 9 suggests no removal, but that is inferred).
    expect(onList('Doctors', ms('2025-02-28T23:59:00+08:00'))).toBe(true);
    expect(onList('Doctors', ms('2025-03-01T00:00:00+08:00'))).toBeUndefined();
  });

  it('says false for a known profession not on a complete version', () => {
    expect(onList('ESG professionals', ms('2020-12-31T23:59:00+08:00'))).toBe(false);
    expect(onList('ESG professionals', ms('2021-01-01T00:00:00+08:00'))).toBe(true);
    expect(onList('Nurses', ms('2022-06-01T00:00:00+08:00'))).toBe(false);
  });

  it('recognises the official short names of 2018 as aliases', () => {
    expect(onList('Data Scientists and Cyber Security Specialists', ms('2020-06-01T00:00:00+08:00'))).toBe(
      true,
    );
    expect(
      onList(
        'Experienced data scientists and experienced cyber security specialists',
        ms('2019-01-01T00:00:00+08:00'),
      ),
    ).toBe(true);
    expect(onList('Fintech professionals', ms('2019-01-01T00:00:00+08:00'))).toBe(true);
  });

  it('leaves names it does not recognise exactly undefined, however close', () => {
    for (const name of [
      'Plumbers',
      'Actuary',
      'doctor',
      'Data scientists and cyber security experts',
      '會計',
    ]) {
      expect(onList(name, ms('2025-06-01T00:00:00+08:00')), name).toBeUndefined();
    }
  });

  it('says false for any profession before the first list of 28 August 2018', () => {
    expect(onList('Actuaries', ms('2018-08-27T23:59:00+08:00'))).toBe(false);
    expect(onList('Actuaries', ms('2018-08-28T00:00:00+08:00'))).toBe(true);
    expect(onList('Plumbers', ms('2017-01-01T00:00:00+08:00'))).toBe(false);
  });

  it('agrees with professionListedAt for every profession held, at every version start', () => {
    const list = shippedTalentList();
    const ids = new Set(list.versions.flatMap((v) => v.professions.map((p) => p.id)));
    for (const v of list.versions)
      for (const id of ids)
        expect(onList(id, v.fromMs), `${id} at ${v.id}`).toBe(professionListedAt(id, v.fromMs));
  });
});

describe('the Talent List in an assessment', () => {
  const example = JSON.parse(
    readFileSync(join(RULES_DIR, '..', 'examples', 'qmas-2018-talent-list.json'), 'utf8'),
  ) as Record<string, unknown>;
  const qmas = shippedRoute('hk.qmas');
  const bonus = (profession: string) => {
    const profile = parseProfile({ ...example, talentList: { profession } });
    const gpt = assess(profile, qmas, '2019-05-01T10:00:00+08:00').tests.find((t) => t.test === 'gpt');
    return gpt?.criteria.find((c) => c.id === 'talent-list')?.points;
  };

  it('gives the QMAS bonus for a profession on the list in force, and none for one added later', () => {
    expect(bonus('Actuaries')).toMatchObject({ min: 30, max: 30 });
    expect(bonus('Accountants')).toMatchObject({ min: 0, max: 0 });
  });

  it("keeps the person's claim for a name the data does not recognise", () => {
    expect(bonus('Senior actuarial consultants')).toMatchObject({ min: 30, max: 30 });
  });
});

describe('talentListEffectsAt', () => {
  const ids = (at: string, route?: string) => talentListEffectsAt(ms(at), route).map((e) => e.id);

  it('gives the QMAS 30-point bonus from 28 August 2018 to 31 October 2024', () => {
    expect(ids('2018-08-27T23:59:00+08:00')).toEqual([]);
    expect(ids('2018-08-28T00:00:00+08:00', 'hk.qmas')).toEqual(['qmas-general-points-test-bonus']);
    expect(ids('2024-10-31T23:59:00+08:00', 'hk.qmas')).toEqual(['qmas-general-points-test-bonus']);
    expect(ids('2024-11-01T00:00:00+08:00', 'hk.qmas')).toEqual(['qmas-favourable-consideration']);
  });

  it('waives the GEP and ASMTP local-recruitment proof from 28 December 2022', () => {
    expect(ids('2022-12-27T23:59:00+08:00', 'hk.gep')).toEqual([]);
    expect(ids('2022-12-28T00:00:00+08:00', 'hk.gep')).toEqual(['gep-asmtp-no-local-recruitment-proof']);
    expect(ids('2026-01-01T00:00:00+08:00', 'hk.asmtp')).toEqual(['gep-asmtp-no-local-recruitment-proof']);
  });

  it('marks the unquantified QMAS consideration after 1 November 2024 as uncertain, with a note', () => {
    const [effect] = talentListEffectsAt(ms('2025-06-01T00:00:00+08:00'), 'hk.qmas');
    expect(effect?.confidence).toBe('uncertain');
    for (const lang of languages) expect(effect?.note?.[lang]).toMatch(/⚠️/);
    expect(effect?.sources.length).toBeGreaterThan(0);
  });
});

describe('findProfession', () => {
  const top = (query: string, at?: string) => findProfession(query, at === undefined ? {} : { at })[0];

  it('finds an exact name with score 1 and the versions listing it', () => {
    const m = top('Actuaries');
    expect(m).toMatchObject({ id: 'actuaries', score: 1, exact: true, addedIn: '2018-08-28', segment: null });
    expect(m?.lists.map((l) => [l.versionId, l.confidence, l.complete])).toEqual([
      ['2018-08-28', 'official', true],
      ['2021', 'uncertain', true],
    ]);
  });

  it('forgives case, plurals, filler words and misspellings, without calling them exact', () => {
    expect(top('actuary')).toMatchObject({ id: 'actuaries', exact: false });
    expect(top('fintech')?.id).toBe('fintech-professionals');
    expect(top('doctor')?.id).toBe('doctors');
    expect(top('Aircraft maintenence engineer')?.id).toBe('aircraft-maintenance-engineers');
    expect(top('AI specialist')?.id).toBe('artificial-intelligence-specialists');
    expect(top('doctor')?.score).toBeLessThan(1);
  });

  it('finds Chinese names in either script, and by part of a name', () => {
    expect(top('驗船師')).toMatchObject({ id: 'ship-surveyors', exact: true });
    expect(top('验船师')).toMatchObject({ id: 'ship-surveyors', exact: true });
    expect(top('會計')?.id).toBe('accountants');
    expect(top('会计')?.id).toBe('accountants');
  });

  it('says whether the profession is on the version in force, or that it cannot tell', () => {
    expect(top('Accountants', '2025-02-28')?.inForceAt).toBe(false);
    expect(top('Accountants', '2025-03-01')?.inForceAt).toBe(true);
    const actuaries = top('Actuaries', '2024-06-01');
    expect(actuaries?.inForceAt).toBeNull();
    expect(actuaries?.caveats.map((c) => c.code)).toContain('not-held-in-version');
    expect(top('Actuaries')?.inForceAt).toBeUndefined();
  });

  it('notes that there was no list before 28 August 2018', () => {
    const m = top('Actuaries', '2018-01-01');
    expect(m?.inForceAt).toBe(false);
    expect(m?.caveats.map((c) => c.code)).toContain('before-first-list');
  });

  it('always carries the incomplete-data and specification caveats, and flags reported names', () => {
    const codes = top('Midwives')?.caveats.map((c) => c.code);
    expect(codes).toEqual(
      expect.arrayContaining(['incomplete-data', 'specifications-not-held', 'reported-name']),
    );
    expect(top('Midwives')?.segment?.id).toBe('healthcare-services');
    expect(top('Actuaries')?.caveats.map((c) => c.code)).toContain('inferred-listing');
  });

  it('finds nothing for a profession the data does not hold', () => {
    expect(findProfession('Plumbers')).toEqual([]);
    expect(findProfession('   ')).toEqual([]);
  });

  it('refuses a moment without an offset', () => {
    expect(() => findProfession('Actuaries', { at: '2025-03-01T10:00' })).toThrow(InvalidMomentError);
  });
});

describe('loadTalentList', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'talent-list-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  let n = 0;

  /** A copy of the shipped list (with the jurisdiction's sources.yaml two folders up), edited. */
  const copy = (edit: Record<string, (text: string) => string>): string => {
    const dir = join(tmp, String(n++), 'hk', 'lists', 'talent-list');
    mkdirSync(dir, { recursive: true });
    cpSync(TALENT_LIST_DIR, dir, { recursive: true });
    cpSync(join(RULES_DIR, 'hk', 'sources.yaml'), join(dir, '..', '..', 'sources.yaml'));
    for (const [file, change] of Object.entries(edit)) {
      const path = join(dir, file);
      writeFileSync(path, change(readFileSync(path, 'utf8')));
    }
    return dir;
  };
  const problems = (dir: string): string => {
    try {
      loadTalentList(dir);
    } catch (e) {
      expect(e).toBeInstanceOf(RuleFileError);
      return (e as Error).message;
    }
    throw new Error('expected a RuleFileError');
  };

  it('loads an unchanged copy', () => {
    expect(loadTalentList(copy({})).versions).toHaveLength(4);
  });

  it('rejects a complete version that holds fewer professions than its official count', () => {
    const dir = copy({ 'list.yaml': (t) => t.replace('officialCount: 13', 'officialCount: 14') });
    expect(problems(dir)).toMatch(
      /list\.yaml:\d+: versions\.1\.complete: 2021\.yaml holds 13 professions, not all 14/,
    );
  });

  it('rejects an incomplete version that does not say what is missing', () => {
    const dir = copy({ 'list.yaml': (t) => t.replace(/ {4}missing:\n(?: {6}.*\n| {8}.*\n)+/, '') });
    expect(problems(dir)).toMatch(/versions\.2\.missing: an incomplete version must say what is missing/);
  });

  it('rejects an addition that was already on an earlier version', () => {
    const dir = copy({
      '2025-03-01.yaml': (t) =>
        `${t}  - id: actuaries\n    segment: financial-services\n    name: { en: Actuaries }\n    confidence: official\n`,
      'list.yaml': (t) =>
        t.replace(
          '      - aircraft-maintenance-engineers\n',
          '      - aircraft-maintenance-engineers\n      - actuaries\n',
        ),
    });
    expect(problems(dir)).toMatch(/"actuaries" is announced as added but was listed before/);
  });

  it('rejects an unannounced change between two complete versions', () => {
    const dir = copy({
      'list.yaml': (t) =>
        t.replace(
          'added: [asset-management-compliance-professionals, esg-professionals]',
          'added: [esg-professionals]',
        ),
    });
    expect(problems(dir)).toMatch(
      /changes not announced in added\/removed: \["asset-management-compliance-professionals"\]/,
    );
  });

  it('rejects a name that already names another profession, an unknown segment and an unknown source', () => {
    const dir = copy({
      '2025-03-01.yaml': (t) =>
        t
          .replace('name: { en: Ship surveyors,', 'name: { en: Naval architects,')
          .replace('segment: aviation-and-shipping', 'segment: maritime-services'),
      '2021.yaml': (t) => t.replace('ref: policy-address-2021-talent-list', 'ref: no-such-source'),
    });
    const message = problems(dir);
    expect(message).toMatch(
      /2025-03-01\.yaml:\d+: professions\.6\.name: "Naval architects" already names the profession "naval-architects"/,
    );
    expect(message).toMatch(/2025-03-01\.yaml:\d+: professions\.6\.segment: no segment "maritime-services"/);
    expect(message).toMatch(/unknown source "no-such-source"/);
  });

  it('rejects a version file out of date order, or one that names no source', () => {
    const late = copy({
      '2021.yaml': (t) => t.replace('from: "2021-01-01T00:00:00+08:00"', 'from: "2017-01-01T00:00:00+08:00"'),
    });
    expect(problems(late)).toMatch(
      /2021\.yaml:\d+: from: versions must be in chronological order: 2017-01-01T00:00:00\+08:00 is not after 2018-08-28T00:00:00\+08:00/,
    );
    const unsourced = copy({ '2018-08-28.yaml': (t) => t.replace(/^sources:\n(?: {2}.*\n)+/m, '') });
    expect(problems(unsourced)).toMatch(/2018-08-28\.yaml:\d+: sources: /);
  });

  it('rejects a list source whose id the jurisdiction already defines', () => {
    const dir = copy({
      'sources.yaml': (t) =>
        `${t}  immd-qmas-page:\n    title: t\n    publisher: p\n    url: https://example.org/\n    retrieved: "2026-01-20"\n    official: true\n`,
    });
    expect(problems(dir)).toMatch(/"immd-qmas-page" is already defined in the jurisdiction's sources\.yaml/);
  });
});
