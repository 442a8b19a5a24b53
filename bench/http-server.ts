/**
 * The server for `npm run bench:http`: the real application, set up as src/server.ts sets it up
 * (rules loaded and frozen, the store opened, createApp), served by @hono/node-server — plus one
 * raw JSON echo route on the same Hono and the same process, the baseline the API is measured
 * against. Not for production: it exists only so both routes share one process.
 *
 *   PORT, HOST, DATA_DIR (or ROUTEWISE_DATA_DIR), DATABASE_URL, LOG_LEVEL as for src/server.ts.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../src/http/app.ts';
import { createLogger } from '../src/http/log.ts';
import { type CaseRules, shippedCaseRules } from '../src/rules/case-schema.ts';
import { shippedRoute } from '../src/rules/shipped.ts';
import type { RouteRules } from '../src/rules/types.ts';
import { openStore, storeOptionsFromEnv } from '../src/store/index.ts';

export const ECHO_PATH = '/bench/echo';

const env = { ...process.env };
if (env.DATA_DIR && !env.ROUTEWISE_DATA_DIR) env.ROUTEWISE_DATA_DIR = env.DATA_DIR;
const routes = new Map<string, RouteRules>([['hk.qmas', shippedRoute('hk.qmas')]]);
const caseRules = new Map<string, CaseRules>([['hk.qmas', shippedCaseRules('hk.qmas')]]);
const store = await openStore(storeOptionsFromEnv(env));
const logger = createLogger();

const app = createApp({ routes, caseRules, store, now: () => new Date(), defaultLang: 'en', logger });
const root = new Hono();
// The baseline: parse the JSON body and send it back, with nothing in between.
root.post(ECHO_PATH, async (c) => c.json(await c.req.json()));
root.route('/', app);

const server = serve({
  fetch: root.fetch,
  port: Number(process.env.PORT ?? 8080),
  hostname: process.env.HOST ?? '127.0.0.1',
});

const stop = () => {
  server.close(async () => {
    await store.close();
    process.exit(0);
  });
  if ('closeIdleConnections' in server) server.closeIdleConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
