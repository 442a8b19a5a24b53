import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Lang } from '../../rules/schema.ts';
import type { RouteRules } from '../../rules/types.ts';
import { ApiError, errorMessage } from '../errors.ts';
import { assessFor } from './assess.ts';
import { type ApiContext, type ApiEnv, DEFAULT_ROUTE } from './context.ts';
import { define, errors, langQuery } from './define.ts';
import { adoptBodyLanguage, checkWithProfile, issue, momentField, readJson } from './input.ts';
import { AssessmentRequestEnvelope, AssessmentRequestSchema, AssessmentSchema } from './schemas.ts';

/** The example profile shipped in examples/, used in the OpenAPI document's request examples. */
export function exampleProfile(): Record<string, unknown> | undefined {
  try {
    const file = fileURLToPath(new URL('../../../examples/qmas-2024-12-criteria.json', import.meta.url));
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete profile.$schema;
    return profile;
  } catch {
    return undefined;
  }
}

/**
 * The JSON body of a request that carries a profile, documented with the shipped example profile
 * placed in `example` (the body without it when the example cannot be read).
 */
export function profileRequestBody<S>(
  schema: S,
  example: (profile: Record<string, unknown>) => Record<string, unknown>,
) {
  const profile = exampleProfile();
  return {
    required: true,
    content: { 'application/json': { schema, ...(profile ? { example: example(profile) } : {}) } },
  };
}

export const assessmentFields = ['profile', 'route', 'submittedAt', 'tests', 'lang'] as const;

/** The rules of a route id a request gives at `field`, or `invalid_field` there naming the routes held. */
export function routeAt(ctx: ApiContext, id: string, lang: Lang, field: string): RouteRules {
  const rules = ctx.routes.get(id);
  if (rules) return rules;
  const expected = errorMessage(lang, 'expect.oneOf', { values: [...ctx.routes.keys()].join(', ') });
  throw new ApiError('invalid_field', { issues: [issue(lang, field, id, expected)] });
}

/** The route a request names (default hk.qmas), or `invalid_field` at "route". */
export function requestedRoute(ctx: ApiContext, id: string | undefined, lang: Lang): RouteRules {
  return routeAt(ctx, id ?? DEFAULT_ROUTE, lang, 'route');
}

/** The moment a request gives in `submittedAt`, checked, or `otherwise` when it gives none. */
export function submittedMoment(submittedAt: string | undefined, lang: Lang, otherwise: string): string {
  return submittedAt ? momentField(submittedAt, 'submittedAt', lang).moment : otherwise;
}

/** POST /api/v1/assessments: a profile assessed at a moment; nothing is stored. */
export function registerAssessments(api: OpenAPIHono<ApiEnv>, ctx: ApiContext): void {
  define(
    api,
    {
      method: 'post',
      path: '/api/v1/assessments',
      tags: ['Assessments'],
      summary: 'Assess a profile against a route (nothing is stored)',
      description:
        'Runs the rules in force at `submittedAt` (default now, Hong Kong time) on the profile and returns the explained Assessment. A result that meets a threshold is never an approval.',
      request: {
        query: z.object({ lang: langQuery }),
        body: profileRequestBody(AssessmentRequestSchema, (profile) => ({
          profile,
          submittedAt: '2025-03-01T10:00:00+08:00',
          lang: 'en',
        })),
      },
      responses: {
        200: {
          description: 'The assessment.',
          content: { 'application/json': { schema: AssessmentSchema } },
        },
        ...errors(400, 413, 415, 422),
      },
    },
    async (c) => {
      const body = await readJson(c);
      const requestLang = adoptBodyLanguage(c, body);
      const { data, profile } = checkWithProfile(
        AssessmentRequestEnvelope,
        body,
        requestLang,
        assessmentFields,
      );
      const lang = data.lang ?? requestLang;
      const rules = requestedRoute(ctx, data.route, lang);
      const moment = submittedMoment(data.submittedAt, lang, ctx.now().toISOString());
      c.header('Cache-Control', 'no-store');
      return c.json(assessFor(profile, rules, moment, lang, data.tests));
    },
  );
}
