import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes in base64url: 43 characters, 256 bits. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A new secret link token. It is shown to the user once and only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 of the token, or null when the text cannot be a token (treated as "not found"). */
export function hashToken(token: unknown): Buffer | null {
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return null;
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Constant-time comparison of a stored hash with a computed one. */
export function sameHash(stored: Uint8Array, computed: Uint8Array): boolean {
  return stored.length === computed.length && timingSafeEqual(stored, computed);
}
