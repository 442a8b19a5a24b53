import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { type Db, Mutex, type Queryable, type QueryResult, typeParsers } from './db.ts';
import { StoreError } from './errors.ts';

export interface PgliteOptions {
  /** A folder on disk (created if missing), or "memory://" for a throw-away database. */
  dataDir: string;
  /**
   * A tarball from `dumpDataDir()` to start a *new, empty* data folder from, skipping the ~4 s
   * initdb (tests use a cached template).
   */
  loadDataDir?: Blob;
}

interface Runner {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
}

function queryable(runner: Runner, isOpen: () => boolean): Queryable {
  const check = () => {
    if (!isOpen()) throw new Error('This transaction has already ended.');
  };
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      check();
      const result = await runner.query<R>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      check();
      await runner.exec(sql);
    },
  };
}

const LOCK_FILE = 'routewise.lock';
const openHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Two PGlite instances on one folder would corrupt it (PGlite has no postmaster.pid), so the
 * folder holds a lock file with the owner's pid while open. A lock left by a process that died
 * (or by an earlier life of this pid, e.g. PID 1 in a restarted container) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  const file = join(dir, LOCK_FILE);
  const busy = (owner: string) =>
    new StoreError('storage_failure', `The data folder ${dir} is already open in ${owner}.`);
  if (openHere.has(dir)) throw busy('this process');
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) {
        throw busy(`process ${pid} (delete ${file} if that is wrong)`);
      }
      unlinkSync(file);
    }
  }
  openHere.add(dir);
  return () => {
    openHere.delete(dir);
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  };
}

/**
 * Opens (or creates) an embedded PGlite database. PGlite is one PostgreSQL session, so every
 * query and transaction goes through one queue. Always `close()` it, or Node will not exit.
 *
 * @example
 * const db = await openPglite({ dataDir: './data' });
 * try { await db.query('SELECT 1') } finally { await db.close() }
 */
export async function openPglite(options: PgliteOptions): Promise<Db> {
  const onDisk = !options.dataDir.includes('://');
  if (onDisk) await mkdir(options.dataDir, { recursive: true });
  const unlock = onDisk ? lockDataDir(options.dataDir) : () => {};
  let pg: PGlite;
  try {
    // The template only seeds a new folder: an existing database is never overwritten.
    const fresh = !onDisk || !existsSync(join(options.dataDir, 'PG_VERSION'));
    pg = await PGlite.create(options.dataDir, {
      parsers: typeParsers,
      ...(options.loadDataDir && fresh ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const queue = new Mutex();
  let closed = false;
  const direct = queryable(pg, () => !closed);

  return {
    driver: 'pglite',
    query: (sql, params) => queue.run(() => direct.query(sql, params)),
    exec: (sql) => queue.run(() => direct.exec(sql)),
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return queue.run(() =>
        pg.transaction(async (tx: Transaction) => {
          let open = true;
          try {
            return await fn(queryable(tx, () => open && !closed));
          } finally {
            open = false;
          }
        }),
      );
    },
    async close(): Promise<void> {
      if (closed) return;
      await queue.run(async () => {
        if (closed) return;
        closed = true;
        try {
          await pg.close();
        } finally {
          unlock();
        }
      });
    },
  };
}

/** Creates a fresh database in memory and returns its data folder as a tarball (a test template). */
export async function dumpFreshPglite(): Promise<Blob> {
  const pg = await PGlite.create('memory://');
  try {
    return await pg.dumpDataDir('gzip');
  } finally {
    await pg.close();
  }
}
