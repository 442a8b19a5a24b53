import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ApiEnv } from './context.ts';
import { ErrorSchema } from './schemas.ts';

type RouteConfig = Parameters<typeof createRoute>[0];

const errorDescriptions: Record<number, string> = {
  400: 'Invalid request: `invalid_json`, `invalid_field` or `invalid_profile`, with one issue per problem (path, value, expected, message).',
  404: '`not_found`.',
  413: '`payload_too_large`: the body is over the limit (256 KiB by default).',
  415: '`unsupported_media_type`: the body must be sent as application/json.',
  422: '`rules_not_in_force`: the route had no rules at that moment.',
  429: '`rate_limited`: too many requests; see the Retry-After header (seconds).',
  500: '`internal`: never with a stack trace.',
  503: '`store_unavailable` or `report_unavailable`.',
};

/** The error responses a route can give, documented with the one error schema. */
export function errors(...statuses: number[]) {
  const out: Record<
    number,
    {
      description: string;
      content: { 'application/json': { schema: typeof ErrorSchema } };
      headers?: Record<string, unknown>;
    }
  > = {};
  for (const s of [...statuses, 500]) {
    out[s] = {
      description: errorDescriptions[s] ?? 'Error',
      content: { 'application/json': { schema: ErrorSchema } },
    };
    if (s === 429) {
      out[s].headers = {
        'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
      };
    }
  }
  return out;
}

export const langQuery = z
  .string()
  .optional()
  .openapi({
    param: { name: 'lang', in: 'query' },
    description: 'en, zh-Hant or zh-Hans. Default: Accept-Language, then English.',
    example: 'en',
  });

/**
 * Documents a route in the OpenAPI registry and installs its handler. Requests are validated in
 * the handlers (so every error has the API's one shape), not by the registry.
 */
export function define(
  api: OpenAPIHono<ApiEnv>,
  route: RouteConfig,
  handler: (c: Context<ApiEnv>) => Response | Promise<Response>,
): void {
  const config = createRoute(route);
  api.openAPIRegistry.registerPath(config);
  const path = route.path.replace(/\{(\w+)\}/g, ':$1');
  api.on(route.method.toUpperCase(), path, handler);
}
