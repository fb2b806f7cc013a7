import { generateKeyPair } from 'jose';
import { describe, expect, test } from 'vitest';
import { beside, requestObjectClaims, signedRequestObject } from '../../../../src/core/protocol/jar.ts';
import { fapiChecks } from '../../../../src/core/checks/fapi-checks.ts';
import type { Exchange } from '../../../../src/core/protocol/http.ts';
import { defaultProfile, type Profile } from '../../../../src/core/profile/profile.ts';
import { appendStep, newRun, type Run, type Step } from '../../../../src/core/run/run.ts';
import { checkInEnglish } from '../../../support/words.ts';

const ISSUER = 'https://bank.example';
const METADATA = {
  issuer: ISSUER,
  pushed_authorization_request_endpoint: `${ISSUER}/par`,
  require_pushed_authorization_requests: true,
  code_challenge_methods_supported: ['S256'],
  authorization_response_iss_parameter_supported: true,
  token_endpoint_auth_methods_supported: ['private_key_jwt'],
  token_endpoint_auth_signing_alg_values_supported: ['PS256', 'ES256', 'EdDSA'],
};
const PARAMS: [string, string][] = [
  ['client_id', 'app'],
  ['response_type', 'code'],
  ['redirect_uri', 'https://app.example/cb'],
  ['code_challenge', 'c'],
  ['code_challenge_method', 'S256'],
];
const profile: Profile = {
  ...defaultProfile('https://x.chromiumapp.org/'),
  issuer: ISSUER,
  clientAuth: 'private_key_jwt',
  fapi2: true,
  clientKey: { kid: 'k', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, ref: 'r' },
};

interface Login {
  profile?: Partial<Profile>;
  metadata?: Record<string, unknown>;
  pushed?: { expiresIn: number } | false;
  iss?: boolean;
  tokenType?: string;
  idAlg?: string;
  /** What was pushed, when not PARAMS as they are (a signed request, say). */
  params?: [string, string][];
}

/** A finished FAPI login's run, changed where a test says. */
function login(l: Login = {}): Run {
  const steps: Step[] = [
    { kind: 'discovery', status: 'ok', at: 1, exchanges: [], metadata: { ...METADATA, ...l.metadata } },
    ...(l.pushed === false
      ? []
      : ([
          {
            kind: 'par' as const,
            status: 'ok' as const,
            at: 2,
            params: l.params ?? PARAMS,
            exchanges: [],
            requestUri: 'urn:x',
            expiresIn: l.pushed?.expiresIn ?? 60,
          },
        ] satisfies Step[])),
    {
      kind: 'authorize',
      status: 'ok',
      at: 3,
      url: `${ISSUER}/authorize`,
      params:
        l.pushed === false
          ? PARAMS
          : [
              ['client_id', 'app'],
              ['request_uri', 'urn:x'],
            ],
      exchanges: [],
    },
    {
      kind: 'callback',
      status: 'ok',
      at: 4,
      params: [['code', 'c'], ...(l.iss === false ? [] : [['iss', ISSUER] as [string, string]])],
      exchanges: [],
    },
    {
      kind: 'token',
      status: 'ok',
      at: 5,
      exchanges: [],
      fields: { access_token: 'at', token_type: l.tokenType ?? 'Bearer' },
      idToken: { kind: 'jwt', header: { alg: l.idAlg ?? 'ES256', kid: 'op' }, claims: {} },
    },
  ];
  return steps.reduce(appendStep, newRun('r', { ...profile, ...l.profile }, 0));
}

const rsaJwks = (bits: number): Exchange => ({
  role: 'jwks',
  request: { method: 'GET', url: `${ISSUER}/jwks`, headers: {} },
  response: {
    status: 200,
    statusText: '',
    headers: {},
    body: JSON.stringify({
      keys: [{ kty: 'RSA', kid: 'op', n: 'A'.repeat(Math.ceil((bits * 8) / 6 / 8)), e: 'AQAB' }],
    }),
  },
  startedAt: 0,
  durationMs: 1,
});

const failing = (run: Run, jwks: Exchange[] = []) =>
  fapiChecks(run, jwks)
    .filter((c) => c.status === 'fail')
    .map((c) => c.id);

