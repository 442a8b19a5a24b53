/** @jsxImportSource hono/jsx */
import type { RouteRules } from '../../rules/types.ts';
import type { T } from './i18n.ts';
import { Layout } from './layout.tsx';

/**
 * The home page: what Routewise is, the comparison of every route, and the way into each route's
 * guide and (where there is one) its own self-assessment.
 */
export function HomePage(props: {
  t: T;
  url: string;
  routes: readonly RouteRules[];
  hasAssessment: (routeId: string) => boolean;
}) {
  const { t } = props;
  return (
    <Layout t={t} title={t('home.title')} url={props.url} section="home">
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <div class="box">
        <h2>{t('routes.compare.title')}</h2>
        <p>{t('routes.compare.lead')}</p>
        <p>
          <a class="button button--start" href="/compare">
            {t('routes.compare.button')}
          </a>
        </p>
      </div>
      <h2>{t('home.routes')}</h2>
      <ul class="cards">
        {props.routes.map((r) => {
          const name = `${r.route.name[t.lang]} (${r.route.shortName[t.lang]})`;
          return (
            <li class="card">
              <h3 class="card__title">{name}</h3>
              <p>{r.route.summary[t.lang]}</p>
              <p>
                <a href={`/routes/${r.route.id}`}>
                  {t('home.guide')}
                  <span class="visually-hidden">: {name}</span>
                </a>
              </p>
              {props.hasAssessment(r.route.id) ? (
                <p>
                  <a href={`/assess/${r.route.id}`}>
                    {t('home.assess')}
                    <span class="visually-hidden">: {name}</span>
                  </a>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p>
        <a href="/routes">{t('home.allRoutes')}</a>
      </p>
      <h2>{t('home.how')}</h2>
      <ol class="list list--number">
        <li>{t('home.how.1')}</li>
        <li>{t('home.how.2')}</li>
        <li>{t('home.how.3')}</li>
      </ol>
      <p>{t('home.privacy')}</p>
    </Layout>
  );
}
