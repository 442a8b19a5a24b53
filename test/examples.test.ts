import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../src/engine/assess.ts';
import { parseProfile } from '../src/profile/validate.ts';
import { shippedRoute } from '../src/rules/shipped.ts';

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

const dir = join(import.meta.dirname, '..', 'examples');
const rules = shippedRoute('hk.qmas');

describe('the example profiles', () => {
  it('cover every era of the General Points Test', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(eras).sort());
    const versions = new Set(Object.values(eras).map((e) => e.gpt));
    for (const v of rules.tests.find((t) => t.id === 'gpt')?.versions ?? []) expect(versions).toContain(v.id);
  });

  for (const [file, era] of Object.entries(eras)) {
    it(`${file} is a valid profile that meets the scheme in its era`, () => {
      const profile = parseProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      const result = assess(profile, rules, era.at);
      expect(result.tests.find((t) => t.test === 'gpt')?.version.id).toBe(era.gpt);
      expect(result.status).toBe('eligible');
    });
  }
});
