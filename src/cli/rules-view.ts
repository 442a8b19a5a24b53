import { RulesNotInForceError } from '../engine/assess.ts';
import { citeInFull, localize } from '../engine/explain.ts';
import type { ResolvedCitation } from '../engine/result.ts';
import { type CliMessageKey, cliMessage } from '../i18n/cli-messages.ts';
import type {
  Confidence,
  Criterion,
  Factor,
  Lang,
  Localized,
  PointsLine,
  SourceRef,
} from '../rules/schema.ts';
import { type Dated, type RouteRules, versionAt } from '../rules/types.ts';
import { confidenceMarks } from './report.ts';
import type { Writer } from './writer.ts';

/** `routewise rules <route> --format json`: the rule versions in force at a moment. */
export interface RulesView {
  format: 'routewise.rules/1';
  route: { id: string; name: string };
  /** The moment, Hong Kong time. */
  at: string;
  lang: Lang;
  parts: PartView[];
  tests: TestView[];
}

export interface PartView {
  part: string;
  id: string;
  file: string;
  from: string;
  to: string | null;
  confidence: Confidence;
  note: string | null;
  sources: ResolvedCitation[];
  /** Prerequisites only: the items that must all be met. */
  criteria?: CriterionView[];
}

export interface CriterionView {
  id: string;
  label: string;
  confidence: Confidence;
  note: string | null;
  sources: ResolvedCitation[];
}

export interface LineView {
  id: string;
  label: string;
  /** Fixed points when the line's condition holds; null for per-unit lines. */
  points: number | null;
  pointsPerUnit: number | null;
  perUnitOf: string | null;
  maxPoints: number | null;
}

export interface FactorView extends CriterionView {
  cap: number;
  bands: LineView[];
  bonuses: LineView[];
}

export interface TestView {
  test: string;
  name: string;
  version: PartView;
  scoring:
    | { kind: 'points'; passMark: number; maximum: number }
    | { kind: 'count'; threshold: number; of: number }
    | { kind: 'any'; of: number; fullMarks: number | null };
  criteria: CriterionView[] | null;
  factors: FactorView[] | null;
}

interface VersionLike {
  id: string;
  from: string;
  confidence: Confidence;
  note?: Localized | undefined;
  sources: SourceRef[];
}

function inForce<T extends VersionLike>(
  rules: RouteRules,
  versions: ReadonlyArray<Dated<T>>,
  part: string,
  at: string,
): Dated<T> {
  const version = versionAt(versions, Date.parse(at));
  if (!version) throw new RulesNotInForceError(rules.route.id, part, at, versions[0]?.from ?? 'never');
  return version;
}

function partView(rules: RouteRules, part: string, v: Dated<VersionLike>, lang: Lang): PartView {
  return {
    part,
    id: v.id,
    file: v.file,
    from: v.from,
    to: v.to,
    confidence: v.confidence,
    note: v.note ? localize(v.note, lang) : null,
    sources: citeInFull(v.sources, rules),
  };
}

function criterionView(rules: RouteRules, c: Criterion | Factor, lang: Lang): CriterionView {
  return {
    id: c.id,
    label: localize(c.label, lang),
    confidence: c.confidence,
    note: c.note ? localize(c.note, lang) : null,
    sources: citeInFull(c.sources, rules),
  };
}

function lineView(line: PointsLine, lang: Lang): LineView {
  const base = { id: line.id, label: localize(line.label, lang) };
  return 'points' in line
    ? { ...base, points: line.points, pointsPerUnit: null, perUnitOf: null, maxPoints: null }
    : {
        ...base,
        points: null,
        pointsPerUnit: line.pointsPerUnit,
        perUnitOf: line.perUnitOf,
        maxPoints: line.maxPoints,
      };
}

