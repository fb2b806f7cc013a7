import { decodeToken } from '../../core/protocol/jwt.ts';
import { say, type Said } from '../../core/i18n/say.ts';
import { isJwtShaped } from '../../core/run/secret-names.ts';

/*
 * Read a token: whatever a support engineer pastes from a ticket (a JWT, a whole Authorization header, a
 * token response's JSON) split into tokens, each decoded and named. Nothing here verifies or sends anything.
 */

/** What a token is, from its `typ` and its claims (the names its section is titled with). */
export const TOKEN_KINDS = [
  'id_token',
  'access_token_9068',
  'access_token_jwt',
  'logout_token',
  'request_object',
  'dpop_proof',
  'client_assertion',
  'jarm_response',
  'jwt',
  'jwe',
  'opaque',
] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export interface TokenSection {
  /** Where it came from: a JSON field's name, `authorization` for a header, '' for a token pasted alone. */
  from: string;
  token: string;
  kind: TokenKind;
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
}

export type Pasted = { sections: TokenSection[] } | { error: Said };

/** A media type as RFC 7515 §4.1.9 lets `typ` spell it: `application/` may be left out, any case. */
const typOf = (header: Record<string, unknown>) =>
  typeof header.typ === 'string' ? header.typ.toLowerCase().replace(/^application\//, '') : '';

const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** What a decoded JWT is: its `typ` first (RFC 9068, 9449, 9101, 7523bis, Back-Channel Logout), then its claims. */
export function tokenKind(header: Record<string, unknown>, claims: Record<string, unknown>): TokenKind {
  const typ = typOf(header);
  if (typ === 'at+jwt') return 'access_token_9068';
  if (typ === 'dpop+jwt') return 'dpop_proof';
  if (typ === 'oauth-authz-req+jwt') return 'request_object';
  if (typ === 'logout+jwt') return 'logout_token';
  if (typ === 'client-authentication+jwt') return 'client_assertion';
  const has = (name: string) => claims[name] !== undefined;
  const events = claims.events;
  if (events && typeof events === 'object' && LOGOUT_EVENT in events) return 'logout_token';
  if (has('htm') && has('htu')) return 'dpop_proof';
  // JARM (OpenID JARM §2.1): the authorization response's parameters, signed.
  if ((has('code') || has('error')) && has('state') && has('aud')) return 'jarm_response';
  if (has('response_type') && (has('redirect_uri') || has('client_id'))) return 'request_object';
  // OIDC Core §2: only an ID token carries these.
  if (has('nonce') || has('at_hash') || has('c_hash') || has('auth_time')) return 'id_token';
  // RFC 7523 §3: a client's assertion about itself, for one audience, once.
  if (has('iss') && claims.iss === claims.sub && has('jti') && has('aud') && !has('scope'))
    return 'client_assertion';
  if (has('scope') || has('client_id') || has('cnf')) return 'access_token_jwt';
  if (has('sub') && has('aud') && has('iss') && has('exp') && has('iat')) return 'id_token';
  return 'jwt';
}

/** One token's section: decoded when it is a JWT (or a JWE's header), else said opaque. */
function section(from: string, token: string): TokenSection | Said {
  const decoded = decodeToken(token);
  if (decoded.kind === 'jwt') {
    const { header, claims } = decoded;
    return { from, token, kind: tokenKind(header, claims), header, claims };
  }
  if (decoded.kind === 'jwe') return { from, token, kind: 'jwe', header: decoded.header };
  if (decoded.kind === 'malformed') return say('readMalformed', from || 'token', decoded.error);
  return { from, token, kind: 'opaque' };
}

/** A token's characters (RFC 6750 §2.1 b64token, and a JWT's dots): no spaces, no quotes. */
const TOKENISH = /^[A-Za-z0-9\-._~+/]+=*$/;
/** Shorter than this, an "opaque token" is more likely a word than a credential. */
const OPAQUE_MIN = 16;
/** JSON fields that hold tokens in the answers people paste (RFC 6749 §5.1, OIDC Core, RFC 8693, Back-Channel Logout). */
const TOKEN_FIELDS = new Set([
  'access_token',
  'id_token',
  'refresh_token',
  'logout_token',
  'issued_token',
  'request',
  'client_assertion',
  'response',
]);

function fromJson(value: unknown, sections: TokenSection[], problems: Said[], name = '', depth = 0): void {
  if (depth > 16) return;
  if (typeof value === 'string') {
    if (
      isJwtShaped(value) ||
      (TOKEN_FIELDS.has(name) && TOKENISH.test(value) && value.length >= OPAQUE_MIN)
    ) {
      const read = section(name, value);
      if ('say' in read) problems.push(read);
      else sections.push(read);
    }
    return;
  }
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      fromJson(v, sections, problems, Array.isArray(value) ? name : k, depth + 1);
}

/**
 * What was pasted, read: a token response's (or any) JSON gives a section per token in it; an
 * `Authorization` header (with or without its name) gives its token; anything else must be one token.
 */
export function readPasted(text: string): Pasted {
  const pasted = text.trim();
  if (!pasted) return { error: say('readEmpty') };
  if (pasted.startsWith('{') || pasted.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(pasted);
    } catch (e) {
      return { error: say('readJsonBroken', e instanceof Error ? e.message : String(e)) };
    }
    const sections: TokenSection[] = [];
    const problems: Said[] = [];
    fromJson(json, sections, problems);
    if (sections.length) return { sections };
    return { error: problems[0] ?? say('readJsonNoToken') };
  }
  const header = /^(?:authorization\s*:\s*)?(bearer|dpop)\s+(\S+)$/i.exec(pasted);
  const token = header ? header[2]! : pasted;
  const from = header ? 'authorization' : '';
  if (!TOKENISH.test(token)) return { error: say('readNotToken') };
  if (!isJwtShaped(token) && token.split('.').length !== 5 && token.length < OPAQUE_MIN)
    return { error: say('readNotToken') };
  const read = section(from, token);
  return 'say' in read ? { error: read } : { sections: [read] };
}
