import type { FlowErrorInfo } from '../flow-error.ts';
import type { Exchange, HttpRequest } from './http.ts';
import { decodeToken } from './jwt.ts';
import { parsedObject } from './discovery.ts';
import { say } from '../i18n/say.ts';
import type { MessageId } from '../i18n/words.ts';

/**
 * OIDC Core §5.3.1: a GET with the access token in the Authorization header under its token type's
 * scheme (`Bearer`, RFC 6750 §2.1; `DPoP`, RFC 9449 §7.1, with its proof added by the transport),
 * never in the query (RFC 6750 §2.3).
 */
export const userinfoRequest = (endpoint: string, accessToken: string, scheme = 'Bearer'): HttpRequest => ({
  method: 'GET',
  url: endpoint,
  headers: { authorization: `${scheme} ${accessToken}`, accept: 'application/json, application/jwt' },
});

/** RFC 6750 §3: `Bearer realm="…", error="invalid_token", error_description="…"` as name/value pairs. */
export function bearerChallenge(header: string | undefined): Record<string, string> {
  if (!header) return {};
  return Object.fromEntries(
    [...header.matchAll(/([a-zA-Z_]+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [
      m[1]!,
      m[2]!.replace(/\\(.)/g, '$1'),
    ]),
  );
}

const ERROR_MEANING: Record<string, MessageId> = {
  invalid_token: 'bearerInvalidToken',
  insufficient_scope: 'bearerInsufficientScope',
  invalid_request: 'bearerInvalidRequest',
};

export interface UserinfoReading {
  /** The claims, from a JSON body or the payload of an `application/jwt` one. */
  claims?: Record<string, unknown>;
  /** The signed (or encrypted) response itself, when the provider answered with a JWT. */
  jwt?: string;
  error?: FlowErrorInfo;
}

/** Reads a UserInfo response (OIDC Core §5.3.2, §5.3.3), explaining a WWW-Authenticate refusal. */
export function readUserinfo(exchange: Exchange): UserinfoReading {
  const res = exchange.response;
  if (!res)
    return {
      error: exchange.failure ?? { code: 'network', ...say('noResponse') },
    };
  if (res.status < 200 || res.status > 299) {
    const challenge = bearerChallenge(res.headers['www-authenticate']);
    const meaning =
      challenge.error && Object.hasOwn(ERROR_MEANING, challenge.error)
        ? ERROR_MEANING[challenge.error]
        : undefined;
    const said = [challenge.error, challenge.error_description].filter(Boolean).join(' — ');
    const status = `${res.status}${said ? `: ${said}` : ''}`;
    return {
      error: {
        code: 'provider_error',
        ...(meaning ? say('userinfoHttpMeaning', status, say(meaning)) : say('userinfoHttp', status)),
        actual: String(res.status),
      },
    };
  }
  const type = (res.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/jwt') {
    const jwt = res.body.trim();
    const decoded = decodeToken(jwt);
    return decoded.kind === 'jwt'
      ? { jwt, claims: decoded.claims }
      : {
          jwt,
          error: {
            code: 'token_invalid',
            ...say('userinfoBadJwt', decoded.kind),
          },
        };
  }
  const claims = parsedObject(res.body);
  return claims
    ? { claims }
    : {
        error: {
          code: 'token_not_json',
          ...say('userinfoNotJson'),
        },
      };
}
