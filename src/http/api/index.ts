import { OpenAPIHono } from '@hono/zod-openapi';
import { ApiError, errorMessage } from '../errors.ts';
import { fromAcceptLanguage, parseLangParam } from '../lang.ts';
import { registerAssessments } from './assessments.ts';
import { registerCases } from './cases.ts';
import { registerComparisons } from './comparisons.ts';
import type { ApiContext, ApiEnv } from './context.ts';
import { registerDocs } from './docs.ts';
import { issue } from './input.ts';
import { registerPlans } from './plans.ts';
import { registerRoutes } from './routes.ts';

export type { ApiContext, ApiEnv } from './context.ts';

const description = `Routewise turns Hong Kong's talent-immigration routes into rules as code. This API assesses a
profile against the rules in force at a submission moment, explains every criterion with its
official source and confidence, and keeps saved cases with an evidence checklist and an
application tracker.

**Routewise is independent software. It is not an official government service and not legal
advice.** Meeting a threshold is not approval.

- Languages: \`?lang=en|zh-Hant|zh-Hans\`, or Accept-Language.
- Errors: \`{ "error": { "code", "message", "issues"? } }\` with a stable \`code\`.
- Saved cases are reached by a secret token in the path, returned once on creation. Treat it
  like a password; responses about a case are sent with \`Cache-Control: no-store\`.`;

/**
 * The JSON API under /api/v1, its OpenAPI 3.1 document at /api/openapi.json and the interactive
 * reference at /api/docs.
 *
 * @example
 * const api = apiRoutes(ctx);
 * const res = await api.request('/api/v1/routes');
 */
export function apiRoutes(ctx: ApiContext): OpenAPIHono<ApiEnv> {
  const api = new OpenAPIHono<ApiEnv>();

  // The response language: ?lang= (which must be valid), then Accept-Language, then the default.
  api.use('/api/*', async (c, next) => {
    const header = fromAcceptLanguage(c.req.header('accept-language'));
    c.set('lang', header ?? ctx.defaultLang);
    c.set('langSource', header ? 'header' : 'default');
    const query = c.req.query('lang');
    if (query !== undefined) {
      const lang = parseLangParam(query);
      if (!lang) {
        const l = c.get('lang');
        throw new ApiError('invalid_field', {
          issues: [issue(l, 'lang', query, errorMessage(l, 'expect.lang'))],
        });
      }
      c.set('lang', lang);
      c.set('langSource', 'query');
    }
    await next();
  });

  registerRoutes(api, ctx);
  registerAssessments(api, ctx);
  registerComparisons(api, ctx);
  registerPlans(api, ctx);
  registerCases(api, ctx);

  let document: unknown;
  api.get('/api/openapi.json', (c) => {
    document ??= openApiDocument(api);
    c.header('Cache-Control', 'no-cache');
    return c.json(document);
  });
  registerDocs(api);
  return api;
}

/** The OpenAPI 3.1 document of the API (generated from the zod schemas of every route). */
export function openApiDocument(api: OpenAPIHono<ApiEnv>) {
  return api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Routewise API',
      version: '1.0.0',
      description,
      license: { name: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'Routes', description: 'Guide content and rule versions, read from the rule data.' },
      { name: 'Assessments', description: 'Assess a profile; nothing is stored.' },
      { name: 'Cases', description: 'Saved cases, reached by their secret token.' },
    ],
  });
}
