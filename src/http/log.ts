import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import pino, { type Logger } from 'pino';

/**
 * Request logging that cannot leak: each line has the method, the route *pattern*
 * (`/api/v1/cases/:token`, never the path itself), the status and the duration. Bodies, query
 * strings, headers, tokens and personal data are never handed to the logger.
 */

/** A pino logger for the server: JSON lines on stdout, level from LOG_LEVEL (default info). */
export function createLogger(
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'routewise' },
    // Belt and braces: should anything ever pass these keys, they are removed.
    redact: {
      paths: ['req', 'res', 'body', 'query', 'headers', 'token', 'profile', 'url', 'path'],
      remove: true,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** The matched route's pattern, or null when no route matched (a 404). */
export function routePattern(c: Parameters<MiddlewareHandler>[0]): string | null {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) {
    const r = routes[i];
    if (!r) continue;
    // Middleware registered for every path is not the route that answered.
    if (r.method === 'ALL' && (r.path === '/*' || r.path === '*' || r.path.endsWith('/*'))) continue;
    return r.path;
  }
  return null;
}

export function requestLogger(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    try {
      await next();
    } finally {
      const durationMs = Math.round((performance.now() - start) * 10) / 10;
      logger.info(
        { method: c.req.method, route: routePattern(c), status: c.res.status, durationMs },
        'request',
      );
    }
  };
}

/**
 * What may be logged about an unexpected error: its name, its code and the stack's frames —
 * not its message, which may quote input (a profile, a token) the error was raised about.
 */
export function safeError(error: unknown): { name: string; code?: string; frames?: string } {
  if (!(error instanceof Error)) return { name: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = error.stack
    ?.split('\n')
    .filter((l) => l.trimStart().startsWith('at '))
    .slice(0, 12)
    .join('\n');
  return { name: error.name, ...(typeof code === 'string' ? { code } : {}), ...(frames ? { frames } : {}) };
}
