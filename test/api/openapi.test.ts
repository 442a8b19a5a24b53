import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, type Json, post, type TestApp, testApp } from './helpers.ts';

let t: TestApp;
let doc: Json;
beforeAll(async () => {
  t = await testApp();
  const res = await t.app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = JSON.parse(await res.text());
}, 60_000);
afterAll(async () => {
  await t?.close();
}, 60_000);

const DOC_ID = 'https://routewise.invalid/openapi.json';

/** A validator for a schema of the document, its $refs resolved within the document. */
function validatorFor(pointer: string) {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ ...doc, $id: DOC_ID });
  return ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
}

function exampleOf(param: Json): string {
  return param?.example ?? param?.schema?.example;
}

function pointerEscape(path: string): string {
  return path.replaceAll('~', '~0').replaceAll('/', '~1');
}

const endpoints = [
  ['get', '/api/v1/routes'],
  ['get', '/api/v1/routes/{id}'],
  ['get', '/api/v1/routes/{id}/rules'],
  ['post', '/api/v1/assessments'],
  ['post', '/api/v1/cases'],
  ['get', '/api/v1/cases/{token}'],
  ['put', '/api/v1/cases/{token}/profile'],
  ['patch', '/api/v1/cases/{token}/evidence/{itemId}'],
  ['patch', '/api/v1/cases/{token}/tracker/{stageId}'],
  ['delete', '/api/v1/cases/{token}'],
  ['get', '/api/v1/cases/{token}/report.pdf'],
] as const;

describe('the OpenAPI document at /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every API route the app serves, and no other', () => {
    for (const [method, path] of endpoints)
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    const served = new Set(
      t.app.routes
        .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m} ${path}`),
      ),
    );
    expect([...served].sort()).toEqual([...documented].sort());
  });

  it('documents the error shape and the case token as a secret', () => {
    expect(doc.components.schemas.Error).toBeDefined();
    const get = doc.paths['/api/v1/cases/{token}'].get;
    const token = get.parameters.find((p: { name: string }) => p.name === 'token');
    expect(token.in).toBe('path');
    expect(token.description).toMatch(/secret/i);
    expect(doc.paths['/api/v1/cases'].post.responses['429'].headers['Retry-After']).toBeDefined();
    expect(doc.components.schemas.CaseCreated.properties.token.description).toMatch(/only in this response/);
  });

  it('has example requests that validate against their schemas and succeed against the API', async () => {
    const examples: Array<{ method: string; path: string; example: unknown }> = [];
    for (const [method, path] of endpoints) {
      const example = doc.paths[path][method].requestBody?.content?.['application/json']?.example;
      if (example === undefined) continue;
      const validate = validatorFor(
        `/paths/${pointerEscape(path)}/${method}/requestBody/content/application~1json/schema`,
      );
      expect(validate(example), `${method} ${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
      examples.push({ method, path, example });
    }
    expect(examples.map((e) => `${e.method} ${e.path}`)).toEqual([
      'post /api/v1/assessments',
      'post /api/v1/cases',
      'put /api/v1/cases/{token}/profile',
      'patch /api/v1/cases/{token}/evidence/{itemId}',
      'patch /api/v1/cases/{token}/tracker/{stageId}',
    ]);

    // Send each example, with the path parameters' own examples (and a real case's token).
    const created = await body(
      await t.app.request('/api/v1/cases', post(examples.find((e) => e.path === '/api/v1/cases')?.example)),
    );
    for (const { method, path, example } of examples) {
      const params = doc.paths[path][method].parameters ?? [];
      const url = path.replace(/\{(\w+)\}/g, (_: string, name: string) =>
        name === 'token' ? created.token : exampleOf(params.find((p: { name: string }) => p.name === name)),
      );
      const res = await t.app.request(url, {
        method: method.toUpperCase(),
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(example),
      });
      expect(res.status, `${method} ${path}`).toBeLessThan(300);
      // The response validates against the documented response schema.
      const status = String(res.status);
      const validate = validatorFor(
        `/paths/${pointerEscape(path)}/${method}/responses/${status}/content/application~1json/schema`,
      );
      const data = await body(res);
      expect(
        validate(data),
        `${method} ${path} response: ${JSON.stringify(validate.errors?.slice(0, 3))}`,
      ).toBe(true);
    }
  });

  it('describes GET responses that the API really gives', async () => {
    const created = await body(
      await t.app.request(
        '/api/v1/cases',
        post({
          profile: doc.paths['/api/v1/cases'].post.requestBody.content['application/json'].example.profile,
          lang: 'zh-Hant',
        }),
      ),
    );
    for (const [path, url] of [
      ['/api/v1/routes', '/api/v1/routes'],
      ['/api/v1/routes/{id}', '/api/v1/routes/hk.qmas'],
      ['/api/v1/routes/{id}/rules', '/api/v1/routes/hk.qmas/rules?at=2019-03-25'],
      ['/api/v1/cases/{token}', `/api/v1/cases/${created.token}`],
    ] as const) {
      const res = await t.app.request(url);
      expect(res.status).toBe(200);
      const validate = validatorFor(
        `/paths/${pointerEscape(path)}/get/responses/200/content/application~1json/schema`,
      );
      expect(validate(await body(res)), `${path}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(
        true,
      );
    }
    const error = await body(await t.app.request('/api/v1/routes/none'));
    const validate = validatorFor('/components/schemas/Error');
    expect(validate(error)).toBe(true);
  });
});

describe('the API reference at /api/docs', () => {
  it('is served from this server, with no inline script and no CDN', async () => {
    const res = await t.app.request('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, content] of scripts) {
      expect(content?.trim()).toBe('');
      expect(attrs).toMatch(/src="\/api\/docs\//);
    }
    expect(html).not.toMatch(/https?:\/\//);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    for (const [asset, type] of [
      ['/api/docs/swagger-ui.css', 'text/css'],
      ['/api/docs/swagger-ui-bundle.js', 'text/javascript'],
      ['/api/docs/init.js', 'text/javascript'],
    ] as const) {
      const a = await t.app.request(asset);
      expect(a.status, asset).toBe(200);
      expect(a.headers.get('content-type')).toContain(type);
    }
    expect(await (await t.app.request('/api/docs/init.js')).text()).toContain('/api/openapi.json');
    expect((await t.app.request('/api/docs/package.json')).status).toBe(404);
  });
});
