import { describe, it } from 'vitest';
import { TEST_DATABASE_URL } from './helpers.ts';
import { storeSuite } from './suite.ts';

// scripts/run-tests.mjs starts PostgreSQL (scripts/ensure-postgres.sh) and sets TEST_DATABASE_URL.
// Without it the suite fails rather than being skipped, so a missing server can never pass silently.
if (TEST_DATABASE_URL) {
  describe('store on PostgreSQL', () => storeSuite('postgres'));
} else {
  it('has a PostgreSQL server to run the store suite on', () => {
    throw new Error(
      'TEST_DATABASE_URL is not set: run the tests with `npm test`, which starts PostgreSQL, or set it after `bash scripts/ensure-postgres.sh`',
    );
  });
}
