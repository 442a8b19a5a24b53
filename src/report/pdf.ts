import PDFDocument from 'pdfkit';
import { formatNumber, message, resolveCitations } from '../engine/explain.ts';
import type {
  Assessment,
  Citation,
  CriterionResult,
  Range,
  RuleVersionUsed,
  Score,
  Status,
  TestResult,
} from '../engine/result.ts';
import { formatHongKong, parseInstant } from '../engine/time.ts';
import type { Lang } from '../rules/schema.ts';
import { type FamilyId, fontsReady, runs, subsetFont, type Weight } from './fonts.ts';
import { breakLines, type Piece } from './lines.ts';
import { type ReportMessageKey, t } from './messages.ts';

export interface PdfOptions {
  /** The language of the report's own words; the assessment's sentences are already in one. */
  lang: Lang;
  /** The applicant's answers as the asking page worded them, in order. */
  profileSummary?: Array<{ label: string; value: string }>;
  /** When the report is made: an ISO 8601 date-time with an offset (the caller's clock). */
  generatedAt: string;
}

/** Where the official pages are; printed on every report beside the independence notice. */
const OFFICIAL_PAGES = 'https://www.immd.gov.hk/eng/services/visas/quality_migrant_admission_scheme.html';

/**
 * Fonts in order of preference per language: the language's own first, since a character's
 * forms differ between them (Noto Sans HK lacks some simplified forms, the CJK fonts set quotation
 * marks full-width); later families fill in what it lacks (a Chinese name in an English report).
 */
const fontsFor: Record<Lang, { families: FamilyId[]; pdfLang: string }> = {
  en: { families: ['latin', 'hk', 'sc'], pdfLang: 'en-HK' },
  'zh-Hant': { families: ['hk', 'sc', 'latin'], pdfLang: 'zh-Hant-HK' },
  'zh-Hans': { families: ['sc', 'hk', 'latin'], pdfLang: 'zh-Hans' },
};

const colour = {
  text: '#1b1b1b',
  muted: '#4b5258',
  link: '#1d4f91',
  rule: '#b1b4b6',
  eligible: '#00703c',
  not_eligible: '#b3261e',
  undetermined: '#7a4d00',
  met: '#00703c',
  not_met: '#b3261e',
  unknown: '#7a4d00',
} as const;

const outcomeMark = { met: '✓', not_met: '✗', unknown: '?' } as const;

const relationKeys: Record<string, ReportMessageKey> = {
  spouse: 'relation.spouse',
  civil_partner: 'relation.civil_partner',
  child: 'relation.child',
};

interface Span {
  text: string;
  weight?: Weight;
  color?: string;
  link?: string;
}

interface PieceStyle {
  font: string;
  color: string;
  link: string | undefined;
}

interface ParaOptions {
  size?: number;
  indent?: number;
  gap?: number;
  color?: string;
  weight?: Weight;
}

