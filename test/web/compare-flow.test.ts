import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryNames, measureNames } from '../../src/engine/measures.ts';
import {
  APPLY_DATE,
  comparisonFlow,
  comparisonFlowFor,
  type Need,
  routeNeeds,
} from '../../src/flows/compare.ts';
import {
  type Answers,
  type FieldSpec,
  type FlowNode,
  firstUnanswered,
  inputsOf,
  isAnswered,
  nextNode,
  nodesForField,
  path,
} from '../../src/flows/index.ts';
import { hasWebMessage } from '../../src/i18n/web-messages.ts';
import { Profile } from '../../src/profile/schema.ts';
import { SHIPPED_ROUTE_IDS, shippedRoute } from '../../src/rules/shipped.ts';
import { completeAnswers } from './answers.ts';

/** Every need there is: the questionnaire as it is when every rule reads everything. */
const ALL: ReadonlySet<Need> = new Set<Need>([...measureNames, ...categoryNames, 'family']);
const full = comparisonFlowFor(() => ALL);
const shipped = comparisonFlow(SHIPPED_ROUTE_IDS.map(shippedRoute));

const ids = (flow = full, a: Answers = {}) => path(flow, a).map((n) => n.id);

const node = (id: string): FlowNode => {
  const n = full.nodes.find((x) => x.id === id);
  if (!n) throw new Error(id);
  return n;
};

/** Complete answers along whatever path earlier answers open, on days around the rule changes. */
const fullAnswers = completeAnswers(full, (n) =>
  n.id === APPLY_DATE
    ? fc.constantFrom('2019-01-01', '2024-06-01', '2025-06-01', 'unknown').map((date) => ({ date }))
    : undefined,
);

