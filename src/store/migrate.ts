import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { Db } from './db.ts';
import { StoreError } from './errors.ts';

export interface Migration {
  /** "001" */
  id: string;
  /** "001_cases.sql" */
  file: string;
  sql: string;
  /** SHA-256 of the file (line endings normalised): an applied migration must never change. */
  checksum: string;
}

const MIGRATION_FILE = /^(\d{3})_[a-z0-9_]+\.sql$/;
export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

/** Reads `NNN_name.sql` files in order. */
export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => MIGRATION_FILE.test(f)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const sql = (await readFile(new URL(file, dir), 'utf8')).replace(/\r\n/g, '\n');
    const id = file.slice(0, 3);
    if (migrations.some((m) => m.id === id)) {
      throw new StoreError('migration_failed', `Two migrations are numbered ${id}.`);
    }
    migrations.push({ id, file, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction.
 * Safe to run on every start-up and from several replicas at once: a transaction-scoped advisory
 * lock (per schema) makes them take turns, and each re-checks what is applied under the lock.
 *
 * @example
 * const { applied } = await migrate(db); // ["001"] the first time, [] afterwards
 */
export async function migrate(db: Db, migrations?: Migration[]): Promise<{ applied: string[] }> {
  const list = migrations ?? (await loadMigrations());
  const applied: string[] = [];
  for (const migration of list) {
    try {
      const didApply = await db.transaction(async (tx) => {
        await tx.query(
          `SELECT pg_advisory_xact_lock(hashtext('routewise.migrations:' || coalesce(current_schema(), '')))`,
        );
        await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
          id text PRIMARY KEY,
          file text NOT NULL,
          checksum text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`);
        const { rows } = await tx.query<{ checksum: string }>(
          'SELECT checksum FROM schema_migrations WHERE id = $1',
          [migration.id],
        );
        const done = rows[0];
        if (done) {
          if (done.checksum !== migration.checksum) {
            throw new StoreError(
              'migration_failed',
              `Migration ${migration.file} was changed after it was applied; add a new migration instead.`,
            );
          }
          return false;
        }
        await tx.exec(migration.sql);
        await tx.query('INSERT INTO schema_migrations (id, file, checksum) VALUES ($1, $2, $3)', [
          migration.id,
          migration.file,
          migration.checksum,
        ]);
        return true;
      });
      if (didApply) applied.push(migration.id);
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError('migration_failed', `Migration ${migration.file} failed.`, { cause: error });
    }
  }
  return { applied };
}
