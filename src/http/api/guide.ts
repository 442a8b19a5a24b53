import type { z } from '@hono/zod-openapi';
import type { ResolvedCitation } from '../../engine/result.ts';
import { formatHongKong } from '../../engine/time.ts';
import type { CaseRules } from '../../rules/case-schema.ts';
import type {
  Confidence,
  Criterion,
  Factor,
  Lang,
  Localized,
  PointsLine,
  SourceRef,
} from '../../rules/schema.ts';
import { type Dated, type RouteRules, versionAt } from '../../rules/types.ts';
import { ApiError } from '../errors.ts';
import type {
  RouteGuideSchema,
  RouteSummarySchema,
  RulesInForceSchema,
  RuleVersionSchema,
} from './schemas.ts';

/**
 * Guide content and rule listings, read straight from a route's rule data: what a person reads
 * before assessing themselves. Nothing here evaluates a profile.
 */

type RuleVersion = z.infer<typeof RuleVersionSchema>;
type Versioned = Dated<{
  id: string;
  from: string;
  confidence: Confidence;
  sources: SourceRef[];
  note?: Localized | undefined;
}>;

const disclaimer: Record<Lang, string> = {
  en: 'Routewise is independent software, not an official government service and not legal advice. Meeting a threshold is not approval: the Director of Immigration decides each application.',
  'zh-Hant':
    'Routewise 是獨立軟件，並非政府官方服務，亦不構成法律意見。達到門檻並不等於獲批：入境事務處處長按個別情況決定每宗申請。',
  'zh-Hans':
    'Routewise 是独立软件，并非政府官方服务，亦不构成法律意见。达到门槛并不等于获批：入境事务处处长按个别情况决定每宗申请。',
};

const perUnit: Record<Lang, string> = {
  en: '{n} per unit, at most {max}',
  'zh-Hant': '每單位 {n} 分，最多 {max} 分',
  'zh-Hans': '每单位 {n} 分，最多 {max} 分',
};

function cite(refs: readonly SourceRef[], sources: RouteRules['sources']): ResolvedCitation[] {
  return refs.map((r) => {
    const s = sources[r.ref];
    return {
      ref: r.ref,
      section: r.section,
      title: s?.title ?? r.ref,
      url: s?.url ?? '',
      official: s?.official ?? false,
    };
  });
}

function ruleVersion(part: string, v: Versioned, sources: RouteRules['sources'], lang: Lang): RuleVersion {
  return {
    part,
    id: v.id,
    file: v.file,
    from: v.from,
    to: v.to,
    confidence: v.confidence,
    sources: cite(v.sources, sources),
    note: v.note ? v.note[lang] : null,
  };
}

function inForce<V extends Versioned>(
  versions: readonly V[],
  atMs: number,
  part: string,
  routeId: string,
  at: string,
): V {
  const v = versionAt(versions, atMs) as V | undefined;
  if (!v) {
    throw new ApiError('rules_not_in_force', {
      params: { at, earliest: versions[0]?.from ?? '—', part, route: routeId },
    });
  }
  return v;
}

function item(c: Criterion | Factor, sources: RouteRules['sources'], lang: Lang) {
  return {
    id: c.id,
    label: c.label[lang],
    confidence: c.confidence,
    sources: cite(c.sources, sources),
    note: c.note ? c.note[lang] : null,
  };
}

function line(l: PointsLine, lang: Lang) {
  const points =
    'points' in l
      ? String(l.points)
      : perUnit[lang].replace('{n}', String(l.pointsPerUnit)).replace('{max}', String(l.maxPoints));
  return { id: l.id, label: l.label[lang], points };
}

/** A route's entry in the route list. */
export function routeSummary(rules: RouteRules, lang: Lang): z.infer<typeof RouteSummarySchema> {
  const r = rules.route;
  return {
    id: r.id,
    name: r.name[lang],
    shortName: r.shortName[lang],
    summary: r.summary[lang],
    tests: rules.tests.map((t) => ({ id: t.id, name: t.name[lang] })),
    links: { guide: `/api/v1/routes/${r.id}`, rules: `/api/v1/routes/${r.id}/rules` },
  };
}

/**
 * The guide to a route at one moment: names, summary, the prerequisites and tests in force with
 * their sources, the fees, stay, dependants, selection and steps of that moment.
 *
 * @example routeGuide(shippedRoute('hk.qmas'), Date.now(), 'en').tests[0].criteria.length // 12
 */
