import { createHmac } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * Who a request comes from, for rate limits: used by the API and the web pages alike, so it sits
 * in neither (the web pages import nothing of the API).
 *
 * @example clientKeyFn({ secret: 's' })(c) // 'b3Jp…' (32 characters, never the address itself)
 */
function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // in-process requests (tests) have no socket
  }
}

/**
 * How a request's client is recognised for rate limiting. Behind one trusted proxy the client
 * is the last X-Forwarded-For hop (the one the proxy added); otherwise the socket's address.
 * The address is reduced to an HMAC so no counter row ever holds an IP address.
 */
export function clientKeyFn(options: {
  clientIp?: ((c: Context) => string | undefined) | undefined;
  trustProxy?: boolean | undefined;
  secret?: string | undefined;
}): (c: Context) => string {
  const secret = options.secret ?? 'routewise-rate-limit';
  return (c) => {
    let ip = options.clientIp?.(c);
    if (ip === undefined && options.trustProxy) {
      const hops = c.req
        .header('x-forwarded-for')
        ?.split(',')
        .map((h) => h.trim())
        .filter(Boolean);
      ip = hops?.[hops.length - 1];
    }
    ip ??= socketAddress(c) ?? 'unknown';
    return createHmac('sha256', secret).update(ip).digest('base64url').slice(0, 32);
  };
}
