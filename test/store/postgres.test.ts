import { describe, it } from 'vitest';
import { TEST_DATABASE_URL } from './helpers.ts';
import { storeSuite } from './suite.ts';

// scripts/run-tests.mjs starts PostgreSQL (scripts/ensure-postgres.sh) and sets TEST_DATABASE_URL.
// Without it the suite is skipped locally, but fails in CI so a missing server cannot pass silently.
if (TEST_DATABASE_URL) {
  describe('store on PostgreSQL', () => storeSuite('postgres'));
} else if (process.env.CI) {
  it('has TEST_DATABASE_URL (run scripts/ensure-postgres.sh)', () => {
    throw new Error('TEST_DATABASE_URL is not set');
  });
} else {
  describe.skip('store on PostgreSQL (set TEST_DATABASE_URL: bash scripts/ensure-postgres.sh)', () => {
    it('skipped', () => {});
  });
}
