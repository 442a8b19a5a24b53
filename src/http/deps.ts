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
}
