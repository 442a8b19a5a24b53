/**
 * Starts the real server (`src/server.ts` under tsx, as `npm start`-style deployments run it) for
 * browser tests and benchmarks: a free loopback port, a fresh PGlite data folder, and a promise
 * that resolves once it answers HTTP.
 *
 * A new PGlite folder costs an initdb (4 s on an idle machine, far more on a busy one), so the
 * first start makes a migrated template folder, cached in the OS temp folder and keyed by the
 * PGlite version and the migrations; each server then starts from a copy of it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/index.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A port the OS says is free right now (there is a small race until the server binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function templateKey(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json')));
  const migrations = join(ROOT, 'src/store/migrations');
  for (const name of readdirSync(migrations).sort()) {
    hash.update(name);
    hash.update(readFileSync(join(migrations, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

let template: Promise<string> | undefined;

/** A migrated, empty PGlite folder to copy from; made once per machine and migration set. */
export function dataTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = join(tmpdir(), 'routewise-test-cache', `e2e-data-${templateKey()}`);
    if (existsSync(join(dir, 'PG_VERSION'))) return dir;
    mkdirSync(join(dir, '..'), { recursive: true });
    const partial = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
    const store = await openStore({ dataDir: partial });
    await store.close();
    try {
      renameSync(partial, dir); // atomic: a parallel worker never copies half a folder
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another worker made it first
    }
    return dir;
  })();
  return template;
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** The tail of what the server wrote to stdout and stderr (for failure messages). */
  output(): string;
  stop(): Promise<void>;
  /** Kills the server with SIGKILL, as a crash would, and keeps its data folder for a restart. */
  crash(): Promise<void>;
}

/**
 * Starts the real server on a free loopback port with a fresh PGlite data folder and resolves
 * once it answers HTTP. `env` adds or overrides variables (DATABASE_URL is dropped unless given
 * here); LOG_LEVEL is warn, so request logs do not cost time.
 *
 * @example
 * const server = await startServer();
 * const res = await fetch(`${server.url}/api/v1/routes`);
 * await server.stop();
 */
export async function startServer(
  options: { env?: Record<string, string>; timeoutMs?: number; entry?: string; dataDir?: string } = {},
): Promise<RunningServer> {
  const [port, source] = await Promise.all([freePort(), dataTemplate()]);
  // A given data folder is reused as it is: that is how a restart after a crash is tested.
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'routewise-data-'));
  if (!options.dataDir) cpSync(source, dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ROUTEWISE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...options.env,
  });
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', options.entry ?? 'src/server.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The server logs JSON lines to stdout and start-up failures to stderr: keep the tail of both.
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stderr?.on('data', keep);
  child.stdout?.on('data', keep);
  let exited: number | null | undefined;
  const exit = new Promise<void>((done) =>
    child.on('exit', (code) => {
      exited = code;
      done();
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (exited !== undefined) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`the server exited (code ${exited}) before listening:\n${output}`);
    }
    try {
      await fetch(`${url}/api/v1/routes`, { signal: AbortSignal.timeout(2_000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        await exit;
        rmSync(dataDir, { recursive: true, force: true });
        throw new Error(`the server did not answer on ${url} in time:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  return {
    url,
    port,
    dataDir,
    output: () => output,
    async stop() {
      if (exited === undefined) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exit;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
    async crash() {
      if (exited === undefined) {
        child.kill('SIGKILL');
        await exit;
      }
    },
  };
}
