import { inEnglish, hintInEnglish } from '../../../support/words.ts';
import { describe, expect, test } from 'vitest';
import type { Exchange } from '../../../../src/core/protocol/http.ts';
import type { FlowErrorInfo } from '../../../../src/core/flow-error.ts';
import {
  carriesCredentials,
  clientCredentialsRequest,
  formPost,
  readTokenResponse,
  tokenRequest,
} from '../../../../src/core/protocol/token.ts';
import { authed, secretClient } from '../../../support/client.ts';
import { basicAuthorization } from '../../../../src/core/protocol/client-auth.ts';

const client = (clientSecret: string) => secretClient('app', clientSecret);

const exchange = (status: number, body: string, headers: Record<string, string> = {}): Exchange => ({
  role: 'token',
  request: { method: 'POST', url: 'https://id.example/oauth2/token', headers },
  response: { status, statusText: '', headers: {}, body },
  startedAt: 0,
  durationMs: 1,
});

const flowError = (reading: { error?: FlowErrorInfo }): FlowErrorInfo => {
  if (!reading.error) throw new Error('expected an error');
  return reading.error;
};

describe('client authentication (RFC 6749 §2.3.1)', () => {
  test('a secret with reserved characters is form-urlencoded before base64', () => {
    const header = basicAuthorization('my client', 'p:ss%+&');
    expect(atob(header.replace(/^Basic /, ''))).toBe('my+client:p%3Ass%25%2B%26');
  });

  test('every printable ASCII character survives the round trip', () => {
    const secret = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    const [id, pass] = atob(basicAuthorization('c', secret).slice(6)).split(':');
    expect(id).toBe('c');
    expect(new URLSearchParams(`v=${pass}`).get('v')).toBe(secret);
  });
});

