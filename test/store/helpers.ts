import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Db, dumpFreshPglite, openStore, type Store } from '../../src/store/index.ts';

export type Driver = 'pglite' | 'postgres';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

const ROOT = new URL('../../', import.meta.url);

function pgliteVersion(): string {
  const pkg = JSON.parse(
    readFileSync(new URL('node_modules/@electric-sql/pglite/package.json', ROOT), 'utf8'),
  );
  return String(pkg.version);
}

/** Where the initdb'd template lives between runs (it depends only on the PGlite version). */
export function templatePath(): string {
  return join(tmpdir(), 'routewise-test-cache', `pglite-${pgliteVersion()}-fresh.tgz`);
}

let template: Promise<Blob> | undefined;

/**
 * A tarball of a freshly initdb'd PGlite, made once (~4 s) and cached on disk, so each test
 * database starts from `loadDataDir` instead of a new initdb.
 */
export function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = templatePath();
    if (!existsSync(file)) {
      const blob = await dumpFreshPglite();
      mkdirSync(join(file, '..'), { recursive: true });
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
      renameSync(partial, file); // atomic: parallel workers never read half a file
    }
    return new Blob([readFileSync(file)]);
  })();
  return template;
}

export interface TestStore {
  store: Store;
  db: Db;
  clock: { now: number };
  /** Opens another store on the same database (the same folder or schema). */
  reopen(): Promise<Store>;
  cleanup(): Promise<void>;
}

/**
 * A store on a database of its own: a temporary PGlite folder, or a fresh PostgreSQL schema in
 * TEST_DATABASE_URL's database. `cleanup()` closes it and removes the folder or schema.
 */
export async function openTestStore(driver: Driver): Promise<TestStore> {
  const clock = { now: Date.parse('2025-03-01T02:00:00.000Z') };
  const options = { clock: () => new Date(clock.now) };
  const extra: Store[] = [];
  if (driver === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'routewise-store-'));
    const pgliteTemplateBlob = await pgliteTemplate();
    const open = () => openStore({ ...options, dataDir, pgliteTemplate: pgliteTemplateBlob });
    const store = await open();
    return {
      store,
      db: store.db,
      clock,
      async reopen() {
        await store.close(); // one PGlite per folder at a time
        const again = await open();
        extra.push(again);
        return again;
      },
      async cleanup() {
        for (const s of [store, ...extra]) await s.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set (run scripts/ensure-postgres.sh)');
  const schema = `rw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const open = () => openStore({ ...options, databaseUrl: TEST_DATABASE_URL, schema });
  const store = await open();
  return {
    store,
    db: store.db,
    clock,
    async reopen() {
      const again = await open();
      extra.push(again);
      return again;
    },
    async cleanup() {
      for (const s of [store, ...extra]) await s.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Every row of every table of the store's schema, as text (bytea as hex), by table. */
export async function dumpAllRows(db: Db): Promise<Map<string, string[]>> {
  const { rows: tables } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out = new Map<string, string[]>();
  for (const { table_name } of tables) {
    const { rows } = await db.query<Record<string, unknown>>(`SELECT * FROM "${table_name}"`);
    out.set(
      table_name,
      rows.map((row) =>
        JSON.stringify(row, (_key, value) => {
          if (
            value &&
            typeof value === 'object' &&
            (value.type === 'Buffer' || value instanceof Uint8Array)
          ) {
            return Buffer.from(value.type === 'Buffer' ? value.data : value).toString('hex');
          }
          return value;
        }),
      ),
    );
  }
  return out;
}
