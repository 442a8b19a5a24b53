import pg from 'pg';
import { type Db, Mutex, type Queryable, type QueryResult, typeParsers } from './db.ts';

export interface PostgresOptions {
  /** postgres://user:password@host:port/database */
  connectionString: string;
  /** Tables live in this schema (sets search_path); it must exist. Default: the server's search_path. */
  schema?: string;
  /** Pool size per app replica (default 10). */
  max?: number;
  /** Errors of idle pooled connections (e.g. the server restarted); default: ignored, the pool reconnects. */
  onIdleError?: (error: Error) => void;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = typeParsers[oid];
    if (parser && format !== 'binary') return parser;
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloads do not accept a union format
    return pg.types.getTypeParser(oid, format as any);
  },
} as pg.CustomTypesConfig;

function queryable(client: pg.Pool | pg.PoolClient, isOpen: () => boolean): Queryable {
  const check = () => {
    if (!isOpen()) throw new Error('This transaction has already ended.');
  };
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      check();
      const result = await client.query(sql, [...params]);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      check();
      await client.query(sql);
    },
  };
}

/**
 * Connects a pool to a PostgreSQL server (15 or later) and checks the connection. Sessions run
 * in UTC; `schema`, when given, is the only schema on the search_path.
 *
 * @example
 * const db = await openPostgres({ connectionString: process.env.DATABASE_URL! });
 */
export async function openPostgres(options: PostgresOptions): Promise<Db> {
  if (options.schema !== undefined && !IDENTIFIER.test(options.schema)) {
    throw new TypeError('The PostgreSQL schema must be a lower-case identifier.');
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    options: `-c TimeZone=UTC${options.schema ? ` -c search_path=${options.schema}` : ''}`,
    types,
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  let closed = false;
  const lifecycle = new Mutex();
  const direct = queryable(pool, () => !closed);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw error;
  }

  return {
    driver: 'postgres',
    query: (sql, params) => direct.query(sql, params),
    exec: (sql) => direct.exec(sql),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      if (closed) throw new Error('The database is closed.');
      const client = await pool.connect();
      let open = true;
      try {
        await client.query('BEGIN');
        const result = await fn(queryable(client, () => open));
        await client.query('COMMIT');
        open = false;
        client.release();
        return result;
      } catch (error) {
        open = false;
        try {
          await client.query('ROLLBACK');
          client.release();
        } catch (rollbackError) {
          client.release(rollbackError as Error);
        }
        throw error;
      }
    },
    close: () =>
      lifecycle.run(async () => {
        if (closed) return;
        closed = true;
        await pool.end();
      }),
  };
}
