/** @jsxImportSource hono/jsx */
import type { RouteRules } from '../../rules/types.ts';
import { hongKongDay } from './dates.ts';
import { feesByTest, jobOfferText, stayMonths } from './guide.tsx';
import type { T } from './i18n.ts';
import { Layout } from './layout.tsx';
import { inForce } from './rules-view.ts';

/**
 * Every route Routewise models, in the order shipped: what each is for, whether it needs a job
 * offer, its first stay and fees today, and the way to its guide and (where there is one) its own
 * self-assessment — with the comparison first, for someone who does not know which route to read.
 */
export function RoutesPage(props: {
  t: T;
  url: string;
  routes: readonly RouteRules[];
  now: Date;
  hasAssessment: (routeId: string) => boolean;
}) {
  const { t } = props;
  const lang = t.lang;
  const atMs = props.now.getTime();
  return (
    <Layout t={t} title={t('routes.title')} url={props.url} section="routes">
      <h1>{t('routes.title')}</h1>
      <p class="lead">{t('routes.lead', { date: t.date(hongKongDay(props.now)), n: props.routes.length })}</p>
      <div class="box">
        <h2>{t('routes.compare.title')}</h2>
        <p>{t('routes.compare.lead')}</p>
        <p>
          <a class="button button--start" href="/compare">
            {t('routes.compare.button')}
          </a>
        </p>
      </div>
      <ul class="cards route-list">
        {props.routes.map((rules) => {
          const route = rules.route;
          const v = inForce(rules, atMs);
          const fees = v.fees ? feesByTest(v.fees, v) : [];
          const totals = fees.map((f) => f.total);
          const min = Math.min(...totals);
          const max = Math.max(...totals);
          const name = t('guide.title', { name: route.name[lang], short: route.shortName[lang] });
          return (
            <li class="card">
              <h2 class="card__title" id={`route-${route.id}`}>
                <a href={`/routes/${route.id}`}>{name}</a>
              </h2>
              <p>{route.summary[lang]}</p>
              <dl class="summary-list summary-list--compact">
                <div class="summary-list__row">
                  <dt class="summary-list__key">{t('guide.fact.jobOffer')}</dt>
                  <dd class="summary-list__value">{jobOfferText(t, rules, v)}</dd>
                </div>
                {v.stay ? (
                  <div class="summary-list__row">
                    <dt class="summary-list__key">{t('guide.fact.stay')}</dt>
                    <dd class="summary-list__value">
                      <ul class="list">
                        {v.tests.map(({ test }) => {
                          const plan = v.stay?.byTest[test.id];
                          return plan ? (
                            <li>
                              {t('guide.fact.stay.value', {
                                months: stayMonths(t, plan),
                                test: test.name[lang],
                              })}
                            </li>
                          ) : null;
                        })}
                      </ul>
                    </dd>
                  </div>
                ) : null}
                {totals.length > 0 ? (
                  <div class="summary-list__row">
                    <dt class="summary-list__key">{t('routes.fees')}</dt>
                    <dd class="summary-list__value">
                      {min === max
                        ? t('routes.fees.value', { amount: t.hkd(min) })
                        : t('routes.fees.range', { min: t.hkd(min), max: t.hkd(max) })}
                    </dd>
                  </div>
                ) : null}
              </dl>
              <p>
                <a href={`/routes/${route.id}`}>
                  {t('home.guide')}
                  <span class="visually-hidden">: {name}</span>
                </a>
                {props.hasAssessment(route.id) ? (
                  <>
                    {' · '}
                    <a href={`/assess/${route.id}`}>
                      {t('home.assess')}
                      <span class="visually-hidden">: {name}</span>
                    </a>
                  </>
                ) : null}
              </p>
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}
