import { describe, expect, test } from 'vitest';
import { introspectionChecks, revocationChecks } from '../../../../src/core/checks/action-checks.ts';
import type { Exchange } from '../../../../src/core/protocol/http.ts';
import {
  introspectionRequest,
  readIntrospection,
  readRevocation,
  revocationRequest,
} from '../../../../src/core/protocol/token-admin.ts';
import { basicAuthorization } from '../../../../src/core/protocol/client-auth.ts';
import { hintInEnglish, inEnglish } from '../../../support/words.ts';
import { authed, secretClient } from '../../../support/client.ts';

const client = secretClient('app', 's3cr:et');
const answered = (status: number, body: string): Exchange => ({
  role: 'revocation',
  request: revocationRequest('https://op.example/revoke', 'rt', 'refresh_token'),
  response: { status, statusText: '', headers: {}, body },
  startedAt: 0,
  durationMs: 1,
});

describe('revocation (RFC 7009) and introspection (RFC 7662)', () => {
  test('authenticated like the token request, with the token and its type hint in the body', async () => {
    const revoke = await authed(
      revocationRequest('https://op.example/revoke', 'rt+1', 'refresh_token'),
      client,
    );
    expect(revoke.headers.authorization).toBe(basicAuthorization('app', 's3cr:et'));
    expect(revoke.body).toBe('token=rt%2B1&token_type_hint=refresh_token');
    const publicClient = await authed(
      introspectionRequest('https://op.example/introspect', 'at', 'access_token'),
      secretClient('spa', ''),
    );
    expect(publicClient.headers.authorization).toBeUndefined();
    expect(publicClient.body).toBe('token=at&token_type_hint=access_token&client_id=spa');
  });

  test('revocation: 200 is success; an error body is named', () => {
    expect(readRevocation(answered(200, ''))).toBeUndefined();
    expect(revocationChecks(answered(200, ''))[0]?.status).toBe('pass');
    expect(inEnglish(readRevocation(answered(400, '{"error":"unsupported_token_type"}')))).toBe(
      'The revocation endpoint answered HTTP 400: unsupported_token_type.',
    );
    // RFC 7009's own code is standard: nothing to explain.
    expect(
      hintInEnglish(
        readRevocation(answered(400, '{"error":"unsupported_token_type"}'), secretClient('a', 's')),
      ),
    ).toBeUndefined();
    expect(revocationChecks(answered(503, ''))[0]?.status).toBe('fail');
  });

  test('a refusal outside RFC 6749 says what the standard expects, and why the client may be refused', () => {
    const client = secretClient('app', 's');
    const refused = {
      ...answered(400, ''),
      request: { ...answered(400, '').request, headers: { authorization: 'Basic eA==' } },
    };
    expect(hintInEnglish(readRevocation(refused, client))).toBe(
      'RFC 6749 §5.2 expects a JSON body with an error code; this HTTP 400 answer has an empty body. Likely causes, most likely first: the client secret is wrong; client_secret_basic is not allowed for this client.',
    );
    expect(hintInEnglish(readIntrospection(answered(400, '{"error":"token_gone"}'), client).error)).toBe(
      '"token_gone" is not an RFC 6749 §5.2 error code: it is this provider\'s own (see its documentation).',
    );
  });

  test('introspection: active must be a boolean; other fields are shown as they came', () => {
    const live = answered(200, '{"active":true,"scope":"openid","client_id":"app","exp":1790000000}');
    expect(readIntrospection(live).fields).toMatchObject({ active: true, client_id: 'app' });
    expect(introspectionChecks(live, readIntrospection(live).fields).map((c) => c.status)).toEqual([
      'pass',
      'pass',
    ]);
    const odd = answered(200, '{"active":"yes"}');
    expect(introspectionChecks(odd, readIntrospection(odd).fields)[1]?.status).toBe('fail');
    expect(readIntrospection(answered(200, 'nope')).error?.code).toBe('token_not_json');
  });
});
