import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addMonths, isoDay, limitOfStay, parsePlainDate } from '../../src/case/dates.ts';
import { evidenceFor, trackerFor } from '../../src/case/index.ts';
import { assess } from '../../src/engine/assess.ts';
import type { Profile } from '../../src/profile/schema.ts';
import { parseProfile } from '../../src/profile/validate.ts';
import { loadCaseRules, shippedCaseRules } from '../../src/rules/case-schema.ts';
import { RULES_DIR, RuleFileError } from '../../src/rules/loader.ts';
import { shippedRoute } from '../../src/rules/shipped.ts';
import { exampleProfile, fixture } from './helpers.ts';

const rules = shippedRoute('hk.qmas');
const caseRules = shippedCaseRules('hk.qmas');
const AT = '2025-03-01T10:00:00+08:00';

function checklist(profile: Profile, at = AT, lang: 'en' | 'zh-Hant' | 'zh-Hans' = 'en') {
  const assessment = assess(profile, rules, at, { lang });
  return evidenceFor(profile, assessment, caseRules, lang);
}

function ids(profile: Profile, at = AT): string[] {
  return checklist(profile, at).items.map((i) => i.id);
}

describe('evidenceFor: items derived from the claims made', () => {
  it("asks for a degree certificate and a transcript for each degree, naming the master's", () => {
    const list = checklist(parseProfile(exampleProfile()));
    const master = list.items.filter((i) => i.about.kind === 'degree' && i.about.index === 2);
    expect(master.map((i) => i.rule).sort()).toEqual(['degree-certificate', 'degree-transcript']);
    expect(master[0]?.label).toContain("master's degree");
    expect(master[0]?.label).toContain('Imperial College London');
    expect(master[0]?.basis.fields).toContain('education.degrees.1');
  });

  it('always asks for the travel document, and for translations only if needed', () => {
    const list = checklist(parseProfile(fixture('unknown-all')));
    const byId = new Map(list.items.map((i) => [i.id, i]));
    expect(byId.get('travel-document')?.conditional).toBe(false);
    expect(byId.get('certified-translations')?.conditional).toBe(true);
  });

  it("asks a Mainland resident for the working unit's consent (after selection) and the exit permit", () => {
    const list = checklist(parseProfile(fixture('mainland-resident')));
    const consent = list.items.find((i) => i.id === 'mainland-consent-letter');
    expect(consent?.stage).toBe('selected');
    expect(consent?.confidence).toBe('official');
    expect(list.items.find((i) => i.id === 'mainland-exit-entry-permit')?.stage).toBe('exit-endorsement');
    expect(ids(parseProfile(exampleProfile()))).not.toContain('mainland-consent-letter');
  });

  it('asks for employer references for each work criterion met or still unknown, naming the criterion', () => {
    const list = checklist(parseProfile(exampleProfile()));
    const refs = list.items.filter((i) => i.rule.startsWith('work-references-'));
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) {
      expect(r.basis.criteria.length).toBe(1);
      expect(r.label).toContain(r.basis.criteria[0]?.label ?? '?');
      expect(r.conditional).toBe(r.basis.criteria[0]?.outcome === 'unknown');
    }
    // With the work history unknown, every work criterion's letters are listed, as conditional.
    const unknown = checklist(parseProfile(fixture('unknown-all'))).items.filter((i) =>
      i.rule.startsWith('work-references-'),
    );
    expect(unknown.map((i) => i.id).sort()).toEqual([
      'work-references-graduate',
      'work-references-international',
      'work-references-multinational',
      'work-references-specified-field',
    ]);
    expect(unknown.every((i) => i.conditional)).toBe(true);
    // In the points era the work factor asks for the same letters.
    expect(ids(parseProfile(fixture('points-era')), '2019-03-25T10:00:00+08:00')).toContain(
      'work-references-graduate',
    );
  });

  it('asks for income, business and listed-company proof only when claimed', () => {
    const base = parseProfile(exampleProfile());
    expect(ids(base)).not.toContain('business-registration');
    const claims = structuredClone(exampleProfile()) as Record<string, Record<string, unknown>>;
    (claims.income as Record<string, unknown>).lastYearHKD = 1_200_000;
    (claims.business as Record<string, unknown>).ownsBusiness = true;
    (claims.business as Record<string, unknown>).ownsListedCompany = true;
    (claims as Record<string, unknown>).talentList = { profession: 'Actuaries' };
    const list = checklist(parseProfile(claims));
    const got = list.items.map((i) => i.id);
    for (const id of [
      'income-records',
      'business-registration',
      'business-financial-statements',
      'business-ownership',
      'listed-company-proof',
      'talent-list-proof',
    ]) {
      expect(got).toContain(id);
    }
    expect(list.items.find((i) => i.id === 'talent-list-proof')?.label).toContain('Actuaries');
  });

  it('asks for award evidence from an achiever', () => {
    expect(ids(parseProfile(fixture('achiever')))).toContain('award-evidence');
  });

  it('asks for relationship proof and a travel document per dependant, and the sponsor’s financial proof', () => {
    const profile = parseProfile(fixture('family'));
    const list = checklist(profile);
    const dependants = profile.dependants === 'unknown' ? [] : profile.dependants;
    expect(dependants.length).toBeGreaterThan(0);
    dependants.forEach((d, i) => {
      const n = i + 1;
      const proof =
        d.relation === 'child' ? `dependant-birth-certificate-${n}` : `dependant-marriage-certificate-${n}`;
      expect(list.items.map((x) => x.id)).toContain(proof);
      expect(list.items.map((x) => x.id)).toContain(`dependant-travel-document-${n}`);
    });
    expect(list.items.map((x) => x.id)).toContain('sponsor-financial-proof');
  });

  it('speaks every language, and says the official checklist was not retrieved', () => {
    for (const lang of ['en', 'zh-Hant', 'zh-Hans'] as const) {
      const list = checklist(parseProfile(exampleProfile()), AT, lang);
      expect(list.version.confidence).toBe('uncertain');
      expect(list.version.note).toMatch(/982/);
      for (const i of list.items) expect(i.label).not.toMatch(/\{\w+\}/);
    }
    const zh = checklist(parseProfile(exampleProfile()), AT, 'zh-Hant');
    expect(zh.items.find((i) => i.id === 'degree-certificate-2')?.label).toContain('碩士學位');
  });
});

