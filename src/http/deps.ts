import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { CaseRules } from '../rules/case-schema.ts';
import type { Lang } from '../rules/schema.ts';
import type { RouteRules } from '../rules/types.ts';

/**
 * What the HTTP layer is given: the app process holds nothing but frozen rules; every piece of
 * state (cases, rate-limit counters, audit) lives in the store, so replicas are interchangeable.
 */
export interface AppDeps {
  /** Routes by id, loaded and validated at start-up. */
  routes: ReadonlyMap<string, RouteRules>;
  /** The case store (src/store): PGlite embedded by default, PostgreSQL by DATABASE_URL. */
  store: import('../store/index.ts').Store;
  /** The clock, injected so tests can pin "today". */
  now: () => Date;
  defaultLang: Lang;
  /**
   * Each route's case rules (evidence checklist, tracker), loaded at start-up. Default: the
   * shipped case rules of every route in `routes`, loaded when the app is created.
   */
  caseRules?: ReadonlyMap<string, CaseRules>;
  /** Request and error log (pino). Default: a silent logger. Never given bodies, queries or tokens. */
  logger?: Logger;
  limits?: {
    /** Largest request body accepted, in bytes (default 256 KiB); larger is 413. */
    bodyBytes?: number;
    /** Cases one client may create per hour (default 20); more is 429 with Retry-After. */
    casesPerHour?: number;
  };
  /**
   * The client's address for rate limiting (only its keyed hash is stored). Default: the socket's
   * remote address, or the last X-Forwarded-For hop when `trustProxy` is set.
   */
  clientIp?: (c: Context) => string | undefined;
  /** Trust one reverse proxy's X-Forwarded-For (set TRUST_PROXY=1 behind a load balancer). */
  trustProxy?: boolean;
  /** Key for hashing client addresses into rate-limit keys; the same on every replica. */
  rateLimitSecret?: string;
}
