import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flows } from '../../src/flows/index.ts';
import { readsTalentList } from '../../src/http/web/guide.tsx';
import { webCatalogues } from '../../src/i18n/web-messages.ts';
import { shippedTalentList, talentListAt } from '../../src/lists/talent-list.ts';
import { languages } from '../../src/rules/schema.ts';
import { SHIPPED_ROUTE_IDS, shippedRoute } from '../../src/rules/shipped.ts';
import { versionAt } from '../../src/rules/types.ts';
import { Client } from './client.ts';
import { byClass, h1, htmlLang, links, text } from './html.ts';
import { type TestApp, webApp } from './setup.ts';

let t: TestApp;
beforeAll(async () => {
  t = await webApp();
}, 120_000);
afterAll(() => t.close(), 60_000);

const tags = { en: 'en', 'zh-Hant': 'zh-Hant-HK', 'zh-Hans': 'zh-Hans' } as const;
const titleOf = (id: string, lang: (typeof languages)[number]) => {
  const r = shippedRoute(id).route;
  const short = r.shortName[lang];
  return lang === 'en' ? `${r.name[lang]} (${short})` : `${r.name[lang]}（${short}）`;
};

describe('the guide of every shipped route', () => {
  for (const id of SHIPPED_ROUTE_IDS) {
    it(`${id}: in three languages, from its rule data, with sources, related routes and the comparison`, async () => {
      const rules = shippedRoute(id);
      const ms = t.clock.now;
      for (const lang of languages) {
        const page = await new Client(t.app).get(`/routes/${id}?lang=${lang}`);
        expect(page.status).toBe(200);
        expect(htmlLang(page.html)).toBe(tags[lang]);
        expect(h1(page.html)).toBe(titleOf(id, lang));
        const body = text(page.html);
        expect(page.html, 'a placeholder left unfilled').not.toMatch(/\{[a-z]+\}|q\.[a-z-]+\.(title|hint)/);
        // Every prerequisite, test and criterion in force, in the page's language.
        for (const item of versionAt(rules.prerequisites, ms)?.items ?? [])
          expect(body).toContain(item.label[lang]);
        for (const test of rules.tests) {
          const v = versionAt(test.versions, ms);
          if (!v) continue;
          expect(body).toContain(test.name[lang]);
          for (const c of 'criteria' in v ? v.criteria : v.factors) expect(body).toContain(c.label[lang]);
        }
        // Fees, stay, dependants and steps from the data.
        const fees = versionAt(rules.fees, ms);
        for (const line of fees?.perPerson ?? [])
          if (!line.tests && !line.stayDaysAtMost) expect(body).toContain(line.label[lang]);
        const stay = versionAt(rules.stay, ms);
        for (const plan of Object.values(stay?.byTest ?? {})) expect(body).toContain(plan.pattern);
        for (const c of versionAt(rules.dependants, ms)?.conditions ?? []) expect(body).toContain(c[lang]);
        for (const s of versionAt(rules.steps, ms)?.steps ?? []) expect(body).toContain(s.title[lang]);
        expect(body).toContain(rules.route.permanentResidence[lang]);
        // Uncertain rules are marked, with their note.
        for (const part of [
          versionAt(rules.fees, ms),
          versionAt(rules.stay, ms),
          versionAt(rules.exclusions, ms),
        ]) {
          if (part?.confidence === 'uncertain') {
            expect(body).toContain(webCatalogues[lang]['confidence.uncertain']);
            if (part.note) expect(body).toContain(part.note[lang]);
          }
        }
        // Official links from the route's own sources.
        const official = links(byClass(page.html, 'official-links', 'ul') ?? '');
        for (const s of rules.route.sources) {
          const source = rules.sources[s.ref];
          if (source?.official) expect(official).toContain(source.url);
        }
        // Related routes that are shipped are linked; the comparison is one click away.
        const hrefs = links(page.html);
        for (const other of rules.route.related)
          if ((SHIPPED_ROUTE_IDS as readonly string[]).includes(other))
            expect(hrefs).toContain(`/routes/${other}`);
        expect(hrefs).toContain('/compare');
        if (flows.has(id)) expect(hrefs).toContain(`/assess/${id}`);
        else expect(hrefs).not.toContain(`/assess/${id}`);
      }
    });
  }

  it('shows the Talent List professions known for the version in force on routes that read it, and what is not held', async () => {
    const readers = SHIPPED_ROUTE_IDS.filter((id) => readsTalentList(shippedRoute(id)));
    expect(readers).toContain('hk.qmas');
    const version = talentListAt(t.clock.now, shippedTalentList());
    if (!version) throw new Error('no Talent List in force');
    for (const id of SHIPPED_ROUTE_IDS) {
      const page = await new Client(t.app).get(`/routes/${id}`);
      const section = text(/<section id="talent-list"[\s\S]*?<\/section>/.exec(page.html)?.[0] ?? '');
      if (!readers.includes(id)) {
        expect(section, id).toBe('');
        continue;
      }
      expect(section).toContain('Matches these professions');
      expect(section).toContain(`has ${version.officialCount} professions`);
      for (const p of version.professions) expect(section).toContain(p.name.en);
      if (!version.complete) {
        expect(section).toContain(
          `Routewise holds only ${version.professions.length} of the ${version.officialCount}`,
        );
        expect(section).toContain(`Not held: ${version.missing?.en}`);
      }
    }
  });

  it('marks an uncertain Talent List effect with ⚠️ and its note', async () => {
    const page = await new Client(t.app).get('/routes/hk.qmas');
    const effect = shippedTalentList().effects.find(
      (e) => e.routes.includes('hk.qmas') && e.confidence === 'uncertain',
    );
    if (!effect) return;
    const section = text(/<section id="talent-list"[\s\S]*?<\/section>/.exec(page.html)?.[0] ?? '');
    expect(section).toContain(effect.effect.en.slice(0, 60));
    expect(section).toContain('⚠️ Uncertain — check with ImmD');
  });
});

describe('the routes index', () => {
  for (const lang of languages) {
    it(`lists every shipped route with its guide, in ${lang}`, async () => {
      const page = await new Client(t.app).get(`/routes?lang=${lang}`);
      expect(page.status).toBe(200);
      expect(htmlLang(page.html)).toBe(tags[lang]);
      const hrefs = links(page.html);
      for (const id of SHIPPED_ROUTE_IDS) {
        expect(hrefs).toContain(`/routes/${id}`);
        expect(text(page.html)).toContain(titleOf(id, lang));
      }
      expect(hrefs).toContain('/compare');
    });
  }

  it('is in the main navigation, with the comparison', async () => {
    const page = await new Client(t.app).get('/');
    const nav = /<nav class="nav"[\s\S]*?<\/nav>/.exec(page.html)?.[0] ?? '';
    expect(links(nav)).toEqual(['/', '/routes', '/compare']);
  });
});
