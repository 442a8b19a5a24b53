import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lineColumn, locateJsonError, parseJson } from '../../src/cli/input.ts';
import { CliError, parseAt, parseFormat, parseRoute, parseTest, scanLang } from '../../src/cli/options.ts';
import { type Io, run, useColour } from '../../src/cli/program.ts';
import { escapeMarkdown, MarkdownWriter, TextWriter } from '../../src/cli/writer.ts';
import { cliCatalogues } from '../../src/i18n/cli-messages.ts';
import { validationCatalogues } from '../../src/i18n/validation-messages.ts';

/** The CLI's pieces, in process: no child processes here. */

const NOW = Date.parse('2025-03-01T02:30:15.250Z');

function thrown(f: () => unknown): CliError {
  try {
    f();
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error('expected a CliError');
}

describe('--at', () => {
  it('defaults to the clock, in Hong Kong time', () => {
    expect(parseAt(undefined, () => NOW)).toBe('2025-03-01T10:30:15+08:00');
  });
  it('reads a date alone as 00:00 Hong Kong time', () => {
    expect(parseAt('2024-02-29', () => NOW)).toBe('2024-02-29T00:00:00+08:00');
  });
  it('accepts date-times with an offset or Z and writes them in Hong Kong time', () => {
    expect(parseAt('2025-02-26T11:00:00+08:00', () => NOW)).toBe('2025-02-26T11:00:00+08:00');
    expect(parseAt('2025-02-26T03:00Z', () => NOW)).toBe('2025-02-26T11:00:00+08:00');
    expect(parseAt('2025-02-25T22:00:00.5-05:00', () => NOW)).toBe('2025-02-26T11:00:00+08:00');
  });
  it('rejects anything else, saying why', () => {
    for (const bad of [
      '2025-02-30',
      '2023-02-29',
      '2025-13-01',
      'tomorrow',
      '2025-03-01T25:00:00+08:00',
      '2025/03/01',
      '',
    ]) {
      expect(thrown(() => parseAt(bad, () => NOW)).key).toBe('error.badAt');
    }
    expect(thrown(() => parseAt('2025-03-01T10:00:00', () => NOW)).key).toBe('error.atNoOffset');
  });
});

describe('flags', () => {
  it('--lang is found before parsing, invalid or missing means English', () => {
    expect(scanLang(['assess', 'x', '--lang', 'zh-Hant'])).toBe('zh-Hant');
    expect(scanLang(['--lang=zh-Hans', 'rules'])).toBe('zh-Hans');
    expect(scanLang(['assess', '--lang', 'fr'])).toBe('en');
    expect(scanLang(['assess', '--', '--lang', 'zh-Hant'])).toBe('en');
  });
  it('--test and --format take only their listed values', () => {
    const qmasTests = ['gpt', 'abt'];
    expect(parseTest('both', qmasTests)).toBeUndefined();
    expect(parseTest('all', qmasTests)).toBeUndefined();
    expect(parseTest(undefined, qmasTests)).toBeUndefined();
    expect(parseTest('abt', qmasTests)).toEqual(['abt']);
    expect(thrown(() => parseTest('GPT', qmasTests)).key).toBe('error.badTest');
    expect(thrown(() => parseTest('a', qmasTests)).params).toEqual({ value: 'a', allowed: 'gpt, abt, all' });
    expect(parseRoute(undefined)).toBe('hk.qmas');
    expect(parseRoute('qmas')).toBe('hk.qmas');
    expect(parseRoute('hk.qmas')).toBe('hk.qmas');
    expect(thrown(() => parseRoute('qmass')).key).toBe('error.badRoute');
    expect(parseFormat(undefined, ['text', 'json'] as const)).toBe('text');
    expect(thrown(() => parseFormat('yaml', ['text', 'json'] as const)).params).toEqual({
      value: 'yaml',
      allowed: 'text, json',
    });
  });
  it('colour only on a terminal without NO_COLOR', () => {
    expect(useColour(true, {})).toBe(true);
    expect(useColour(true, { NO_COLOR: '' })).toBe(true);
    expect(useColour(true, { NO_COLOR: '1' })).toBe(false);
    expect(useColour(false, {})).toBe(false);
    expect(useColour(undefined, {})).toBe(false);
  });
});

describe('JSON errors', () => {
  it('finds the first error of every kind', () => {
    expect(locateJsonError('{"a": [1, 2, {"b": null}], "c": "\\u00e9"}')).toBeUndefined();
    expect(locateJsonError('{"a": 1,}')).toEqual({ offset: 8, kind: 'char' });
    expect(locateJsonError('{"a": tru}')).toEqual({ offset: 9, kind: 'char' });
    expect(locateJsonError('[1, 2')).toEqual({ offset: 5, kind: 'end' });
    expect(locateJsonError('')).toEqual({ offset: 0, kind: 'end' });
    expect(locateJsonError('{} []')).toEqual({ offset: 3, kind: 'trailing' });
    expect(locateJsonError('{"a": 01}')).toEqual({ offset: 7, kind: 'char' });
    expect(locateJsonError('"tab\there"')).toEqual({ offset: 4, kind: 'char' });
    expect(locateJsonError("{'a': 1}")).toEqual({ offset: 1, kind: 'char' });
  });
  it('gives 1-based line and column', () => {
    expect(lineColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\nef', 8)).toEqual({ line: 3, column: 3 });
  });
  it('parses with a byte-order mark, and reports the place of an error', () => {
    expect(parseJson('\uFEFF{"a": 1}', 'f.json')).toEqual({ a: 1 });
    const e = thrown(() => parseJson('{\n  "a": 1\n  "b": 2\n}', 'f.json'));
    expect(e.key).toBe('error.json');
    expect(e.params).toMatchObject({
      file: 'f.json',
      line: 3,
      column: 3,
      problem: { key: 'json.char', params: { char: '"\\""' } },
    });
  });
});

describe('writers', () => {
  it('text colours marks and headings only when asked', () => {
    const plain = new TextWriter(false);
    plain.heading('Result');
    plain.item('✓', 'met', ['detail'], 'good');
    expect(plain.toString()).toBe('Result\n──────\n  ✓ met\n     detail\n');
    const colour = new TextWriter(true);
    colour.heading('結果');
    colour.item('✗', 'not met', [], 'bad');
    expect(colour.toString()).toBe('\u001b[1m結果\u001b[0m\n────\n  \u001b[31m✗\u001b[0m not met\n');
  });
  it('markdown escapes markup in text but keeps its own links', () => {
    expect(escapeMarkdown('a*b_c `d` <e> \\')).toBe('a\\*b\\_c \\`d\\` \\<e> \\\\');
    const md = new MarkdownWriter();
    md.heading('Sources');
    md.item('[1]', md.link('Title *x*', 'https://example.org/a_b'), ['section: (i)']);
    md.para('# not a heading');
    expect(md.toString()).toBe(
      '## Sources\n\n- [1] [Title \\*x\\*](<https://example.org/a_b>)\n  - section: (i)\n\n\\# not a heading\n',
    );
  });
});

describe('internal faults', () => {
  function io(env: Record<string, string>, stderr: string[]): Io {
    return {
      argv: ['schema', 'profile'],
      stdout: () => {
        throw new Error('disk on fire\nsecond line');
      },
      stderr: (t) => stderr.push(t),
      stdin: Readable.from([]),
      colour: false,
      env,
      now: () => NOW,
    };
  }
  it('exit 1 with one line, the stack only with ROUTEWISE_DEBUG=1', async () => {
    const quiet: string[] = [];
    expect(await run(io({}, quiet))).toBe(1);
    expect(quiet).toEqual([
      'routewise: internal error: disk on fire (a fault in Routewise, not in your input; set ROUTEWISE_DEBUG=1 for details)\n',
    ]);
    const loud: string[] = [];
    expect(await run(io({ ROUTEWISE_DEBUG: '1' }, loud))).toBe(1);
    expect(loud.join('')).toMatch(/disk on fire\nsecond line\n\s+at /);
  });
});

describe('catalogues', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it.each([
    ['cli', cliCatalogues],
    ['validation', validationCatalogues],
  ] as const)('%s: every translation has the same placeholders as English', (_, catalogues) => {
    const en = catalogues.en as Record<string, string>;
    for (const lang of ['zh-Hant', 'zh-Hans'] as const) {
      const other = catalogues[lang] as Record<string, string>;
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect([key, placeholders(other[key] as string)]).toEqual([key, placeholders(en[key] as string)]);
        if (!key.startsWith('help.') && !key.startsWith('error.usage')) expect(other[key]).not.toBe(en[key]);
      }
    }
  });
});
