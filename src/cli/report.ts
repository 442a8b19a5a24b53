import { NOT_OPEN_PREREQUISITE } from '../engine/assess.ts';
import type { Outcome } from '../engine/conditions.ts';
import { resolveCitations } from '../engine/explain.ts';
import type {
  Assessment,
  Citation,
  CriterionResult,
  ResolvedCitation,
  RuleVersionUsed,
  Score,
  Status,
  TestResult,
} from '../engine/result.ts';
import { type CliMessageKey, cliCatalogues, cliMessage } from '../i18n/cli-messages.ts';
import type { Lang } from '../rules/schema.ts';
import type { Tone, Writer } from './writer.ts';

/** Marks shown before each criterion, prerequisite and dependant. */
export const outcomeMarks: Record<Outcome, string> = { met: '✓', not_met: '✗', unknown: '?' };
const outcomeTones: Record<Outcome, Tone> = { met: 'good', not_met: 'bad', unknown: 'open' };
/** Marks shown for the confidence of a rule. */
export const confidenceMarks: Record<RuleVersionUsed['confidence'], string> = {
  official: '✅',
  secondary: '🟡',
  uncertain: '⚠️',
};
const statusMarks: Record<Status, string> = { eligible: '✓', not_eligible: '✗', undetermined: '?' };
const statusTones: Record<Status, Tone> = { eligible: 'good', not_eligible: 'bad', undetermined: 'open' };
const CONDITIONAL = '◇';
const STEP = '→';

type Params = Record<string, string | number>;

const numberLocales: Record<Lang, string> = { en: 'en-HK', 'zh-Hant': 'zh-HK', 'zh-Hans': 'zh-CN' };

/**
 * Numbers the sources in order of first citation, for footnote-style references: one entry per
 * source and section, written out from the assessment's list of sources.
 */
class SourceList {
  readonly entries: Array<ResolvedCitation & { n: number }> = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly sources: Assessment['sources']) {}

  ref(citations: readonly Citation[]): string {
    return citations.map((c) => `[${this.number(c)}]`).join(' ');
  }

  private number(c: Citation): number {
    const key = `${c.ref}\u0000${c.section}`;
    let n = this.index.get(key);
    if (n === undefined) {
      n = this.entries.length + 1;
      this.index.set(key, n);
      const [resolved] = resolveCitations([c], this.sources) as [ResolvedCitation];
      this.entries.push({ ...resolved, n });
    }
    return n;
  }
}

export class Report {
  private readonly sources: SourceList;
  private readonly money: Intl.NumberFormat;
  private readonly days: Intl.DateTimeFormat;

  constructor(
    private readonly a: Assessment,
    private readonly w: Writer,
  ) {
    this.sources = new SourceList(a.sources);
    this.money = new Intl.NumberFormat(numberLocales[a.lang], { maximumFractionDigits: 2 });
    this.days = new Intl.DateTimeFormat(numberLocales[a.lang], { dateStyle: 'long', timeZone: 'UTC' });
  }

  /** A day (YYYY-MM-DD) as the report's language writes it. */
  private day(iso: string): string {
    const ms = Date.parse(`${iso}T00:00:00Z`);
    return Number.isNaN(ms) ? iso : this.days.format(ms);
  }

  private get lang(): Lang {
    return this.a.lang;
  }

  private t(key: CliMessageKey, params?: Params): string {
    return cliMessage(this.lang, key, params);
  }

  private hkd(n: number): string {
    return this.t('money.hkd', { n: this.money.format(n) });
  }

  private testName(id: string): string {
    return this.a.tests.find((t) => t.test === id)?.name ?? id;
  }

  private partLabel(part: string): string {
    if (part.startsWith('test:')) return this.t('part.test', { name: this.testName(part.slice(5)) });
    const key = `part.${part}`;
    return key in cliCatalogues.en ? this.t(key as CliMessageKey) : part;
  }

  private period(from: string, to: string | null): string {
    return to ? this.t('report.period', { from, to }) : this.t('report.periodOpen', { from });
  }

