import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import type { AppDeps } from '../../src/http/deps.ts';
import { createLogger } from '../../src/http/log.ts';
import { shippedCaseRules } from '../../src/rules/case-schema.ts';
import { SHIPPED_ROUTE_IDS, shippedRoute } from '../../src/rules/shipped.ts';
import { openTestStore, type TestStore } from '../store/helpers.ts';

/** The shipped example profile (a 2024-era applicant with a master's degree). */
export function exampleProfile(): Record<string, unknown> {
  const profile = JSON.parse(
    readFileSync(new URL('../../examples/qmas-2024-12-criteria.json', import.meta.url), 'utf8'),
  );
  delete profile.$schema;
  return profile;
}

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(new URL(`../../rules/hk/qmas/tests/fixtures/${name}.json`, import.meta.url), 'utf8'),
  );
}

export interface TestApp {
  app: Hono;
  store: TestStore;
  /** Every line the app logged (pino JSON), in order. */
  logs: string[];
  /** The pinned clock: tests may move it. */
  clock: { now: number };
  close(): Promise<void>;
}

/**
 * The whole app on a real PGlite store in a temporary folder (from the store's cached template),
 * with the clock pinned to 2025-06-01 10:00 Hong Kong time and the log captured.
 */
export async function testApp(overrides: Partial<AppDeps> = {}): Promise<TestApp> {
  const store = await openTestStore('pglite');
  const t = appOn(store, overrides);
  return { ...t, close: () => store.cleanup() };
}

/**
 * One app for all the tests of a file: opened before the first (opening a store takes seconds)
 * and closed after the last. The object returned is filled in then, so read it inside tests only.
 */
export function testAppPerFile(overrides: Partial<AppDeps> = {}): TestApp {
  const shared = {} as TestApp;
  beforeAll(async () => {
    Object.assign(shared, await testApp(overrides));
  }, 60_000);
  afterAll(async () => {
    await shared.close?.();
  }, 60_000);
  return shared;
}

/**
 * Another app on an already open test store (opening a PGlite store takes seconds): for other
 * limits, a failing store wrapper, and so on. Closing it leaves the store open.
 */
export function appOn(store: TestStore, overrides: Partial<AppDeps> = {}): TestApp {
  const logs: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  const clock = { now: Date.parse('2025-06-01T02:00:00.000Z') };
  store.clock.now = clock.now;
  const app = createApp({
    routes: new Map(SHIPPED_ROUTE_IDS.map((id) => [id, shippedRoute(id)])),
    caseRules: new Map(SHIPPED_ROUTE_IDS.map((id) => [id, shippedCaseRules(id)])),
    store: store.store,
    now: () => new Date(clock.now),
    defaultLang: 'en',
    logger,
    ...overrides,
  });
  return { app, store, logs, clock, close: async () => {} };
}

export function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } };
}

export function post(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', ...json(body, headers) };
}

export function put(body: unknown): RequestInit {
  return { method: 'PUT', ...json(body) };
}

export function patch(body: unknown): RequestInit {
  return { method: 'PATCH', ...json(body) };
}

// biome-ignore lint/suspicious/noExplicitAny: test responses are checked field by field.
export type Json = any;

export async function body(res: Response): Promise<Json> {
  return res.json();
}
