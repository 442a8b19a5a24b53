import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  let out = '';
  const child = spawn(TSX, ['src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

describe('the server process', () => {
  it('starts on PORT with a PGlite store in DATA_DIR, answers the API, and stops on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'routewise-server-'));
    const port = await freePort();
    const s = start({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir });
    cleanup.push(() => {
      if (s.child.exitCode === null) s.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });
    await waitFor(() => s.output().includes('"msg":"listening"') || s.child.exitCode !== null, 60_000);
    expect(s.output()).toContain(`"port":${port}`);

    const res = await fetch(`http://127.0.0.1:${port}/api/v1/routes`);
    expect(res.status).toBe(200);
    expect((await res.json()).routes[0].id).toBe('hk.qmas');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // The PGlite database was created in DATA_DIR.
    expect(readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim()).toMatch(/^\d+$/);

    s.child.kill('SIGTERM');
    const code = await s.exited;
    expect(code).toBe(0);
    expect(s.output()).toContain('"msg":"stopped"');
    // The request was logged by route pattern only.
    expect(s.output()).toContain('"route":"/api/v1/routes"');
  }, 90_000);

  it('refuses to start when a rule file is broken, naming the file and line', async () => {
    const rulesDir = mkdtempSync(join(tmpdir(), 'routewise-rules-'));
    cleanup.push(() => rmSync(rulesDir, { recursive: true, force: true }));
    cpSync(join(ROOT, 'rules', 'hk'), join(rulesDir, 'hk'), { recursive: true });
    const file = join(rulesDir, 'hk', 'qmas', 'tracker.yaml');
    const text = readFileSync(file, 'utf8').replace('years: 7', 'years: -7');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('years: -7')) + 1;
    const s = start({
      PORT: String(await freePort()),
      ROUTEWISE_RULES_DIR: rulesDir,
      DATA_DIR: join(rulesDir, 'data'),
    });
    const code = await s.exited;
    expect(code).toBe(1);
    expect(s.output()).toContain('cannot start');
    expect(s.output()).toMatch(new RegExp(`tracker\\.yaml:${line}:`));
  }, 60_000);
});
