import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { compare } from '../../compare/compare.ts';
import { profileRequestBody, routeAt, submittedMoment } from './assessments.ts';
import type { ApiContext, ApiEnv } from './context.ts';
import { define, errors, langQuery } from './define.ts';
import { adoptBodyLanguage, checkWithProfile, readJson } from './input.ts';
import { ComparisonRequestEnvelope, ComparisonRequestSchema, ComparisonSchema } from './schemas.ts';

const comparisonFields = ['profile', 'routes', 'submittedAt', 'lang'] as const;

/** POST /api/v1/comparisons: one profile against every route at a moment; nothing is stored. */
export function registerComparisons(api: OpenAPIHono<ApiEnv>, ctx: ApiContext): void {
  define(
    api,
    {
      method: 'post',
      path: '/api/v1/comparisons',
      tags: ['Comparisons'],
      summary: 'Compare a profile against every route (nothing is stored)',
      description:
        'Assesses the profile under each route in force at `submittedAt` (default now, Hong Kong time) and returns the routes ranked: those that fit, those that might, then the rest, each with what is missing, the first stay, the fees for the family and the path to permanent residence. Fitting a route is never an approval.',
      request: {
        query: z.object({ lang: langQuery }),
        body: profileRequestBody(ComparisonRequestSchema, (profile) => ({
          profile,
          submittedAt: '2026-03-01T10:00:00+08:00',
          lang: 'en',
        })),
      },
      responses: {
        200: {
          description: 'The comparison.',
          content: { 'application/json': { schema: ComparisonSchema } },
        },
        ...errors(400, 413, 415, 422),
      },
    },
    async (c) => {
      const body = await readJson(c);
      const requestLang = adoptBodyLanguage(c, body);
      const { data, profile } = checkWithProfile(
        ComparisonRequestEnvelope,
        body,
        requestLang,
        comparisonFields,
      );
      const lang = data.lang ?? requestLang;
      const ids = data.routes ?? [...ctx.routes.keys()];
      const routes = ids.map((id, i) => routeAt(ctx, id, lang, `routes.${i}`));
      const moment = submittedMoment(data.submittedAt, lang, ctx.now().toISOString());
      c.header('Cache-Control', 'no-store');
      return c.json(compare(profile, routes, moment, { lang }));
    },
  );
}
