/**
 * Stable error codes of the store. Callers (the HTTP API, the CLI) map them to their own
 * responses; the message is safe to show and never contains SQL, a token or personal data.
 */
export type StoreErrorCode =
  /** No case for this token, or no such evidence item in the case. */
  | 'not_found'
  /** An argument failed validation; `field` names which one. */
  | 'invalid_input'
  /** The database failed (connection lost, disk full…); the original error is the `cause`. */
  | 'storage_failure'
  /** A migration failed, or an applied migration file was edited afterwards. */
  | 'migration_failed';

/**
 * The only error the store throws.
 *
 * @example
 * try { await store.getCase(token) } catch (e) {
 *   if (e instanceof StoreError && e.code === 'not_found') return notFound();
 *   throw e;
 * }
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  /** For `invalid_input`: the argument that failed, e.g. "note" or "items[2].state". */
  readonly field: string | undefined;

  constructor(code: StoreErrorCode, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
  }
}

export function invalid(field: string, message: string): StoreError {
  return new StoreError('invalid_input', message, { field });
}

export function notFound(message = 'No case matches this link.'): StoreError {
  return new StoreError('not_found', message);
}

/** Runs `fn`, turning anything but a StoreError into `storage_failure` (SQL text never leaks). */
export async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError('storage_failure', 'The case store is unavailable; try again later.', {
      cause: error,
    });
  }
}
