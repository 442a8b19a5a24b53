import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare/compare.ts';
import { assess } from '../src/engine/assess.ts';
import { parseProfile } from '../src/profile/validate.ts';
import { SHIPPED_ROUTE_IDS, shippedRoute } from '../src/rules/shipped.ts';

/** Each example profile, the era it illustrates, and the test version that era uses. */
const eras: Record<string, { at: string; gpt: string }> = {
  'qmas-2006-points.json': { at: '2007-05-01T10:00:00+08:00', gpt: 'gpt-2006' },
  'qmas-2008-points.json': { at: '2010-05-01T10:00:00+08:00', gpt: 'gpt-2008' },
  'qmas-2015-195-points.json': { at: '2017-05-01T10:00:00+08:00', gpt: 'gpt-2015-195' },
  'qmas-2018-talent-list.json': { at: '2019-05-01T10:00:00+08:00', gpt: 'gpt-2018-225' },
  'qmas-2023-245-points.json': { at: '2024-05-01T10:00:00+08:00', gpt: 'gpt-2023-245' },
  'qmas-2024-12-criteria.json': { at: '2025-05-01T10:00:00+08:00', gpt: 'gpt-2024-criteria' },
  'qmas-achievement-based.json': { at: '2025-05-01T10:00:00+08:00', gpt: 'gpt-2024-criteria' },
};

/** An example of another route: the route, the category it fits under, and a moment (March 2026 unless said). */
const fits = (route: string, test: string, at = '2026-03-01T10:00:00+08:00') => ({ route, at, test });

/** Each example of another route, by file. */
const routeExamples: Record<string, { route: string; at: string; test: string }> = {
  'ttps-a-high-earner.json': fits('hk.ttps', 'a'),
  'ttps-c-recent-graduate.json': fits('hk.ttps', 'c'),
  'gep-job-offer.json': fits('hk.gep', 'professional'),
  'asmtp-mainland-professional.json': fits('hk.asmtp', 'professional'),
  'techtas-researcher.json': fits('hk.techtas', 'talent'),
  'tp-stream-technician.json': fits('hk.tp-stream', 'trade'),
  // A fresh graduate applies within six months of graduating: the example graduates in summer 2026.
  'iang-fresh-graduate.json': fits('hk.iang', 'fresh', '2026-09-01T10:00:00+08:00'),
  // Category B is for the 7th to 12th month after graduating: the example graduates in July 2026.
  'vpas-graduate-b.json': fits('hk.vpas', 'b', '2027-04-10T10:00:00+08:00'),
  'dependant-spouse-of-resident.json': fits('hk.dependants', 'partner-of-resident'),
  'assg-second-generation.json': fits('hk.assg', 'core'),
  'new-cies-investor.json': fits('hk.new-cies', 'core'),
};

const dir = join(import.meta.dirname, '..', 'examples');
const rules = shippedRoute('hk.qmas');
const read = (file: string) => parseProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')));

describe('the example profiles', () => {
  it('cover every era of the General Points Test and every other route', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual([...Object.keys(eras), ...Object.keys(routeExamples)].sort());
    const routes = new Set(Object.values(routeExamples).map((e) => e.route));
    for (const id of SHIPPED_ROUTE_IDS) if (id !== 'hk.qmas') expect(routes, id).toContain(id);
    const versions = new Set(Object.values(eras).map((e) => e.gpt));
    for (const v of rules.tests.find((t) => t.id === 'gpt')?.versions ?? []) expect(versions).toContain(v.id);
  });

  for (const [file, era] of Object.entries(eras)) {
    it(`${file} is a valid profile that meets the scheme in its era`, () => {
      const result = assess(read(file), rules, era.at);
      expect(result.tests.find((t) => t.test === 'gpt')?.version.id).toBe(era.gpt);
      expect(result.status).toBe('eligible');
    });
  }

  for (const [file, example] of Object.entries(routeExamples)) {
    it(`${file} meets ${example.route} under category ${example.test}, and the comparison ranks it as fitting`, () => {
      const profile = read(file);
      const result = assess(profile, shippedRoute(example.route), example.at);
      expect(result.status).toBe('eligible');
      expect(result.recommendedTest).toBe(example.test);
      const c = compare(profile, SHIPPED_ROUTE_IDS.map(shippedRoute), example.at);
      expect(c.fits).toContain(example.route);
      expect(c.routes.find((r) => r.route.id === example.route)?.category?.test).toBe(example.test);
    });
  }
});