describe('trackerFor: stages and derived dates', () => {
  const profile = parseProfile(exampleProfile());
  const assessment = assess(profile, rules, AT, { lang: 'en' });

  it('lists the QMAS stages in order, the Mainland-only one left out for others', () => {
    const t = trackerFor(profile, assessment, caseRules, [], 'en');
    expect(t.stages.map((s) => s.id)).toEqual([
      'preparing',
      'submitted',
      'acknowledged',
      'processing',
      'selected',
      'result',
      'visa-fee-paid',
      'e-visa-issued',
      'entered',
      'extension-1',
      'extension-2',
      'permanent-residence',
    ]);
    expect(t.stages.find((s) => s.id === 'submitted')?.label).toMatch(/application fee paid/);
    const mainland = parseProfile(fixture('mainland-resident'));
    const m = trackerFor(mainland, assess(mainland, rules, AT), caseRules, [], 'en');
    expect(m.stages.map((s) => s.id)).toContain('exit-endorsement');
    const unknown = parseProfile(fixture('unknown-all'));
    const u = trackerFor(unknown, assess(unknown, rules, AT), caseRules, [], 'en');
    expect(u.stages.find((s) => s.id === 'exit-endorsement')?.conditional).toBe(true);
  });

  it('computes each extension window from the entry date and the 3+3+2 stay pattern', () => {
    const t = trackerFor(
      profile,
      assessment,
      caseRules,
      [{ stageId: 'entered', date: '2025-03-01', note: '' }],
      'en',
    );
    const byId = new Map(t.stages.map((s) => [s.id, s]));
    expect(byId.get('extension-1')?.derived).toEqual({
      limitOfStay: '2028-02-29',
      // Three months before the limit of stay: the window for applications made from 1 March 2026.
      windowFrom: '2027-11-29',
      windowTo: '2028-02-29',
      newLimitOfStay: '2031-02-28',
    });
    expect(byId.get('extension-2')?.derived).toEqual({
      limitOfStay: '2031-02-28',
      windowFrom: '2030-11-28',
      windowTo: '2031-02-28',
      newLimitOfStay: '2033-02-28',
    });
    expect(byId.get('permanent-residence')?.derived).toEqual({ eligibleFrom: '2032-03-01' });
    expect(byId.get('extension-1')?.label).toBe('Extension of stay 1 (normally 3 more years)');
    // Without an entry date nothing is derived yet.
    const none = trackerFor(profile, assessment, caseRules, [], 'en');
    expect(none.stages.find((s) => s.id === 'extension-1')?.derived).toBeNull();
    expect(none.stages.find((s) => s.id === 'extension-1')?.derivedFrom).toBe('entered');
  });

  it('has no extension stage under an 8-year stay (Achievement-based test)', () => {
    const achiever = parseProfile(fixture('achiever'));
    const a = assess(achiever, rules, AT, { tests: ['abt'] });
    const t = trackerFor(
      achiever,
      a,
      caseRules,
      [{ stageId: 'entered', date: '2025-03-01', note: '' }],
      'en',
    );
    expect(t.stages.some((s) => s.id.startsWith('extension-'))).toBe(false);
    expect(t.stages.find((s) => s.id === 'permanent-residence')?.derived).toEqual({
      eligibleFrom: '2032-03-01',
    });
  });

  it('uses the earlier tracker version for applications before the 26 February 2025 fees', () => {
    const before = assess(profile, rules, '2025-02-26T10:59:00+08:00');
    const t = trackerFor(profile, before, caseRules, [], 'en');
    expect(t.version.id).toBe('tracker-2006');
    expect(t.version.confidence).toBe('uncertain');
    expect(t.stages.find((s) => s.id === 'submitted')?.label).toBe('Application submitted');
  });
});

