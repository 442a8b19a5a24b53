import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type EvidenceChecklist, evidenceFor, trackerFor } from '../../case/index.ts';
import type { Assessment } from '../../engine/result.ts';
import { Profile } from '../../profile/schema.ts';
import type { Lang } from '../../rules/schema.ts';
import type { CaseRecord, EvidenceItemInput, ProfileData } from '../../store/index.ts';
import { ApiError, errorMessage } from '../errors.ts';
import { assessFor } from './assess.ts';
import { profileRequestBody, requestedRoute, submittedMoment } from './assessments.ts';
import { type ApiContext, type ApiEnv, caseRulesOf } from './context.ts';
import { define, errors, langQuery } from './define.ts';
import { adoptBodyLanguage, check, checkWithProfile, issue, readJson } from './input.ts';
import {
  CaseCreatedSchema,
  CaseRequestEnvelope,
  CaseRequestSchema,
  CaseResponseSchema,
  type CaseSchema,
  EvidenceItemResponseSchema,
  type EvidenceItemSchema,
  EvidenceUpdateSchema,
  ProfileUpdateEnvelope,
  ProfileUpdateSchema,
  StageUpdateSchema,
  TrackerResponseSchema,
} from './schemas.ts';

type CaseJson = z.infer<typeof CaseSchema>;
type EvidenceItemJson = z.infer<typeof EvidenceItemSchema>;

const CASE_WINDOW_SECONDS = 3600;

const tokenParam = z.string().openapi({
  param: { name: 'token', in: 'path' },
  description:
    "The case's secret token, returned once by POST /api/v1/cases. Treat it like a password: anyone who has it can read, change and delete the case. It is never logged and only its hash is stored.",
  example: 'hV3kq2c9Yd1mB8nR0tLw5sXe7uJ4aP6zQyFgKiOoHbN',
});

/** The stored profile as the schema's type (it was validated before it was stored). */
function storedProfile(record: CaseRecord): Profile {
  const parsed = Profile.safeParse(record.profile);
  if (!parsed.success) throw new Error('A stored profile no longer matches the profile schema');
  return parsed.data;
}

function latest(record: CaseRecord) {
  const stored = record.latestAssessments[0];
  if (!stored) throw new Error('A case has no assessment');
  return stored;
}

function evidenceInputs(list: EvidenceChecklist): EvidenceItemInput[] {
  return list.items.map((i) => ({ id: i.id, labelKey: `evidence.${i.rule}` }));
}

interface View {
  case: CaseJson;
  assessment: Assessment;
  evidence: EvidenceChecklist;
}

/**
 * A saved case as the API shows it, in one language: the stored assessment (re-worded by the
 * engine when another language is asked for: same rules, same moment, same facts), and the
 * evidence checklist and tracker derived from the route's case rules, merged with what the
 * person recorded.
 */
function caseView(ctx: ApiContext, record: CaseRecord, lang: Lang): View {
  const stored = latest(record);
  const profile = storedProfile(record);
  const rules = ctx.routes.get(stored.routeId);
  if (!rules) throw new Error(`A case refers to route ${stored.routeId}, which is not loaded`);
  let assessment = stored.assessment;
  if (assessment.lang !== lang) {
    try {
      assessment = assessFor(profile, rules, assessment.submittedAt, lang);
    } catch {
      assessment = stored.assessment; // rules gone for that moment: show the record as it was made
    }
  }
  const caseRules = caseRulesOf(ctx, stored.routeId);
  const evidence = evidenceFor(profile, assessment, caseRules, lang);
  const states = new Map(record.evidence.map((e) => [e.id, e]));
  const items: EvidenceItemJson[] = evidence.items.map(({ note: ruleNote, ...item }) => {
    const s = states.get(item.id);
    return {
      ...item,
      ruleNote,
      state: s?.state ?? 'to_do',
      note: s?.note ?? '',
      updatedAt: s?.updatedAt ?? null,
    };
  });
  const tracker = trackerFor(profile, assessment, caseRules, record.tracker, lang);
  return {
    case: {
      route: { id: rules.route.id, name: rules.route.name[lang] },
      language: record.language,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      profileVersion: record.profileVersion,
      profile,
      submittedAt: assessment.submittedAt,
      evidence: { version: evidence.version, items },
      tracker,
    },
    assessment,
    evidence,
  };
}

