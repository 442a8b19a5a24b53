import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RuleFileError } from '../rules/loader.ts';
import { findInstitution, InvalidMomentError, LISTS_DIR, loadUniversityLists } from './lookup.ts';

const top = (query: string, at?: string) => findInstitution(query, at === undefined ? {} : { at })[0];

describe('the shipped list', () => {
  it('loads every version with its official count, sources and confidence', () => {
    const lists = loadUniversityLists();
    expect(lists.versions.map((v) => [v.id, v.institutions.length, v.confidence, v.to])).toEqual([
      ['2024-01-01', 185, 'uncertain', '2024-11-01T00:00:00+08:00'],
      ['2024-11-01', 198, 'uncertain', '2025-01-01T00:00:00+08:00'],
      ['2025-01-01', 199, 'uncertain', '2026-01-01T00:00:00+08:00'],
      ['2026-01-01', 200, 'secondary', null],
    ]);
    expect(lists.versions.at(-1)?.note?.en).toMatch(/third-party transcription/);
    for (const v of lists.versions.slice(0, 3)) expect(v.note?.en).toMatch(/^Derived/);
  });
});

describe('findInstitution', () => {
  it('finds an exact name, on every version', () => {
    const m = top('University of Oxford');
    expect(m).toMatchObject({ name: 'University of Oxford', country: 'U.K.', score: 1 });
    expect(m?.lists.map((l) => l.versionId)).toEqual([
      '2024-01-01',
      '2024-11-01',
      '2025-01-01',
      '2026-01-01',
    ]);
    expect(m?.lists[0]).toEqual({
      versionId: '2024-01-01',
      from: '2024-01-01T00:00:00+08:00',
      to: '2024-11-01T00:00:00+08:00',
      confidence: 'uncertain',
    });
  });

  it('forgives case, accents, punctuation, "the", "&" and "Univ."', () => {
    expect(top('the university of sao paulo')?.name).toBe('University of São Paulo');
    expect(top('ECOLE POLYTECHNIQUE FEDERALE DE LAUSANNE')?.name).toBe(
      'École Polytechnique Fédérale de Lausanne',
    );
    expect(top('Wageningen University and Research')?.name).toBe('Wageningen University & Research');
    expect(top('Univ. of Tokyo')?.name).toBe('The University of Tokyo');
    expect(top('Kings College London')?.name).toBe("King's College London");
  });

  it('forgives misspellings', () => {
    const m = top('Univeristy of Oxfrod');
    expect(m?.name).toBe('University of Oxford');
    expect(m?.score).toBeGreaterThan(0.8);
    expect(m?.score).toBeLessThan(1);
    expect(top('Massachusets Institute of Techology')?.name).toBe('Massachusetts Institute of Technology');
  });

  it.each([
    ['MIT', 'Massachusetts Institute of Technology'],
    ['m.i.t.', 'Massachusetts Institute of Technology'],
    ['UCL', 'University College London'],
    ['LSE', 'London School of Economics and Political Science'],
    ['NUS', 'National University of Singapore'],
    ['HKU', 'University of Hong Kong'],
    ['CUHK', 'Chinese University of Hong Kong'],
    ['HKUST', 'The Hong Kong University of Science and Technology'],
    ['ETH', 'ETH Zurich - Swiss Federal Institute of Technology'],
    ['EPFL', 'École Polytechnique Fédérale de Lausanne'],
    ['UCLA', 'University of California, Los Angeles'],
    ['UC Berkeley', 'University of California, Berkeley'],
    ['KCL', "King's College London"],
    ['Caltech', 'California Institute of Technology'],
    ['CMU', 'Carnegie Mellon University'],
    ['PKU', 'Peking University'],
    ['THU', 'Tsinghua University'],
    ['Tsinghua', 'Tsinghua University'],
    ['SJTU', 'Shanghai Jiao Tong University'],
    ['ZJU', 'Zhejiang University'],
    ['USTC', 'University of Science and Technology of China'],
    ['Fudan', 'Fudan University'],
  ])('finds the abbreviation or short name %s', (query, name) => {
    const m = top(query);
    expect(m?.name).toBe(name);
    expect(m?.score).toBeGreaterThanOrEqual(0.9);
  });

  it('returns every institution an ambiguous abbreviation names', () => {
    const names = findInstitution('NTU')
      .filter((m) => m.score === 1)
      .map((m) => m.name);
    expect(names.sort()).toEqual([
      'Nanyang Technological University, Singapore',
      'National Taiwan University - NTU',
    ]);
  });

  it.each([
    ['清華大學', 'Tsinghua University'],
    ['清华大学', 'Tsinghua University'],
    ['北京大學', 'Peking University'],
    ['北京大学', 'Peking University'],
    ['香港大學', 'University of Hong Kong'],
    ['香港大学', 'University of Hong Kong'],
    ['香港中文大學', 'Chinese University of Hong Kong'],
    ['香港中文大学', 'Chinese University of Hong Kong'],
    ['復旦大學', 'Fudan University'],
    ['复旦大学', 'Fudan University'],
    ['國立臺灣大學', 'National Taiwan University - NTU'],
    ['四川大學', 'Sichuan University'], // in the data in Simplified only: found through the folding table
  ])('finds the Chinese name %s', (query, name) => {
    expect(top(query)).toMatchObject({ name, score: 1 });
  });

  it('returns [] when nothing matches', () => {
    expect(findInstitution('Hogwarts School of Witchcraft and Wizardry')).toEqual([]);
    expect(findInstitution('霍格華茲魔法學校')).toEqual([]);
    expect(findInstitution('  ')).toEqual([]);
  });

  it('finds an institution added in a later version only from that version', () => {
    // Sichuan University: added with effect from 2024-11-01 (ttps-aggregate-list-changes.csv).
    const lists = top('Sichuan University')?.lists.map((l) => l.versionId);
    expect(lists).toEqual(['2024-11-01', '2025-01-01', '2026-01-01']);
    expect(top('Sichuan University', '2024-10-31T23:59:59+08:00')?.inForceAt).toBe(false);
    expect(top('Sichuan University', '2024-11-01T00:00:00+08:00')?.inForceAt).toBe(true);
    expect(top('Sichuan University', '2024-11-01')?.inForceAt).toBe(true);
    // Adelaide University: added 2026-01-01, beside the University of Adelaide on every version.
    expect(top('Adelaide University', '2025-12-31T23:59:59+08:00')).toMatchObject({
      name: 'Adelaide University',
      inForceAt: false,
    });
    expect(top('Adelaide University', '2026-01-01')?.inForceAt).toBe(true);
  });

  it('finds a removed institution only on the versions before its removal', () => {
    // Radboud University: removed with effect from 2025-01-01.
    const m = top('Radboud University', '2025-01-01');
    expect(m?.lists.map((l) => l.versionId)).toEqual(['2024-01-01', '2024-11-01']);
    expect(m?.inForceAt).toBe(false);
    expect(top('Radboud University', '2024-12-31T23:59:59+08:00')?.inForceAt).toBe(true);
  });

  it('leaves inForceAt unknown before the earliest version held, and says why', () => {
    const m = top('University of Oxford', '2023-06-01');
    expect(m?.inForceAt).toBeUndefined();
    expect(m?.caveats.map((c) => c.code)).toContain('no-version-held');
    expect(top('University of Oxford')?.inForceAt).toBeUndefined();
  });

  it('rejects a moment without an offset', () => {
    expect(() => findInstitution('MIT', { at: '2025-01-01T10:00' })).toThrow(InvalidMomentError);
    expect(() => findInstitution('MIT', { at: 'yesterday' })).toThrow(InvalidMomentError);
  });

  it('carries the caveats on every result, in three languages', () => {
    const results = [
      ...findInstitution('University of California'),
      ...findInstitution('清华'),
      ...findInstitution('Adelaide University'),
    ];
    expect(results.length).toBeGreaterThan(3);
    for (const m of results) {
      const codes = m.caveats.map((c) => c.code);
      expect(codes).toEqual(expect.arrayContaining(['third-party-transcription', 'qmas-list-unconfirmed']));
      const transcription = m.caveats.find((c) => c.code === 'third-party-transcription');
      expect(transcription?.text.en).toMatch(/⚠️.*third-party transcription of the official PDF/);
      expect(m.caveats.find((c) => c.code === 'qmas-list-unconfirmed')?.text.en).toMatch(
        /⚠️.*QMAS criterion 2.*unconfirmed/,
      );
      for (const c of m.caveats) expect(c.text['zh-Hant'] && c.text['zh-Hans']).toBeTruthy();
    }
    expect(top('University of Oxford')?.caveats.map((c) => c.code)).toContain('derived-versions');
  });

  it('says that an alias is a search aid only when the match was found by one', () => {
    const byAlias = top('HKU');
    expect(byAlias?.name).toBe('University of Hong Kong');
    const note = byAlias?.caveats.find((c) => c.code === 'found-by-alias');
    expect(note?.text.en).toMatch(/search aids.*no official list gives them/s);
    expect(note?.text['zh-Hant']).toMatch(/搜尋輔助/);
    expect(top('University of Hong Kong')?.caveats.map((c) => c.code)).not.toContain('found-by-alias');
  });
});

