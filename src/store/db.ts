/**
 * The one small interface both drivers implement: parameterised SQL, multi-statement scripts
 * (migrations) and transactions. Repository code is written once against it.
 */

export interface QueryResult<R> {
  rows: R[];
  /** Rows inserted, updated or deleted (0 for a SELECT on some drivers: use rows.length). */
  rowCount: number;
}

export interface Queryable {
  /** One statement with `$1…$n` parameters. Pass JSON as a string with a `::jsonb` cast. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** A script of several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly driver: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. On PGlite,
   * which is a single session, transactions (and plain queries) are queued one at a time.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Waits for queued work, then releases the database. Idempotent. */
  close(): Promise<void>;
}

export const PG_TYPE = { DATE: 1082, TIMESTAMP: 1114, TIMESTAMPTZ: 1184 } as const;

const TIMESTAMP_TEXT =
  /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?(?:([+-]\d{2})(?::?(\d{2}))?(?::?\d{2})?|Z)?$/;

/**
 * PostgreSQL's text form of a timestamptz ("2025-02-26 03:00:00.5+00") as an ISO instant in UTC
 * with milliseconds ("2025-02-26T03:00:00.500Z"), whatever the session time zone. Values it
 * cannot read (infinity, BC dates) come back unchanged.
 */
export function timestamptzToIso(text: string): string {
  const m = TIMESTAMP_TEXT.exec(text);
  if (!m) return text;
  const fraction = (m[3] ?? '.').padEnd(4, '0').slice(0, 4);
  const offset = m[4] === undefined ? 'Z' : `${m[4]}:${m[5] ?? '00'}`;
  const ms = Date.parse(`${m[1]}T${m[2]}${fraction}${offset}`);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}

/** DATE and TIMESTAMP stay strings ("2025-02-26"); TIMESTAMPTZ becomes an ISO string. Never a JS Date. */
export const typeParsers: Record<number, (text: string) => unknown> = {
  [PG_TYPE.DATE]: (text) => text,
  [PG_TYPE.TIMESTAMP]: (text) => text,
  [PG_TYPE.TIMESTAMPTZ]: timestamptzToIso,
};

/** A first-come first-served lock: the queue that hands PGlite's one session to one user at a time. */
export class Mutex {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn);
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
