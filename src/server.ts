/**
 * Starts Routewise's web app and API.
 *
 *   PORT          port to listen on (default 8080)
 *   HOST          address to bind (default 0.0.0.0)
 *   DATABASE_URL  postgres://… to use PostgreSQL; otherwise embedded PGlite in DATA_DIR
 *   DATA_DIR      the PGlite data folder (default ./data)
 *   LOG_LEVEL     pino level (default info)
 *   TRUST_PROXY   1 behind one reverse proxy (client address from X-Forwarded-For)
 *   RATE_LIMIT_SECRET  key for hashing client addresses (set the same on every replica)
 *   ROUTEWISE_RULES_DIR  a rules folder to use instead of the shipped one (rules/)
 *
 * Rules are loaded and validated before anything listens: a broken rule file stops start-up with
 * its file:line. SIGTERM and SIGINT stop accepting connections, finish what is in flight and close
 * the store.
 */

import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './http/app.ts';
import { createLogger, safeError } from './http/log.ts';
import { type CaseRules, loadCaseRules } from './rules/case-schema.ts';
import { loadRoute, RULES_DIR, RuleFileError } from './rules/loader.ts';
import { listLookup, SHIPPED_ROUTE_IDS } from './rules/shipped.ts';
import type { RouteRules } from './rules/types.ts';
import { openStore, type Store, storeOptionsFromEnv } from './store/index.ts';

const logger = createLogger();

function loadRules(dir: string): { routes: Map<string, RouteRules>; caseRules: Map<string, CaseRules> } {
  const routes = new Map<string, RouteRules>();
  const caseRules = new Map<string, CaseRules>();
  const problems: RuleFileError[] = [];
  for (const id of SHIPPED_ROUTE_IDS) {
    const routeDir = join(dir, ...id.split('.'));
    // Both loaders run, so one start-up reports every broken file, not just the first.
    try {
      routes.set(id, { ...loadRoute(routeDir), lists: listLookup() });
    } catch (error) {
      if (!(error instanceof RuleFileError)) throw error;
      problems.push(error);
    }
    try {
      caseRules.set(id, loadCaseRules(routeDir, id));
    } catch (error) {
      if (!(error instanceof RuleFileError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length > 0) throw new RuleFileError(problems.flatMap((p) => p.problems));
  return { routes, caseRules };
}

async function main(): Promise<void> {
  let rules: ReturnType<typeof loadRules>;
  try {
    rules = loadRules(process.env.ROUTEWISE_RULES_DIR?.trim() || RULES_DIR);
  } catch (error) {
    if (error instanceof RuleFileError) {
      // file:line of every problem, on stderr, then a non-zero exit: never serve broken rules.
      process.stderr.write(`Routewise cannot start: the rule files have problems:\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const env = { ...process.env };
  if (env.DATA_DIR && !env.ROUTEWISE_DATA_DIR) env.ROUTEWISE_DATA_DIR = env.DATA_DIR;
  const storeOptions = storeOptionsFromEnv(env);
  const store: Store = await openStore(storeOptions);

  const app = createApp({
    ...rules,
    store,
    now: () => new Date(),
    defaultLang: 'en',
    logger,
    trustProxy: process.env.TRUST_PROXY === '1' || process.env.TRUST_PROXY === 'true',
    ...(process.env.RATE_LIMIT_SECRET ? { rateLimitSecret: process.env.RATE_LIMIT_SECRET } : {}),
  });

  const port = Number(process.env.PORT ?? 8080);
  const hostname = process.env.HOST ?? '0.0.0.0';
  const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
    logger.info(
      {
        port: info.port,
        store: storeOptions.databaseUrl ? 'postgres' : 'pglite',
        routes: [...rules.routes.keys()],
      },
      'listening',
    );
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    const force = setTimeout(() => {
      logger.warn('connections did not close in time; closing the store anyway');
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, 10_000);
    force.unref();
    server.close(async () => {
      try {
        await store.close();
        logger.info('stopped');
        process.exit(0);
      } catch (error) {
        logger.error({ error: safeError(error) }, 'closing the store failed');
        process.exit(1);
      }
    });
    // Idle keep-alive connections would otherwise hold close() open.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  // Start-up errors carry no personal data: their message (port in use, bad DATABASE_URL) is shown.
  logger.fatal(
    { error: { ...safeError(error), message: error instanceof Error ? error.message : String(error) } },
    'start-up failed',
  );
  process.exit(1);
});
