import { describe, expect, test } from 'vitest';
import { discoveryRequest, readDiscovery } from '../../../../src/core/protocol/discovery.ts';
import type { Exchange } from '../../../../src/core/protocol/http.ts';
import { fallbackEndpoints } from '../../../../src/core/profile/presets.ts';
import { inEnglish } from '../../../support/words.ts';

const ISSUER = 'https://id.btgpactual.com';
const answered = (status: number, body: string): Exchange => ({
  role: 'discovery',
  request: discoveryRequest(ISSUER),
  response: { status, statusText: '', headers: {}, body },
  startedAt: 0,
  durationMs: 1,
});

describe('discovery (OIDC Discovery §4)', () => {
  test('the well-known URL is appended to the issuer, trailing slash or not', () => {
    expect(discoveryRequest(`${ISSUER}/`).url).toBe(`${ISSUER}/.well-known/openid-configuration`);
  });

  test('a matching document gives its endpoints', () => {
    const doc = {
      issuer: ISSUER,
      authorization_endpoint: 'https://a',
      token_endpoint: 'https://t',
      jwks_uri: 'https://j',
    };
    expect(readDiscovery(answered(200, JSON.stringify(doc)), ISSUER)).toMatchObject({
      status: 'found',
      server: { endpoints: { authorization: 'https://a', token: 'https://t', jwks: 'https://j' } },
    });
  });

  test('published endpoints pass the rules typed ones do; each bad one is named', () => {
    const doc = {
      issuer: ISSUER,
      authorization_endpoint: 'https://a/authorize#frag',
      token_endpoint: 'http://evil.example/token',
      jwks_uri: 'https://user:pw@j/jwks',
      userinfo_endpoint: 42,
      revocation_endpoint: 'http://127.0.0.1:4010/revoke',
      introspection_endpoint: 'https://op.example/introspect\u001b[201~\u0015touch /tmp/x\n',
    };
    const outcome = readDiscovery(answered(200, JSON.stringify(doc)), ISSUER);
    expect(outcome.status === 'found' && outcome.problems.map((p) => inEnglish(p))).toEqual([
      'authorization_endpoint in the discovery document must not contain a #fragment.',
      'token_endpoint in the discovery document must use https://: http:// is allowed only on loopback (127.0.0.0/8, localhost, [::1]), because the client secret and the code would otherwise travel in clear.',
      'jwks_uri in the discovery document must not contain a user name or password.',
      'userinfo_endpoint in the discovery document is not a string.',
      'revocation_endpoint is http://127.0.0.1:4010/revoke, on this computer (loopback), while the issuer is not: a remote provider may not send the extension’s requests to a local service',
      'introspection_endpoint in the discovery document holds a control character or a space, which a URL may not carry.',
    ]);
  });

  test('a loopback issuer may publish loopback endpoints; a redirect is never followed, and says so', () => {
    const local = 'http://127.0.0.1:4010';
    const doc = {
      issuer: local,
      token_endpoint: `${local}/token`,
      revocation_endpoint: 'http://localhost:9/r',
    };
    const outcome = readDiscovery(answered(200, JSON.stringify(doc)), local);
    expect(outcome.status === 'found' && outcome.problems).toEqual([]);
    const redirected = {
      role: 'discovery' as const,
      request: { method: 'GET' as const, url: `${ISSUER}/.well-known/openid-configuration`, headers: {} },
      failure: { code: 'redirect' as const },
      startedAt: 0,
      durationMs: 1,
    };
    expect(readDiscovery(redirected, ISSUER)).toEqual({ status: 'redirected', url: redirected.request.url });
  });

  test('a document for another issuer is a mismatch, even one differing only by a trailing slash', () => {
    expect(readDiscovery(answered(200, JSON.stringify({ issuer: `${ISSUER}/` })), ISSUER)).toEqual({
      status: 'mismatch',
      expected: ISSUER,
      actual: `"${ISSUER}/"`,
    });
  });

  test.each([
    [answered(404, 'not found'), 'HTTP 404'],
    [answered(200, '{oops'), 'not a JSON object'],
    [answered(200, '"text"'), 'not a JSON object'],
  ])('an unusable answer falls back (%#)', (exchange, reason) => {
    const outcome = readDiscovery(exchange, ISSUER);
    expect(outcome.status).toBe('unavailable');
    expect(outcome.status === 'unavailable' && inEnglish(outcome.reason)).toContain(reason);
  });

  test('the fallback is BTG Id’s documented paths', () => {
    expect(fallbackEndpoints(`${ISSUER}/`)).toEqual({
      authorization: `${ISSUER}/oauth2/authorize`,
      token: `${ISSUER}/oauth2/token`,
      jwks: '',
    });
  });
});
