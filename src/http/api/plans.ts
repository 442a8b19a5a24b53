import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { PlanHorizonError, parseHorizon, plan } from '../../plan/plan.ts';
import { shippedResidence } from '../../rules/residence.ts';
import { ApiError, errorMessage } from '../errors.ts';
import { profileRequestBody, routeAt, submittedMoment } from './assessments.ts';
import type { ApiContext, ApiEnv } from './context.ts';
import { define, errors, langQuery } from './define.ts';
import { adoptBodyLanguage, checkWithProfile, issue, readJson } from './input.ts';
import { PlanRequestEnvelope, PlanRequestSchema, PlanSchema } from './schemas.ts';

const planFields = ['profile', 'from', 'horizon', 'routes', 'lang'] as const;

/** POST /api/v1/plans: when each route could be applied for, what it would take, the road on; nothing is stored. */
export function registerPlans(api: OpenAPIHono<ApiEnv>, ctx: ApiContext): void {
  define(
    api,
    {
      method: 'post',
      path: '/api/v1/plans',
      tags: ['Plans'],
      summary: 'Plan ahead for a profile across routes (nothing is stored)',
      description:
        'Walks each route from `from` (default now, Hong Kong time) to the horizon (default 5 years, at most 10) and returns the windows in which its result holds, with what changes at each edge, the best window, the smallest changes that would make it fit, and the road from a submission to permanent residence. Meeting a route is never an approval.',
      request: {
        query: z.object({ lang: langQuery }),
        body: profileRequestBody(PlanRequestSchema, (profile) => ({
          profile,
          from: '2026-12-08T10:00:00+08:00',
          horizon: '5y',
          lang: 'en',
        })),
      },
      responses: {
        200: { description: 'The plan.', content: { 'application/json': { schema: PlanSchema } } },
        ...errors(400, 413, 415, 422),
      },
    },
    async (c) => {
      const body = await readJson(c);
      const requestLang = adoptBodyLanguage(c, body);
      const { data, profile } = checkWithProfile(PlanRequestEnvelope, body, requestLang, planFields);
      const lang = data.lang ?? requestLang;
      const horizon = data.horizon ?? '5y';
      try {
        parseHorizon(horizon);
      } catch (error) {
        if (!(error instanceof PlanHorizonError)) throw error;
        throw new ApiError('invalid_field', {
          issues: [issue(lang, 'horizon', horizon, errorMessage(lang, 'expect.horizon'))],
        });
      }
      const ids = data.routes ?? [...ctx.routes.keys()];
      const routes = ids.map((id, i) => routeAt(ctx, id, lang, `routes.${i}`));
      const from = submittedMoment(data.from, lang, ctx.now().toISOString());
      c.header('Cache-Control', 'no-store');
      return c.json(plan(profile, routes, from, { lang, horizon, residence: shippedResidence() }));
    },
  );
}
