/**
 * The whole self-assessment in a real browser, in each language: answer every question, see the
 * result, save it, reopen the private link in a fresh browser, tick evidence, move the tracker,
 * download the PDF, delete the case and find the link dead; then the comparison of every route,
 * the guide of the route that fits best, the index of routes, and the best fit saved as a case.
 * On the way, every page type is checked with axe-core and photographed to
 * test-results/screenshots/.
 *
 * Elements are found by accessible role and name only; the names come from the web message
 * catalogue, so the same script runs in every language. Needs Debian's Chromium and
 * poppler-utils: `bash scripts/ensure-chromium.sh`.
 *
 * The three journeys run at the same time (one browser context each), which keeps both cores
 * busy; each step is still reported as its own test, and a step after a failed one fails with
 * a pointer to it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message } from '../../src/engine/explain.ts';
import { type WebMessageKey, webMessage } from '../../src/i18n/web-messages.ts';
import type { Lang } from '../../src/rules/schema.ts';
import {
  type AxeViolation,
  describeViolations,
  type LaunchedBrowser,
  launchBrowser,
  runAxe,
  screenshot,
} from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

/** One step of the journey; generous because CI's two cores also run the other suites. */
const STEP_TIMEOUT = 90_000;
const LANGS: readonly Lang[] = ['en', 'zh-Hant', 'zh-Hans'];
const PAGE_TYPES = [
  'home',
  'guide',
  'question',
  'error',
  'check-answers',
  'result',
  'case',
  'delete-confirmation',
  'not-found',
  'compare-question',
  'comparison',
  'routes-index',
  'route-guide',
  'comparison-case',
  'profession-picker',
] as const;
type PageType = (typeof PAGE_TYPES)[number];

let server: RunningServer;
let browser: LaunchedBrowser;
/** axe's findings per language and page type, filled in as the journey visits each page. */
const audits = new Map<string, AxeViolation[]>();

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  for (const lang of LANGS) journeys.set(lang, await startJourney(lang));
}, 120_000);

afterAll(async () => {
  // Let every journey settle before the browser goes, so none fails on a closed page.
  await Promise.allSettled([...journeys.values()].flatMap((steps) => [...steps.values()]));
  await browser?.close();
  await server?.stop();
});

/**
 * Starts one language's journey in its own browser context and returns its steps' outcomes. A
 * step runs once the one before it has passed; after a failure the rest fail, naming it.
 */
async function startJourney(lang: Lang): Promise<Map<StepName, Promise<void>>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const steps = journey(lang, page);
  const outcomes = new Map<StepName, Promise<void>>();
  let previous: Promise<void> = Promise.resolve();
  let failed: StepName | undefined;
  for (const name of STEPS) {
    const outcome = previous.then(
      () => withTimeout(steps[name](), STEP_TIMEOUT, `${lang}: "${name}"`),
      () => {
        throw new Error(`not run: the step "${failed}" failed before it`);
      },
    );
    outcome.catch(() => {
      failed ??= name;
    });
    outcomes.set(name, outcome);
    previous = outcome;
  }
  void previous.finally(() => context.close()).catch(() => undefined);
  return outcomes;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The words of the interface in one language, from the same catalogue the pages use. */
function words(lang: Lang) {
  return (key: string, params?: Record<string, string | number>) =>
    webMessage(lang, key as WebMessageKey, params);
}

const htmlLang: Record<Lang, string> = { en: 'en', 'zh-Hant': 'zh-Hant-HK', 'zh-Hans': 'zh-Hans' };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A name that starts with the text: a link styled as a button gets an arrow from CSS (`::after`),
 * which browsers add to its accessible name ("Start now →").
 */
