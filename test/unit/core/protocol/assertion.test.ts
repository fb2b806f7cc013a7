import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, test } from 'vitest';
import {
  ASSERTION_LIFETIME_S,
  assertionClaims,
  JWT_BEARER,
} from '../../../../src/core/protocol/assertion.ts';
import { formPost, readTokenResponse } from '../../../../src/core/protocol/token.ts';
import { clientOf } from '../../../../src/core/protocol/client-auth.ts';
import { profileSnapshot } from '../../../../src/core/profile/profile-snapshot.ts';
import { hintInEnglish } from '../../../support/words.ts';
import { sentAssertion } from '../../../../src/core/view/assertion.ts';
import { curlCommand } from '../../../../src/core/report/curl.ts';
import { redactRun } from '../../../../src/core/report/redact.ts';
import { sentAssertions } from '../../../../src/core/run/answer-secrets.ts';
import { addAssertions, appendStep, finishRun, newRun } from '../../../../src/core/run/run.ts';
import { defaultProfile } from '../../../../src/core/profile/profile.ts';
import { authed, fixedTools, secretClient } from '../../../support/client.ts';
import { webRandom } from '../../../../src/core/protocol/random.ts';

const NOW = 1_790_000_000_000; // a frozen clock
const SECRET = 'jwt-secret-0123456789abcdef-0123456789';

describe('client assertions (RFC 7523 §3, OIDC Core §9)', () => {
  test('iss = sub = client ID, aud the issuer, issued now, good for a minute, a fresh jti each time', () => {
    const tools = { now: () => NOW, random: webRandom };
    const claims = assertionClaims('app', 'https://op.example', tools);
    expect(claims).toMatchObject({
      iss: 'app',
      sub: 'app',
      aud: 'https://op.example',
      iat: NOW / 1000,
      exp: NOW / 1000 + ASSERTION_LIFETIME_S,
    });
    expect(ASSERTION_LIFETIME_S).toBeLessThanOrEqual(60);
    const jtis = new Set(Array.from({ length: 50 }, () => assertionClaims('app', 'x', tools).jti));
    expect(jtis.size).toBe(50);
    expect(claims.jti.length).toBeGreaterThanOrEqual(22); // 128 bits
  });

  test('client_secret_jwt: the JWT verifies with the secret (HS256); the secret itself is never sent', async () => {
    const client = secretClient('jwt-app', SECRET, { method: 'client_secret_jwt' });
    const request = await authed(formPost('https://id.example/token', [['grant_type', 'x']]), client);
    const form = new URLSearchParams(request.body);
    expect(request.headers.authorization).toBeUndefined();
    expect(form.get('client_id')).toBe('jwt-app');
    expect(form.get('client_assertion_type')).toBe(JWT_BEARER);
    expect(request.body).not.toContain(SECRET);
    const assertion = form.get('client_assertion')!;
    expect(decodeProtectedHeader(assertion)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(assertion, new TextEncoder().encode(SECRET), {
      issuer: 'jwt-app',
      subject: 'jwt-app',
      audience: 'https://id.example',
      currentDate: new Date(fixedTools.now()),
    });
    expect(payload.exp! - payload.iat!).toBe(ASSERTION_LIFETIME_S);
    // Signed with another secret, it does not verify.
    await expect(jwtVerify(assertion, new TextEncoder().encode(`${SECRET}x`))).rejects.toThrow();
  });

  test('a sent assertion is a run secret: its claims stay on disk, its signature does not; curl asks for a fresh one', async () => {
    const client = secretClient('jwt-app', SECRET, { method: 'client_secret_jwt' });
    const request = await authed(formPost('https://id.example/token', [['grant_type', 'x']]), client);
    const exchange = { role: 'token' as const, request, startedAt: NOW, durationMs: 1 };
    const assertion = sentAssertions([exchange]);
    expect(assertion).toHaveLength(1);
    const [header, claims, signature] = assertion[0]!.split('.');
    const run = finishRun(
      appendStep(addAssertions(newRun('r', defaultProfile('https://x.chromiumapp.org/'), NOW), assertion), {
        kind: 'token',
        status: 'failed',
        at: NOW,
        exchanges: [exchange],
      }),
      NOW + 1,
    );
    // The page shows it decoded; a request without one shows nothing more.
    expect(sentAssertion(request)?.claims).toMatchObject({ iss: 'jwt-app', aud: 'https://id.example' });
    expect(sentAssertion({ ...request, body: 'grant_type=x' })).toBeUndefined();
    const disk = JSON.stringify(redactRun(run));
    expect(disk).toContain(`${header}.${claims}`);
    expect(disk).not.toContain(signature);
    const command = curlCommand(exchange, run.secrets, 'jwt-app');
    expect(command).toContain('"${CLIENT_ASSERTION}"');
    expect(command).not.toContain(signature);
    expect(command).toMatch(/build a fresh one/);
  });

  test('the audience: the issuer by default, the endpoint the request goes to when the profile says so', async () => {
    const audienceOf = async (more: { audience?: 'endpoint' }) => {
      const client = { ...secretClient('jwt-app', SECRET, { method: 'client_secret_jwt' }), ...more };
      const request = await authed(
        formPost('https://id.example/oauth2/token', [['grant_type', 'x']]),
        client,
      );
      return decodeJwt(new URLSearchParams(request.body).get('client_assertion')!).aud;
    };
    expect(await audienceOf({})).toBe('https://id.example');
    expect(await audienceOf({ audience: 'endpoint' })).toBe('https://id.example/oauth2/token');
    const profile = {
      ...defaultProfile('https://x.chromiumapp.org/'),
      clientAuth: 'client_secret_jwt' as const,
    };
    expect(clientOf({ ...profile, assertionAudience: 'endpoint' }, undefined).audience).toBe('endpoint');
    expect(clientOf({ ...profile, assertionAudience: 'issuer' }, undefined)).not.toHaveProperty('audience');
    expect(profileSnapshot({ ...profile, assertionAudience: 'issuer' })).not.toHaveProperty(
      'assertionAudience',
    );
  });

  test('an assertion refused: the secret, then the audience, then the clock when the provider’s Date is off', () => {
    const client = secretClient('jwt-app', SECRET, { method: 'client_secret_jwt' });
    const refused = (date: string) => ({
      role: 'token' as const,
      request: {
        method: 'POST' as const,
        url: 'https://id.example/token',
        headers: {},
        body: 'client_assertion=x.y.z',
      },
      response: { status: 401, statusText: '', headers: { date }, body: '{"error":"invalid_client"}' },
      startedAt: NOW,
      durationMs: 1,
    });
    const inTime = hintInEnglish(
      readTokenResponse(refused(new Date(NOW + 2_000).toUTCString()), client).error,
    );
    expect(inTime).toMatch(
      /the client secret is wrong; the provider wants the token endpoint’s URL as the assertion’s audience/,
    );
    expect(inTime).not.toMatch(/clocks disagree/);
    const late = hintInEnglish(
      readTokenResponse(refused(new Date(NOW + 300_000).toUTCString()), client).error,
    );
    expect(late).toMatch(
      /the clocks disagree: the provider’s Date was .* when this computer’s was .*, and the assertion lives only a minute/,
    );
    const toEndpoint = hintInEnglish(
      readTokenResponse(refused(new Date(NOW).toUTCString()), { ...client, audience: 'endpoint' }).error,
    );
    expect(toEndpoint).toMatch(
      /wants its issuer identifier as the assertion’s audience \(aud\), as FAPI 2.0 requires/,
    );
  });
});
