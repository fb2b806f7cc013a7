import { generateKeyPair, SignJWT } from 'jose';
import { authed, secretClient } from './client.ts';
import { expect } from 'vitest';
import type { Exchange } from '../../src/core/protocol/http.ts';
import { decodeToken } from '../../src/core/protocol/jwt.ts';
import { defaultProfile } from '../../src/core/profile/profile.ts';
import { addSecrets, appendStep, finishRun, newRun, type Run } from '../../src/core/run/run.ts';
import { tokenRequest } from '../../src/core/protocol/token.ts';
import { basicAuthorization } from '../../src/core/protocol/client-auth.ts';

/** One finished run shared by the redaction, report and curl tests. */
export const NOW = 1_790_000_000_000;
// Distinctive values, with characters that change under URL- and form-encoding.
export const SECRET = 'Zq9-SECRET:with%reserved&chars+ and "quotes"/~';
export const CODE = 'CODE-7f3a9c+e/1=';
export const VERIFIER = 'VERIFIER-b41d0e2f9a8c7b6a5d4e3f2a1b0c9d8e7f6a5b4c3d2';
export const REFRESH = 'REFRESH-91be7a0c55';
export const OPAQUE_AT = 'OPAQUE-ACCESS-3c0ffee';
export const CLIENT = 'my client';

export let idToken: string;
export let run: Run;

export const exchange = (
  request: Exchange['request'],
  body: string,
  role: Exchange['role'] = 'token',
): Exchange => ({
  role,
  request,
  response: { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, body },
  startedAt: NOW,
  durationMs: 12,
});

/** Builds the sample run: a finished login whose every secret has a distinctive value. */
export async function buildSampleRun(): Promise<void> {
  const { privateKey } = await generateKeyPair('RS256');
  idToken = await new SignJWT({ sub: 'ana', nonce: 'n0nce', aud: CLIENT })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .sign(privateKey);
  const profile = { ...defaultProfile('https://abc.chromiumapp.org/'), clientId: CLIENT };
  run = addSecrets(newRun('run-1', profile, NOW), {
    client_secret: SECRET,
    state: 'st4te',
    nonce: 'n0nce',
    code_verifier: VERIFIER,
  });
  const callbackUrl = `https://abc.chromiumapp.org/?code=${encodeURIComponent(CODE)}&state=st4te&iss=${encodeURIComponent(profile.issuer)}`;
  run = appendStep(run, {
    kind: 'callback',
    status: 'ok',
    at: NOW,
    url: callbackUrl,
    params: [...new URL(callbackUrl).searchParams],
    exchanges: [],
  });
  run = addSecrets(run, { code: CODE, access_token: OPAQUE_AT, refresh_token: REFRESH, id_token: idToken });
  const request = await authed(
    tokenRequest({
      tokenEndpoint: `${profile.issuer}/oauth2/token`,
      code: CODE,
      redirectUri: profile.redirectUri,
      codeVerifier: VERIFIER,
    }),
    secretClient(CLIENT, SECRET),
  );
  const fields = { access_token: OPAQUE_AT, refresh_token: REFRESH, id_token: idToken, token_type: 'Bearer' };
  run = appendStep(run, {
    kind: 'token',
    status: 'ok',
    at: NOW,
    exchanges: [exchange(request, JSON.stringify(fields))],
    fields,
    idToken: decodeToken(idToken),
    accessToken: decodeToken(OPAQUE_AT),
  });
  run = { ...finishRun(run, NOW + 5), flight: { state: 'st4te', nonce: 'n0nce', codeVerifier: VERIFIER } };
}

export const SECRET_VALUES = () => [SECRET, CODE, VERIFIER, REFRESH, OPAQUE_AT, idToken.split('.')[2]!];
/** Each value in every form it could take in a URL, a form body, a JSON string or a Basic header. */
export const forms = (v: string) => [
  v,
  encodeURIComponent(v),
  new URLSearchParams({ v }).toString().slice(2),
  JSON.stringify(v).slice(1, -1),
];

export function expectNoSecret(text: string) {
  for (const value of SECRET_VALUES()) for (const form of forms(value)) expect(text).not.toContain(form);
  expect(text).not.toContain(basicAuthorization(CLIENT, SECRET).slice(6));
}
