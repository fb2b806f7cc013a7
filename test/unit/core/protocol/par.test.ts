import { describe, expect, test } from 'vitest';
import { parChecks } from '../../../../src/core/checks/par-checks.ts';
import type { Exchange } from '../../../../src/core/protocol/http.ts';
import { parRequest, readParResponse, usesPar } from '../../../../src/core/protocol/par.ts';
import { parRequired } from '../../../../src/core/protocol/callback.ts';
import { authed, secretClient } from '../../../support/client.ts';
import { hintInEnglish, inEnglish } from '../../../support/words.ts';

const NOW = 1_790_000_000_000;
const client = secretClient('app', 's3cret');
const answered = (status: number, body: string, headers: Record<string, string> = {}): Exchange => ({
  role: 'par',
  request: {
    method: 'POST',
    url: 'https://op.example/par',
    headers: { authorization: 'Basic x' },
    body: 'a=b',
  },
  response: { status, statusText: '', headers: { 'content-type': 'application/json', ...headers }, body },
  startedAt: NOW,
  durationMs: 1,
});
const statuses = (ex: Exchange) => Object.fromEntries(parChecks(ex).map((c) => [c.id, c.status]));

describe('pushed authorization requests (RFC 9126)', () => {
  test('every authorization parameter in the body, redirect_uri included; the client authenticated as at the token endpoint', async () => {
    const request = await authed(
      parRequest('https://op.example/par', [
        ['client_id', 'app'],
        ['response_type', 'code'],
        ['redirect_uri', 'https://app.example/cb'],
        ['code_challenge', 'c'],
      ]),
      client,
    );
    const form = new URLSearchParams(request.body);
    expect([...form.keys()]).toEqual(['client_id', 'response_type', 'redirect_uri', 'code_challenge']);
    expect(request.method).toBe('POST');
    expect(request.headers.authorization).toMatch(/^Basic /);
  });

  test('a 201 with request_uri and expires_in: the reference, every check passed', () => {
    const ex = answered(201, '{"request_uri":"urn:ietf:params:oauth:request_uri:abc","expires_in":60}');
    expect(readParResponse(ex, client, undefined)).toEqual({
      pushed: { requestUri: 'urn:ietf:params:oauth:request_uri:abc', expiresIn: 60 },
    });
    expect(statuses(ex)).toEqual({ 'par.http': 'pass', 'par.request_uri': 'pass', 'par.expires_in': 'pass' });
    // A 200 is read, but is not what §2.2 says.
    expect(statuses(answered(200, '{"request_uri":"u","expires_in":60}'))['par.http']).toBe('fail');
  });

  test('no request_uri, one that is not a string, an HTML body: each ends the run naming it', () => {
    const missing = readParResponse(answered(201, '{"expires_in":60}'), client, undefined).error;
    expect([missing?.code, inEnglish(missing)]).toEqual([
      'par_invalid',
      'The pushed authorization response has no request_uri (RFC 9126 §2.2): the login window has nothing to carry.',
    ]);
    const number = readParResponse(answered(201, '{"request_uri":42}'), client, undefined).error;
    expect(inEnglish(number)).toBe(
      'The pushed authorization response’s request_uri is 42, not a string (RFC 9126 §2.2).',
    );
    const html = answered(201, '<html><body>Welcome</body></html>', { 'content-type': 'text/html' });
    expect(inEnglish(readParResponse(html, client, undefined).error)).toMatch(
      /\(HTTP 201\) is not a JSON object/,
    );
    expect(statuses(html)).toEqual({
      'par.http': 'fail',
      'par.request_uri': 'fail',
      'par.expires_in': 'fail',
    });
  });

  test('a refusal in the provider’s words; of the client, with the causes as at the token endpoint', () => {
    const refused = readParResponse(
      answered(401, '{"error":"invalid_client","error_description":"client authentication failed"}'),
      client,
      ['client_secret_basic', 'private_key_jwt'],
    ).error;
    expect(refused?.code).toBe('par_refused');
    expect(inEnglish(refused)).toBe(
      'The pushed authorization request endpoint answered HTTP 401: invalid_client — client authentication failed',
    );
    expect(hintInEnglish(refused)).toMatch(/the client secret is wrong/);
    const badRedirect = readParResponse(
      answered(400, '{"error":"invalid_redirect_uri","error_description":"redirect_uri did not match"}'),
      client,
      undefined,
    ).error;
    expect(inEnglish(badRedirect)).toMatch(/HTTP 400: invalid_redirect_uri — redirect_uri did not match/);
  });

  test('pushed when the profile asks, or when discovery requires it whatever the profile says', () => {
    expect(usesPar({}, undefined)).toBe(false);
    expect(usesPar({ usePar: true }, undefined)).toBe(true);
    expect(usesPar({ usePar: false }, { requirePushedAuthorizationRequests: true })).toBe(true);
    expect(usesPar({}, { requirePushedAuthorizationRequests: false })).toBe(false);
  });

  test('a provider’s "must be pushed" answer is recognised (oidc-provider’s words, either spelling), nothing else', () => {
    expect(parRequired('invalid_request', 'Pushed Authorization Request must be used')).toBe(true);
    expect(parRequired('invalid_request', 'pushed authorisation request required')).toBe(true);
    expect(parRequired('invalid_request', 'missing required parameter')).toBe(false);
    expect(parRequired('access_denied', 'Pushed Authorization Request must be used')).toBe(false);
    expect(parRequired('invalid_request', undefined)).toBe(false);
  });
});