/** The versions of every part of a route in force at a moment (Hong Kong time with offset). */
export function rulesView(rules: RouteRules, at: string, lang: Lang): RulesView {
  const prerequisites = inForce(rules, rules.prerequisites, 'prerequisites', at);
  const parts: PartView[] = [
    {
      ...partView(rules, 'prerequisites', prerequisites, lang),
      criteria: prerequisites.items.map((c) => criterionView(rules, c, lang)),
    },
    partView(rules, 'exclusions', inForce(rules, rules.exclusions, 'exclusions', at), lang),
    partView(rules, 'stay', inForce(rules, rules.stay, 'stay', at), lang),
    partView(rules, 'fees', inForce(rules, rules.fees, 'fees', at), lang),
    partView(rules, 'steps', inForce(rules, rules.steps, 'steps', at), lang),
    partView(rules, 'selection', inForce(rules, rules.selection, 'selection', at), lang),
    partView(rules, 'dependants', inForce(rules, rules.dependants, 'dependants', at), lang),
  ];
  const tests = rules.tests.map((test): TestView => {
    const v = inForce(rules, test.versions, `test:${test.id}`, at);
    const version = partView(rules, `test:${test.id}`, v, lang);
    const name = localize(test.name, lang);
    if ('factors' in v) {
      return {
        test: test.id,
        name,
        version,
        scoring: { kind: 'points', passMark: v.scoring.passMark, maximum: v.scoring.maximum },
        criteria: null,
        factors: v.factors.map((f) => ({
          ...criterionView(rules, f, lang),
          cap: f.cap,
          bands: f.bands.map((b) => lineView(b, lang)),
          bonuses: f.bonuses.map((b) => lineView(b, lang)),
        })),
      };
    }
    const of = v.criteria.length;
    return {
      test: test.id,
      name,
      version,
      scoring:
        v.scoring.kind === 'count'
          ? { kind: 'count', threshold: v.scoring.threshold, of }
          : { kind: 'any', of, fullMarks: v.scoring.fullMarks ?? null },
      criteria: v.criteria.map((c) => criterionView(rules, c, lang)),
      factors: null,
    };
  });
  return {
    format: 'routewise.rules/1',
    route: { id: rules.route.id, name: localize(rules.route.name, lang) },
    at,
    lang,
    parts,
    tests,
  };
}

/** The rules view as a readable listing. */
export function renderRulesView(view: RulesView, w: Writer): string {
  const t = (key: CliMessageKey, params?: Record<string, string | number>) =>
    cliMessage(view.lang, key, params);
  const partLabel = (part: string) => {
    if (part.startsWith('test:')) {
      const id = part.slice(5);
      return t('part.test', { name: view.tests.find((x) => x.test === id)?.name ?? id });
    }
    return t(`part.${part}` as CliMessageKey);
  };
  const sourceLines = (sources: readonly ResolvedCitation[]) =>
    sources.map((s) => `${w.link(s.title, s.url)} · ${t('report.sourceSection', { section: s.section })}`);
  const period = (p: PartView) =>
    p.to ? t('report.period', { from: p.from, to: p.to }) : t('report.periodOpen', { from: p.from });
  const versionItem = (p: PartView) => {
    const details = [`${period(p)} · ${t(`confidence.${p.confidence}`)} · ${p.file}`];
    if (p.note) details.push(t('report.note', { note: p.note }));
    details.push(...sourceLines(p.sources));
    w.item(confidenceMarks[p.confidence], `${partLabel(p.part)} — ${p.id}`, details);
  };
  const criterionItem = (c: CriterionView, extra: readonly string[] = []) => {
    const details = [...extra];
    if (c.note) details.push(t('report.note', { note: c.note }));
    details.push(...sourceLines(c.sources));
    w.item(confidenceMarks[c.confidence], c.label, details);
  };
  const line = (l: LineView, bonus: boolean) =>
    l.points !== null
      ? t(bonus ? 'rules.bonus' : 'rules.band', { label: l.label, points: l.points })
      : t(bonus ? 'rules.bonusPerUnit' : 'rules.bandPerUnit', {
          label: l.label,
          per: l.pointsPerUnit ?? 0,
          max: l.maxPoints ?? 0,
        });

  w.title(t('rules.title', { name: view.route.name, id: view.route.id, at: view.at }));
  w.heading(t('rules.parts'));
  // In the order an assessment lists them: prerequisites, exclusions, the tests, then the rest.
  const [first, second, ...rest] = view.parts;
  for (const p of [first, second]) if (p) versionItem(p);
  for (const test of view.tests) versionItem(test.version);
  for (const p of rest) versionItem(p);
  w.para(t('report.legend'));

  const prerequisites = view.parts.find((p) => p.part === 'prerequisites');
  if (prerequisites?.criteria) {
    w.heading(t('part.prerequisites'));
    for (const c of prerequisites.criteria) criterionItem(c);
  }
  for (const test of view.tests) {
    w.heading(`${test.name} — ${test.version.id}`);
    const s = test.scoring;
    w.para(
      s.kind === 'points'
        ? t('rules.scoringPoints', { passMark: s.passMark, maximum: s.maximum })
        : s.kind === 'count'
          ? t('rules.scoringCount', { threshold: s.threshold, of: s.of })
          : s.fullMarks !== null
            ? t('rules.scoringAnyFull', { of: s.of, fullMarks: s.fullMarks })
            : t('rules.scoringAny', { of: s.of }),
    );
    if (test.factors) {
      w.subheading(t('rules.factors'));
      for (const f of test.factors) {
        const lines = [...f.bands.map((b) => line(b, false)), ...f.bonuses.map((b) => line(b, true))];
        criterionItem({ ...f, label: t('rules.factor', { label: f.label, cap: f.cap }) }, lines);
      }
    }
    if (test.criteria) {
      w.subheading(t('rules.criteria'));
      for (const c of test.criteria) criterionItem(c);
    }
  }
  return w.toString();
}