  private scoreText(score: Score): string {
    switch (score.kind) {
      case 'points': {
        const { min, max } = score.points;
        const common = { maximum: score.maximum, passMark: score.passMark };
        return min === max
          ? this.t('score.points', { points: min, ...common })
          : this.t('score.pointsRange', { min, max, ...common });
      }
      case 'count': {
        const { min, max } = score.met;
        const common = { of: score.of, threshold: score.threshold };
        return min === max
          ? this.t('score.count', { met: min, ...common })
          : this.t('score.countRange', { min, max, ...common });
      }
      case 'any': {
        const { min, max } = score.met;
        return min === max
          ? this.t('score.any', { met: min, of: score.of })
          : this.t('score.anyRange', { min, max, of: score.of });
      }
    }
  }

  private list(items: readonly string[]): string {
    return new Intl.ListFormat(this.lang, { type: 'conjunction' }).format(items);
  }

  render(): string {
    // Before the route opened the assessment holds one prerequisite and nothing to show under
    // tests, fees, stay, selection, steps or dependants.
    const open = this.a.prerequisites[0]?.id !== NOT_OPEN_PREREQUISITE;
    this.header();
    this.result();
    this.prerequisites();
    if (open) {
      this.tests();
      this.fees();
      this.stay();
      this.selection();
      this.steps();
      this.dependants();
    }
    this.warnings();
    this.disclaimer();
    this.sourceList();
    return this.w.toString();
  }

  private header(): void {
    const { a, w } = this;
    w.title(this.t('report.title'));
    w.para(this.t('report.route', { name: a.route.name, id: a.route.id }), { strong: true });
    w.para(this.t('report.submitted', { at: a.submittedAt }));
    if (a.tests.length > 0)
      w.para(this.t('report.testsAssessed', { tests: this.list(a.tests.map((t) => t.name)) }));
    if (a.rulesUsed.length === 0) return;

    w.heading(this.t('report.rulesUsed'));
    for (const v of a.rulesUsed) {
      const details = [
        `${this.period(v.from, v.to)} · ${this.t(`confidence.${v.confidence}`)}`,
        this.t('report.sourceRefs', { refs: this.sources.ref(v.sources) }),
      ];
      w.item(confidenceMarks[v.confidence], `${this.partLabel(v.part)} — ${v.id}`, details);
    }
    w.para(this.t('report.legend'));
  }

  private result(): void {
    const { a, w } = this;
    w.heading(this.t('report.result'));
    w.para(`${statusMarks[a.status]} ${this.t(`head.${a.status}`)}`, {
      strong: true,
      tone: statusTones[a.status],
    });
    if (a.prerequisites[0]?.id === NOT_OPEN_PREREQUISITE) {
      // The facts given do not matter yet: only the date does, and the summary says so.
      w.para(a.summary);
      return;
    }
    w.para(this.t(`body.${a.status}`, { route: a.route.name, at: a.submittedAt }));
    w.para(a.recommendation);

    w.para(this.t('report.scores'));
    for (const test of a.tests) {
      w.item(
        statusMarks[test.status],
        this.t('report.testScore', {
          test: test.name,
          status: this.t(`testStatus.${test.status}`),
          score: this.scoreText(test.score),
        }),
        [],
        statusTones[test.status],
      );
    }

    if (a.status === 'undetermined') this.deciding();
    if (a.status === 'not_eligible') this.whatWouldChange();
  }

  /** For each deciding field, the open criteria it would settle. */
  private deciding(): void {
    const { a, w } = this;
    if (a.deciding.length === 0) return;
    const open = [...a.prerequisites, ...a.tests.flatMap((t) => t.criteria)].filter(
      (c) => c.outcome === 'unknown',
    );
    w.para(this.t('report.deciding'));
    for (const field of a.deciding) {
      const labels = open.filter((c) => c.facts.some((f) => f.fields.includes(field))).map((c) => c.label);
      w.item('?', field, [...new Set(labels)], 'open');
    }
  }

  /** Never just "not eligible": what is missing, and what could change it. */
  private whatWouldChange(): void {
    const { a, w } = this;
    const failedPrereqs = a.prerequisites.filter((p) => p.outcome === 'not_met');
    const failedTests = a.tests.filter((t) => t.status === 'not_eligible');

    w.para(this.t('report.missingHead'));
    for (const p of failedPrereqs)
      w.item('✗', this.t('report.missingPrereq', { label: p.label }), [p.explanation], 'bad');
    for (const t of failedTests) {
      w.item('✗', this.t('report.missingTest', { test: t.name, score: this.scoreText(t.score) }), [], 'bad');
    }

    w.para(this.t('report.changeHead'));
    for (const p of failedPrereqs) w.item('•', this.t('report.changePrereq', { label: p.label }));
    for (const t of failedTests) this.testChange(t);
    const open = a.prerequisites.filter((p) => p.outcome === 'unknown').map((p) => `? ${p.label}`);
    if (open.length > 0) w.item('?', this.t('report.undecidedAlso'), open, 'open');
    w.para(this.t('report.changeLater'));
  }

