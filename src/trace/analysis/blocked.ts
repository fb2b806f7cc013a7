import { say, type Said } from '../../core/i18n/say.ts';
import { header, type HarEntry } from './har.ts';
import type { TraceEvent } from './trace-types.ts';

/**
 * Why a request the login needed never reached the page, as the HAR tells it: Chrome's `_error`
 * (`net::ERR_FAILED`, `net::ERR_BLOCKED_BY_CLIENT`…), a failed CORS preflight (an `OPTIONS` answered
 * 4xx, or without `Access-Control-Allow-Origin` for the page's origin), or an answer the page may not read.
 * `preflight`: the `OPTIONS` at the same URL the HAR holds, if any.
 */
export function blockedCall(
  kind: TraceEvent['kind'],
  entry: HarEntry,
  preflight: HarEntry | undefined,
): Said | undefined {
  const { request, response } = entry;
  const origin = header(request.headers, 'origin');
  const allows = (e: HarEntry) => {
    const allowed = header(e.response.headers, 'access-control-allow-origin');
    return allowed === '*' || (origin !== undefined && allowed === origin);
  };
  const failed = response.status === 0 || response.error !== undefined;
  const what = response.error ?? `HTTP ${response.status}`;
  const call = say(`traceKind_${kind}`);
  if (preflight && preflight.response.status >= 400)
    return say('dxBlockedCall', call, what, say('dxPreflightRefused', preflight.response.status));
  if (preflight && origin && !allows(preflight) && failed)
    return say('dxBlockedCall', call, what, say('dxPreflightNoOrigin', origin));
  if (!failed) return undefined;
  if (origin && response.status !== 0 && !allows(entry))
    return say('dxBlockedCall', call, what, say('dxNoAllowOrigin', origin));
  return kind === 'token' && !response.error
    ? undefined
    : say('dxBlockedCall', call, what, say('dxBlockedOther'));
}
