/** @jsxImportSource hono/jsx */
import type { RouteRules } from '../../rules/types.ts';
import { CardLink, CompareInvitation } from './components.tsx';
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
      <CompareInvitation t={t} />
      <h2>{t('home.routes')}</h2>
      <ul class="cards">
        {props.routes.map((r) => {
          const name = `${r.route.name[t.lang]} (${r.route.shortName[t.lang]})`;
          return (
            <li class="card">
              <h3 class="card__title">{name}</h3>
              <p>{r.route.summary[t.lang]}</p>
              <p>
                <CardLink href={`/routes/${r.route.id}`} text={t('home.guide')} name={name} />
              </p>
              {props.hasAssessment(r.route.id) ? (
                <p>
                  <CardLink href={`/assess/${r.route.id}`} text={t('home.assess')} name={name} />
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