  private testChange(t: TestResult): void {
    const { w } = this;
    const notMet = t.criteria
      .filter((c) => c.outcome !== 'met')
      .map((c) => `${outcomeMarks[c.outcome]} ${c.label}`);
    switch (t.score.kind) {
      case 'points': {
        const { passMark } = t.score;
        const max = t.score.points.max;
        const room = t.criteria
          .filter((c) => c.points && c.points.max < c.points.cap)
          .map((c) =>
            this.t('report.factorRoom', {
              label: c.label,
              points:
                c.points?.min === c.points?.max ? (c.points?.max ?? 0) : `${c.points?.min}–${c.points?.max}`,
              cap: c.points?.cap ?? 0,
            }),
          );
        const details =
          room.length > 0
            ? [this.t('report.changePointsRoom', { factors: room.join(this.t('list.separator')) })]
            : [];
        w.item(
          '•',
          this.t('report.changePoints', { n: passMark - max, test: t.name, max, passMark }),
          details,
        );
        return;
      }
      case 'count': {
        const { threshold } = t.score;
        w.item(
          '•',
          this.t('report.changeCount', {
            n: threshold - t.score.met.max,
            test: t.name,
            met: t.score.met.max,
            threshold,
          }),
          notMet,
        );
        return;
      }
      case 'any':
        w.item('•', this.t('report.changeAny', { test: t.name }), notMet);
        return;
    }
  }

  private criterion(c: CriterionResult): void {
    let text = c.label;
    if (c.points) {
      const { min, max, cap } = c.points;
      text += ` (${min === max ? this.t('report.points', { points: max, cap }) : this.t('report.pointsRange', { min, max, cap })})`;
    }
    if (c.confidence !== 'official') text += ` ${confidenceMarks[c.confidence]}`;
    const details = [c.explanation];
    if (c.note) details.push(this.t('report.note', { note: c.note }));
    if (c.sources.length > 0)
      details.push(this.t('report.sourceRefs', { refs: this.sources.ref(c.sources) }));
    this.w.item(outcomeMarks[c.outcome], text, details, outcomeTones[c.outcome]);
  }

  private prerequisites(): void {
    const { a, w } = this;
    const met = a.prerequisites.filter((p) => p.outcome === 'met').length;
    w.heading(
      this.t('report.prerequisitesHead', {
        count: this.t('report.prereqCount', { met, n: a.prerequisites.length }),
      }),
    );
    for (const p of a.prerequisites) this.criterion(p);
    w.para(this.t('report.marks'));
  }

  private tests(): void {
    const { a, w } = this;
    w.heading(this.t('report.tests'));
    for (const test of a.tests) {
      w.subheading(`${test.name} — ${this.t(`testStatus.${test.status}`)}`);
      w.para(`${this.scoreText(test.score)} · ${this.t('report.version', { id: test.version.id })}`, {
        tone: statusTones[test.status],
      });
      for (const c of test.criteria) this.criterion(c);
    }
    if (a.recommendedTest) w.para(this.t('report.recommended', { test: this.testName(a.recommendedTest) }));
  }

  private fees(): void {
    const { a, w } = this;
    const f = a.fees;
    // Before the route opened there are no fee rules to show.
    if (!f) return;
    w.heading(this.t('report.fees'));
    w.para(f.persons === 1 ? this.t('report.feesForOne') : this.t('report.feesFor', { n: f.persons }));
    w.para(f.regime);
    for (const line of f.lines) {
      w.item(
        '•',
        this.t('report.feeLine', {
          label: line.label,
          amount: this.hkd(line.amountHKD),
          persons: line.persons,
          subtotal: this.hkd(line.subtotalHKD),
          refundable: this.t(line.refundable ? 'fee.refundable' : 'fee.nonRefundable'),
          payable: line.payable,
        }),
      );
    }
    w.para(this.t('report.feeTotal', { total: this.hkd(f.totalHKD) }), { strong: true });
    w.para(this.t('report.sourceRefs', { refs: this.sources.ref(f.version.sources) }));
  }

