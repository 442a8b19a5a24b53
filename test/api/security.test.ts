import { describe, expect, it } from 'vitest';
import { post, testAppPerFile } from './helpers.ts';

const t = testAppPerFile({ limits: { bodyBytes: 1024 } });

function expectSecurityHeaders(res: Response, where: string): void {
  const h = res.headers;
  const csp = h.get('content-security-policy') ?? '';
  expect(csp, where).toContain("default-src 'self'");
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("object-src 'none'");
  // No inline script, ever.
  expect(csp, where).toMatch(/script-src 'self'(;|$)/);
  expect(h.get('x-content-type-options'), where).toBe('nosniff');
  expect(h.get('referrer-policy'), where).toBe('no-referrer');
  expect(h.get('x-frame-options'), where).toBe('DENY');
  expect(h.get('cross-origin-opener-policy'), where).toBe('same-origin');
  expect(h.get('strict-transport-security'), where).toMatch(/max-age=\d+/);
  expect(h.get('permissions-policy'), where).toContain('camera=()');
  expect(h.get('x-powered-by'), where).toBeNull();
}

describe('security headers', () => {
  it('are on every kind of response: API, errors, docs, web pages, 404s, 413s', async () => {
    const requests: Array<[string, RequestInit | undefined]> = [
      ['/api/v1/routes', undefined],
      ['/api/v1/routes/nope', undefined],
      ['/api/v1/nothing', undefined],
      ['/api/openapi.json', undefined],
      ['/api/docs', undefined],
      ['/api/docs/swagger-ui-bundle.js', undefined],
      ['/api/v1/assessments', post({ padding: 'x'.repeat(2048) })],
      ['/api/v1/assessments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }],
      ['/', undefined],
      ['/no-such-page', undefined],
    ];
    for (const [path, init] of requests) {
      const res = await t.app.request(path, init);
      expectSecurityHeaders(res, `${init?.method ?? 'GET'} ${path} (${res.status})`);
    }
  });

  it('keeps the strict policy everywhere but the API reference, which allows only inline styles', async () => {
    const docs = (await t.app.request('/api/docs')).headers.get('content-security-policy') ?? '';
    expect(docs).toContain("style-src 'self' 'unsafe-inline'");
    const api = (await t.app.request('/api/v1/routes')).headers.get('content-security-policy') ?? '';
    expect(api).toContain("style-src 'self'");
    expect(api).not.toContain('unsafe-inline');
  });
});

describe('body limit', () => {
  it('answers 413 before reading an over-long body: JSON for the API, a page elsewhere', async () => {
    const api = await t.app.request('/api/v1/cases', post({ padding: 'x'.repeat(4096) }));
    expect(api.status).toBe(413);
    expect((await api.json()).error).toMatchObject({
      code: 'payload_too_large',
      message: 'The request body is larger than 1 KiB.',
    });
    const page = await t.app.request('/assess/hk.qmas', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `a=${'x'.repeat(4096)}`,
    });
    expect(page.status).toBe(413);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });
});

describe('errors outside the API', () => {
  it('never show a stack trace', async () => {
    const res = await t.app.request('/no-such-page');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).not.toMatch(/at .*\.ts|Error:/);
  });
});
