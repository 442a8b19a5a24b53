import type { Context } from 'hono';
import type { Answer, Answers, ListAnswer } from '../../flows/index.ts';
import type { CaseRules } from '../../rules/case-schema.ts';
import type { Lang } from '../../rules/schema.ts';
import type { AppDeps } from '../deps.ts';
import { resolveLang, type T, translator } from './i18n.ts';
import {
  ASSESS_SLOT,
  clearSealedCookie,
  csrfToken,
  type DraftSlot,
  readSealedCookie,
  type WebSecrets,
  writeSealedCookie,
} from './security.ts';

/** What every web handler is given. */
export interface WebEnv {
  deps: AppDeps;
  secrets: WebSecrets;
  /** The saved-case rules (checklist, tracker) of a route, when it has them. */
  caseRules(routeId: string): CaseRules | undefined;
}

export interface PageContext {
  t: T;
  csrf: string;
  /** Path and query of the request, for the language switcher. */
  url: string;
}

export async function pageContext(c: Context, env: WebEnv, fallbackLang?: Lang): Promise<PageContext> {
  const t = translator(resolveLang(c, env.deps.defaultLang, fallbackLang));
  const csrf = await csrfToken(c, env.secrets);
  const u = new URL(c.req.url);
  return { t, csrf, url: `${u.pathname}${u.search}` };
}

// ---------------------------------------------------------------------------------------------
// The draft: the answers of a self-assessment in progress, sealed in an HttpOnly cookie.
// ---------------------------------------------------------------------------------------------

export interface Draft {
  v: 1;
  route: string;
  answers: Record<string, Answer | ListAnswer>;
  /** The submission day of the result shown before the last change of date, to compare. */
  compareWith?: string;
  /** When the draft was last saved (ms); drafts older than a day are dropped. */
  savedAt: number;
}

const DAY_MS = 24 * 3600 * 1000;

function isDraft(value: unknown, route: string): value is Draft {
  if (!value || typeof value !== 'object') return false;
  const d = value as Partial<Draft>;
  return (
    d.v === 1 &&
    d.route === route &&
    typeof d.savedAt === 'number' &&
    !!d.answers &&
    typeof d.answers === 'object'
  );
}

export function loadDraft(
  c: Context,
  env: WebEnv,
  route: string,
  slot: DraftSlot = ASSESS_SLOT,
): Draft | undefined {
  const value = readSealedCookie(c, env.secrets.draftKey, slot);
  if (!isDraft(value, route)) return undefined;
  const now = env.deps.now().getTime();
  return value.savedAt + DAY_MS > now ? value : undefined;
}

export function newDraft(env: WebEnv, route: string): Draft {
  return { v: 1, route, answers: {}, savedAt: env.deps.now().getTime() };
}

export function saveDraft(c: Context, env: WebEnv, draft: Draft, slot: DraftSlot = ASSESS_SLOT): void {
  writeSealedCookie(c, env.secrets.draftKey, { ...draft, savedAt: env.deps.now().getTime() }, slot);
}

export function clearDraft(c: Context, slot: DraftSlot = ASSESS_SLOT): void {
  clearSealedCookie(c, slot);
}

export function answersOf(draft: Draft | undefined): Answers {
  return draft?.answers ?? {};
}