  private stay(): void {
    const { a, w } = this;
    w.heading(this.t('report.stay'));
    const s = a.stay;
    if (!s) {
      w.para(this.t('report.noStay'));
      return;
    }
    const common = { test: this.testName(s.test), months: s.initialMonths ?? 0, pattern: s.pattern };
    w.para(
      s.initialMonths === null
        ? `${this.testName(s.test)}: ${s.initialNote ?? ''}`
        : s.extensionsYears.length > 0
          ? this.t('report.stayPlan', { ...common, extensions: this.list(s.extensionsYears.map(String)) })
          : this.t('report.stayPlanNoExtensions', common),
    );
    if (s.topTier) {
      w.para(
        this.t('report.stayTopTier', {
          afterYears: s.topTier.afterYears,
          income: this.hkd(s.topTier.assessableIncomeHKD),
          years: s.topTier.extensionYears,
        }),
      );
    }
    if (s.extensionRequirements.length > 0) {
      w.para(this.t('report.stayRequirements'));
      for (const r of s.extensionRequirements) w.item('•', r);
    }
    w.para(this.t('report.permanentResidence', { text: s.permanentResidence }));
  }

  private selection(): void {
    const { a, w } = this;
    const selection = a.selection;
    if (!selection) return;
    const { quota, quotaPeriod } = selection;
    w.heading(this.t('report.selection'));
    w.para(
      quota === 'suspended'
        ? this.t('quota.suspended')
        : quota === 'none'
          ? this.t('quota.none')
          : quota === 'unknown'
            ? this.t('quota.unknown')
            : quotaPeriod
              ? this.t('quota.period', {
                  n: this.money.format(quota),
                  from: this.day(quotaPeriod.from),
                  to: this.day(quotaPeriod.to),
                })
              : this.t('quota.number', { n: this.money.format(quota) }),
    );
    w.para(this.t('report.decidedBy', { text: selection.decidedBy }));
    w.para(selection.summary);
  }

  private steps(): void {
    const { a, w } = this;
    w.heading(this.t('report.steps'));
    let stage: string | undefined;
    for (const step of a.nextSteps) {
      if (step.stage !== stage) {
        stage = step.stage;
        const key = `stage.${stage}`;
        w.subheading(key in cliCatalogues.en ? this.t(key as CliMessageKey) : stage);
      }
      const title = step.conditional ? this.t('report.conditional', { title: step.title }) : step.title;
      w.item(step.conditional ? CONDITIONAL : STEP, title, [step.detail]);
    }
    if (a.nextSteps.some((s) => s.conditional)) w.para(this.t('report.conditionalLegend'));
  }

  private dependants(): void {
    const { a, w } = this;
    if (a.dependants.length === 0) return;
    w.heading(this.t('report.dependants'));
    for (const d of a.dependants) {
      const key = `relation.${d.relation}`;
      const relation = key in cliCatalogues.en ? this.t(key as CliMessageKey) : d.relation;
      w.item(
        outcomeMarks[d.outcome],
        this.t('report.dependant', { index: d.index, relation }),
        d.reasons,
        outcomeTones[d.outcome],
      );
    }
  }

  private warnings(): void {
    const { a, w } = this;
    w.heading(this.t('report.warnings'));
    for (const warning of a.warnings) w.item('⚠️', warning.message, [], 'warn');
  }

  private disclaimer(): void {
    this.w.heading(this.t('report.disclaimer'));
    this.w.para(this.a.disclaimer);
  }

  private sourceList(): void {
    const { w } = this;
    if (this.sources.entries.length === 0) return;
    w.heading(this.t('report.sources'));
    for (const s of this.sources.entries) {
      const details = [this.t('report.sourceSection', { section: s.section })];
      if (!s.official) details.push(this.t('report.unofficial'));
      w.item(`[${s.n}]`, w.link(s.title, s.url), details);
    }
  }
}

/** The assessment as a readable report, in the writer's layout. */
export function renderAssessment(a: Assessment, writer: Writer): string {
  return new Report(a, writer).render();
}
