import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../rules/schema.ts';
import { closestField, ProfileError, type ProfileIssue, parseProfile, validateProfile } from './validate.ts';

// biome-ignore lint/suspicious/noExplicitAny: test profiles are edited freely, including into invalid shapes
type Json = any;

const example = (): Json =>
  JSON.parse(readFileSync(new URL('../../examples/qmas-2024-12-criteria.json', import.meta.url), 'utf8'));

function issues(input: unknown, lang: Lang = 'en'): ProfileIssue[] {
  const result = validateProfile(input, lang);
  if (result.ok) throw new Error('expected the profile to be invalid');
  return result.issues;
}

function only(input: unknown, lang: Lang = 'en'): ProfileIssue {
  const found = issues(input, lang);
  expect(found.map((i) => i.path)).toHaveLength(1);
  return found[0] as ProfileIssue;
}

describe('validateProfile', () => {
  it('accepts the example and returns the typed profile', () => {
    const result = validateProfile(example(), 'en');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.profile.person.nationality).toBe('GBR');
  });

  it('a missing key: required, and "unknown" is allowed', () => {
    const p = example();
    delete p.person.nationality;
    expect(only(p)).toEqual({
      code: 'missing',
      path: 'person.nationality',
      value: undefined,
      expected: 'an ISO 3166-1 alpha-3 country code such as GBR, CHN or VNM, or "unknown"',
      message:
        'person.nationality is missing. It is required: give an ISO 3166-1 alpha-3 country code such as GBR, CHN or VNM, or write "unknown" if the fact is not known.',
    });
  });

  it('a missing object that cannot be "unknown" says only that it is required', () => {
    const p = example();
    delete p.family;
    const issue = only(p);
    expect(issue.message).toBe(
      'family is missing. It is required: give an object with the fields hkPermanentResidentInHongKong, parentChinesePermanentResidentSettledOverseas.',
    );
  });

  it('a misspelt key is one issue naming the field it meant', () => {
    const p = example();
    p.character.selfSuporting = p.character.selfSupporting;
    delete p.character.selfSupporting;
    const issue = only(p);
    expect(issue).toMatchObject({ code: 'unrecognized', path: 'character.selfSuporting', value: true });
    expect(issue.expected).toBe(
      'one of the fields of character: selfSupporting, criminalRecord, adverseImmigrationRecord',
    );
    expect(issue.message).toBe(
      'character.selfSuporting is not a field of character. Did you mean "selfSupporting"? That field is required and is missing.',
    );
  });

  it('typos never pass: transposed letters, wrong case, inside arrays and unions', () => {
    const p = example();
    p.education.degrees[1].levle = p.education.degrees[1].level;
    delete p.education.degrees[1].level;
    p.person.DateOfBirth = p.person.dateOfBirth;
    delete p.person.dateOfBirth;
    p.talentList = { profesion: 'Actuary' };
    const found = issues(p);
    expect(found.map((i) => [i.path, i.message.match(/Did you mean "(\w+)"/)?.[1]])).toEqual([
      ['person.DateOfBirth', 'dateOfBirth'],
      ['education.degrees.1.levle', 'level'],
      ['talentList.profesion', 'profession'],
    ]);
  });

  it('an unknown key far from any field lists the fields; a field already given is not suggested', () => {
    const p = example();
    p.dob = '1988-04-12';
    p.person.nationalty = 'GBR';
    const [nationalty, dob] = issues(p);
    expect(dob?.message).toMatch(
      /^dob is not a field of the profile; its fields are \$schema, schemaVersion, person, /,
    );
    expect(nationalty?.path).toBe('person.nationalty');
    expect(nationalty?.message).not.toContain('Did you mean');
  });

  it('a wrong type for known(x) says what x expects, or "unknown"', () => {
    const p = example();
    p.income.lastYearHKD = 'lots';
    p.character.criminalRecord = 'no';
    p.languages.others = 'French';
    p.education.degrees[1].yearAwarded = 1800;
    p.talentList = 'yes';
    const found = issues(p);
    expect(found.map((i) => [i.path, i.value, i.expected])).toEqual([
      ['character.criminalRecord', 'no', 'true or false, or "unknown"'],
      ['education.degrees.1.yearAwarded', 1800, 'a whole number from 1900 to 2100, or "unknown"'],
      ['languages.others', 'French', 'a list of objects, or "unknown"'],
      ['income.lastYearHKD', 'lots', 'a number of at least 0, or "unknown"'],
      ['talentList', 'yes', '"none" or an object with the fields profession, or "unknown"'],
    ]);
    expect(found[0]?.message).toBe(
      'character.criminalRecord is "no", which is not valid: expected true or false, or "unknown".',
    );
  });

  it('enums and discriminators list their values', () => {
    const p = example();
    p.education.degrees[0].level = 'phd';
    p.work.kind = 'history';
    p.dependants[0].relation = 'cousin';
    const found = issues(p);
    expect(found.map((i) => [i.path, i.expected])).toEqual([
      ['education.degrees.0.level', '"bachelor", "master", "doctorate", or "unknown"'],
      ['work.kind', '"periods" or "totals"'],
      ['dependants.0.relation', '"spouse", "civil_partner", or "child"'],
    ]);
  });

  it('bad dates: impossible days and wrong formats', () => {
    const p = example();
    p.person.dateOfBirth = '1988-02-30';
    p.work.periods[0].from = '01/09/2010';
    p.work.periods[1].to = 'now';
    const found = issues(p);
    expect(found.map((i) => [i.path, i.value, i.expected])).toEqual([
      ['person.dateOfBirth', '1988-02-30', 'a real calendar date written YYYY-MM-DD, or "unknown"'],
      ['work.periods.0.from', '01/09/2010', 'a real calendar date written YYYY-MM-DD'],
      ['work.periods.1.to', 'now', 'a real calendar date written YYYY-MM-DD or "present"'],
    ]);
  });

  it('inside a chosen union branch, each missing field is its own issue', () => {
    const p = example();
    p.person.prcPassportAbroad = { appliesFromOverseas: true };
    expect(issues(p).map((i) => [i.code, i.path])).toEqual([
      ['missing', 'person.prcPassportAbroad.overseasPermanentResidence'],
      ['missing', 'person.prcPassportAbroad.livedOverseasAtLeastOneYear'],
    ]);
  });

  it('one issue per problem across the whole profile', () => {
    const p = example();
    p.schemaVersion = 4;
    delete p.person.mainlandResident;
    p.business.ownsBusiness = 'unknwon';
    p.dependants[1].married = 'maybe';
    p.extra = true;
    expect(issues(p).map((i) => i.path)).toEqual([
      'schemaVersion',
      'person.mainlandResident',
      'business.ownsBusiness',
      'dependants.1.married',
      'extra',
    ]);
  });

  it('not an object at all', () => {
    for (const input of [null, [], 'profile', 42, undefined]) {
      expect(only(input)).toMatchObject({ path: '', expected: 'a JSON object: the applicant profile' });
    }
  });

  it('speaks Traditional and Simplified Chinese', () => {
    const p = example();
    delete p.person.nationality;
    p.character.selfSuporting = true;
    delete p.character.selfSupporting;
    p.income.lastYearHKD = -5;
    const hant = issues(p, 'zh-Hant');
    expect(hant.map((i) => i.message)).toEqual([
      '欠缺 person.nationality。此欄位必須填寫：請提供 ISO 3166-1 三位字母國家代碼，例如 GBR、CHN 或 VNM；如不知道，請填寫 "unknown"。',
      'character.selfSuporting 不是 character 的欄位。你是否指 "selfSupporting"？該欄位必須填寫，但現時欠缺。',
      'income.lastYearHKD 的值 -5 無效：應為 不少於 0 的數字，或 "unknown"。',
    ]);
    const hans = issues(p, 'zh-Hans');
    expect(hans.map((i) => i.expected)).toEqual([
      'ISO 3166-1 三位字母国家代码，例如 GBR、CHN 或 VNM，或 "unknown"',
      'character 的字段之一：selfSupporting, criminalRecord, adverseImmigrationRecord',
      '不少于 0 的数字，或 "unknown"',
    ]);
    expect(hans[0]?.message).toContain('如不知道，请填写 "unknown"');
  });
});

