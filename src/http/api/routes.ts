import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext, ApiEnv } from './context.ts';
import { routeOr404 } from './context.ts';
import { define, errors, langQuery } from './define.ts';
import { routeGuide, routeSummary, rulesInForce } from './guide.ts';
import { momentField } from './input.ts';
import { RouteGuideSchema, RouteListSchema, RulesInForceSchema } from './schemas.ts';

const routeIdParam = z
  .string()
  .openapi({ param: { name: 'id', in: 'path' }, example: 'hk.qmas', description: 'The route id.' });

/** GET /api/v1/routes, /routes/{id} and /routes/{id}/rules: guide content from rule data. */
export function registerRoutes(api: OpenAPIHono<ApiEnv>, ctx: ApiContext): void {
  define(
    api,
    {
      method: 'get',
      path: '/api/v1/routes',
      tags: ['Routes'],
      summary: 'List the routes Routewise knows',
      request: { query: z.object({ lang: langQuery }) },
      responses: {
        200: { description: 'The routes.', content: { 'application/json': { schema: RouteListSchema } } },
        ...errors(400),
      },
    },
    (c) => c.json({ routes: [...ctx.routes.values()].map((r) => routeSummary(r, c.get('lang'))) }),
  );

  define(
    api,
    {
      method: 'get',
      path: '/api/v1/routes/{id}',
      tags: ['Routes'],
      summary: 'Guide to a route, from its rules in force now',
      description:
        'Names, summary, the prerequisites and tests of the version in force with their sources, the fees today, the stay plan, dependants, selection and steps.',
      request: { params: z.object({ id: routeIdParam }), query: z.object({ lang: langQuery }) },
      responses: {
        200: { description: 'The guide.', content: { 'application/json': { schema: RouteGuideSchema } } },
        ...errors(400, 404, 422),
      },
    },
    (c) => {
      const rules = routeOr404(ctx, c.req.param('id') ?? '');
      return c.json(routeGuide(rules, ctx.now().getTime(), c.get('lang')));
    },
  );

  define(
    api,
    {
      method: 'get',
      path: '/api/v1/routes/{id}/rules',
      tags: ['Routes'],
      summary: 'Rule versions in force at a moment, with sources',
      request: {
        params: z.object({ id: routeIdParam }),
        query: z.object({
          at: z
            .string()
            .optional()
            .openapi({
              param: { name: 'at', in: 'query' },
              example: '2024-11-01T00:00:00+08:00',
              description:
                'An ISO 8601 date-time with its offset, or a date YYYY-MM-DD (00:00 Hong Kong time). Default: now.',
            }),
          lang: langQuery,
        }),
      },
      responses: {
        200: {
          description: 'The versions in force.',
          content: { 'application/json': { schema: RulesInForceSchema } },
        },
        ...errors(400, 404, 422),
      },
    },
    (c) => {
      const lang = c.get('lang');
      const rules = routeOr404(ctx, c.req.param('id') ?? '');
      const at = c.req.query('at');
      const atMs = at === undefined ? ctx.now().getTime() : momentField(at, 'at', lang).ms;
      return c.json(rulesInForce(rules, ctx.caseRules.get(rules.route.id), atMs, lang));
    },
  );
}