export function routeGuide(rules: RouteRules, atMs: number, lang: Lang): z.infer<typeof RouteGuideSchema> {
  const at = formatHongKong(atMs);
  const id = rules.route.id;
  const s = rules.sources;
  const get = <V extends Versioned>(versions: readonly V[], part: string): V =>
    inForce(versions, atMs, part, id, at);
  const prerequisites = get(rules.prerequisites, 'prerequisites');
  const exclusions = get(rules.exclusions, 'exclusions');
  const fees = get(rules.fees, 'fees');
  const stay = get(rules.stay, 'stay');
  const dependants = get(rules.dependants, 'dependants');
  const selection = get(rules.selection, 'selection');
  const steps = get(rules.steps, 'steps');
  return {
    id,
    name: rules.route.name[lang],
    shortName: rules.route.shortName[lang],
    summary: rules.route.summary[lang],
    at,
    lang,
    sources: cite(rules.route.sources, s),
    confidence: rules.route.confidence,
    prerequisites: {
      version: ruleVersion('prerequisites', prerequisites, s, lang),
      items: prerequisites.items.map((c) => item(c, s, lang)),
    },
    exclusions: {
      version: ruleVersion('exclusions', exclusions, s, lang),
      nationalities: [...exclusions.nationalities],
    },
    tests: rules.tests.map((t) => {
      const v = get(t.versions, `test:${t.id}`);
      const scoring = v.scoring;
      return {
        id: t.id,
        name: t.name[lang],
        version: ruleVersion(`test:${t.id}`, v, s, lang),
        scoring: {
          kind: scoring.kind,
          ...(scoring.kind === 'points' ? { passMark: scoring.passMark, maximum: scoring.maximum } : {}),
          ...(scoring.kind === 'count' ? { threshold: scoring.threshold } : {}),
          ...(scoring.kind === 'any' && scoring.fullMarks !== undefined
            ? { fullMarks: scoring.fullMarks }
            : {}),
        },
        criteria: 'criteria' in v ? v.criteria.map((c) => item(c, s, lang)) : [],
        factors:
          'factors' in v
            ? v.factors.map((f) => ({
                ...item(f, s, lang),
                cap: f.cap,
                lines: [...f.bands, ...f.bonuses].map((l) => line(l, lang)),
              }))
            : [],
      };
    }),
    fees: {
      version: ruleVersion('fees', fees, s, lang),
      regime: fees.regime[lang],
      perPerson: fees.perPerson.map((f) => ({
        id: f.id,
        label: f.label[lang],
        amountHKD: f.amountHKD,
        refundable: f.refundable,
        payable: f.payable[lang],
        stayDaysAtMost: f.stayDaysAtMost ?? null,
        stayDaysOver: f.stayDaysOver ?? null,
      })),
    },
    stay: {
      version: ruleVersion('stay', stay, s, lang),
      byTest: Object.entries(stay.byTest).map(([test, plan]) => ({
        test,
        initialMonths: plan.initialMonths,
        initialNote: plan.initialNote ? plan.initialNote[lang] : null,
        extensionsYears: [...plan.extensionsYears],
        pattern: plan.pattern,
        topTier: plan.topTier ? { ...plan.topTier } : null,
        extensionRequirements: plan.extensionRequirements.map((r) => r[lang]),
      })),
      permanentResidence: rules.route.permanentResidence[lang],
    },
    dependants: {
      version: ruleVersion('dependants', dependants, s, lang),
      relations: [...dependants.relations],
      childUnderAge: dependants.childUnderAge,
      conditions: dependants.conditions.map((c) => c[lang]),
    },
    selection: {
      version: ruleVersion('selection', selection, s, lang),
      quota: selection.quota,
      quotaPeriod: selection.quotaPeriod ?? null,
      decidedBy: selection.decidedBy[lang],
      summary: selection.summary[lang],
    },
    steps: {
      version: ruleVersion('steps', steps, s, lang),
      steps: steps.steps.map((st) => ({
        id: st.id,
        stage: st.stage,
        title: st.title[lang],
        detail: st.detail[lang],
        conditional: st.when !== undefined,
      })),
    },
    disclaimer: disclaimer[lang],
  };
}

/**
 * Every rule version of a route in force at a moment, with sources: the parts the engine reads,
 * then the case rules (evidence checklist, tracker). Parts with no version yet are listed in
 * `notInForce`; a moment before every part is `rules_not_in_force`.
 */
export function rulesInForce(
  rules: RouteRules,
  caseRules: CaseRules | undefined,
  atMs: number,
  lang: Lang,
): z.infer<typeof RulesInForceSchema> {
  const at = formatHongKong(atMs);
  const parts: Array<[string, ReadonlyArray<Versioned>]> = [
    ['prerequisites', rules.prerequisites],
    ['exclusions', rules.exclusions],
    ...rules.tests.map((t): [string, ReadonlyArray<Versioned>] => [`test:${t.id}`, t.versions]),
    ['stay', rules.stay],
    ['fees', rules.fees],
    ['dependants', rules.dependants],
    ['steps', rules.steps],
    ['selection', rules.selection],
  ];
  if (caseRules) parts.push(['evidence', caseRules.evidence], ['tracker', caseRules.tracker]);
  const found: RuleVersion[] = [];
  const missing: string[] = [];
  let earliest: string | undefined;
  for (const [part, versions] of parts) {
    const first = versions[0]?.from;
    if (first && (!earliest || Date.parse(first) < Date.parse(earliest))) earliest = first;
    const v = versionAt(versions, atMs);
    if (v) found.push(ruleVersion(part, v, rules.sources, lang));
    else missing.push(part);
  }
  if (found.length === 0) {
    throw new ApiError('rules_not_in_force', { params: { at, earliest: earliest ?? '—' } });
  }
  return {
    route: { id: rules.route.id, name: rules.route.name[lang] },
    at,
    rules: found,
    notInForce: missing,
  };
}
