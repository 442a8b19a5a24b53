import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assess } from '../../src/engine/assess.ts';
import type { Assessment } from '../../src/engine/result.ts';
import { parseProfile } from '../../src/profile/validate.ts';
import { encodeSimpleGlyph, fontsReady, runs, subsetFont } from '../../src/report/fonts.ts';
import { breakLines } from '../../src/report/lines.ts';
import { renderAssessmentPdf } from '../../src/report/pdf.ts';
import type { Lang } from '../../src/rules/schema.ts';
import { shippedRoute } from '../../src/rules/shipped.ts';

// pdftotext and pdftoppm come from Debian's poppler-utils: `bash scripts/ensure-chromium.sh`.
const rules = shippedRoute('hk.qmas');
const profile = parseProfile(JSON.parse(readFileSync('examples/qmas-2024-12-criteria.json', 'utf8')));
const submittedAt = '2025-03-01T10:00:00+08:00';
const generatedAt = '2025-03-02T09:30:00+08:00';
const out = 'test-results/pdf';
const work = mkdtempSync(join(tmpdir(), 'routewise-pdf-'));

/** Text of a PDF as pdftotext reads it, with every kind of white space removed (lines wrap anywhere). */
function pdfText(pdf: Buffer, name: string): string {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

const expected: Record<Lang, { font: string; notApproval: RegExp; heading: string }> = {
  en: {
    font: '+NotoSans-Regular-latin',
    notApproval: /Meetingtherequirementsisnotapproval/,
    heading: 'Assessmentreport',
  },
  'zh-Hant': { font: '+NotoSansHK-Regular-', notApproval: /符合要求並不代表獲批/, heading: '評估報告' },
  'zh-Hans': { font: '+NotoSansSC-Regular-', notApproval: /符合要求并不代表获批/, heading: '评估报告' },
};

describe('renderAssessmentPdf', () => {
  beforeAll(() => {
    mkdirSync(out, { recursive: true });
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    } catch {
      throw new Error('pdftotext is missing: run `bash scripts/ensure-chromium.sh` (installs poppler-utils)');
    }
  });

  describe.each(['en', 'zh-Hant', 'zh-Hans'] as const)('in %s', (lang) => {
    let assessment: Assessment;
    let pdf: Buffer;
    let text: string;

    beforeAll(async () => {
      assessment = assess(profile, rules, submittedAt, { lang });
      pdf = await renderAssessmentPdf(assessment, {
        lang,
        generatedAt,
        profileSummary: [
          { label: lang === 'en' ? 'Date of birth' : '出生日期', value: '1988-05-04' },
          { label: lang === 'en' ? 'Name' : '姓名', value: '陳大文 Chan Tai Man' },
        ],
      });
      writeFileSync(join(out, `assessment-${lang}.pdf`), pdf);
      text = pdfText(pdf, lang);
    }, 60_000);

    it('is a PDF that embeds the language’s font', () => {
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const raw = pdf.toString('latin1');
      expect(raw).toContain(expected[lang].font);
      if (lang === 'zh-Hans') expect(raw).not.toContain('+NotoSansHK-Regular-');
      expect(raw).toContain(
        `/Lang (${lang === 'en' ? 'en-HK' : lang === 'zh-Hant' ? 'zh-Hant-HK' : 'zh-Hans'})`,
      );
    });

    it('holds the status sentence, the criteria and the notices, in the language', () => {
      expect(text).toContain(expected[lang].heading);
      expect(text).toContain(squeeze(assessment.summary));
      const criterion = assessment.tests[0]?.criteria[0];
      expect(criterion).toBeDefined();
      expect(text).toContain(squeeze(criterion?.label ?? ''));
      expect(text).toContain(squeeze(criterion?.explanation ?? ''));
      expect(text).toContain(squeeze(assessment.prerequisites[0]?.label ?? ''));
      expect(text).toMatch(expected[lang].notApproval);
      expect(text).toContain(squeeze(assessment.disclaimer));
      // Sources with their address, the rule versions with their period, and the answers.
      const url = assessment.sources[criterion?.sources[0]?.ref ?? '']?.url;
      expect(url).toMatch(/^https?:/);
      expect(text).toContain(squeeze(url ?? ''));
      expect(text).toContain(squeeze(assessment.rulesUsed[0]?.id ?? ''));
      expect(text).toContain('2024-11-01');
      expect(text).toContain('陳大文ChanTaiMan');
      expect(text).toContain('2025-03-0110:00');
      expect(text).toContain('2025-03-0209:30');
    });

    it('draws page 1 as a picture (test-results/pdf/page1-<lang>.png)', () => {
      const file = join(work, `${lang}.pdf`);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        file,
        join(out, `page1-${lang}`),
      ]);
      expect(statSync(join(out, `page1-${lang}.png`)).size).toBeGreaterThan(20_000);
    });
  });

  it('reads "undetermined" answers and tells which facts would decide', async () => {
    const unknownAge = parseProfile({
      ...JSON.parse(readFileSync('examples/qmas-2024-12-criteria.json', 'utf8')),
      person: {
        ...JSON.parse(readFileSync('examples/qmas-2024-12-criteria.json', 'utf8')).person,
        dateOfBirth: 'unknown',
      },
    });
    const assessment = assess(unknownAge, rules, submittedAt, { lang: 'en' });
    expect(assessment.status).toBe('undetermined');
    const text = pdfText(await renderAssessmentPdf(assessment, { lang: 'en', generatedAt }), 'undetermined');
    expect(text).toContain(squeeze(assessment.summary));
    expect(text).toContain('Answersthatwoulddecideit');
    expect(text).toContain('person.dateOfBirth');
  });
});

