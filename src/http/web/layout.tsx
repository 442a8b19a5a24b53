/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { languages } from '../../rules/schema.ts';
import { htmlLang, langLabels, type T } from './i18n.ts';

export const ASSET_VERSION = '2';

/** The current address with `lang` set: the language switcher keeps the page and its query. */
export function withLang(url: string, lang: string): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set('lang', lang);
  return `${u.pathname}${u.search}`;
}

export interface LayoutProps {
  t: T;
  title: string;
  /** The request URL (for the language switcher). */
  url: string;
  /** Which main-nav item is current. */
  section?: 'home' | 'routes' | 'compare' | 'assess' | 'case';
  /** Shown above the main heading. */
  before?: Child;
  children?: Child;
  /** `noindex` for private pages (saved cases). */
  private?: boolean;
}

/**
 * Every page: skip link, header with the language switcher, the notice that Routewise is not an
 * official service, main content, and a footer pointing to the official pages and to advice.
 */
export function Layout(props: LayoutProps) {
  const { t } = props;
  const lang = t.lang;
  const nav = [
    { id: 'home', href: '/', text: t('layout.nav.home') },
    { id: 'routes', href: '/routes', text: t('layout.nav.routes') },
    { id: 'compare', href: '/compare', text: t('layout.nav.compare') },
  ] as const;
  return (
    <html lang={htmlLang[lang]}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        {props.private ? <meta name="robots" content="noindex, nofollow" /> : null}
        <title>{`${props.title} – ${t('site.name')}`}</title>
        <link rel="stylesheet" href={`/assets/routewise.css?v=${ASSET_VERSION}`} />
        <script src={`/assets/enhance.js?v=${ASSET_VERSION}`} defer />
      </head>
      <body>
        <a href="#main" class="skip-link">
          {t('layout.skip')}
        </a>
        <header class="header">
          <div class="wrap header__inner">
            <a href="/" class="header__brand">
              <span class="header__logo" aria-hidden="true">
                ↗
              </span>
              {t('site.name')}
            </a>
            <nav class="lang-switch" aria-label={t('layout.languages')}>
              <ul>
                {languages.map((l) => (
                  <li>
                    {l === lang ? (
                      <span class="lang-switch__current" lang={htmlLang[l]} aria-current="true">
                        <span aria-hidden="true">{langLabels[l].short}</span>
                        <span class="visually-hidden">{langLabels[l].name}</span>
                      </span>
                    ) : (
                      <a href={withLang(props.url, l)} lang={htmlLang[l]} hreflang={htmlLang[l]}>
                        <span aria-hidden="true">{langLabels[l].short}</span>
                        <span class="visually-hidden">{langLabels[l].name}</span>
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <nav class="nav" aria-label={t('layout.nav')}>
            <ul class="wrap nav__list">
              {nav.map((n) => (
                <li>
                  <a href={n.href} aria-current={props.section === n.id ? 'page' : undefined}>
                    {n.text}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div class="banner-bar">
            <p class="wrap banner">
              <strong class="banner__tag">{t('layout.banner')}</strong>
            </p>
          </div>
        </header>
        <main id="main" class="wrap main" tabindex={-1}>
          {props.before}
          {props.children}
        </main>
        <footer class="footer">
          <div class="wrap">
            <p>
              <strong>{t('layout.notOfficial')}</strong>
            </p>
            <p>
              {t('layout.officialPages')}{' '}
              <a href={t('layout.officialUrl')} rel="noreferrer">
                {t('layout.officialLink')}
              </a>
            </p>
            <p>{t('layout.adviser')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** Renders a page with its doctype. */
export async function render(
  c: Context,
  page: Child,
  status: 200 | 400 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503 = 200,
) {
  const body = await Promise.resolve((page as { toString(): string | Promise<string> }).toString());
  return c.html(`<!DOCTYPE html>${body}`, status);
}