/** Lays out text in the language's fonts, a run per font subset. */
class Writer {
  private readonly registered = new Set<string>();
  private readonly families: FamilyId[];

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly lang: Lang,
    /** The assessment's list of sources, which its citations refer to. */
    readonly cited: Assessment['sources'],
  ) {
    this.families = fontsFor[lang].families;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private font(family: FamilyId, key: string, weight: Weight): string {
    const name = `${family}/${key}/${weight}`;
    if (!this.registered.has(name)) {
      // pdfkit takes a fontkit font object as a source; its types only list buffers and paths.
      this.doc.registerFont(name, subsetFont(family, key, weight) as unknown as Buffer);
      this.registered.add(name);
    }
    return name;
  }

  /**
   * One paragraph of spans, wrapped by `breakLines` and drawn line by line, a new page when the
   * next line does not fit; `at` places a single line instead (the footer), never breaking.
   */
  para(
    spans: Span[] | string,
    options: ParaOptions = {},
    at?: { x: number; y: number; width: number },
  ): void {
    const { doc } = this;
    const list = typeof spans === 'string' ? [{ text: spans }] : spans;
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    const pieces: Array<Piece<PieceStyle>> = [];
    for (const span of list) {
      const weight = span.weight ?? options.weight ?? 'Regular';
      const color = span.color ?? options.color ?? colour.text;
      for (const run of runs(span.text, this.families)) {
        pieces.push({
          text: run.text,
          style: { font: this.font(run.family, run.key, weight), color, link: span.link },
        });
      }
    }
    if (pieces.length === 0) return;
    const x = at ? at.x : this.left + indent;
    const width = at ? at.width : this.width - indent;
    const lineHeight = size * 1.5;
    const measure = (text: string, style: PieceStyle) =>
      doc.font(style.font).fontSize(size).widthOfString(text);
    const lines = at ? [pieces] : breakLines(pieces, width, measure);
    let y = at ? at.y : doc.y;
    for (const line of lines) {
      if (!at && y + lineHeight > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        y = doc.page.margins.top;
      }
      let cursor = x;
      for (const piece of line) {
        const { font, color, link } = piece.style;
        doc.font(font).fontSize(size).fillColor(color);
        doc.text(piece.text, cursor, y + size * 0.2, {
          lineBreak: false,
          ...(link ? { link, underline: true } : {}),
        });
        cursor += doc.widthOfString(piece.text);
      }
      y += lineHeight;
    }
    doc.fillColor(colour.text);
    doc.x = this.left;
    doc.y = y + size * (options.gap ?? 0.35);
  }

  /** The width of text at a size, in the fonts it would be set in (regular weight). */
  measure(text: string, size: number): number {
    let width = 0;
    for (const run of runs(text, this.families)) {
      width += this.doc
        .font(this.font(run.family, run.key, 'Regular'))
        .fontSize(size)
        .widthOfString(run.text);
    }
    return width;
  }

  heading(text: string, level: 1 | 2 | 3 = 2): void {
    const size = level === 1 ? 20 : level === 2 ? 14 : 11.5;
    this.keepWithNext(size * 5);
    if (level === 2) {
      this.doc.moveDown(0.6);
      const y = this.doc.y;
      this.doc
        .moveTo(this.left, y)
        .lineTo(this.left + this.width, y)
        .lineWidth(0.6)
        .strokeColor(colour.rule)
        .stroke();
      this.doc.y = y + 6;
    }
    this.para([{ text, weight: 'Bold' }], { size, gap: level === 1 ? 0.2 : 0.3 });
  }

  /** Starts a new page unless `height` points still fit, so a heading never ends a page. */
  keepWithNext(height: number): void {
    const bottom = this.doc.page.height - this.doc.page.margins.bottom;
    if (this.doc.y + height > bottom) this.doc.addPage();
  }

  /** A boxed notice: a coloured bar on the left, a bold heading and the text. */
  notice(title: string, text: string, barColour: string): void {
    const { doc } = this;
    this.keepWithNext(70);
    const top = doc.y;
    this.para([{ text: title, weight: 'Bold' }], { size: 11, indent: 12, gap: 0.15 });
    this.para(text, { size: 10, indent: 12, gap: 0 });
    const bottom = doc.y + 4;
    doc
      .rect(this.left, top - 2, 4, bottom - top + 2)
      .fill(barColour)
      .fillColor(colour.text);
    doc.y = bottom + 8;
  }
}

function msg(lang: Lang, key: ReportMessageKey, params?: Record<string, string | number>): string {
  return t(lang, key, params);
}

/** "2025-03-01T10:00:00+08:00" → "2025-03-01 10:00 (Hong Kong time)"; other text as given. */
function moment(lang: Lang, iso: string, key: 'hkTime' | 'hkTimeShort' = 'hkTime'): string {
  const ms = parseInstant(iso);
  if (ms === undefined) return iso;
  const local = formatHongKong(ms);
  return msg(lang, key, { date: local.slice(0, 10), time: local.slice(11, 16) });
}

function range(lang: Lang, r: Range): string {
  return r.min === r.max
    ? formatNumber(lang, r.min)
    : `${formatNumber(lang, r.min)}–${formatNumber(lang, r.max)}`;
}

function money(lang: Lang, n: number): string {
  return formatNumber(lang, n);
}

function statusWord(lang: Lang, status: Status): string {
  return message(lang, `status.${status}`);
}

function scoreLine(lang: Lang, score: Score): string {
  switch (score.kind) {
    case 'points':
      return msg(lang, 'scorePoints', {
        points: range(lang, score.points),
        maximum: score.maximum,
        passMark: score.passMark,
      });
    case 'count':
      return msg(lang, 'scoreCount', {
        met: range(lang, score.met),
        of: score.of,
        threshold: score.threshold,
      });
    case 'any':
      return msg(lang, 'scoreAny', { met: range(lang, score.met), of: score.of });
  }
}