function startsWith(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}`);
}

/** A link that starts an action, whether marked up as a link or as a link with role=button. */
function action(scope: Locator, text: string): Locator {
  const name = startsWith(text);
  return scope.getByRole('link', { name }).or(scope.getByRole('button', { name })).first();
}

async function audit(page: Page, lang: Lang, type: PageType): Promise<void> {
  audits.set(`${lang}/${type}`, await runAxe(page));
  await screenshot(page, `${lang}-${type}`);
}

const STEPS = [
  'shows the home page and the guide in the language',
  'completes the assessment to a result',
  'saves the result to a private link that opens in a fresh browser',
  'ticks an evidence item and moves the tracker',
  'downloads the PDF report with the result in it',
  'deletes the case, after which its link is dead',
  'compares every route, opens the guide of the best fit and the routes index, and saves the best fit as a case',
] as const;
type StepName = (typeof STEPS)[number];

/** Each language's journey: its steps' outcomes, settled in order as the journey runs. */
const journeys = new Map<Lang, Map<StepName, Promise<void>>>();

function journey(lang: Lang, page: Page): Record<StepName, () => Promise<void>> {
  const w = words(lang);
  let caseUrl = '';

  const main = () => page.getByRole('main');
  const cont = async () => {
    await action(main(), w('word.continue')).click();
    await page.waitForLoadState('domcontentloaded');
  };
  const yes = (scope: Locator) => scope.getByRole('radio', { name: w('word.yes'), exact: true });
  const no = (scope: Locator) => scope.getByRole('radio', { name: w('word.no'), exact: true });
  const group = (key: string) => main().getByRole('group', { name: w(key), exact: true });
  const fillDate = async (scope: Locator, day: string, month: string, year: string) => {
    await scope.getByRole('textbox', { name: w('word.day'), exact: true }).fill(day);
    await scope.getByRole('textbox', { name: w('word.month'), exact: true }).fill(month);
    await scope.getByRole('textbox', { name: w('word.year'), exact: true }).fill(year);
  };
  const checkAll = async (radios: Locator) => {
    for (const radio of await radios.all()) await radio.check();
  };

  /** A British adult born on the day given, of good record and supporting themselves. */
  const britishApplicant = (
    day: string,
    month: string,
    year: string,
  ): Record<string, () => Promise<void>> => ({
    'date-of-birth': () => fillDate(main(), day, month, year),
    nationality: async () => {
      await main()
        .getByRole('combobox', { name: w('q.nationality.title') })
        .selectOption('GBR');
    },
    'mainland-resident': () => no(main()).check(),
    'self-supporting': () => yes(main()).check(),
    'criminal-record': () => no(main()).check(),
    'adverse-immigration-record': () => no(main()).check(),
  });
  /** Last year's income, in Hong Kong dollars. */
  const income = (hkd: string) => () =>
    main()
      .getByRole('textbox', { name: w('q.income.title') })
      .fill(hkd);

  /** What to answer on each question page: a profile that meets the General Points Test. */
  const answers: Record<string, () => Promise<void>> = {
    ...britishApplicant('12', '4', '1988'),
    'has-degree': () => yes(main()).check(),
    'degrees/add': async () => {
      await group('q.degrees.level')
        .getByRole('radio', { name: w('q.degrees.level.master'), exact: true })
        .check();
      await yes(group('q.degrees.eligibleUniversity')).check();
      await yes(group('q.degrees.stem')).check();
      await no(group('q.degrees.renownedInstitution')).check();
    },
    degrees: () =>
      main()
        .getByRole('radio', { name: w('list.addAnother.no'), exact: true })
        .check(),
    'professional-qualification': () => yes(main()).check(),
    'languages-chinese': () => checkAll(yes(main())),
    'languages-english': () => checkAll(yes(main())),
    'languages-other': () =>
      main()
        .getByRole('checkbox', { name: w('word.notSure'), exact: true })
        .check(),
    work: () =>
      main()
        .getByRole('radio', { name: w('q.work.format.totals'), exact: true })
        .check(),
    'work-totals': async () => {
      for (const [field, years] of [
        ['graduateYears', '12'],
        ['seniorYears', '6'],
        ['multinationalYears', '6'],
        ['specifiedFieldYears', '6'],
        ['internationalYears', '3'],
      ] as const) {
        await main()
          .getByRole('textbox', { name: w(`q.work-totals.${field}`), exact: true })
          .fill(years);
      }
    },
    income: income('1200000'),
    business: () => no(main()).check(),
    'listed-company': () => no(main()).check(),
    'talent-list': () => no(main()).check(),
    achievements: () => checkAll(no(main())),
    'family-in-hong-kong': () => no(main()).check(),
    'has-dependants': () => no(main()).check(),
    'submission-date': () => fillDate(main(), '1', '3', '2025'),
  };

  /** "I don't know" wherever the page offers it. */
  const dontKnow = async () => {
    for (const radio of await main()
      .getByRole('radio', { name: w('word.unknown'), exact: true })
      .all())
      await radio.check();
    for (const box of await main()
      .getByRole('checkbox', { name: w('word.unknown'), exact: true })
      .all())
      await box.check();
    for (const box of await main()
      .getByRole('checkbox', { name: w('word.notSure'), exact: true })
      .all())
      await box.check();
    for (const select of await main().getByRole('combobox').all()) await select.selectOption('unknown');
  };

  /** The comparison: a British earner of HK$2.8 million with no job offer, sponsor or plan to invest. */
  const comparisonAnswers: Record<string, () => Promise<void>> = {
    'apply-date': async () => {},
    ...britishApplicant('1', '5', '1990'),
    income: income('2800000'),
    business: () => no(main()).check(),
    'talent-list': () => yes(main()).check(),
    // The picker offers the professions of the Talent List in force: pick the first one held.
    'talent-list-profession': async () => {
      await audit(page, lang, 'profession-picker');
      await main().getByRole('combobox').selectOption({ index: 2 });
    },
    'job-offer': () => no(main()).check(),
    sponsor: () => no(main()).check(),
    'might-invest': () => no(main()).check(),
    'has-dependants': () => no(main()).check(),
  };

  return {
    'shows the home page and the guide in the language': async () => {
      await page.goto(`${server.url}/?lang=${lang}`);
      expect(await page.locator('html').getAttribute('lang')).toBe(htmlLang[lang]);
      await audit(page, lang, 'home');
      await main()
        .getByRole('link', { name: startsWith(w('home.guide')) })
        .first()
        .click();
      await page.waitForURL(/\/routes\/hk\.qmas$/);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await audit(page, lang, 'guide');
    },

    'completes the assessment to a result': async () => {
      await page.goto(`${server.url}/assess/hk.qmas`);
      await action(main(), w('wizard.start.button')).click();
      await page.waitForURL(/\/assess\/hk\.qmas\/date-of-birth$/);
      await audit(page, lang, 'question');

      // An empty answer is an error: the page says so, in an error summary.
      await cont();
      await page.getByRole('alert').waitFor();
      await audit(page, lang, 'error');

      for (let step = 0; step < 40 && !page.url().endsWith('/check'); step++) {
        const node = new URL(page.url()).pathname.replace('/assess/hk.qmas/', '');
        const answer = answers[node];
        if (!answer) throw new Error(`no answer planned for the question page "${node}"`);
        await answer();
        await cont();
        if (new URL(page.url()).pathname.endsWith(`/${node}`)) {
          throw new Error(`"${node}" did not accept the answer:\n${await main().textContent()}`);
        }
      }
      await page.getByRole('heading', { level: 1, name: w('check.title') }).waitFor();
      await audit(page, lang, 'check-answers');

      await action(main(), w('check.submit')).click();
      await page.waitForURL(/\/assess\/hk\.qmas\/result/);
      await main()
        .getByRole('heading', { name: w('result.eligible.heading'), exact: true })
        .waitFor();
      await main().getByText(w('result.notApproval')).first().waitFor();
      await audit(page, lang, 'result');
    },

    'saves the result to a private link that opens in a fresh browser': async () => {
      await action(main(), w('result.save.button')).click();
      await page.waitForURL(/\/cases\/[A-Za-z0-9_-]{20,}/);
      caseUrl = page.url().replace(/\?.*$/, '');

      const fresh = await browser.newContext();
      try {
        const other = await fresh.newPage();
        other.setDefaultTimeout(15_000);
        const response = await other.goto(caseUrl);
        expect(response?.status()).toBe(200);
        expect(await other.title()).toContain(w('case.title'));
        await other.getByRole('heading', { level: 1, name: w('result.eligible.heading') }).waitFor();
        await other.getByRole('region', { name: w('case.evidence') }).waitFor();
      } finally {
        await fresh.close();
      }
      await audit(page, lang, 'case');
    },

    'ticks an evidence item and moves the tracker': async () => {
      await page.goto(caseUrl);
      const checklist = page.getByRole('region', { name: w('case.evidence') });
      const item = checklist
        .getByRole('group')
        .filter({ has: page.getByRole('group', { name: w('case.evidence.state') }) })
        .first();
      const title = (await item.locator('legend').first().textContent())?.trim() ?? '';
      await item.getByRole('radio', { name: w('case.evidence.state.done'), exact: true }).check();
      await action(item, w('case.evidence.save')).click();
      await page.waitForLoadState('domcontentloaded');

      const tracker = page.getByRole('region', { name: w('case.tracker') });
      const stage = tracker
        .getByRole('group')
        .filter({ has: page.getByRole('group', { name: w('case.tracker.date') }) })
        .first();
      const stageTitle = (await stage.locator('legend').first().textContent())?.trim() ?? '';
      await fillDate(stage.getByRole('group', { name: w('case.tracker.date') }), '15', '1', '2025');
      await action(stage, w('case.tracker.save')).click();
      await page.waitForLoadState('domcontentloaded');

      // Both survive a reload from the server, in a fresh browser.
      const fresh = await browser.newContext();
      try {
        const other = await fresh.newPage();
        other.setDefaultTimeout(15_000);
        await other.goto(caseUrl);
        const savedItem = other
          .getByRole('region', { name: w('case.evidence') })
          .getByRole('group', { name: title, exact: true });
        expect(
          await savedItem
            .getByRole('radio', { name: w('case.evidence.state.done'), exact: true })
            .isChecked(),
        ).toBe(true);
        const savedStage = other
          .getByRole('region', { name: w('case.tracker') })
          .getByRole('group', { name: stageTitle, exact: true });
        expect(
          await savedStage.getByRole('textbox', { name: w('word.year'), exact: true }).inputValue(),
        ).toBe('2025');
      } finally {
        await fresh.close();
      }
    },

    'downloads the PDF report with the result in it': async () => {
      await page.goto(caseUrl);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        main()
          .getByRole('link', { name: w('case.report') })
          .click(),
      ]);
      const dir = mkdtempSync(join(tmpdir(), 'routewise-e2e-'));
      const file = join(dir, 'report.pdf');
      await download.saveAs(file);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        '',
      );
      writeFileSync(join(dir, 'report.txt'), text);
      expect(text).toContain(message(lang, 'status.eligible').replace(/\s+/g, ''));
      expect(text).toMatch(
        lang === 'en' ? /Meetingtherequirementsisnotapproval/ : /符合要求[並并]不代表[獲获]批/,
      );
    },

    'deletes the case, after which its link is dead': async () => {
      await page.goto(caseUrl);
      await action(main(), w('case.delete')).click();
      await page.getByRole('heading', { level: 1, name: w('case.delete.title') }).waitFor();
      await audit(page, lang, 'delete-confirmation');
      await action(main(), w('case.delete.confirm')).click();
      await page.getByRole('heading', { level: 1, name: w('case.deleted.title') }).waitFor();

      const response = await page.goto(caseUrl);
      expect(response?.status()).toBe(404);
      await audit(page, lang, 'not-found');
      const pdf = await page.request.get(`${caseUrl}/report.pdf`);
      expect(pdf.status()).toBe(404);
    },

    'compares every route, opens the guide of the best fit and the routes index, and saves the best fit as a case':
      async () => {
        await page.goto(`${server.url}/compare`);
        await action(main(), w('wizard.start.button')).click();
        await page.waitForURL(/\/compare\/apply-date$/);
        await audit(page, lang, 'compare-question');
        for (let step = 0; step < 60 && !page.url().endsWith('/compare/check'); step++) {
          const node = new URL(page.url()).pathname.replace('/compare/', '');
          const planned = comparisonAnswers[node];
          if (planned) await planned();
          else await dontKnow();
          await cont();
          if (new URL(page.url()).pathname.endsWith(`/${node}`)) {
            throw new Error(`"${node}" did not accept the answer:\n${await main().textContent()}`);
          }
        }
        await page.getByRole('heading', { level: 1, name: w('check.title') }).waitFor();
        await action(main(), w('compare.submit')).click();
        await page.waitForURL(/\/compare\/result/);
        await page.getByRole('heading', { level: 1, name: w('comparison.title') }).waitFor();
        await main().getByText(w('result.notApproval')).first().waitFor();
        // A high earner with no job offer: at least the Top Talent Pass Scheme fits.
        const fits = main().getByRole('region', {
          name: new RegExp(`^${escapeRegExp(w('comparison.group.fits'))}`),
        });
        await fits.waitFor();
        await audit(page, lang, 'comparison');

        const guide = fits.getByRole('link', { name: startsWith(w('comparison.guide')) }).first();
        await guide.click();
        await page.waitForURL(/\/routes\/hk\.[a-z-]+$/);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByRole('heading', { level: 2, name: w('guide.related') }).waitFor();
        await audit(page, lang, 'route-guide');

        await page
          .getByRole('navigation', { name: w('layout.nav') })
          .getByRole('link', { name: w('layout.nav.routes'), exact: true })
          .click();
        await page.waitForURL(/\/routes$/);
        await page.getByRole('heading', { level: 1, name: w('routes.title') }).waitFor();
        await audit(page, lang, 'routes-index');

        // Back to the comparison: the best fit saved as a case has its own checklist and tracker.
        await page.goto(`${server.url}/compare/result`);
        await main()
          .getByRole('region', { name: new RegExp(`^${escapeRegExp(w('comparison.group.fits'))}`) })
          .getByRole('button', { name: startsWith(w('comparison.save')) })
          .first()
          .click();
        await page.waitForURL(/\/cases\/[A-Za-z0-9_-]{43}\?saved=1$/);
        await page.getByRole('heading', { level: 2, name: w('case.evidence') }).waitFor();
        await page.getByRole('heading', { level: 2, name: w('case.tracker') }).waitFor();
        await audit(page, lang, 'comparison-case');
      },
  };
}

for (const lang of LANGS) {
  describe(`the journey in ${lang}`, () => {
    for (const name of STEPS) {
      it(
        name,
        () => journeys.get(lang)?.get(name) ?? Promise.reject(new Error('the journey did not start')),
        STEP_TIMEOUT * STEPS.length,
      );
    }
  });
}

describe('accessibility (axe-core, WCAG 2.2 A/AA and best practice)', () => {
  for (const lang of LANGS) {
    for (const type of PAGE_TYPES) {
      it(`${lang}: the ${type} page has no violations`, async () => {
        await Promise.allSettled(journeys.get(lang)?.values() ?? []);
        const violations = audits.get(`${lang}/${type}`);
        expect(violations, `the journey never reached the ${type} page`).toBeDefined();
        expect(violations ?? [], describeViolations(violations ?? [])).toEqual([]);
      });
    }
  }
});
