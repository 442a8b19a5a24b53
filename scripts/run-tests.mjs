// Runs every vitest suite and ends with the one closing line CI reads: "N passed, N failed".
// Vitest's own summary is not in that form, so the counts come from its JSON report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });

// The web is tested in Debian's Chromium and the PDFs read back with poppler: installed when missing.
const browser = spawnSync('bash', ['scripts/ensure-chromium.sh'], { stdio: 'inherit' });
if (browser.status !== 0) {
  console.error('scripts/ensure-chromium.sh failed: the browser and PDF tests cannot run');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// The server path is tested on a real PostgreSQL 15 server, installed and started when missing.
if (!process.env.TEST_DATABASE_URL) {
  const postgres = spawnSync('bash', ['scripts/ensure-postgres.sh'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = postgres.stdout?.trim();
  if (url) process.env.TEST_DATABASE_URL = url;
}
const report = 'test-results/vitest.json';
const run = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed = result.numPassedTests;
  failed = result.numFailedTests + (result.numRuntimeErrorTestSuites ?? 0);
} catch {
  failed = 1;
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