function sources(w: Writer, citations: readonly Citation[], indent: number): void {
  const { lang } = w;
  for (const source of resolveCitations(citations, w.cited)) {
    const kind = msg(lang, source.official ? 'sourceOfficial' : 'sourceSecondary');
    w.para(
      [
        { text: `${msg(lang, 'source', { title: source.title })} (${kind})`, color: colour.muted },
        ...(source.section
          ? [{ text: ` — ${msg(lang, 'section', { section: source.section })}`, color: colour.muted }]
          : []),
      ],
      { size: 8.5, indent, gap: 0 },
    );
    if (source.url)
      w.para([{ text: source.url, color: colour.link, link: source.url }], { size: 8.5, indent, gap: 0.2 });
  }
}

function criterion(w: Writer, c: CriterionResult): void {
  const { lang } = w;
  w.keepWithNext(60);
  w.para(
    [
      {
        text: `${outcomeMark[c.outcome]} ${message(lang, `outcome.${c.outcome}`)}`,
        weight: 'Bold',
        color: colour[c.outcome],
      },
      { text: `   ${c.label}`, weight: 'Bold' },
    ],
    { size: 10.5, gap: 0.1 },
  );
  const indent = 14;
  if (c.points) {
    w.para(msg(lang, 'points', { points: range(lang, c.points), cap: c.points.cap }), {
      size: 9.5,
      indent,
      gap: 0.1,
    });
  }
  w.para(c.explanation, { size: 9.5, indent, gap: 0.1 });
  if (c.facts.length > 0) {
    w.para(
      msg(lang, 'factsRead', { facts: c.facts.map((f) => f.display).join(message(lang, 'fact.separator')) }),
      {
        size: 8.5,
        indent,
        gap: 0.1,
        color: colour.muted,
      },
    );
  }
  w.para(msg(lang, 'confidence', { confidence: msg(lang, `confidence.${c.confidence}`) }), {
    size: 8.5,
    indent,
    gap: 0.1,
    color: c.confidence === 'uncertain' ? colour.unknown : colour.muted,
  });
  if (c.note)
    w.para(msg(lang, 'note', { note: c.note }), { size: 8.5, indent, gap: 0.1, color: colour.muted });
  sources(w, c.sources, indent);
  w.doc.moveDown(0.3);
}

function test(w: Writer, result: TestResult): void {
  const { lang } = w;
  w.heading(result.name, 3);
  w.para(
    [
      {
        text: msg(lang, 'testStatus', { status: statusWord(lang, result.status) }),
        weight: 'Bold',
        color: colour[result.status],
      },
      { text: `   ${scoreLine(lang, result.score)}` },
    ],
    { size: 10 },
  );
  if (result.deciding.length > 0)
    w.para(msg(lang, 'deciding', { fields: result.deciding.join(', ') }), { size: 9.5 });
  for (const c of result.criteria) criterion(w, c);
}

function ruleVersion(w: Writer, v: RuleVersionUsed): void {
  const { lang } = w;
  const period = v.to
    ? msg(lang, 'rulePeriod', { from: moment(lang, v.from), to: moment(lang, v.to) })
    : msg(lang, 'rulePeriodOpen', { from: moment(lang, v.from) });
  w.keepWithNext(50);
  w.para([{ text: `${v.part} · ${v.id}`, weight: 'Bold' }, { text: `   ${period}` }], {
    size: 9.5,
    gap: 0.1,
  });
  w.para(
    `${msg(lang, 'confidence', { confidence: msg(lang, `confidence.${v.confidence}`) })}   ·   ${msg(lang, 'ruleFile', { file: v.file })}`,
    { size: 8.5, indent: 14, gap: 0.1, color: v.confidence === 'uncertain' ? colour.unknown : colour.muted },
  );
  sources(w, v.sources, 14);
}

/**
 * Renders an assessment as a PDF in its language: the independence notice, the answers, the
 * outcome, every prerequisite and criterion with its source and confidence, the rule versions
 * used, fees, stay, next steps, warnings and the not-approval notice. Chinese is set in Noto Sans
 * HK (zh-Hant) or Noto Sans SC (zh-Hans), embedded as subsets.
 *
 * @example
 * const pdf = await renderAssessmentPdf(assessment, { lang: 'zh-Hant', generatedAt: new Date().toISOString() });
 * writeFileSync('assessment.pdf', pdf);
 */
