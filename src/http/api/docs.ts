import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './context.ts';

/**
 * The interactive API reference at /api/docs: Swagger UI served from the swagger-ui-dist
 * package on this server (no CDN, so it works offline), started by a script file of ours so
 * the page needs no inline script under the Content-Security-Policy.
 */

const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Swagger UI sets style attributes from its scripts; scripts stay 'self' only.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Routewise API reference</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<noscript><p>The interactive reference needs JavaScript. The API description itself is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></noscript>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

const init = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    tryItOutEnabled: false,
    validatorUrl: null
  });
});
`;

const assets: Record<string, { file: string; type: string }> = {
  'swagger-ui.css': { file: 'swagger-ui.css', type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { file: 'swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
};

function distDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('swagger-ui-dist/package.json'));
}

/** Installs /api/docs and its assets. The asset files are read once, on first request. */
export function registerDocs(api: OpenAPIHono<ApiEnv>): void {
  const cache = new Map<string, Buffer>();
  const dir = distDir();

  api.get('/api/docs', (c) => {
    c.header('Content-Security-Policy', DOCS_CSP);
    return c.html(page);
  });
  api.get('/api/docs/init.js', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(init, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  api.get('/api/docs/:asset', (c) => {
    const asset = assets[c.req.param('asset')];
    if (!asset) return c.notFound();
    let body = cache.get(asset.file);
    if (!body) {
      body = readFileSync(join(dir, asset.file));
      cache.set(asset.file, body);
    }
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(new Uint8Array(body), 200, { 'Content-Type': asset.type });
  });
}
