/**
 * The store of saved cases: PGlite in a data folder by default, PostgreSQL when DATABASE_URL is
 * a postgres:// URL. Only `http` and `cli` import it.
 *
 * @example
 * const store = await openStore(storeOptionsFromEnv());
 * try {
 *   const { token } = await store.createCase({ profile, language: 'en', assessment });
 * } finally {
 *   await store.close();
 * }
 */
import { CaseStore } from './cases.ts';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export type {
  AuditEntry,
  CaseRecord,
  CreateCaseInput,
  EvidenceItem,
  EvidenceItemInput,
  ProfileVersion,
  RateLimitResult,
  StoredAssessment,
  TrackerStage,
} from './cases.ts';
export { CaseStore } from './cases.ts';
export type { Db, Queryable, QueryResult } from './db.ts';
export { StoreError, type StoreErrorCode } from './errors.ts';
export { loadMigrations, migrate } from './migrate.ts';
export { dumpFreshPglite, openPglite } from './pglite.ts';
export { openPostgres } from './postgres.ts';
export {
  EVIDENCE_STATES,
  type EvidenceState,
  LANGUAGES,
  type Language,
  LIMITS,
  type ProfileData,
} from './validate.ts';

export const DEFAULT_DATA_DIR = './data';

export interface StoreOptions {
  /** postgres:// or postgresql:// — use that server instead of the embedded database. */
  databaseUrl?: string | undefined;
  /** PostgreSQL only: the schema to use (must exist). */
  schema?: string | undefined;
  /** PGlite only: the data folder (default ./data) or "memory://". */
  dataDir?: string | undefined;
  /** PGlite only: a `dumpDataDir()` tarball to initialise a new, empty data folder from. */
  pgliteTemplate?: Blob | undefined;
  /** The store's clock (timestamps and rate-limit windows). Default: the system clock. */
  clock?: (() => Date) | undefined;
  /** Apply pending migrations on opening (default true). */
  migrate?: boolean | undefined;
}

/** A CaseStore that owns its database: `close()` it when done. */
export type Store = CaseStore;

/** Reads DATABASE_URL and ROUTEWISE_DATA_DIR. Any other DATABASE_URL scheme is an error. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new TypeError('DATABASE_URL must start with postgres://');
    return { databaseUrl: url };
  }
  return { dataDir: env.ROUTEWISE_DATA_DIR?.trim() || DEFAULT_DATA_DIR };
}

/** Opens the database, applies pending migrations and returns the store. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const db: Db = options.databaseUrl
    ? await openPostgres({
        connectionString: options.databaseUrl,
        ...(options.schema ? { schema: options.schema } : {}),
      })
    : await openPglite({
        dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
        ...(options.pgliteTemplate ? { loadDataDir: options.pgliteTemplate } : {}),
      });
  try {
    if (options.migrate !== false) await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return new CaseStore(db, options.clock ? { clock: options.clock } : {});
}