describe('parseProfile', () => {
  it('returns the profile, or throws ProfileError listing every issue', () => {
    expect(parseProfile(example()).schemaVersion).toBe(3);
    const p = example();
    p.schemaVersion = 4;
    p.income.lastYearHKD = 'lots';
    let error: unknown;
    try {
      parseProfile(p, 'zh-Hant');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileError);
    const pe = error as ProfileError;
    expect(pe.issues.map((i) => i.path)).toEqual(['schemaVersion', 'income.lastYearHKD']);
    expect(pe.message.split('\n')).toEqual([
      '申請人資料有 2 個問題：',
      '  - schemaVersion 的值 4 無效：應為 3。',
      '  - income.lastYearHKD 的值 "lots" 無效：應為 不少於 0 的數字，或 "unknown"。',
    ]);
    expect(() => parseProfile({})).toThrow(/^The profile has 15 problems:\n {2}- schemaVersion is missing/);
  });
});

describe('closestField', () => {
  const fields = ['dateOfBirth', 'nationality', 'mainlandResident', 'prcPassportAbroad'];
  it('finds near misses and gives up on far ones', () => {
    expect(closestField('nationalty', fields)).toBe('nationality');
    expect(closestField('natoinality', fields)).toBe('nationality');
    expect(closestField('DATEOFBIRTH', fields)).toBe('dateOfBirth');
    expect(closestField('mainland', fields)).toBe('mainlandResident');
    expect(closestField('dob', fields)).toBeUndefined();
    expect(closestField('passport', fields)).toBeUndefined();
    expect(closestField('nationalty', fields, ['nationality'])).toBeUndefined();
  });
});

describe('a profile written for schema version 2', () => {
  function asVersion2(): Json {
    const p = example();
    p.schemaVersion = 2;
    for (const d of p.education.degrees) delete d.admittedAsNonLocalStudent;
    for (const w of p.work.periods) delete w.fullTimeOrSelfEmployed;
    return p;
  }

  it('is upgraded, the facts version 3 added becoming "unknown"', () => {
    const result = validateProfile(asVersion2(), 'en');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.schemaVersion).toBe(3);
    const profile = result.profile as Json;
    expect(new Set(profile.education.degrees.map((d: Json) => d.admittedAsNonLocalStudent))).toEqual(
      new Set(['unknown']),
    );
    expect(profile.work.periods.map((w: Json) => w.fullTimeOrSelfEmployed)).toEqual(['unknown', 'unknown']);
  });

  it('still reports a fact version 2 already had when it is missing', () => {
    const p = asVersion2();
    delete p.education.degrees[0].level;
    expect(only(p).path).toBe('education.degrees.0.level');
  });
});