describe('report fonts', () => {
  it('takes each character from the language’s own font first, and the others for what it lacks', () => {
    expect(runs('合 ok', ['hk', 'sc']).map((r) => r.family)).toEqual(['hk', 'hk']);
    expect(runs('合', ['sc', 'hk'])[0]?.family).toBe('sc');
    expect(runs('“A”', ['latin', 'hk'])).toEqual([{ family: 'latin', key: 'latin', text: '“A”' }]);
    // A character no family holds becomes U+FFFD rather than an invisible gap.
    expect(runs('\u{E000}', ['hk']).map((r) => r.text)).toEqual(['\uFFFD']);
  });

  it('takes the Regular and Bold instances of the variable fonts, not the Thin default', async () => {
    await fontsReady();
    const regular = subsetFont('hk', '[118]', 'Regular').glyphForCodePoint(0x5408);
    const bold = subsetFont('hk', '[118]', 'Bold').glyphForCodePoint(0x5408);
    // Bolder outlines reach further out: compare the ink boxes of 合.
    expect(bold.bbox.maxX - bold.bbox.minX).toBeGreaterThan(regular.bbox.maxX - regular.bbox.minX);
  });

  it('encodes a varied glyph as a TrueType simple glyph', () => {
    const bytes = encodeSimpleGlyph({
      commands: [
        { command: 'moveTo', args: [0, 0] },
        { command: 'lineTo', args: [100.4, 0] },
        { command: 'quadraticCurveTo', args: [150, 50, 100, 100] },
        { command: 'closePath', args: [] },
      ],
    });
    const view = new DataView(bytes.buffer);
    expect(view.getInt16(0)).toBe(1); // one contour
    expect([view.getInt16(2), view.getInt16(4), view.getInt16(6), view.getInt16(8)]).toEqual([
      0, 0, 150, 100,
    ]);
    expect(view.getUint16(10)).toBe(3); // last point of the contour
    expect(bytes.length % 4).toBe(0);
  });
});

describe('line breaking', () => {
  const measure = (text: string) => [...text].length * 10;
  const lines = (text: string, width: number) =>
    breakLines([{ text, style: 's' }], width, measure).map((line) => line.map((p) => p.text).join(''));

  it('wraps Latin text at spaces', () => {
    expect(lines('one two three', 80)).toEqual(['one two', 'three']);
  });

  it('never starts a line with a closing mark nor ends one with an opening mark', () => {
    expect(lines('符合要求。', 40)).toEqual(['符合要', '求。']);
    expect(lines('甲乙「丙」', 30)).toEqual(['甲乙', '「丙」']);
  });

  it('breaks a word longer than the line anywhere', () => {
    expect(lines('https://example.org/long', 100)).toEqual(['https://ex', 'ample.org/', 'long']);
  });

  it('keeps pieces of different styles apart on a line', () => {
    const out = breakLines(
      [
        { text: 'Bold: ', style: 'b' },
        { text: 'plain', style: 'r' },
      ],
      200,
      measure,
    );
    expect(out).toEqual([
      [
        { text: 'Bold: ', style: 'b' },
        { text: 'plain', style: 'r' },
      ],
    ]);
  });
});