describe('calendar arithmetic', () => {
  it('clamps to the end of the month and ends a stay the day before its anniversary', () => {
    expect(isoDay(addMonths(parsePlainDate('2025-01-31'), 1))).toBe('2025-02-28');
    expect(isoDay(addMonths(parsePlainDate('2024-02-29'), 12))).toBe('2025-02-28');
    expect(isoDay(limitOfStay(parsePlainDate('2025-03-01'), 36))).toBe('2028-02-29');
    expect(isoDay(limitOfStay(parsePlainDate('2025-01-15'), 36))).toBe('2028-01-14');
  });
});

describe('loadCaseRules', () => {
  it('loads the shipped evidence and tracker rules, frozen', () => {
    expect(caseRules.evidence.length).toBeGreaterThan(0);
    expect(Object.isFrozen(caseRules.tracker[0])).toBe(true);
  });

  it('reports a broken case rule file with file:line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'routewise-rules-'));
    try {
      cpSync(join(RULES_DIR, 'hk'), join(dir, 'hk'), { recursive: true });
      const file = join(dir, 'hk', 'qmas', 'evidence.yaml');
      const text = readFileSync(file, 'utf8')
        .replace('stage: selected', 'stage: no-such-stage')
        .replace('{ fact: business.ownsBusiness, is: true }', '{ fact: business.ownsBusines, is: true }');
      writeFileSync(file, text);
      let error: unknown;
      try {
        loadCaseRules(join(dir, 'hk', 'qmas'), 'hk.qmas');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RuleFileError);
      const message = (error as Error).message;
      const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
      expect(message).toContain(`evidence.yaml:${lineOf('stage: no-such-stage')}:`);
      expect(message).toContain('unknown stage "no-such-stage"');
      expect(message).toContain(`evidence.yaml:${lineOf('business.ownsBusines,')}:`);
      expect(message).toContain('"business.ownsBusines" is not a field of the profile');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
