/** @jsxImportSource hono/jsx */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { flows } from '../../flows/index.ts';
import type { AppDeps } from '../deps.ts';
import { registerCases } from './cases.tsx';
import { registerCompare } from './compare.tsx';
import { pageContext, type WebEnv } from './context.ts';
import { GuidePage } from './guide.tsx';
import { HomePage } from './home.tsx';
import { Layout, render } from './layout.tsx';
import { defaultCaseRules, resultRoutes } from './result.tsx';
import { RoutesPage } from './routes-index.tsx';
import { verifyCsrf, webSecrets } from './security.ts';
import { formOf, registerWizard } from './wizard.tsx';

export { webSecrets } from './security.ts';

const ASSETS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'assets');

const assetTypes: Record<string, string> = {
  'routewise.css': 'text/css; charset=utf-8',
  'enhance.js': 'text/javascript; charset=utf-8',
};

export interface WebOptions {
  /** The server secret (default: env ROUTEWISE_SECRET, else a random one per process). */
  secret?: string;
}

/**
 * The server-rendered pages: home, the routes and each route's guide, the comparison of every
 * route, the self-assessment wizard and result, saved cases.
 * Every task works with JavaScript off (plain forms, POST then redirect); every POST form carries
 * a CSRF token; the answers in progress live in a sealed cookie, never in a URL.
 *
 * @example
 * const app = new Hono();
 * app.route('/', webRoutes(deps));
 * await app.request('/routes/hk.qmas?lang=zh-Hant'); // the QMAS guide in Traditional Chinese
 */
export function webRoutes(deps: AppDeps, options: WebOptions = {}): Hono {
  const secrets = webSecrets(options.secret);
  if (secrets.source === 'random') {
    // Fine for one process; behind several replicas every one needs the same ROUTEWISE_SECRET.
    deps.logger?.warn('ROUTEWISE_SECRET is not set: drafts and forms last only as long as this process');
  }
  const env: WebEnv = {
    deps,
    secrets,
    caseRules: (routeId) => deps.caseRules?.get(routeId) ?? defaultCaseRules(routeId),
  };
  const app = new Hono();
  // A route has its own self-assessment when it has a question graph and its rules are loaded.
  const hasAssessment = (routeId: string) => flows.has(routeId) && deps.routes.has(routeId);
  const assets = new Map(Object.keys(assetTypes).map((name) => [name, readFileSync(join(ASSETS_DIR, name))]));

  app.get('/assets/:file', (c) => {
    const name = c.req.param('file');
    const body = assets.get(name);
    const type = assetTypes[name];
    if (!body || !type) return c.notFound();
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': type,
      'Cache-Control': 'public, max-age=3600',
    });
  });

  // Private pages are never cached or indexed; every POST must prove it came from our own form.
  for (const path of ['/assess/*', '/cases/*', '/compare', '/compare/*']) {
    app.use(path, async (c, next) => {
      if (c.req.method === 'POST') {
        const form = await formOf(c);
        if (!(await verifyCsrf(c, secrets, form))) {
          const ctx = await pageContext(c, env);
          const { t } = ctx;
          return render(
            c,
            <Layout t={t} title={t('error.csrf.title')} url={ctx.url}>
              <h1>{t('error.csrf.title')}</h1>
              <p>{t('error.csrf.body')}</p>
            </Layout>,
            403,
          );
        }
      }
      await next();
      c.header('Cache-Control', 'no-store');
    });
  }

  app.get('/', async (c) => {
    const ctx = await pageContext(c, env);
    return render(
      c,
      <HomePage t={ctx.t} url={ctx.url} routes={[...deps.routes.values()]} hasAssessment={hasAssessment} />,
    );
  });

  app.get('/routes', async (c) => {
    const ctx = await pageContext(c, env);
    return render(
      c,
      <RoutesPage
        t={ctx.t}
        url={ctx.url}
        routes={[...deps.routes.values()]}
        now={deps.now()}
        hasAssessment={hasAssessment}
      />,
    );
  });

  app.get('/routes/:route', async (c) => {
    const rules = deps.routes.get(c.req.param('route'));
    if (!rules) return c.notFound();
    const ctx = await pageContext(c, env);
    return render(
      c,
      <GuidePage
        t={ctx.t}
        url={ctx.url}
        rules={rules}
        caseRules={env.caseRules(rules.route.id)}
        now={deps.now()}
        routes={deps.routes}
        hasAssessment={hasAssessment(rules.route.id)}
      />,
    );
  });

  registerWizard(app, env, resultRoutes(env));
  registerCompare(app, env);
  registerCases(app, env);
  return app;
}