describe('loadUniversityLists on a broken folder', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const copy = () => {
    const root = mkdtempSync(join(tmpdir(), 'routewise-lists-'));
    dirs.push(root);
    mkdirSync(join(root, 'hk'));
    cpSync(join(LISTS_DIR, '..', 'sources.yaml'), join(root, 'hk', 'sources.yaml'));
    cpSync(LISTS_DIR, join(root, 'hk', 'lists'), { recursive: true });
    return join(root, 'hk', 'lists');
  };
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  const problemsOf = (dir: string): string => {
    try {
      loadUniversityLists(dir);
    } catch (e) {
      expect(e).toBeInstanceOf(RuleFileError);
      return (e as Error).message;
    }
    throw new Error('expected a RuleFileError');
  };

  it('loads an intact copy', () => {
    expect(loadUniversityLists(copy()).versions).toHaveLength(4);
  });

  it('reports a schema error with file:line', () => {
    const dir = copy();
    const file = join(dir, 'eligible-universities', '2025-01-01.yaml');
    edit(file, (t) => t.replace('    country: "Argentina"\n', ''));
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('Universidad de Buenos Aires')) + 1;
    expect(problemsOf(dir)).toContain(`2025-01-01.yaml:${line}: institutions.0.country:`);
  });

  it('reports a YAML syntax error with file:line', () => {
    const dir = copy();
    edit(join(dir, 'institution-aliases.yaml'), (t) => t.replace('aliases: [HKU,', 'aliases: [HKU,,]]'));
    expect(problemsOf(dir)).toMatch(/institution-aliases\.yaml:\d+: /);
  });

  it('reports an unannounced change, an unknown source and an unknown alias target', () => {
    const dir = copy();
    edit(join(dir, 'eligible-universities', '2026-01-01.yaml'), (t) =>
      t.replace('  - name: "University of Vienna"', '  - name: "University of Wien"'),
    );
    edit(join(dir, 'eligible-universities', 'list.yaml'), (t) =>
      t.replace('ref: hk01-2023-12-28-ttps-list-185', 'ref: no-such-source'),
    );
    edit(join(dir, 'institution-aliases.yaml'), (t) =>
      t.replace('- name: Fudan University', '- name: Fudan Univ'),
    );
    const message = problemsOf(dir);
    expect(message).toMatch(
      /list\.yaml:\d+: versions\.3\.added: "University of Vienna" is announced as added/,
    );
    expect(message).toMatch(
      /list\.yaml:\d+: versions\.0\.sources: sources\.1: unknown source "no-such-source"/,
    );
    expect(message).toMatch(
      /institution-aliases\.yaml:\d+: institutions\.\d+\.name: "Fudan Univ" is not on any/,
    );
  });

  it('reports aliases that cite an unknown source or none', () => {
    const unknown = copy();
    edit(join(unknown, 'institution-aliases.yaml'), (t) =>
      t.replace('- ref: dxianjun-ttps-qualifying-universities', '- ref: no-such-source'),
    );
    expect(problemsOf(unknown)).toMatch(
      /institution-aliases\.yaml:\d+: sources\.0\.ref: unknown source "no-such-source"/,
    );
    const none = copy();
    edit(join(none, 'institution-aliases.yaml'), (t) => t.replace(/^sources:\n(?: {2}.*\n)+/m, ''));
    expect(problemsOf(none)).toMatch(/institution-aliases\.yaml:\d+: sources: /);
  });

  it('reports a count that differs from the official count', () => {
    const dir = copy();
    edit(join(dir, 'eligible-universities', 'list.yaml'), (t) =>
      t.replace('officialCount: 185', 'officialCount: 184'),
    );
    expect(problemsOf(dir)).toMatch(/list\.yaml:\d+: versions\.0\.officialCount: 2024-01-01\.yaml has 185/);
  });
});
