import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { CaseRules } from '../../rules/case-schema.ts';
import type { Lang } from '../../rules/schema.ts';
import type { RouteRules } from '../../rules/types.ts';
import type { Store } from '../../store/index.ts';
import { ApiError } from '../errors.ts';

/** Hono variables set per request. */
export interface ApiEnv {
  Variables: {
    lang: Lang;
    /** Where `lang` came from: the body's own lang, ?lang=, Accept-Language, or none (a case then uses its own). */
    langSource: 'body' | 'query' | 'header' | 'default';
  };
}

/** What the API's handlers share: the deps with every default filled in. */
export interface ApiContext {
  routes: ReadonlyMap<string, RouteRules>;
  caseRules: ReadonlyMap<string, CaseRules>;
  store: Store;
  now: () => Date;
  defaultLang: Lang;
  logger: Logger;
  casesPerHour: number;
  /** The rate-limit key for a request's client: a keyed hash, never the address itself. */
  clientKey: (c: Context) => string;
}

export const DEFAULT_ROUTE = 'hk.qmas';

/** A route by id, or `not_found`. */
export function routeOr404(ctx: ApiContext, id: string): RouteRules {
  const rules = ctx.routes.get(id);
  if (!rules) throw new ApiError('not_found');
  return rules;
}

export function caseRulesOf(ctx: ApiContext, id: string): CaseRules {
  const rules = ctx.caseRules.get(id);
  if (!rules) throw new Error(`No case rules loaded for route ${id}`);
  return rules;
}
