import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, exampleProfile, ROOT, tempDir } from './helpers.ts';

const EXAMPLE = `${ROOT}/examples/qmas-2024-12-criteria.json`;
const AT = '2025-03-01T10:00:00+08:00';
const tmp = tempDir();
let badProfile: string;
let badJson: string;

beforeAll(() => {
  // One mistake of each kind: a missing key, a misspelt key, a wrong type, an impossible date.
  const p = exampleProfile();
  delete p.person.nationality;
  p.character.selfSuporting = p.character.selfSupporting;
  delete p.character.selfSupporting;
  p.income.lastYearHKD = 'lots';
  p.person.dateOfBirth = '1988-02-30';
  badProfile = tmp.write('bad-profile.json', p);
  badJson = tmp.write(
    'bad.json',
    '{\n  "schemaVersion": 1,\n  "person": {\n    "dateOfBirth": "1990-01-01",,\n  }\n}\n',
  );
});
afterAll(() => tmp.cleanup());

/** Exit code 2, nothing on stdout, and the first stderr line. */
function usageError(r: { code: number | null; stdout: string; stderr: string }): string {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  return r.stderr;
}

describe('bad input: exit 2 with every problem named', () => {
  it('profile issues: path, value given and expected for each, one per problem', async () => {
    const r = await cli(['assess', badProfile, '--at', AT]);
    const err = usageError(r);
    expect(err).toContain(`routewise: ${badProfile} is not a valid profile: 4 problems.`);
    expect(err).toContain(
      '  - person.nationality\n      given: (missing)\n      expected: an ISO 3166-1 alpha-3 country code such as GBR, CHN or VNM, or "unknown"\n',
    );
    expect(err).toContain('or write "unknown" if the fact is not known');
    expect(err).toContain('  - character.selfSuporting\n      given: true\n');
    expect(err).toContain('Did you mean "selfSupporting"?');
    expect(err).toContain(
      '  - income.lastYearHKD\n      given: "lots"\n      expected: a number of at least 0, or "unknown"\n',
    );
    expect(err).toContain(
      '  - person.dateOfBirth\n      given: "1988-02-30"\n      expected: a real calendar date written YYYY-MM-DD, or "unknown"\n',
    );
    // The typo is one problem, not also a "missing selfSupporting".
    expect(err).not.toContain('  - character.selfSupporting\n');
    expect(err.match(/^ {2}- /gm)).toHaveLength(4);
  });

  it('profile issues in Simplified Chinese, from standard input', async () => {
    const r = await cli(['assess', '-', '--lang', 'zh-Hans'], {
      input: JSON.stringify({ ...exampleProfile(), dob: 1 }),
    });
    const err = usageError(r);
    expect(err).toContain('routewise: 标准输入 不是有效的申请人资料：有 1 个问题。');
    expect(err).toContain('  - dob\n      所填： 1\n');
    expect(err).toContain('dob 不是 申请人资料 的字段；可用的字段为 $schema, schemaVersion, person');
  });

  it('invalid JSON: line and column, in the language asked for', async () => {
    const [file, stdin] = await Promise.all([
      cli(['assess', badJson]),
      cli(['assess', '-', '--lang', 'zh-Hant'], { input: '{"schemaVersion": 1' }),
    ]);
    expect(usageError(file)).toBe(
      `routewise: ${badJson} is not valid JSON: unexpected "," at line 4, column 33.\n`,
    );
    expect(usageError(stdin)).toBe(
      'routewise: 標準輸入 不是有效的 JSON：第 1 行第 20 欄內容在 JSON 值完結前已結束。\n',
    );
  });

  it('unreadable file: missing, or a directory', async () => {
    const [missing, dir] = await Promise.all([
      cli(['assess', `${tmp.dir}/nope.json`]),
      cli(['assess', tmp.dir, '--lang', 'zh-Hant']),
    ]);
    expect(usageError(missing)).toBe(`routewise: cannot read ${tmp.dir}/nope.json: there is no such file.\n`);
    expect(usageError(dir)).toBe(`routewise: 無法讀取 ${tmp.dir}：這是一個資料夾。\n`);
  });

  it('--at: not a moment, or a date-time without an offset', async () => {
    const [word, noOffset] = await Promise.all([
      cli(['assess', EXAMPLE, '--at', 'yesterday']),
      cli(['rules', 'qmas', '--at', '2025-03-01T10:00', '--lang', 'zh-Hans']),
    ]);
    expect(usageError(word)).toContain('routewise: --at "yesterday" is not a moment Routewise can use');
    expect(word.stderr).toContain('2025-03-01 (meaning 00:00 Hong Kong time)');
    expect(usageError(noOffset)).toBe(
      'routewise: --at“2025-03-01T10:00”没有时区，时刻可相差数小时：请加上时区，例如香港时间 2025-03-01T10:00+08:00。\n',
    );
  });

  it('a moment before the earliest rules held for a route that already existed: no rules in force', async () => {
    const [en, zh] = await Promise.all([
      cli(['assess', EXAMPLE, '--route', 'gep', '--at', '2001-01-01']),
      cli(['rules', 'qmas', '--at', '2005-12-31T23:59:59+08:00', '--lang', 'zh-Hant']),
    ]);
    expect(usageError(en)).toMatch(
      /^routewise: no hk\.gep rules were in force at 2001-01-01T00:00:00\+08:00: the earliest rules \(.+\) apply from 2015-\d\d-\d\dT00:00:00\+08:00\. Choose a later --at\.\n$/,
    );
    expect(usageError(zh)).toContain('2005-12-31T23:59:59+08:00 時沒有生效的hk.qmas規則');
  });

  it('a moment before the route opened is not an error: exit 0, the scheme had not opened yet', async () => {
    const [text, json] = await Promise.all([
      cli(['assess', EXAMPLE, '--at', '2001-01-01']),
      cli(['assess', EXAMPLE, '--at', '2006-06-27T23:59:59+08:00', '--format', 'json', '--lang', 'zh-Hans']),
    ]);
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain(
      'the scheme had not opened yet at 2001-01-01T00:00:00+08:00; it opened on 28 June 2006.',
    );
    expect(json.code).toBe(0);
    const a = JSON.parse(json.stdout);
    expect(a.status).toBe('not_eligible');
    expect(a.prerequisites.map((p: { id: string }) => p.id)).toEqual(['scheme-opened']);
    expect(a.prerequisites[0].explanation).toContain('2006年6月28日');
    expect(a.fees).toBeNull();
  });

  it('unknown --test, --format and --lang values', async () => {
    const [test, format, lang] = await Promise.all([
      cli(['assess', EXAMPLE, '--test', 'xyz', '--lang', 'zh-Hant']),
      cli(['rules', 'qmas', '--format', 'markdown']),
      cli(['assess', EXAMPLE, '--lang', 'fr']),
    ]);
    expect(usageError(test)).toBe('routewise: 不明的測試「xyz」：應為 gpt, abt, all。\n');
    expect(usageError(format)).toBe('routewise: unknown format "markdown": expected text, json.\n');
    expect(usageError(lang)).toBe('routewise: unknown language "fr": expected en, zh-Hant or zh-Hans.\n');
  });

  it("commander's own usage errors exit 2 too, localised", async () => {
    const [option, argument, command, none] = await Promise.all([
      cli(['assess', EXAMPLE, '--bogus']),
      cli(['assess', '--lang', 'zh-Hans']),
      cli(['frobnicate']),
      cli([]),
    ]);
    expect(usageError(option)).toBe(
      'routewise: unknown option --bogus.\nRun "routewise assess --help" for usage.\n',
    );
    expect(usageError(argument)).toBe(
      'routewise: 缺少参数 profile。\n运行“routewise assess --help”查看用法。\n',
    );
    expect(usageError(command)).toBe(
      'routewise: unknown command frobnicate.\nRun "routewise --help" for usage.\n',
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: routewise [options] [command]');
    expect(none.stderr).toContain('routewise: no command given.');
  });
});

describe('internal faults: exit 1, one line unless ROUTEWISE_DEBUG=1', () => {
  it('broken rule files', async () => {
    const env = { ROUTEWISE_RULES_DIR: tmp.dir };
    const [plain, debug] = await Promise.all([
      cli(['assess', EXAMPLE, '--at', AT], { env }),
      cli(['assess', EXAMPLE, '--at', AT], { env: { ...env, ROUTEWISE_DEBUG: '1' } }),
    ]);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toBe('');
    expect(plain.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(plain.stderr).toMatch(
      /^routewise: internal error: the rule files are invalid \(\d+ problems; first: .*sources\.yaml/,
    );
    expect(plain.stderr).toContain('set ROUTEWISE_DEBUG=1');
    expect(debug.code).toBe(1);
    expect(debug.stderr).toContain('route.yaml:0: file is missing or unreadable');
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
