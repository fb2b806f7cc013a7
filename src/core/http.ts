export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
  /** Set when the body was longer than MAX_BODY_CHARS and only its start was kept. */
  bodyTruncated?: true;
}

/** Far beyond any real OAuth response; keeps a hostile one from filling the session storage. */
export const MAX_BODY_CHARS = 1_000_000;

/** One HTTP exchange exactly as the extension sent and received it. */
export interface Exchange {
  request: HttpRequest;
  response?: HttpResponse;
  /** Set when no response arrived (network failure or timeout). */
  failure?: { code: 'network' | 'timeout'; message: string };
  startedAt: number;
  durationMs: number;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpDeps {
  fetch: FetchLike;
  now: () => number;
  timeoutMs: number;
}

/** Sends `request` and records the exchange; never throws: a failure is part of the record. */
export async function performExchange(request: HttpRequest, deps: HttpDeps): Promise<Exchange> {
  const startedAt = deps.now();
  const done = (rest: Pick<Exchange, 'response' | 'failure'>): Exchange => ({
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
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
    const text = await res.text();
    const headers = Object.fromEntries(res.headers.entries());
    const body = text.slice(0, MAX_BODY_CHARS);
    const truncated = text.length > MAX_BODY_CHARS ? { bodyTruncated: true as const } : {};
    return done({
      response: { status: res.status, statusText: res.statusText, headers, body, ...truncated },
    });
  } catch (e) {
    const err = e as Error;
    if (err.name === 'TimeoutError' || err.name === 'AbortError') {
      const seconds = Math.round(deps.timeoutMs / 1000);
      return done({
        failure: { code: 'timeout', message: `No response from ${request.url} within ${seconds} s.` },
      });
    }
    return done({
      failure: { code: 'network', message: `Could not reach ${request.url}: ${err.message}` },
    });
  }
}
