import { describe, expect, test } from 'vitest';
import type { Exchange } from '../../../src/core/http.ts';
import type { FlowErrorInfo } from '../../../src/core/flow-error.ts';
import {
  authenticatedPost,
  basicAuthorization,
  clientCredentialsRequest,
  invalidClientHint,
  readTokenResponse,
  tokenRequest,
} from '../../../src/core/token.ts';

const client = (clientSecret: string) => ({ clientId: 'app', clientSecret });

const exchange = (status: number, body: string): Exchange => ({
  request: { method: 'POST', url: 'https://id.example/oauth2/token', headers: {} },
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
    clientId: 'app',
  };

  test('a form body with the code, redirect_uri and verifier; credentials only in the header', () => {
    const req = tokenRequest({ ...base, clientSecret: 's', codeVerifier: 'v3r' });
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

  test('a public client (no secret) sends client_id in the body and no Authorization header', () => {
    const req = tokenRequest({ ...base, clientSecret: '' });
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
    expect(error.message).toMatch(/not valid JSON: .+/);
  });

  test('a JSON array or a missing access_token is refused with what was there', () => {
    expect(flowError(readTokenResponse(exchange(200, '[1]'), client('s'))).code).toBe('token_not_json');
    const missing = flowError(readTokenResponse(exchange(200, '{"token_type":"Bearer"}'), client('s')));
    expect(missing).toMatchObject({ code: 'token_invalid', actual: '(missing)' });
  });

  test('an OAuth error body gives status, error and description', () => {
    const body = '{"error":"invalid_grant","error_description":"code expired"}';
    const error = flowError(readTokenResponse(exchange(400, body), client('s')));
    expect(error.code).toBe('token_http_error');
    expect(error.message).toBe('The token endpoint answered HTTP 400: invalid_grant — code expired');
    expect(error.hint).toBeUndefined();
  });

  test('invalid_client with a secret holding reserved characters hints at un-encoded secrets', () => {
    const body = '{"error":"invalid_client"}';
    expect(flowError(readTokenResponse(exchange(401, body), client('a+b'))).hint).toMatch(/un-encoded/);
    expect(flowError(readTokenResponse(exchange(401, body), client('plain'))).hint).toBeUndefined();
  });

  test('a non-JSON error page still reports the status', () => {
    const error = flowError(readTokenResponse(exchange(502, '<html>Bad gateway</html>'), client('s')));
    expect(error.message).toBe('The token endpoint answered HTTP 502');
  });
});

describe('client authentication methods (RFC 6749 §2.3, OIDC Core §9)', () => {
  const params: [string, string][] = [['grant_type', 'refresh_token']];
  const secret = 'p:ss%wörd+&';
  test('client_secret_post sends both in the body; none sends client_id only', () => {
    const post = authenticatedPost('https://op/t', params, {
      clientId: 'app',
      clientSecret: secret,
      method: 'client_secret_post',
    });
    expect(post.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(post.body))).toEqual({
      grant_type: 'refresh_token',
      client_id: 'app',
      client_secret: secret,
    });
    const none = authenticatedPost('https://op/t', params, {
      clientId: 'spa',
      clientSecret: secret,
      method: 'none',
    });
    expect(Object.fromEntries(new URLSearchParams(none.body))).toEqual({
      grant_type: 'refresh_token',
      client_id: 'spa',
    });
    expect(none.headers.authorization).toBeUndefined();
  });

  test('Basic, form-urlencoded by default or raw when the profile asks', () => {
    const encoded = authenticatedPost('https://op/t', params, { clientId: 'a:b', clientSecret: secret });
    expect(atob(encoded.headers.authorization!.slice(6))).toBe('a%3Ab:p%3Ass%25w%C3%B6rd%2B%26');
    const raw = authenticatedPost('https://op/t', params, {
      clientId: 'app',
      clientSecret: secret,
      encodeBasic: false,
    });
    const bytes = Uint8Array.from(atob(raw.headers.authorization!.slice(6)), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toBe(`app:${secret}`);
  });

  test('after invalid_client, the methods the provider advertises besides the one used are named', () => {
    const hint = invalidClientHint({ clientId: 'app', clientSecret: 'plain' }, [
      'client_secret_post',
      'client_secret_basic',
      'private_key_jwt',
    ]);
    expect(hint).toEqual({
      hint: 'The provider advertises client_secret_post besides client_secret_basic: choose it under Client authentication and authorize again.',
      sayHint: { id: 'hintOtherMethods', subs: ['client_secret_post', 'client_secret_basic'] },
    });
    expect(invalidClientHint({ clientId: 'app', clientSecret: 'plain' }, undefined)).toBeUndefined();
    expect(
      invalidClientHint({ clientId: 'app', clientSecret: 'a+b' }, ['client_secret_basic'])?.hint,
    ).toMatch(/un-encoded/);
  });
});

describe('client credentials (RFC 6749 §4.4.2)', () => {
  test('grant_type and the scopes, authenticated; no scope parameter when none are asked', () => {
    const req = clientCredentialsRequest('https://op/t', ' api:read   api:write ', {
      clientId: 'svc',
      clientSecret: 's',
    });
    expect(req.body).toBe('grant_type=client_credentials&scope=api%3Aread+api%3Awrite');
    expect(req.headers.authorization).toBe(basicAuthorization('svc', 's'));
    expect(clientCredentialsRequest('https://op/t', '', { clientId: 'svc', clientSecret: 's' }).body).toBe(
      'grant_type=client_credentials',
    );
  });
});
