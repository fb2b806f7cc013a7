import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, test } from 'vitest';
import {
  ASSERTION_LIFETIME_S,
  assertionClaims,
  JWT_BEARER,
} from '../../../../src/core/protocol/assertion.ts';
import { formPost } from '../../../../src/core/protocol/token.ts';
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
    const disk = JSON.stringify(redactRun(run));
    expect(disk).toContain(`${header}.${claims}`);
    expect(disk).not.toContain(signature);
    const command = curlCommand(exchange, run.secrets, 'jwt-app');
    expect(command).toContain('"${CLIENT_ASSERTION}"');
    expect(command).not.toContain(signature);
    expect(command).toMatch(/build a fresh one/);
  });
});
