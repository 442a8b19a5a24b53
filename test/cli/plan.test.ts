import { describe, expect, it } from 'vitest';
import { PlanSchema } from '../../src/http/api/schemas.ts';
import { cli } from './helpers.ts';

const TTPS_GRADUATE = 'examples/ttps-c-recent-graduate.json';

describe('routewise plan', () => {
  it('prints the windows, what changes at their edges and the road, in words', async () => {
    const r = await cli([
      'plan',
      TTPS_GRADUATE,
      '--from',
      '2026-06-01',
      '--horizon',
      '1y',
      '--route',
      'ttps',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('When you could apply');
    expect(r.stdout).toContain('1 September 2026');
    expect(r.stdout).toContain('The road to permanent residence');
    expect(r.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('gives the documented JSON for several routes', async () => {
    const r = await cli([
      'plan',
      TTPS_GRADUATE,
      '--from',
      '2026-06-01T10:00:00+08:00',
      '--route',
      'ttps',
      '--route',
      'iang',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const p = PlanSchema.parse(JSON.parse(r.stdout));
    expect(p.routes.map((x) => x.route.id)).toEqual(['hk.ttps', 'hk.iang']);
    expect(p.horizonMonths).toBe(60);
  });

  it('speaks Traditional Chinese when asked', async () => {
    const r = await cli([
      'plan',
      TTPS_GRADUATE,
      '--from',
      '2026-06-01',
      '--horizon',
      '6m',
      '--route',
      'ttps',
      '--lang',
      'zh-Hant',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('何時可以申請');
    expect(r.stdout).toContain('2026年6月1日');
  });

  it('exits 2 with the value and what was expected for a horizon over ten years', async () => {
    const r = await cli(['plan', TTPS_GRADUATE, '--horizon', '20y']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"20y"');
    expect(r.stderr).toContain('at most 10 years');
  });
});