describe('the FAPI 2.0 check group (FAPI 2.0 Security Profile, final)', () => {
  test('a login with PAR, PKCE S256, iss, private_key_jwt and ES256: every check but the sender constraint', () => {
    const checks = fapiChecks(login(), []);
    expect(checks.every((c) => c.spec.startsWith('FAPI 2.0 §'))).toBe(true);
    expect(failing(login())).toEqual(['fapi.sender_constrained']);
    expect(checkInEnglish(checks.find((c) => c.id === 'fapi.sender_constrained')!).actual).toBe(
      'token_type Bearer: the access token is a bearer token',
    );
    expect(checks.find((c) => c.id === 'fapi.rsa_keys')?.status).toBe('skip');
    expect(failing(login({ tokenType: 'DPoP' }))).toEqual([]);
  });

  test('no PAR: the push, its redirect_uri and its lifetime fail; the PKCE and response_type of the query are read', () => {
    expect(failing(login({ pushed: false }))).toEqual([
      'fapi.par',
      'fapi.par_redirect_uri',
      'fapi.request_uri_lifetime',
      'fapi.sender_constrained',
    ]);
    expect(failing(login({ pushed: { expiresIn: 600 } }))).toContain('fapi.request_uri_lifetime');
  });

  test('a missing iss fails even when discovery does not declare it; the client’s method and algorithms', () => {
    const noIss = login({ iss: false, metadata: { authorization_response_iss_parameter_supported: false } });
    expect(failing(noIss)).toEqual(expect.arrayContaining(['fapi.iss', 'fapi.discovery.iss']));
    expect(failing(login({ profile: { clientAuth: 'client_secret_basic' } }))).toContain('fapi.client_auth');
    expect(failing(login({ profile: { clientAuth: 'client_secret_jwt' } }))).toEqual(
      expect.arrayContaining(['fapi.client_auth', 'fapi.algorithms']),
    );
    expect(failing(login({ idAlg: 'RS256' }))).toContain('fapi.algorithms');
    expect(failing(login({ idAlg: 'EdDSA' }))).not.toContain('fapi.algorithms');
  });

  test('a signed request is read inside its request object (RFC 9101 §5), its algorithm held to §5.4', async () => {
    const signed = async (alg: 'ES256' | 'RS256', params: [string, string][]) => {
      const { privateKey } = await generateKeyPair(alg);
      const claims = requestObjectClaims(
        params,
        { clientId: 'app', issuer: ISSUER },
        { now: () => 0, random: (n) => new Uint8Array(n) },
      );
      return beside(params, await signedRequestObject(claims, { alg, kid: 'k' }, privateKey));
    };
    // Outside: client_id, response_type, scope and request only; inside, redirect_uri and PKCE.
    expect(failing(login({ params: await signed('ES256', PARAMS) }))).toEqual(['fapi.sender_constrained']);
    const noRedirect = PARAMS.filter(([n]) => n !== 'redirect_uri');
    expect(failing(login({ params: await signed('ES256', noRedirect) }))).toContain('fapi.par_redirect_uri');
    const rs256 = fapiChecks(login({ params: await signed('RS256', PARAMS) }), []).find(
      (c) => c.id === 'fapi.algorithms',
    );
    expect(rs256?.status).toBe('fail');
    expect(rs256?.actual).toMatch(/request object RS256/);
  });

  test('RSA keys under 2048 bits fail; discovery’s lists are held to the profile', () => {
    expect(failing(login({ idAlg: 'PS256' }), [rsaJwks(1024)])).toContain('fapi.rsa_keys');
    expect(
      fapiChecks(login({ idAlg: 'PS256' }), [rsaJwks(2048)]).find((c) => c.id === 'fapi.rsa_keys')?.status,
    ).toBe('pass');
    const loose = login({
      metadata: {
        require_pushed_authorization_requests: undefined,
        code_challenge_methods_supported: ['plain'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
        token_endpoint_auth_signing_alg_values_supported: ['HS256', 'ES256'],
        pushed_authorization_request_endpoint: undefined,
      },
    });
    expect(failing(loose)).toEqual(
      expect.arrayContaining([
        'fapi.discovery.par_endpoint',
        'fapi.discovery.require_par',
        'fapi.discovery.pkce',
        'fapi.discovery.auth_methods',
        'fapi.discovery.signing_algs',
      ]),
    );
  });
});
