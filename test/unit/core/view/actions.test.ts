import { describe, expect, test } from 'vitest';
import { defaultProfile } from '../../../../src/core/profile/profile.ts';
import { appendStep, finishRun, newRun, type Run } from '../../../../src/core/run/run.ts';
import { actionTarget, clientAuthRetries, unavailableBecause } from '../../../../src/core/view/actions.ts';
import { inEnglish } from '../../../support/words.ts';

const profile = { ...defaultProfile('https://abc.chromiumapp.org/'), clientId: 'app' };
const discovered = appendStep(newRun('r', profile, 0), {
  kind: 'discovery',
  status: 'ok',
  at: 0,
  note: '',
  exchanges: [
    { role: 'discovery', request: { method: 'GET', url: 'x', headers: {} }, startedAt: 0, durationMs: 0 },
  ],
  metadata: { userinfo_endpoint: 'https://id.btgpactual.com/userinfo' },
});
const withTokens = (fields: Record<string, unknown>, patch: Partial<Run> = {}): Run => ({
  ...finishRun(appendStep(discovered, { kind: 'token', status: 'ok', at: 1, fields, exchanges: [] }), 2),
  ...patch,
});

describe('which actions a run allows, and why not', () => {
  test('fetching the provider’s keys sends no token: it needs only a JWKS URI, typed or published', () => {
    const failed = finishRun(discovered, 1, { code: 'token_http_error', message: 'x' });
    expect(inEnglish(unavailableBecause(failed, { action: 'jwks' }))).toBe(
      'The JWKS URI is unknown: set it under Endpoints.',
    );
    const published = {
      ...failed,
      steps: [{ ...discovered.steps[0]!, metadata: { jwks_uri: 'https://id.btgpactual.com/jwks' } }],
    } as Run;
    expect(unavailableBecause(published, { action: 'jwks' })).toBeUndefined();
    expect(actionTarget(published, { action: 'jwks' })).toBe('https://id.btgpactual.com/jwks');
    expect(inEnglish(unavailableBecause({ ...published, redacted: true }, { action: 'jwks' }))).toMatch(
      /^This copy of the run/,
    );
  });

  test('each missing piece is named', () => {
    const full = withTokens({ access_token: 'at', refresh_token: 'rt' });
    expect(unavailableBecause(full, { action: 'refresh' })).toBeUndefined();
    expect(unavailableBecause(full, { action: 'userinfo' })).toBeUndefined();
    expect(actionTarget(full, { action: 'userinfo' })).toBe('https://id.btgpactual.com/userinfo');
    expect(inEnglish(unavailableBecause(full, { action: 'revocation', token: 'refresh_token' }))).toBe(
      'The Revocation endpoint is unknown: set it under Endpoints.',
    );
    expect(inEnglish(unavailableBecause(withTokens({ access_token: 'at' }), { action: 'refresh' }))).toBe(
      'The provider issued no refresh token for this login.',
    );
    expect(
      inEnglish(
        unavailableBecause(withTokens({ access_token: 'at' }, { redacted: true }), { action: 'userinfo' }),
      ),
    ).toMatch(/^This copy of the run holds no tokens/);
    expect(inEnglish(unavailableBecause({ ...full, status: 'running' }, { action: 'userinfo' }))).toBe(
      'The login is still in progress.',
    );
    const typed = {
      ...full,
      profile: { ...profile, endpoints: { ...profile.endpoints, userinfo: 'http://op.example/ui' } },
    };
    expect(inEnglish(unavailableBecause(typed, { action: 'userinfo' }))).toMatch(
      /^UserInfo endpoint must use https/,
    );
  });
});

