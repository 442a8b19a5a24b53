import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import pino from 'pino';
import { type CaseRules, shippedCaseRules } from '../rules/case-schema.ts';
import type { Lang } from '../rules/schema.ts';
import { StoreError } from '../store/index.ts';
import { type ApiContext, apiRoutes } from './api/index.ts';
import { clientKeyFn } from './client-key.ts';
import type { AppDeps } from './deps.ts';
import { ApiError, type ErrorCode, errorBody } from './errors.ts';
import { fromAcceptLanguage, parseLangParam } from './lang.ts';
import { requestLogger, safeError } from './log.ts';
import { securityHeaders } from './security.ts';
import { webRoutes } from './web/index.ts';

export const DEFAULT_BODY_LIMIT = 256 * 1024;
export const DEFAULT_CASES_PER_HOUR = 20;

function isApi(c: Context): boolean {
  return c.req.path === '/api' || c.req.path.startsWith('/api/');
}

/** The language of an error response, even when the request never reached the API's middleware. */
function errorLang(c: Context, fallback: Lang): Lang {
  const set = c.get('lang' as never) as Lang | undefined;
  if (set) return set;
  const query = c.req.query('lang');
  return (query && parseLangParam(query)) || fromAcceptLanguage(c.req.header('accept-language')) || fallback;
}

function apiErrorResponse(c: Context, error: ApiError, lang: Lang): Response {
  const res = c.json(errorBody(error, lang), error.status as 400);
  for (const [name, value] of Object.entries(error.options.headers ?? {})) res.headers.set(name, value);
  return res;
}

const plainTexts: Record<'not_found' | 'payload_too_large' | 'internal', Record<Lang, string>> = {
  not_found: { en: 'Page not found', 'zh-Hant': '找不到網頁', 'zh-Hans': '找不到网页' },
  payload_too_large: {
    en: 'The form sent too much data',
    'zh-Hant': '表格傳送的資料過多',
    'zh-Hans': '表格发送的数据过多',
  },
  internal: { en: 'Something went wrong on our side', 'zh-Hant': '系統出現問題', 'zh-Hans': '系统出现问题' },
};

/** A minimal page for errors outside the API (the web pages render their own where they can). */
function pageResponse(
  c: Context,
  code: keyof typeof plainTexts,
  status: 404 | 413 | 500,
  lang: Lang,
): Response {
  const title = plainTexts[code][lang];
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Routewise</title></head><body><main><h1>${title}</h1><p><a href="/">Routewise</a></p></main></body></html>`;
  return c.html(html, status);
}

function storeErrorToApi(error: StoreError): ApiError {
  switch (error.code) {
    case 'not_found':
      return new ApiError('not_found');
    case 'invalid_input': {
      const path = error.field ?? '';
      return new ApiError('invalid_field', {
        issues: [{ path, expected: error.message, message: error.message }],
      });
    }
    default:
      return new ApiError(error.code === 'storage_failure' ? 'store_unavailable' : 'internal');
  }
}

/**
 * The whole HTTP application: security headers and a body-size limit on every response, a
 * request log without personal data, the JSON API with its OpenAPI document under /api, and the
 * server-rendered web pages at "/". Errors never carry a stack trace.
 *
 * @example
 * const app = createApp({ routes, store, now: () => new Date(), defaultLang: 'en' });
 * const res = await app.request('/api/v1/routes');
 */
export function createApp(deps: AppDeps): Hono {
  const logger = deps.logger ?? pino({ level: 'silent' });
  const caseRules: ReadonlyMap<string, CaseRules> =
    deps.caseRules ?? new Map([...deps.routes.keys()].map((id) => [id, shippedCaseRules(id)]));
  const bodyBytes = deps.limits?.bodyBytes ?? DEFAULT_BODY_LIMIT;
  const ctx: ApiContext = {
    routes: deps.routes,
    caseRules,
    store: deps.store,
    now: deps.now,
    defaultLang: deps.defaultLang,
    logger,
    casesPerHour: deps.limits?.casesPerHour ?? DEFAULT_CASES_PER_HOUR,
    clientKey: clientKeyFn({
      clientIp: deps.clientIp,
      trustProxy: deps.trustProxy,
      secret: deps.rateLimitSecret,
    }),
  };

  const app = new Hono();
  app.use('*', requestLogger(logger));
  app.use('*', securityHeaders());
  app.use(
    '*',
    bodyLimit({
      maxSize: bodyBytes,
      onError: (c) => {
        const lang = errorLang(c, deps.defaultLang);
        if (!isApi(c)) return pageResponse(c, 'payload_too_large', 413, lang);
        const limit = `${Math.round(bodyBytes / 1024)} KiB`;
        return apiErrorResponse(c, new ApiError('payload_too_large', { params: { limit } }), lang);
      },
    }),
  );

  app.route('/', apiRoutes(ctx));
  app.route('/', webRoutes(deps));

  app.notFound((c) => {
    const lang = errorLang(c, deps.defaultLang);
    return isApi(c)
      ? apiErrorResponse(c, new ApiError('not_found'), lang)
      : pageResponse(c, 'not_found', 404, lang);
  });

  app.onError((error, c) => {
    const lang = errorLang(c, deps.defaultLang);
    let apiError: ApiError | undefined;
    if (error instanceof ApiError) apiError = error;
    else if (error instanceof StoreError) apiError = storeErrorToApi(error);
    else if (error instanceof HTTPException && error.status < 500) {
      const code: ErrorCode =
        error.status === 413 ? 'payload_too_large' : error.status === 404 ? 'not_found' : 'invalid_field';
      apiError = new ApiError(
        code,
        code === 'payload_too_large' ? { params: { limit: `${Math.round(bodyBytes / 1024)} KiB` } } : {},
      );
    }
    if (!apiError || apiError.status >= 500) {
      logger.error(
        {
          error: safeError(error instanceof StoreError && error.cause ? error.cause : error),
          code: apiError?.code ?? 'internal',
        },
        'request failed',
      );
    }
    apiError ??= new ApiError('internal');
    if (isApi(c)) return apiErrorResponse(c, apiError, lang);
    const page =
      apiError.status === 404 ? 'not_found' : apiError.status === 413 ? 'payload_too_large' : 'internal';
    return pageResponse(c, page, apiError.status === 404 ? 404 : apiError.status === 413 ? 413 : 500, lang);
  });

  return app;
}
