/** @jsxImportSource hono/jsx */
import type { RouteRules } from '../../rules/types.ts';
import { CardLink, CompareInvitation, SummaryRow } from './components.tsx';
import { hongKongDay } from './dates.ts';
import { FirstStays, feesByTest, jobOfferText } from './guide.tsx';
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
      <CompareInvitation t={t} />
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
                <SummaryRow label={t('guide.fact.jobOffer')}>{jobOfferText(t, rules, v)}</SummaryRow>
                {v.stay ? (
                  <SummaryRow label={t('guide.fact.stay')}>
                    <FirstStays t={t} v={v} />
                  </SummaryRow>
                ) : null}
                {totals.length > 0 ? (
                  <SummaryRow label={t('routes.fees')}>
                    {min === max
                      ? t('routes.fees.value', { amount: t.hkd(min) })
                      : t('routes.fees.range', { min: t.hkd(min), max: t.hkd(max) })}
                  </SummaryRow>
                ) : null}
              </dl>
              <p>
                <CardLink href={`/routes/${route.id}`} text={t('home.guide')} name={name} />
                {props.hasAssessment(route.id) ? (
                  <>
                    {' · '}
                    <CardLink href={`/assess/${route.id}`} text={t('home.assess')} name={name} />
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
