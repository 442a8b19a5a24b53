import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Lang } from '../../rules/schema.ts';
import { ApiError, errorMessage } from '../errors.ts';
import { assessFor } from './assess.ts';
import { type ApiContext, type ApiEnv, DEFAULT_ROUTE } from './context.ts';
import { define, errors, langQuery } from './define.ts';
import { checkWithProfile, issue, momentField, readJson } from './input.ts';
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

export const assessmentFields = ['profile', 'route', 'submittedAt', 'tests', 'lang'] as const;

/** The route a request names (default hk.qmas), or `invalid_field` at "route". */
export function requestedRoute(ctx: ApiContext, id: string | undefined, lang: Lang) {
  const routeId = id ?? DEFAULT_ROUTE;
  const rules = ctx.routes.get(routeId);
  if (!rules) {
    const expected = errorMessage(lang, 'expect.oneOf', { values: [...ctx.routes.keys()].join(', ') });
    throw new ApiError('invalid_field', { issues: [issue(lang, 'route', routeId, expected)] });
  }
  return rules;
}

/** POST /api/v1/assessments: a profile assessed at a moment; nothing is stored. */
export function registerAssessments(api: OpenAPIHono<ApiEnv>, ctx: ApiContext): void {
  const example = exampleProfile();
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
        body: {
          required: true,
          content: {
            'application/json': {
              schema: AssessmentRequestSchema,
              ...(example
                ? { example: { profile: example, submittedAt: '2025-03-01T10:00:00+08:00', lang: 'en' } }
                : {}),
            },
          },
        },
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
      const requestLang = c.get('lang');
      const body = await readJson(c);
      const { data, profile } = checkWithProfile(
        AssessmentRequestEnvelope,
        body,
        requestLang,
        assessmentFields,
      );
      const lang = data.lang ?? requestLang;
      const rules = requestedRoute(ctx, data.route, lang);
      const moment = data.submittedAt
        ? momentField(data.submittedAt, 'submittedAt', lang).moment
        : ctx.now().toISOString();
      c.header('Cache-Control', 'no-store');
      return c.json(assessFor(profile, rules, moment, lang, data.tests));
    },
  );
}
