import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'gf_session';
/** Readable by the page on purpose: it sends the value back in `x-csrf-token` (double submit). */
export const CSRF_COOKIE = 'gf_csrf';
export const DEVICE_COOKIE = 'gf_device';
export const CSRF_HEADER = 'x-csrf-token';

/** A device stays enrolled for about a year of shifts. */
const DEVICE_SECONDS = 400 * 24 * 3600;

function base(request: FastifyRequest): CookieSerializeOptions {
  // Secure when the request came over https (directly or, with TRUST_PROXY, via the proxy).
  return { path: '/', sameSite: 'lax', secure: request.protocol === 'https' };
}

export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  csrfToken: string,
  maxAge: number,
): void {
  reply.setCookie(SESSION_COOKIE, token, { ...base(request), httpOnly: true, maxAge });
  reply.setCookie(CSRF_COOKIE, csrfToken, { ...base(request), httpOnly: false, maxAge });
}

export function setCsrfCookie(request: FastifyRequest, reply: FastifyReply, csrfToken: string): void {
  reply.setCookie(CSRF_COOKIE, csrfToken, { ...base(request), httpOnly: false });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { ...base(request), httpOnly: true });
}

export function setDeviceCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(DEVICE_COOKIE, token, { ...base(request), httpOnly: true, maxAge: DEVICE_SECONDS });
}