describe('token request (RFC 6749 §4.1.3, RFC 7636 §4.5)', () => {
  const base = {
    tokenEndpoint: 'https://id.example/oauth2/token',
    code: 'c0de',
    redirectUri: 'https://x.chromiumapp.org/',
  };

  test('a form body with the code, redirect_uri and verifier; credentials only in the header', async () => {
    const req = await authed(tokenRequest({ ...base, codeVerifier: 'v3r' }), client('s'));
    expect(req.method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'c0de',
      redirect_uri: 'https://x.chromiumapp.org/',
      code_verifier: 'v3r',
    });
    expect(req.headers.authorization).toBe(basicAuthorization('app', 's'));
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  test('a public client (no secret) sends client_id in the body and no Authorization header', async () => {
    const req = await authed(tokenRequest(base), client(''));
    expect(new URLSearchParams(req.body).get('client_id')).toBe('app');
    expect(req.headers.authorization).toBeUndefined();
    expect(new URLSearchParams(req.body).has('code_verifier')).toBe(false);
  });
});

describe('token response (RFC 6749 §5)', () => {
  test('a JSON object with an access_token is returned whole', () => {
    const reading = readTokenResponse(
      exchange(200, '{"access_token":"at","token_type":"Bearer","expires_in":86400}'),
      client('s'),
    );
    expect(reading).toEqual({ fields: { access_token: 'at', token_type: 'Bearer', expires_in: 86400 } });
  });

  test("BTG Id's documented sample (a missing comma) is reported as malformed JSON", () => {
    const sample = '{\n "scope":"openid",\n "id_token":"eyJ"\n "token_type":"Bearer"\n}';
    const error = flowError(readTokenResponse(exchange(200, sample), client('s')));
    expect(error.code).toBe('token_not_json');
    expect(inEnglish(error)).toMatch(/not valid JSON: .+/);
  });

  test('a JSON array or a missing access_token is refused with what was there', () => {
    expect(flowError(readTokenResponse(exchange(200, '[1]'), client('s')))).toMatchObject({
      code: 'token_not_json',
      say: { id: 'tokenNotObject' },
    });
    const missing = flowError(readTokenResponse(exchange(200, '{"token_type":"Bearer"}'), client('s')));
    expect(missing).toMatchObject({ code: 'token_invalid', say: { id: 'tokenNoAccessToken' } });
    expect(missing).not.toHaveProperty('actual');
  });

  test('an OAuth error body gives status, error and description', () => {
    const body = '{"error":"invalid_grant","error_description":"code expired"}';
    const error = flowError(readTokenResponse(exchange(400, body), client('s')));
    expect(error.code).toBe('token_http_error');
    expect(inEnglish(error)).toBe('The token endpoint answered HTTP 400: invalid_grant — code expired');
    expect(hintInEnglish(error)).toBeUndefined();
  });

  test('a refusal of the client’s credentials names the likely causes in order (401, 403, 400 invalid_client, unauthorized_client, empty)', () => {
    const basic = { authorization: 'Basic eA==' };
    const hintOf = (status: number, body: string, secret: string, advertised?: unknown, refresh = false) =>
      hintInEnglish(
        flowError(readTokenResponse(exchange(status, body, basic), client(secret), advertised, { refresh })),
      );
    const plain =
      'Likely causes, most likely first: the client secret is wrong; client_secret_basic is not allowed for this client.';
    expect(hintOf(401, '{"error":"invalid_client"}', 'plain')).toBe(plain);
    expect(hintOf(400, '{"error":"invalid_client"}', 'plain')).toBe(plain);
    // The raw-credential cause is said only when encoding changes something, naming what.
    expect(hintOf(401, '{"error":"invalid_client"}', 'a+b/c')).toMatch(
      /^Likely causes, most likely first: the client secret is wrong; the provider compares the Basic credential raw, .* which changes "\+", "\/": .*; client_secret_basic is not allowed for this client\.$/,
    );
    expect(
      hintOf(401, '{"error":"invalid_client"}', 'plain', ['client_secret_basic', 'client_secret_post']),
    ).toMatch(
      /client_secret_basic is not allowed for this client; the provider also accepts client_secret_post\.$/,
    );
    // For a refresh, the refresh token comes first.
    expect(hintOf(400, '{"error":"invalid_client"}', 'plain', undefined, true)).toMatch(
      /^Likely causes, most likely first: the refresh token was refused \(expired, revoked or already used\); the client secret is wrong;/,
    );
    // Outside RFC 6749: what the standard expects, then the causes.
    expect(hintOf(403, '{"error":"unauthorized_client"}', 'plain')).toBe(
      `RFC 6749 §5.2 expects HTTP 401 when client authentication fails; this provider answered 403. ${plain}`,
    );
    expect(hintOf(400, '', 'plain')).toBe(
      `RFC 6749 §5.2 expects a JSON body with an error code; this HTTP 400 answer has an empty body. ${plain}`,
    );
    // Not about the client: invalid_grant says nothing of the secret; a request without credentials neither.
    expect(hintOf(400, '{"error":"invalid_grant"}', 'a+b')).toBeUndefined();
    expect(
      hintInEnglish(flowError(readTokenResponse(exchange(401, '{"error":"invalid_client"}'), client('a+b')))),
    ).toBeUndefined();
  });

  test('an error code outside RFC 6749 §5.2 is named as the provider’s own', () => {
    const error = flowError(readTokenResponse(exchange(400, '{"error":"invalid_code"}'), client('s')));
    expect(inEnglish(error)).toBe('The token endpoint answered HTTP 400: invalid_code');
    expect(hintInEnglish(error)).toBe(
      '"invalid_code" is not an RFC 6749 §5.2 error code: it is this provider\'s own (see its documentation).',
    );
  });

  test('a non-JSON error page still reports the status', () => {
    const error = flowError(readTokenResponse(exchange(502, '<html>Bad gateway</html>'), client('s')));
    expect(inEnglish(error)).toBe('The token endpoint answered HTTP 502');
  });
});

describe('client authentication methods (RFC 6749 §2.3, OIDC Core §9)', () => {
  const params: [string, string][] = [['grant_type', 'refresh_token']];
  const secret = 'p:ss%wörd+&';
  test('client_secret_post sends both in the body; none sends client_id only', async () => {
    const post = await authed(
      formPost('https://op/t', params),
      secretClient('app', secret, { method: 'client_secret_post' }),
    );
    expect(post.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(post.body))).toEqual({
      grant_type: 'refresh_token',
      client_id: 'app',
      client_secret: secret,
    });
    const none = await authed(
      formPost('https://op/t', params),
      secretClient('spa', secret, { method: 'none' }),
    );
    expect(Object.fromEntries(new URLSearchParams(none.body))).toEqual({
      grant_type: 'refresh_token',
      client_id: 'spa',
    });
    expect(none.headers.authorization).toBeUndefined();
  });

  test('Basic, form-urlencoded by default or raw when the profile asks', async () => {
    const encoded = await authed(formPost('https://op/t', params), secretClient('a:b', secret));
    expect(atob(encoded.headers.authorization!.slice(6))).toBe('a%3Ab:p%3Ass%25w%C3%B6rd%2B%26');
    const raw = await authed(
      formPost('https://op/t', params),
      secretClient('app', secret, { encodeBasic: false }),
    );
    const bytes = Uint8Array.from(atob(raw.headers.authorization!.slice(6)), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toBe(`app:${secret}`);
  });
});

describe('what counts as the client’s credential in a request', () => {
  test('Basic, a secret in the body, or a client assertion (RFC 7523 §2.2): a refusal then names causes', () => {
    const post = (body: string, headers: Record<string, string> = {}) => ({
      method: 'POST' as const,
      url: 'https://op/t',
      headers,
      body,
    });
    expect(carriesCredentials(post('grant_type=x', { Authorization: 'Basic eA==' }))).toBe(true);
    expect(carriesCredentials(post('client_id=a&client_secret=s'))).toBe(true);
    expect(carriesCredentials(post('client_id=a&client_assertion=eyJ.x.y&client_assertion_type=t'))).toBe(
      true,
    );
    expect(carriesCredentials(post('client_id=a&code_verifier=v'))).toBe(false);
  });

  test('a secret-based method refuses to send for a client that holds a key: nothing is made up', async () => {
    const keyed = {
      clientId: 'app',
      credential: { kind: 'key', alg: 'PS256', kid: 'k1', jwk: { kty: 'RSA' }, ref: 'r' } as const,
    };
    await expect(authed(formPost('https://op/t', [['grant_type', 'x']]), keyed)).rejects.toThrow(
      /client_secret_basic needs/,
    );
  });
});

describe('client credentials (RFC 6749 §4.4.2)', () => {
  test('grant_type and the scopes, authenticated; no scope parameter when none are asked', async () => {
    const req = await authed(
      clientCredentialsRequest('https://op/t', ' api:read   api:write '),
      secretClient('svc', 's'),
    );
    expect(req.body).toBe('grant_type=client_credentials&scope=api%3Aread+api%3Awrite');
    expect(req.headers.authorization).toBe(basicAuthorization('svc', 's'));
    expect(clientCredentialsRequest('https://op/t', '').body).toBe('grant_type=client_credentials');
  });
});
