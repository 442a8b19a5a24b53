/** The web pages (server-rendered HTML), mounted by the app at '/'. */
export { type WebOptions, webRoutes, webSecrets } from './routes.tsx';
