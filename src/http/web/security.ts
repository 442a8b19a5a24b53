import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Context } from 'hono';
import { deleteCookie, getCookie, getSignedCookie, setCookie, setSignedCookie } from 'hono/cookie';

/**
 * Secrets of the web pages, derived from one server secret: ROUTEWISE_SECRET (at least 32
 * characters; the same on every replica) or, when it is not set, a random one per process (then
 * drafts and forms last only as long as the process, and only on that replica).
 */
export interface WebSecrets {
  /** AES-256-GCM key of the draft cookie. */
  draftKey: Buffer;
  /** HMAC key of hono's signed cookies (the CSRF token). */
  cookieKey: string;
  source: 'env' | 'random';
}

export function webSecrets(secret: string | undefined = process.env.ROUTEWISE_SECRET): WebSecrets {
  let master: Buffer;
  let source: WebSecrets['source'];
  if (secret !== undefined && secret !== '') {
    if (secret.length < 32) throw new Error('ROUTEWISE_SECRET must be at least 32 characters long.');
    master = Buffer.from(secret, 'utf8');
    source = 'env';
  } else {
    master = randomBytes(32);
    source = 'random';
  }
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, 'routewise-web', info, 32));
  return {
    draftKey: derive('draft-cookie-v1'),
    cookieKey: derive('csrf-cookie-v1').toString('base64url'),
    source,
  };
}

export function isHttps(c: Context): boolean {
  return c.req.url.startsWith('https:') || c.req.header('x-forwarded-proto') === 'https';
}

// ---------------------------------------------------------------------------------------------
// Sealed values: compressed, then encrypted and authenticated with AES-256-GCM.
// ---------------------------------------------------------------------------------------------

const AAD = Buffer.from('routewise-draft-v1');

export function seal(key: Buffer, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(AAD);
  const plain = deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The sealed value, or undefined when it was tampered with, sealed with another key or is not JSON. */
export function unseal(key: Buffer, sealed: string): unknown {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length < 29) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(AAD);
    decipher.setAuthTag(raw.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
    return JSON.parse(inflateRawSync(plain, { maxOutputLength: 1 << 20 }).toString('utf8'));
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The draft cookie: the answers of an unfinished self-assessment, never in a URL.
// ---------------------------------------------------------------------------------------------

const CHUNK = 3800;
const MAX_CHUNKS = 3;
export const DRAFT_MAX_AGE_SECONDS = 24 * 3600;

/**
 * Where a questionnaire keeps its draft: a cookie name and the path it is sent to. The route
 * self-assessments share one under /assess; the comparison has its own under /compare, so the
 * two drafts live side by side.
 */
export interface DraftSlot {
  name: string;
  path: string;
}

export const ASSESS_SLOT: DraftSlot = { name: 'rw_draft', path: '/assess' };
export const COMPARE_SLOT: DraftSlot = { name: 'rw_compare', path: '/compare' };
export const DRAFT_PATH = ASSESS_SLOT.path;

export class DraftTooLargeError extends Error {
  constructor() {
    super('The answers are too large to keep in this browser.');
    this.name = 'DraftTooLargeError';
  }
}

export function readSealedCookie(c: Context, key: Buffer, slot: DraftSlot = ASSESS_SLOT): unknown {
  let sealed = '';
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const part = getCookie(c, `${slot.name}${i}`);
    if (part === undefined) break;
    sealed += part;
  }
  return sealed === '' ? undefined : unseal(key, sealed);
}

export function writeSealedCookie(
  c: Context,
  key: Buffer,
  value: unknown,
  slot: DraftSlot = ASSESS_SLOT,
): void {
  const sealed = seal(key, value);
  const chunks = Math.ceil(sealed.length / CHUNK);
  if (chunks > MAX_CHUNKS) throw new DraftTooLargeError();
  const options = {
    path: slot.path,
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    maxAge: DRAFT_MAX_AGE_SECONDS,
  } as const;
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const name = `${slot.name}${i}`;
    if (i < chunks) setCookie(c, name, sealed.slice(i * CHUNK, (i + 1) * CHUNK), options);
    else if (getCookie(c, name) !== undefined) deleteCookie(c, name, { path: slot.path });
  }
}

export function clearSealedCookie(c: Context, slot: DraftSlot = ASSESS_SLOT): void {
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const name = `${slot.name}${i}`;
    if (getCookie(c, name) !== undefined) deleteCookie(c, name, { path: slot.path, secure: isHttps(c) });
  }
}

// ---------------------------------------------------------------------------------------------
// CSRF: a signed double-submit token (cookie + hidden field) and an Origin check.
// ---------------------------------------------------------------------------------------------

const CSRF_COOKIE = 'rw_csrf';
export const CSRF_FIELD = '_csrf';
const csrfTokens = new WeakMap<Context, string>();

/**
 * The CSRF token for forms on this page: the one in the signed cookie, or a new one (and the
 * cookie to go with it). The cookie is signed, so a value planted from a sibling domain fails.
 */
export async function csrfToken(c: Context, secrets: WebSecrets): Promise<string> {
  const cached = csrfTokens.get(c);
  if (cached) return cached;
  const existing = await getSignedCookie(c, secrets.cookieKey, CSRF_COOKIE);
  let token = typeof existing === 'string' && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : undefined;
  if (!token) {
    token = randomBytes(32).toString('base64url');
    await setSignedCookie(c, CSRF_COOKIE, token, secrets.cookieKey, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttps(c),
    });
  }
  csrfTokens.set(c, token);
  return token;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Whether the request comes from this site: not marked cross-site by the browser, and its Origin
 * (when it names one) is this host. Under `Referrer-Policy: no-referrer` browsers send
 * `Origin: null` for their own form posts, so "null" proves nothing either way: the token decides.
 */
export function sameOrigin(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return false;
  const origin = c.req.header('origin');
  if (origin === undefined || origin === 'null') return true;
  try {
    const host = c.req.header('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host;
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Checks a POST: same origin, and the form's token equals the signed cookie's. */
export async function verifyCsrf(
  c: Context,
  secrets: WebSecrets,
  form: Record<string, unknown>,
): Promise<boolean> {
  if (!sameOrigin(c)) return false;
  const cookie = await getSignedCookie(c, secrets.cookieKey, CSRF_COOKIE);
  const field = form[CSRF_FIELD];
  return typeof cookie === 'string' && typeof field === 'string' && sameText(cookie, field);
}