export async function renderAssessmentPdf(assessment: Assessment, options: PdfOptions): Promise<Buffer> {
  const { lang } = options;
  await fontsReady();
  const generatedMs = parseInstant(options.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    lang: fontsFor[lang].pdfLang,
    displayTitle: true,
    info: {
      Title: `${msg(lang, 'title')} — ${assessment.route.name}`,
      Author: 'Routewise',
      Subject: assessment.summary,
      Creator: 'Routewise',
      Producer: 'Routewise (pdfkit)',
      ...(generatedMs === undefined ? {} : { CreationDate: new Date(generatedMs) }),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  try {
    write(new Writer(doc, lang, assessment.sources), assessment, options);
  } finally {
    doc.end();
  }
  return done;
}

function write(w: Writer, a: Assessment, options: PdfOptions): void {
  const { lang } = options;
  const { doc } = w;
  const submitted = moment(lang, a.submittedAt);

  // Title and the independence notice, first thing on the page.
  w.para([{ text: 'Routewise', weight: 'Bold', color: colour.muted }], { size: 10, gap: 0.1 });
  w.heading(msg(lang, 'title'), 1);
  w.para([{ text: a.route.name, weight: 'Bold' }], { size: 13, gap: 0.3 });
  w.para(msg(lang, 'submittedLine', { at: submitted }), { size: 9, color: colour.muted, gap: 0 });
  w.para(msg(lang, 'generatedLine', { at: moment(lang, options.generatedAt) }), {
    size: 9,
    color: colour.muted,
    gap: 0.8,
  });
  w.notice(msg(lang, 'independence'), a.disclaimer, colour.link);
  w.para(
    [
      { text: msg(lang, 'labelled', { label: msg(lang, 'officialPages') }) },
      { text: OFFICIAL_PAGES, color: colour.link, link: OFFICIAL_PAGES },
    ],
    {
      size: 8.5,
      gap: 0.4,
    },
  );

  // Outcome.
  w.heading(msg(lang, 'outcome'));
  w.para([{ text: a.summary, weight: 'Bold', color: colour[a.status] }], { size: 12.5, gap: 0.4 });
  w.para(
    [
      { text: msg(lang, 'labelled', { label: msg(lang, 'recommendation') }), weight: 'Bold' },
      { text: a.recommendation },
    ],
    { size: 10 },
  );
  if (a.status === 'undetermined' || a.best !== a.worst) {
    w.para(msg(lang, 'bestWorst', { best: statusWord(lang, a.best), worst: statusWord(lang, a.worst) }), {
      size: 10,
    });
  }
  if (a.deciding.length > 0) w.para(msg(lang, 'deciding', { fields: a.deciding.join(', ') }), { size: 10 });
  if (a.selection) {
    w.para(
      [
        { text: msg(lang, 'labelled', { label: msg(lang, 'selection') }), weight: 'Bold' },
        { text: a.selection.summary },
      ],
      { size: 9.5 },
    );
  }

  // The answers it was given.
  w.heading(msg(lang, 'inputs'));
  if (options.profileSummary && options.profileSummary.length > 0) {
    for (const item of options.profileSummary) {
      w.para(
        [
          { text: msg(lang, 'labelled', { label: item.label }), weight: 'Bold' },
          { text: item.value || msg(lang, 'none') },
        ],
        {
          size: 9.5,
          gap: 0.15,
        },
      );
    }
  } else {
    w.para(msg(lang, 'inputsNone'), { size: 9.5, color: colour.muted });
  }

  // Prerequisites and each test, criterion by criterion.
  w.heading(msg(lang, 'prerequisites'));
  for (const c of a.prerequisites) criterion(w, c);
  for (const result of a.tests) {
    doc.moveDown(0.3);
    test(w, result);
  }

  // Dependants.
  if (a.dependants.length > 0) {
    w.heading(msg(lang, 'dependants'));
    for (const d of a.dependants) {
      const relation =
        d.relation in relationKeys ? msg(lang, relationKeys[d.relation] as ReportMessageKey) : d.relation;
      w.para(
        [
          {
            text: msg(lang, 'dependant', {
              index: d.index,
              relation,
              outcome: `${outcomeMark[d.outcome]} ${message(lang, `outcome.${d.outcome}`)}`,
            }),
            weight: 'Bold',
            color: colour[d.outcome],
          },
        ],
        { size: 10, gap: 0.1 },
      );
      for (const reason of d.reasons) w.para(reason, { size: 9.5, indent: 14, gap: 0.1 });
      doc.moveDown(0.2);
    }
  }

  // Fees (none before the route opened).
  const fees = a.fees;
  if (fees) {
    w.heading(msg(lang, 'fees'));
    w.para(fees.regime, { size: 9.5 });
    for (const line of fees.lines) {
      w.para(
        [
          {
            text: msg(lang, 'feeLine', {
              label: line.label,
              amount: money(lang, line.amountHKD),
              persons: line.persons,
              subtotal: money(lang, line.subtotalHKD),
            }),
            weight: 'Bold',
          },
          {
            text: `   (${msg(lang, line.refundable ? 'feeRefundable' : 'feeNonRefundable')})`,
            color: colour.muted,
          },
        ],
        { size: 9.5, gap: 0.05 },
      );
      w.para(msg(lang, 'feePayable', { payable: line.payable }), {
        size: 8.5,
        indent: 14,
        color: colour.muted,
        gap: 0.2,
      });
    }
    w.para(
      [
        {
          text: msg(lang, 'feeTotal', { total: money(lang, fees.totalHKD), persons: fees.persons }),
          weight: 'Bold',
        },
      ],
      {
        size: 10.5,
      },
    );
    ruleVersion(w, fees.version);
  }

  // Stay.
  if (a.stay) {
    const stay = a.stay;
    w.heading(msg(lang, 'stay'));
    w.para(
      stay.initialMonths === null
        ? (stay.initialNote ?? '')
        : msg(lang, 'stayInitial', {
            months: stay.initialMonths,
            extensions: stay.extensionsYears.join(' + '),
            pattern: stay.pattern,
          }),
      { size: 10 },
    );
    if (stay.topTier) {
      w.para(
        msg(lang, 'stayTopTier', {
          after: stay.topTier.afterYears,
          income: money(lang, stay.topTier.assessableIncomeHKD),
          years: stay.topTier.extensionYears,
        }),
        { size: 10 },
      );
    }
    if (stay.extensionRequirements.length > 0) {
      w.para([{ text: msg(lang, 'stayRequirements'), weight: 'Bold' }], { size: 10, gap: 0.1 });
      for (const r of stay.extensionRequirements) w.para(`• ${r}`, { size: 9.5, indent: 10, gap: 0.15 });
    }
    w.para([{ text: msg(lang, 'stayPermanent'), weight: 'Bold' }], { size: 10, gap: 0.1 });
    w.para(stay.permanentResidence, { size: 9.5 });
  }

  // Next steps.
  if (a.nextSteps.length > 0) {
    w.heading(msg(lang, 'nextSteps'));
    a.nextSteps.forEach((step, i) => {
      w.keepWithNext(40);
      w.para(
        [
          { text: `${i + 1}. ${step.title}`, weight: 'Bold' },
          ...(step.conditional ? [{ text: ` ${msg(lang, 'stepConditional')}`, color: colour.muted }] : []),
        ],
        { size: 10, gap: 0.1 },
      );
      w.para(step.detail, { size: 9.5, indent: 14, gap: 0.3 });
    });
  }

  // Rule versions used.
  w.heading(msg(lang, 'rulesUsed'));
  for (const v of a.rulesUsed) ruleVersion(w, v);

  // Warnings, then the not-approval notice and the disclaimer again, last.
  w.heading(msg(lang, 'warnings'));
  const others = a.warnings.filter((warning) => warning.code !== 'not_approval');
  if (others.length === 0) w.para(msg(lang, 'warningsNone'), { size: 9.5 });
  for (const warning of others) w.para(`⚠ ${warning.message}`, { size: 9.5, color: colour.text, gap: 0.25 });
  doc.moveDown(0.6);
  const notApproval =
    a.warnings.find((warning) => warning.code === 'not_approval')?.message ??
    msg(lang, 'notApprovalFallback');
  w.notice(msg(lang, 'notApproval'), notApproval, colour.not_eligible);
  w.notice(msg(lang, 'independence'), a.disclaimer, colour.link);

  // Footer on every page: the independence line, the submission moment and the page number.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 40;
    const pageText = msg(lang, 'page', { n: i - range.start + 1, total: range.count });
    const pageWidth = w.measure(pageText, 7.5);
    w.para(
      [{ text: pageText, color: colour.muted }],
      { size: 7.5, gap: 0 },
      { x: w.left + w.width - pageWidth, y, width: pageWidth },
    );
    w.para(
      [
        {
          text: msg(lang, 'footer', {
            route: a.route.name,
            submitted: moment(lang, a.submittedAt, 'hkTimeShort'),
          }),
          color: colour.muted,
        },
      ],
      { size: 7.5, gap: 0 },
      { x: w.left, y, width: w.width - pageWidth - 12 },
    );
    doc.page.margins.bottom = bottomMargin;
  }
}
