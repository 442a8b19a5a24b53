import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qmasFlow } from '../../src/flows/hk.qmas.ts';
import {
  type Answers,
  firstUnanswered,
  flows,
  isAnswered,
  nextNode,
  nodesForField,
  path,
  previousNode,
} from '../../src/flows/index.ts';
import { Profile } from '../../src/profile/schema.ts';
import { completeAnswers } from './answers.ts';

/** Complete answers along whatever path earlier answers open, as a person would give them. */
const qmasAnswers = completeAnswers(qmasFlow);

describe('the QMAS question graph', () => {
  it('is registered by route id', () => {
    expect(flows.get('hk.qmas')).toBe(qmasFlow);
  });

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
        'has-dependants': { hasDependants: true },
      },
      { work: { format: 'totals' } },
    ];
    for (const a of gates) for (const n of path(qmasFlow, a)) reached.add(n.id);
    expect([...reached].sort()).toEqual(qmasFlow.nodes.map((n) => n.id).sort());
  });

  it('routes follow-up questions only when their opening answer calls for them', () => {
    const ids = (a: Answers) => path(qmasFlow, a).map((n) => n.id);
    expect(ids({})).not.toContain('prc-passport');
    expect(ids({ nationality: { nationality: 'CHN' } })).toContain('prc-passport');
    expect(
      ids({ nationality: { nationality: 'CHN' }, 'mainland-resident': { mainlandResident: true } }),
    ).not.toContain('prc-passport');
    expect(
      ids({ nationality: { nationality: 'CHN' }, 'mainland-resident': { mainlandResident: 'unknown' } }),
    ).toContain('prc-passport');
    expect(ids({ 'has-degree': { hasDegree: 'unknown' } })).not.toContain('degrees');
    expect(ids({ work: { format: 'periods' } })).toContain('work-periods');
    expect(ids({ work: { format: 'periods' } })).not.toContain('work-totals');
    expect(nextNode(qmasFlow, { business: { ownsBusiness: false } }, 'business')?.id).toBe('listed-company');
    expect(nextNode(qmasFlow, { business: { ownsBusiness: true } }, 'business')?.id).toBe('business-profit');
    expect(previousNode(qmasFlow, {}, 'listed-company')?.id).toBe('business');
    expect(previousNode(qmasFlow, {}, 'date-of-birth')).toBeUndefined();
    expect(firstUnanswered(qmasFlow, {})?.id).toBe('date-of-birth');
  });

  it('counts a list as answered only when the person said it is complete', () => {
    const node = qmasFlow.nodes.find((n) => n.id === 'degrees');
    if (!node) throw new Error('no degrees node');
    expect(isAnswered(node, { degrees: { items: [{ level: 'master' }], done: false } })).toBe(false);
    expect(isAnswered(node, { degrees: { items: [{ level: 'master' }], done: true } })).toBe(true);
  });

  it('builds a valid profile from any complete answers', () => {
    fc.assert(
      fc.property(qmasAnswers, (answers) => {
        const parsed = Profile.safeParse(qmasFlow.toProfile(answers));
        if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a profile back into the answers it came from', () => {
    fc.assert(
      fc.property(qmasAnswers, (answers) => {
        const profile = qmasFlow.toProfile(answers);
        expect(qmasFlow.toProfile(qmasFlow.fromProfile(profile))).toEqual(profile);
      }),
      { numRuns: 300 },
    );
  });

  it('builds an all-unknown profile from no answers, and ignores answers off the path', () => {
    const empty = qmasFlow.toProfile({});
    expect(Profile.safeParse(empty).success).toBe(true);
    expect(empty.person.dateOfBirth).toBe('unknown');
    expect(empty.education.degrees).toBe('unknown');
    expect(empty.work).toBe('unknown');
    const stale = qmasFlow.toProfile({
      nationality: { nationality: 'GBR' },
      'prc-passport': {
        appliesFromOverseas: true,
        overseasPermanentResidence: true,
        livedOverseasAtLeastOneYear: true,
      },
      business: { ownsBusiness: false },
      'business-profit': { profitHKD: 9_000_000 },
      'has-degree': { hasDegree: false },
      degrees: { items: [{ level: 'doctorate' }], done: true },
    });
    expect(stale.person.prcPassportAbroad).toBe('not_applicable');
    expect(stale.business.businessProfitLastYearHKD).toBe(0);
    expect(stale.education.degrees).toEqual([]);
  });

  it('turns a job’s months into days: the first of the start month to the last of the end month', () => {
    const profile = qmasFlow.toProfile({
      work: { format: 'periods' },
      'work-periods': {
        items: [
          {
            from: '2020-02',
            to: '2024-02',
            graduateLevel: true,
            seniorRole: false,
            multinationalOrRenowned: 'unknown',
            field: 'finance',
            international: false,
          },
        ],
        done: true,
      },
    });
    expect(profile.work).toMatchObject({
      kind: 'periods',
      periods: [{ from: '2020-02-01', to: '2024-02-29', field: 'finance' }],
    });
  });

  it('maps the fields the engine says decide a result back to the questions that ask them', () => {
    const ids = (answers: Answers, field: string) => nodesForField(qmasFlow, answers, field).map((n) => n.id);
    expect(ids({}, 'person.dateOfBirth')).toEqual(['date-of-birth']);
    expect(ids({}, 'education.degrees[].level')).toEqual(['has-degree']);
    expect(ids({ 'has-degree': { hasDegree: true } }, 'education.degrees[].level')).toEqual(['degrees']);
    expect(ids({}, 'languages')).toEqual(['languages-chinese', 'languages-english', 'languages-other']);
    expect(ids({ work: { format: 'totals' } }, 'work')).toEqual(['work-totals']);
    expect(ids({}, 'business.ownsBusiness')).toEqual(['business']);
    expect(ids({}, 'dependants')).toEqual(['has-dependants']);
    expect(ids({ nationality: { nationality: 'CHN' } }, 'person.prcPassportAbroad')).toEqual([
      'prc-passport',
    ]);
  });
});
