import { messageOf, type Say } from '../flow-error.ts';
import { say, type Said } from '../i18n/say.ts';
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
  /** Set when the body was longer than MAX_BODY_CHARS: reading stopped there, and only its start was kept. */
  bodyTruncated?: true;
  /** Set on a history copy whose body was cut to its start (`cappedForDisk`): the body's length before. */
  bodyCutFrom?: number;
  /** Where the answer came from, in runs stored when discovery and keys followed redirects. */
  finalUrl?: string;
}

/** Far beyond any real OAuth response; keeps a hostile one from filling the session storage. */
export const MAX_BODY_CHARS = 1_000_000;

/**
 * What an exchange was for (design.md: one transport records each exchange's role; nothing reads an
 * exchange by its position in a step).
 */
export const EXCHANGE_ROLES = [
  'discovery',
  'jwks',
  'jwks-again',
  'authorize-reread',
  'par',
  'token',
  'nonce-retry',
  'userinfo',
  'introspection',
  'revocation',
  'device-authorization',
  'device-poll',
  'api',
] as const;
export type ExchangeRole = (typeof EXCHANGE_ROLES)[number];

/** One HTTP exchange exactly as the extension sent and received it. */
export interface Exchange {
  /** What it was for; a run stored before roles gets them by migration (`core/run/migrations/4-…`). */
  role: ExchangeRole;
  request: HttpRequest;
  response?: HttpResponse;
  /** Set when no usable response arrived: a network failure, a timeout, or a redirect not followed. */
  failure?: {
    code: 'network' | 'timeout' | 'redirect' | 'not_granted';
    say?: Say;
    /** Runs stored before message ids. */ message?: string;
  };
  startedAt: number;
  durationMs: number;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpDeps {
  fetch: FetchLike;
  now: () => number;
  timeoutMs: number;
}

/** A request that proves something (an Authorization or DPoP header, or any body: every form we post carries one). */
export const carriesCredential = (request: HttpRequest): boolean =>
  request.body !== undefined || Object.keys(request.headers).some((h) => /^(authorization|dpop)$/i.test(h));

const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

/** Reads the body as text, and stops reading (cancels the stream) once it passes MAX_BODY_CHARS. */
async function readCapped(res: Response): Promise<{ text: string; truncated: boolean }> {
  if (!res.body) return { text: '', truncated: false };
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), truncated: false };
    text += decoder.decode(value, { stream: true });
    if (text.length > MAX_BODY_CHARS) {
      void reader.cancel();
      return { text: text.slice(0, MAX_BODY_CHARS), truncated: true };
    }
  }
}

/** The record of a request that was never sent: its host was not granted (the transport's guard). */
export const notGranted = (request: HttpRequest, role: ExchangeRole, now: number): Exchange => ({
  role,
  request,
  failure: { code: 'not_granted', ...say('httpNotGranted', originOf(request.url)) },
  startedAt: now,
  durationMs: 0,
});

/**
 * Sends `request` and records the exchange in its `role`; never throws: a failure is part of the
 * record. The worker reaches it only through its transport (`background/transport.ts`).
 */
export async function performExchange(
  request: HttpRequest,
  deps: HttpDeps,
  role: ExchangeRole,
): Promise<Exchange> {
  const startedAt = deps.now();
  const done = (rest: Pick<Exchange, 'response' | 'failure'>): Exchange => ({
    role,
    request,
    ...rest,
    startedAt,
    durationMs: deps.now() - startedAt,
  });
  try {
    const res = await deps.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      credentials: 'omit',
      cache: 'no-store',
      // No request follows a redirect (a 3xx ends the exchange): a provider's answer must not carry a
      // credential, or a request, to a host the person never pointed the extension at.
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
    // A browser answers a manual redirect with an opaque response (status 0); Node with the 3xx itself.
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
      void res.body?.cancel();
      return done({
        failure: { code: 'redirect', ...say('httpRedirect', request.url) },
      });
    }
    const { text, truncated } = await readCapped(res);
    return done({
      response: {
        status: res.status,
        statusText: res.statusText,
        headers: Object.fromEntries(res.headers.entries()),
        body: text,
        ...(truncated ? { bodyTruncated: true as const } : {}),
      },
    });
  } catch (e) {
    if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) {
      const seconds = Math.round(deps.timeoutMs / 1000);
      return done({
        failure: { code: 'timeout', ...say('httpTimeout', request.url, seconds) },
      });
    }
    return done({
      failure: { code: 'network', ...say('httpNetwork', request.url, messageOf(e)) },
    });
  }
}

/** Why an exchange has no response, as words of ours (or as a run stored before message ids said it). */
export const failureOf = (exchange: Exchange): Said =>
  exchange.failure?.say ? { say: exchange.failure.say } : say('answerNone');

/** Whether a request proved who the client is: a Basic credential, a secret or an assertion in the body. */
export const carriesCredentials = (request: HttpRequest): boolean => {
  const form = new URLSearchParams(request.body ?? '');
  return (
    Object.keys(request.headers).some((h) => h.toLowerCase() === 'authorization') ||
    form.has('client_secret') ||
    form.has('client_assertion')
  );
};
