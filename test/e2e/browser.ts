/**
 * Helpers for the browser tests: Debian's Chromium driven by playwright-core, axe-core run
 * inside the page, screenshots. The server under test is started by ./server.ts.
 *
 * Chromium comes from Debian (`bash scripts/ensure-chromium.sh`), never from `npx playwright
 * install`, which cannot download here. The launch flags keep it from reaching out to Google's
 * services: on this network those connections are refused, many at a time.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

/** The flags DESIGN.md lists for this machine's Chromium. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

export interface LaunchedBrowser {
  browser: Browser;
  /** A fresh context (own cookies and storage), closed with the browser. */
  newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium. playwright gives every launch a fresh, temporary user-data-dir of
 * its own (and refuses a --user-data-dir flag), and every context is a clean profile on top.
 *
 * @example
 * const { newContext, close } = await launchBrowser();
 * const page = await (await newContext()).newPage();
 */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run \`bash scripts/ensure-chromium.sh\` first`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS],
    // playwright adds its own --headless; ours is the same switch, kept for plain launches.
    headless: true,
    timeout: 30_000,
  });
  return {
    browser,
    newContext: (options) => browser.newContext({ locale: 'en-GB', ...options }),
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA, and best practices) on the page as it is now and
 * returns the violations; injects axe first. Pages send a Content-Security-Policy, so axe is
 * added as a script through the DevTools protocol, which CSP does not govern.
 *
 * @example
 * expect(await runAxe(page)).toEqual([]);
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
}

/** One line per violation and node, for a readable assertion message. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`,
      ),
    )
    .join('\n');
}

/** Saves a full-page screenshot to test-results/screenshots/<name>.png (an artefact, git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