/** ?lang= or Accept-Language when the request states one, else the case's own language. */
function caseLang(c: Context<ApiEnv>, record: CaseRecord): Lang {
  return c.get('langSource') === 'default' ? record.language : c.get('lang');
}

function token(c: Context<ApiEnv>): string {
  return c.req.param('token') ?? '';
}

function noStore(c: Context<ApiEnv>): void {
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex, nofollow');
}

function requireChange(body: Record<string, unknown>, fields: readonly string[], lang: Lang): void {
  if (fields.some((f) => body[f] !== undefined)) return;
  const expected = errorMessage(lang, 'expect.changes', { fields: fields.join(', ') });
  throw new ApiError('invalid_field', { issues: [issue(lang, '', body, expected)] });
}

/** The case endpoints: create, read, update the profile, evidence and tracker, delete, PDF. */
export function registerCases(api: OpenAPIHono<ApiEnv>, ctx: ApiContext): void {
  const params = z.object({ token: tokenParam });

  define(
    api,
    {
      method: 'post',
      path: '/api/v1/cases',
      tags: ['Cases'],
      summary: 'Save a case: profile, assessment, evidence checklist and tracker',
      description: `Assesses the profile, saves it as a case and returns the case's secret **token** — once. The token is the only key to the case: keep it private. At most 20 cases per hour per client (429 with Retry-After beyond).`,
      request: {
        body: profileRequestBody(CaseRequestSchema, (profile) => ({
          profile,
          lang: 'en',
          submittedAt: '2025-03-01T10:00:00+08:00',
        })),
      },
      responses: {
        201: {
          description: 'The case was saved.',
          content: { 'application/json': { schema: CaseCreatedSchema } },
        },
        ...errors(400, 413, 415, 422, 429, 503),
      },
    },
    async (c) => {
      noStore(c);
      const hit = await ctx.store.hitRateLimit(
        `cases.create:${ctx.clientKey(c)}`,
        CASE_WINDOW_SECONDS,
        ctx.casesPerHour,
      );
      if (!hit.allowed) {
        const seconds = String(hit.retryAfterSeconds);
        throw new ApiError('rate_limited', { params: { seconds }, headers: { 'Retry-After': seconds } });
      }
      const body = await readJson(c);
      const { data, profile } = checkWithProfile(CaseRequestEnvelope, body, adoptBodyLanguage(c, body), [
        'profile',
        'lang',
        'route',
        'submittedAt',
      ]);
      const lang = data.lang;
      const rules = requestedRoute(ctx, data.route, lang);
      const moment = submittedMoment(data.submittedAt, lang, ctx.now().toISOString());
      const assessment = assessFor(profile, rules, moment, lang);
      const evidence = evidenceFor(profile, assessment, caseRulesOf(ctx, rules.route.id), lang);
      const created = await ctx.store.createCase({
        profile: profile as unknown as ProfileData,
        language: lang,
        assessment,
        evidence: evidenceInputs(evidence),
      });
      const view = caseView(ctx, await ctx.store.getCase(created.token), lang);
      const self = `/api/v1/cases/${created.token}`;
      return c.json(
        {
          token: created.token,
          links: { self, report: `${self}/report.pdf` },
          case: view.case,
          assessment: view.assessment,
        },
        201,
      );
    },
  );

  define(
    api,
    {
      method: 'get',
      path: '/api/v1/cases/{token}',
      tags: ['Cases'],
      summary: 'Read a saved case',
      description: "The language is ?lang=, then Accept-Language, then the case's own.",
      request: { params, query: z.object({ lang: langQuery }) },
      responses: {
        200: { description: 'The case.', content: { 'application/json': { schema: CaseResponseSchema } } },
        ...errors(400, 404, 503),
      },
    },
    async (c) => {
      noStore(c);
      const record = await ctx.store.getCase(token(c));
      const view = caseView(ctx, record, caseLang(c, record));
      return c.json({ case: view.case, assessment: view.assessment });
    },
  );

  define(
    api,
    {
      method: 'put',
      path: '/api/v1/cases/{token}/profile',
      tags: ['Cases'],
      summary: 'Replace the profile; the case is re-assessed',
      description:
        'Saves a new version of the profile (earlier versions are kept), re-assesses it at `submittedAt` (default: the moment of the current assessment) and updates the evidence checklist; states and notes of items that remain are kept.',
      request: {
        params,
        query: z.object({ lang: langQuery }),
        body: profileRequestBody(ProfileUpdateSchema, (profile) => ({ profile })),
      },
      responses: {
        200: {
          description: 'The updated case.',
          content: { 'application/json': { schema: CaseResponseSchema } },
        },
        ...errors(400, 404, 413, 415, 422, 503),
      },
    },
    async (c) => {
      noStore(c);
      const body = await readJson(c);
      const { data, profile } = checkWithProfile(ProfileUpdateEnvelope, body, c.get('lang'), [
        'profile',
        'submittedAt',
      ]);
      const record = await ctx.store.getCase(token(c));
      const previous = latest(record);
      const rules = ctx.routes.get(previous.routeId);
      if (!rules) throw new Error(`A case refers to route ${previous.routeId}, which is not loaded`);
      const moment = submittedMoment(data.submittedAt, c.get('lang'), previous.assessment.submittedAt);
      const assessment = assessFor(profile, rules, moment, record.language);
      const evidence = evidenceFor(profile, assessment, caseRulesOf(ctx, rules.route.id), record.language);
      await ctx.store.updateProfile(token(c), profile as unknown as ProfileData, assessment);
      await ctx.store.setEvidenceItems(token(c), evidenceInputs(evidence));
      const updated = await ctx.store.getCase(token(c));
      const view = caseView(ctx, updated, caseLang(c, updated));
      return c.json({ case: view.case, assessment: view.assessment });
    },
  );

  define(
    api,
    {
      method: 'patch',
      path: '/api/v1/cases/{token}/evidence/{itemId}',
      tags: ['Cases'],
      summary: 'Update one evidence checklist item (state and/or note)',
      request: {
        params: params.extend({
          itemId: z
            .string()
            .openapi({ param: { name: 'itemId', in: 'path' }, example: 'degree-certificate-1' }),
        }),
        query: z.object({ lang: langQuery }),
        body: {
          required: true,
          content: {
            'application/json': {
              schema: EvidenceUpdateSchema,
              example: { state: 'done', note: 'Certified copy ordered' },
            },
          },
        },
      },
      responses: {
        200: {
          description: 'The item.',
          content: { 'application/json': { schema: EvidenceItemResponseSchema } },
        },
        ...errors(400, 404, 413, 415, 503),
      },
    },
    async (c) => {
      noStore(c);
      const lang = c.get('lang');
      const body = check(EvidenceUpdateSchema, await readJson(c), lang, ['state', 'note']);
      requireChange(body, ['state', 'note'], lang);
      const itemId = c.req.param('itemId') ?? '';
      const record = await ctx.store.getCase(token(c));
      const view = caseView(ctx, record, caseLang(c, record));
      if (!view.case.evidence.items.some((i) => i.id === itemId)) throw new ApiError('not_found');
      // The checklist follows the rules: an item they add since the case was saved is stored now.
      if (!record.evidence.some((e) => e.id === itemId)) {
        await ctx.store.setEvidenceItems(token(c), evidenceInputs(view.evidence));
      }
      await ctx.store.updateEvidence(token(c), itemId, {
        ...(body.state !== undefined ? { state: body.state } : {}),
        ...(body.note !== undefined ? { note: body.note } : {}),
      });
      const after = caseView(ctx, await ctx.store.getCase(token(c)), caseLang(c, record));
      return c.json({ item: after.case.evidence.items.find((i) => i.id === itemId) });
    },
  );

  define(
    api,
    {
      method: 'patch',
      path: '/api/v1/cases/{token}/tracker/{stageId}',
      tags: ['Cases'],
      summary: 'Set the date and/or note of a tracker stage',
      description:
        "Setting the date of `entered` computes each extension's limit of stay and four-week window, and the date from which permanent residence may be sought.",
      request: {
        params: params.extend({
          stageId: z.string().openapi({ param: { name: 'stageId', in: 'path' }, example: 'entered' }),
        }),
        query: z.object({ lang: langQuery }),
        body: {
          required: true,
          content: {
            'application/json': {
              schema: StageUpdateSchema,
              example: { date: '2025-03-01', note: 'Arrived at HKIA' },
            },
          },
        },
      },
      responses: {
        200: {
          description: 'The stage and the whole tracker.',
          content: { 'application/json': { schema: TrackerResponseSchema } },
        },
        ...errors(400, 404, 413, 415, 503),
      },
    },
    async (c) => {
      noStore(c);
      const lang = c.get('lang');
      const body = check(StageUpdateSchema, await readJson(c), lang, ['date', 'note']);
      requireChange(body, ['date', 'note'], lang);
      const stageId = c.req.param('stageId') ?? '';
      const record = await ctx.store.getCase(token(c));
      const view = caseView(ctx, record, caseLang(c, record));
      if (!view.case.tracker.stages.some((s) => s.id === stageId)) throw new ApiError('not_found');
      await ctx.store.updateTrackerStage(token(c), stageId, {
        ...(body.date !== undefined ? { date: body.date } : {}),
        ...(body.note !== undefined ? { note: body.note } : {}),
      });
      const after = caseView(ctx, await ctx.store.getCase(token(c)), caseLang(c, record));
      const tracker = after.case.tracker;
      return c.json({ stage: tracker.stages.find((s) => s.id === stageId), tracker });
    },
  );

  define(
    api,
    {
      method: 'delete',
      path: '/api/v1/cases/{token}',
      tags: ['Cases'],
      summary: 'Delete a case for good',
      description:
        'Deletes the case and everything stored with it (profile versions, assessments, checklist, tracker, audit trail). The token stops working.',
      request: { params },
      responses: { 204: { description: 'Deleted.' }, ...errors(404, 503) },
    },
    async (c) => {
      noStore(c);
      await ctx.store.deleteCase(token(c));
      return c.body(null, 204);
    },
  );

  define(
    api,
    {
      method: 'get',
      path: '/api/v1/cases/{token}/report.pdf',
      tags: ['Cases'],
      summary: "The case's assessment as a PDF report",
      request: { params, query: z.object({ lang: langQuery }) },
      responses: {
        200: {
          description: 'The PDF.',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errors(400, 404, 503),
      },
    },
    async (c) => {
      noStore(c);
      const record = await ctx.store.getCase(token(c));
      const lang = caseLang(c, record);
      const view = caseView(ctx, record, lang);
      let render: typeof import('../../report/pdf.ts').renderAssessmentPdf;
      try {
        ({ renderAssessmentPdf: render } = await import('../../report/pdf.ts'));
      } catch (error) {
        ctx.logger.warn({ err: { name: (error as Error).name } }, 'PDF report module unavailable');
        throw new ApiError('report_unavailable');
      }
      const pdf = await render(view.assessment, { lang, generatedAt: ctx.now().toISOString() });
      return c.body(new Uint8Array(pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': 'attachment; filename="routewise-assessment.pdf"',
      });
    },
  );
}