describe('after invalid_client, the retries offered, likeliest fix first', () => {
  const refused = (
    secret: string,
    advertised: unknown,
    patch: {
      pkce?: boolean;
      encodeBasic?: false;
      refusedBefore?: Run['refusedBefore'];
      profile?: Partial<Run['profile']>;
    } = {},
  ): Run => {
    const withMeta = {
      ...discovered,
      profile: {
        ...discovered.profile,
        ...(patch.encodeBasic === false ? { encodeBasic: false } : {}),
        ...patch.profile,
      },
      steps: discovered.steps.map((s) =>
        s.kind === 'discovery'
          ? { ...s, metadata: { token_endpoint_auth_methods_supported: advertised } }
          : s,
      ),
    };
    const authorized = appendStep(withMeta, {
      kind: 'authorize',
      status: 'ok',
      at: 0,
      url: 'https://op.example.test/authorize',
      params: patch.pkce ? [['code_challenge', 'c']] : [],
      exchanges: [],
    });
    const exchange = {
      role: 'token' as const,
      request: { method: 'POST' as const, url: 't', headers: {} },
      response: { status: 401, statusText: '', headers: {}, body: '{"error":"invalid_client"}' },
      startedAt: 0,
      durationMs: 1,
    };
    const run = appendStep(authorized, { kind: 'token', status: 'failed', at: 1, exchanges: [exchange] });
    return {
      ...finishRun(run, 2, { code: 'token_http_error', message: 'x' }),
      secrets: secret ? [{ kind: 'client_secret', value: secret }] : [],
      ...(patch.refusedBefore ? { refusedBefore: patch.refusedBefore } : {}),
    };
  };
  const all = ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'];
  const offered = (run: Run) =>
    clientAuthRetries(run).settings.map((r) => ('clientAuth' in r ? r.clientAuth : r));

  test('another secret first; then the methods the provider advertises; none only after PKCE, and last', () => {
    expect(clientAuthRetries(refused('s', all)).secret).toBe(true);
    expect(offered(refused('s', all))).toEqual(['client_secret_post']);
    expect(offered(refused('s', all, { pkce: true }))).toEqual(['client_secret_post', 'none']);
    // No list published: nothing is known to be accepted, but a PKCE login may try a public client.
    expect(offered(refused('s', undefined))).toEqual([]);
    expect(offered(refused('s', undefined, { pkce: true }))).toEqual(['none']);
    expect(offered(refused('s', ['client_secret_basic', 'client_secret_post'], { pkce: true }))).toEqual([
      'client_secret_post',
    ]);
    // A public client has no secret to retype.
    const publicClient = clientAuthRetries(refused('', all));
    expect([publicClient.secret, offered(refused('', all))]).toEqual([
      false,
      ['client_secret_basic', 'client_secret_post'],
    ]);
    // A secret that form-urlencoding changes: the Basic credential the other way comes first.
    expect(clientAuthRetries(refused('a+b', all)).settings[0]).toEqual({ encodeBasic: false });
  });

  test('a refused assertion: its audience the other way first, then the other methods; never the same audience twice', () => {
    const jwt = { clientAuth: 'client_secret_jwt' as const };
    expect(offered(refused('s', all, { profile: jwt }))).toEqual([
      { assertionAudience: 'endpoint' },
      'client_secret_basic',
      'client_secret_post',
    ]);
    // The endpoint refused now, the issuer before: no audience left to try.
    const both = refused('s', all, {
      profile: { ...jwt, assertionAudience: 'endpoint' },
      refusedBefore: [{ method: 'client_secret_jwt' }],
    });
    expect(offered(both)).toEqual(['client_secret_basic', 'client_secret_post']);
    expect(offered(refused('s', all, { profile: { ...jwt, assertionAudience: 'endpoint' } }))[0]).toEqual({
      assertionAudience: 'issuer',
    });
  });

  test('private_key_jwt: offered only with a key held here; refused, its audience first and no secret asked', () => {
    const key = { kid: 'k', alg: 'ES256' as const, jwk: { kty: 'EC' } };
    expect(offered(refused('s', all))).not.toContain('private_key_jwt');
    expect(offered(refused('s', all, { profile: { clientKey: { ...key, ref: 'r' } } }))).toContain(
      'private_key_jwt',
    );
    // A key named by a shared file, its private half elsewhere: not offered.
    expect(offered(refused('s', all, { profile: { clientKey: key } }))).not.toContain('private_key_jwt');
    const keyed = refused('', all, {
      profile: { clientAuth: 'private_key_jwt', clientKey: { ...key, ref: 'r' } },
    });
    expect(clientAuthRetries(keyed).secret).toBe(false);
    expect(offered(keyed)).toEqual([{ assertionAudience: 'endpoint' }]);
  });

  test('what this provider already refused is not offered again; Basic refused both ways puts post first', () => {
    const basic = ['client_secret_post', 'client_secret_basic'];
    // The raw credential refused now, the form-urlencoded one before: neither again, post first.
    const both = refused('se:cret', basic, {
      encodeBasic: false,
      refusedBefore: [{ method: 'client_secret_basic' }],
    });
    expect(offered(both)).toEqual(['client_secret_post']);
    // post refused before too: nothing left but another secret.
    const after = refused('se:cret', basic, {
      encodeBasic: false,
      refusedBefore: [{ method: 'client_secret_basic' }, { method: 'client_secret_post' }],
    });
    expect(clientAuthRetries(after)).toEqual({ secret: true, settings: [] });
  });
});
