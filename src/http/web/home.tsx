/** @jsxImportSource hono/jsx */
import type { RouteRules } from '../../rules/types.ts';
import type { T } from './i18n.ts';
import { Layout } from './layout.tsx';

/** The home page: what Routewise is, and the way into each route's guide and self-assessment. */
export function HomePage(props: { t: T; url: string; routes: readonly RouteRules[] }) {
  const { t } = props;
  return (
    <Layout t={t} title={t('home.title')} url={props.url} section="home">
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <h2>{t('home.routes')}</h2>
      <ul class="cards">
        {props.routes.map((r) => (
          <li class="card">
            <h3 class="card__title">
              {r.route.name[t.lang]} ({r.route.shortName[t.lang]})
            </h3>
            <p>{r.route.summary[t.lang]}</p>
            <p>
              <a class="button button--start" href={`/assess/${r.route.id}`}>
                {t('home.assess')}
              </a>
            </p>
            <p>
              <a href={`/routes/${r.route.id}`}>
                {t('home.guide')}
                <span class="visually-hidden">: {r.route.name[t.lang]}</span>
              </a>
            </p>
          </li>
        ))}
      </ul>
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