describe('the comparison question graph', () => {
  it('reaches every question for some answers', () => {
    const reached = new Set<string>();
    const gates: Answers[] = [
      {},
      {
        nationality: { nationality: 'CHN' },
        'mainland-resident': { mainlandResident: false },
        'has-degree': { hasDegree: true },
        work: { format: 'periods' },
        business: { ownsBusiness: true },
        'talent-list': { meets: true },
        'job-offer': { hasOffer: true },
        sponsor: { hasSponsor: true },
        'sponsor-relation': { relation: 'parent' },
        'might-invest': { mightInvest: true },
        'has-dependants': { hasDependants: true },
      },
      { work: { format: 'totals' } },
    ];
    for (const a of gates) for (const n of path(full, a)) reached.add(n.id);
    expect([...reached].sort()).toEqual(full.nodes.map((n) => n.id).sort());
  });

  it('starts with the submission day, whose rules decide what is asked', () => {
    expect(full.submissionNode).toBe(APPLY_DATE);
    expect(ids()[0]).toBe(APPLY_DATE);
    expect(firstUnanswered(full, {})?.id).toBe(APPLY_DATE);
  });

  it('asks a job offer’s details only when there is an offer', () => {
    const details = ['job-offer-post', 'job-offer-pay', 'job-offer-employer', 'job-offer-technology'];
    for (const hasOffer of [false, 'unknown'] as const)
      for (const d of details) expect(ids(full, { 'job-offer': { hasOffer } })).not.toContain(d);
    for (const d of details) expect(ids(full, { 'job-offer': { hasOffer: true } })).toContain(d);
    expect(nextNode(full, { 'job-offer': { hasOffer: false } }, 'job-offer')?.id).not.toMatch(/^job-offer-/);
  });

  it('asks about degrees, and Hong Kong study, only of someone with a degree', () => {
    expect(ids(full, { 'has-degree': { hasDegree: false } })).not.toContain('degrees');
    expect(ids(full, { 'has-degree': { hasDegree: 'unknown' } })).not.toContain('degrees');
    expect(ids(full, { 'has-degree': { hasDegree: true } })).toContain('degrees');
    const item = node('degrees');
    const names = inputsOf(full, item, {}).map((s) => s.name);
    expect(names).toContain('hongKongProgramme');
    // The graduation date is read only for a Hong Kong or Greater Bay Area degree.
    const graduation = inputsOf(full, item, {}).find((s) => s.name === 'graduationDate');
    expect(graduation?.onlyWhen).toEqual({
      field: 'hongKongProgramme',
      in: ['ugc_funded', 'self_financed', 'gba_campus'],
    });
  });

  it('asks about a sponsor only when there is one, and whether the person is unmarried only for a parent', () => {
    const details = ['sponsor-relation', 'sponsor-status', 'sponsor-support'];
    for (const d of details) expect(ids(full, { sponsor: { hasSponsor: false } })).not.toContain(d);
    for (const d of details) expect(ids(full, { sponsor: { hasSponsor: true } })).toContain(d);
    const withRelation = (relation: string) =>
      ids(full, { sponsor: { hasSponsor: true }, 'sponsor-relation': { relation } });
    expect(withRelation('parent')).toContain('sponsor-unmarried');
    expect(withRelation('unknown')).toContain('sponsor-unmarried');
    expect(withRelation('spouse')).not.toContain('sponsor-unmarried');
  });

  it('asks about money to invest only of someone who might invest', () => {
    expect(ids(full, { 'might-invest': { mightInvest: false } })).not.toContain('investment');
    expect(ids(full, { 'might-invest': { mightInvest: 'unknown' } })).not.toContain('investment');
    expect(ids(full, { 'might-invest': { mightInvest: true } })).toContain('investment');
  });

  it('asks about the parent of the second generation only of someone who may have been born outside China', () => {
    expect(ids(full, { 'place-of-birth': { placeOfBirth: 'hong_kong' } })).not.toContain(
      'parent-settled-overseas',
    );
    expect(ids(full, { 'place-of-birth': { placeOfBirth: 'overseas' } })).toContain(
      'parent-settled-overseas',
    );
    expect(ids(full, { 'place-of-birth': { placeOfBirth: 'unknown' } })).toContain('parent-settled-overseas');
  });

  it('asks about a PRC passport only for Chinese nationals who are not Mainland residents', () => {
    expect(ids(full, { nationality: { nationality: 'GBR' } })).not.toContain('prc-passport');
    expect(ids(full, { nationality: { nationality: 'CHN' } })).toContain('prc-passport');
    expect(
      ids(full, { nationality: { nationality: 'CHN' }, 'mainland-resident': { mainlandResident: true } }),
    ).not.toContain('prc-passport');
  });

  it('asks only what the given routes’ rules read: nothing of a job offer or sponsor for QMAS alone', () => {
    const qmasOnly = comparisonFlow([shippedRoute('hk.qmas')]);
    const asked = ids(qmasOnly, { 'has-degree': { hasDegree: true } });
    for (const id of ['job-offer', 'sponsor', 'might-invest', 'place-of-birth'])
      expect(asked).not.toContain(id);
    expect(asked).toContain('degrees');
    // The degree's Hong Kong programme is read only by routes for graduates of Hong Kong.
    expect(inputsOf(qmasOnly, node('degrees'), {}).map((s) => s.name)).not.toContain('hongKongProgramme');
  });

  it('follows the rules of the submission day: the points-era questions only before 1 November 2024', () => {
    const qmasOnly = comparisonFlow([shippedRoute('hk.qmas')]);
    const on = (date: string) => ({ [APPLY_DATE]: { date }, 'has-degree': { hasDegree: true } });
    expect(ids(qmasOnly, on('2024-06-01'))).toContain('family-in-hong-kong');
    expect(ids(qmasOnly, on('2025-06-01'))).not.toContain('family-in-hong-kong');
    const degree = (date: string) => inputsOf(qmasOnly, node('degrees'), on(date)).map((s) => s.name);
    expect(degree('2024-06-01')).toContain('renownedInstitution');
    expect(degree('2025-06-01')).not.toContain('renownedInstitution');
    // A multi-input page keeps only the inputs the day's rules read.
    const achievements = qmasOnly.nodes.find((n) => n.id === 'achievements') as FlowNode;
    expect(inputsOf(qmasOnly, achievements, on('2025-06-01')).length).toBeGreaterThan(0);
  });

  it('counts a page as unanswered when the rules of a new day ask an input it lacks', () => {
    const qmasOnly = comparisonFlow([shippedRoute('hk.qmas')]);
    const totals = qmasOnly.nodes.find((n) => n.id === 'work-totals') as FlowNode;
    const years = { graduateYears: 8, multinationalYears: 2, specifiedFieldYears: 2, internationalYears: 1 };
    const on = (date: string): Answers => ({
      [APPLY_DATE]: { date },
      work: { format: 'totals' },
      'work-totals': years,
    });
    expect(isAnswered(totals, on('2025-06-01'), qmasOnly)).toBe(true);
    // The points test of 2024 also counts years in a senior role.
    expect(isAnswered(totals, on('2024-06-01'), qmasOnly)).toBe(false);
    expect(isAnswered(totals, on('2024-06-01'))).toBe(true);
  });

  it('asks every question some shipped route reads on the day, and nothing none of them reads', () => {
    const needsAt = routeNeeds(SHIPPED_ROUTE_IDS.map(shippedRoute));
    for (const day of ['2024-06-01', '2025-06-01']) {
      const needs = needsAt(day);
      const answers: Answers = { [APPLY_DATE]: { date: day } };
      for (const n of path(shipped, answers)) {
        const specs = inputsOf(shipped, n, answers) as ReadonlyArray<FieldSpec & { needs?: readonly Need[] }>;
        expect(specs.length, n.id).toBeGreaterThan(0);
        for (const s of specs)
          if (s.needs)
            expect(
              s.needs.some((x) => needs.has(x)),
              `${n.id}.${s.name}`,
            ).toBe(true);
      }
    }
  });

  it('builds a valid schema-3 profile from any complete answers', () => {
    fc.assert(
      fc.property(fullAnswers, (answers) => {
        for (const flow of [full, shipped]) {
          const parsed = Profile.safeParse(flow.toProfile(answers));
          if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));
          expect(parsed.data.schemaVersion).toBe(3);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads a profile back into the answers it came from', () => {
    fc.assert(
      fc.property(fullAnswers, (answers) => {
        const { [APPLY_DATE]: _day, ...rest } = answers;
        const profile = full.toProfile(rest);
        expect(full.toProfile(full.fromProfile(profile))).toEqual(profile);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves everything unknown with no answers, and ignores answers off the path', () => {
    const empty = full.toProfile({});
    expect(Profile.safeParse(empty).success).toBe(true);
    expect(empty.person.dateOfBirth).toBe('unknown');
    expect(empty.jobOffer).toBe('unknown');
    expect(empty.sponsor).toBe('unknown');
    expect(empty.investment).toEqual({ netAssetsHKD: 'unknown', plannedInvestmentHKD: 'unknown' });
    const stale = full.toProfile({
      'job-offer': { hasOffer: false },
      'job-offer-pay': { annualSalaryHKD: 2_000_000, marketLevelPay: true },
      sponsor: { hasSponsor: false },
      'sponsor-relation': { relation: 'spouse' },
      'might-invest': { mightInvest: false },
      investment: { netAssetsHKD: 40_000_000, plannedInvestmentHKD: 30_000_000 },
      'place-of-birth': { placeOfBirth: 'hong_kong' },
      'parent-settled-overseas': { parentChinesePermanentResidentSettledOverseas: true },
    });
    expect(stale.jobOffer).toBe('none');
    expect(stale.sponsor).toBe('none');
    expect(stale.investment).toEqual({ netAssetsHKD: 'unknown', plannedInvestmentHKD: 0 });
    expect(stale.family.parentChinesePermanentResidentSettledOverseas).toBe('unknown');
  });

  it('builds the job offer, the sponsor, the investment and the Talent List profession from their pages', () => {
    const p = full.toProfile({
      'job-offer': { hasOffer: true },
      'job-offer-pay': { annualSalaryHKD: 600_000, marketLevelPay: true },
      'job-offer-technology': { researchAndDevelopment: 'unknown', technologyArea: 'fintech' },
      sponsor: { hasSponsor: true },
      'sponsor-relation': { relation: 'spouse' },
      'sponsor-status': { status: 'permanent_resident' },
      'might-invest': { mightInvest: true },
      investment: { netAssetsHKD: 35_000_000, plannedInvestmentHKD: 'unknown' },
      'talent-list': { meets: true },
      'talent-list-profession': { profession: 'actuaries' },
    });
    expect(p.jobOffer).toMatchObject({
      annualSalaryHKD: 600_000,
      marketLevelPay: true,
      technologyArea: 'fintech',
      relevantToQualifications: 'unknown',
    });
    expect(p.sponsor).toMatchObject({
      relation: 'spouse',
      status: 'permanent_resident',
      applicantUnmarried: 'unknown',
    });
    expect(p.investment).toEqual({ netAssetsHKD: 35_000_000, plannedInvestmentHKD: 'unknown' });
    expect(p.talentList).toEqual({ profession: 'actuaries' });
  });

  it('maps the fields a route says decide it back to the questions that ask them', () => {
    const on = (answers: Answers, field: string) => nodesForField(full, answers, field).map((n) => n.id);
    expect(on({}, 'jobOffer')).toEqual(['job-offer']);
    expect(on({ 'job-offer': { hasOffer: true } }, 'jobOffer.annualSalaryHKD')).toEqual(['job-offer-pay']);
    expect(on({}, 'sponsor.relation')).toEqual(['sponsor']);
    expect(on({ sponsor: { hasSponsor: true } }, 'sponsor.relation')).toEqual(['sponsor-relation']);
    expect(on({}, 'person.placeOfBirth')).toEqual(['place-of-birth']);
    expect(on({ 'has-degree': { hasDegree: true } }, 'education.degrees[].hongKongProgramme')).toEqual([
      'degrees',
    ]);
  });

  it('has a message for every question, input and option, and a label for an input asked alone', () => {
    const missing: string[] = [];
    for (const n of full.nodes) {
      const keys = [`q.${n.id}.title`];
      const inputs = n.kind === 'list' ? n.item : n.inputs;
      if (n.kind === 'list')
        keys.push(
          `q.${n.id}.add`,
          `q.${n.id}.edit`,
          `q.${n.id}.item`,
          `q.${n.id}.summary`,
          `q.${n.id}.addAnother`,
        );
      // A page of several inputs may ask only one of them: its label is then the page's question.
      if (n.kind === 'list' || inputs.length > 1) for (const i of inputs) keys.push(`q.${n.id}.${i.name}`);
      for (const i of inputs)
        if (i.type === 'choice') for (const o of i.options) keys.push(`q.${n.id}.${i.name}.${o}`);
      for (const k of keys) if (!hasWebMessage(k)) missing.push(k);
    }
    expect(missing).toEqual([]);
  });
});
