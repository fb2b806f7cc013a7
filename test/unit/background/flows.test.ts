import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { confidentialClient, startProvider, type RunningProvider } from '../../../dev/provider.ts';
import { runAction } from '../../../src/background/actions.ts';
import { startRun } from '../../../src/background/start-run.ts';
import { fallbackEndpoints } from '../../../src/core/profile/presets.ts';
import { FLOWS, type FlowDef } from '../../../src/background/flows/index.ts';
import { runWriter } from '../../../src/background/flows/runner.ts';
import { settleOrphans } from '../../../src/background/orphans.ts';
import { own } from '../../../src/background/run-store.ts';
import { PERFORMERS } from '../../../src/background/steps/index.ts';
import { defaultProfile, type Profile } from '../../../src/core/profile/profile.ts';
import { addSecrets, appendStep, finishRun, newRun, type Run } from '../../../src/core/run/run.ts';
import { historyKey, readRun, runKey } from '../../../src/core/view/stored-records.ts';
import { memoryDeps, memoryPlatform, type MemoryPlatform } from '../../support/memory-platform.ts';
import { inEnglish } from '../../support/words.ts';

const SECRET = 'cc-secret:with%reserved+chars';

/** The run as the memory platform's session area holds it. */
const stored = (platform: MemoryPlatform, id: string): Run | undefined =>
  readRun(platform.areas.session.get(runKey(id)));

describe('a flow runs in a unit test: the worker on the in-memory platform, a real provider on loopback', () => {
  let idp: RunningProvider;
  beforeAll(async () => {
    idp = await startProvider({
      clients: [
        {
          ...confidentialClient('cc-app', SECRET, []),
          grant_types: ['client_credentials'],
          response_types: [],
        },
      ],
    });
  });
  afterAll(() => idp.close());

  const profileAt = (issuer: string): Profile => ({
    ...defaultProfile('https://memory-extension.chromiumapp.org/'),
    issuer,
    clientId: 'cc-app',
    scopes: '',
    flow: 'client_credentials',
    endpoints: { authorization: '', token: `${issuer}/oauth2/token`, jwks: `${issuer}/jwks` },
  });

  test('client credentials: the token request authenticated, answered, checked, saved and its copy redacted', async () => {
    const platform = memoryPlatform();
    const deps = memoryDeps(platform);
    const run = addSecrets(newRun('cc-run', profileAt(idp.issuer), deps.now()), { client_secret: SECRET });
    own(run.id);
    await FLOWS.client_credentials.start(runWriter(run, deps), { kind: 'secret', secret: SECRET });
    await expect.poll(() => stored(platform, run.id)?.status, { timeout: 10_000 }).toBe('done');
    const done = stored(platform, run.id)!;
    const token = done.steps.find((s) => s.kind === 'token')!;
    expect(token.status).toBe('ok');
    expect(token.exchanges.map((ex) => [ex.role, ex.response?.status])).toEqual([['token', 200]]);
    expect(token.exchanges[0]!.request.headers.authorization).toMatch(/^Basic /);
    expect(done.steps.map((s) => s.kind)).toEqual(['token', 'validation']);
    // The inspector was opened for it; the disk copy holds no secret.
    expect(platform.pages[0]).toContain(`#run=${run.id}`);
    await expect.poll(() => platform.areas.local.has(historyKey(run.id))).toBe(true);
    expect(JSON.stringify(platform.areas.local.get(historyKey(run.id)))).not.toContain(SECRET);
  });

  test('from the popup’s request: discovery, then the flow, each request on its role; refusals answered first', async () => {
    const platform = memoryPlatform();
    const deps = memoryDeps(platform);
    const asked = { ...profileAt(idp.issuer), endpoints: fallbackEndpoints(idp.issuer) };
    const started = await startRun(asked, 'Service', { kind: 'secret', secret: SECRET }, deps);
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    await expect.poll(() => stored(platform, started.value.runId)?.status, { timeout: 10_000 }).toBe('done');
    const run = stored(platform, started.value.runId)!;
    expect(run.steps.map((s) => [s.kind, s.exchanges.map((ex) => ex.role)])).toEqual([
      ['discovery', ['discovery']],
      ['token', ['token']],
      ['validation', []],
    ]);
    // Discovery's endpoints replaced the documented paths, as typed ones never are.
    expect(run.profile.endpoints.jwks).toBe(`${idp.issuer}/jwks`);
    // A secret-based method chosen without its secret is refused before anything is sent, naming the field.
    const refused = await startRun(
      { ...asked, clientAuth: 'client_secret_post', flow: 'authorization_code' },
      'x',
      undefined,
      deps,
    );
    expect(!refused.ok && inEnglish(refused.error)).toMatch(
      /Client secret is empty, but Client authentication is client_secret_post/,
    );
    // A signed request (RFC 9101) needs the profile's key on this device: said before the login window.
    const login = { ...asked, flow: 'authorization_code' as const, scopes: 'openid', signRequest: true };
    const unsigned = await startRun(login, 'x', { kind: 'secret', secret: SECRET }, deps);
    expect(!unsigned.ok && inEnglish(unsigned.error)).toMatch(/to be signed .* but this profile has no key/);
    const elsewhere = await startRun(
      {
        ...login,
        clientKey: { kid: 'k', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, ref: 'r' },
      },
      'x',
      { kind: 'secret', secret: SECRET },
      deps,
    );
    expect(!elsewhere.ok && inEnglish(elsewhere.error)).toMatch(
      /private key of this profile is not on this device/,
    );
    // An origin not granted is named, and nothing is sent.
    const closed = memoryPlatform({ granted: () => false });
    const notGranted = await startRun(asked, 'x', { kind: 'secret', secret: SECRET }, memoryDeps(closed));
    expect(!notGranted.ok && notGranted.error.code).toBe('permission_missing');
    expect(closed.areas.session.size).toBe(0);
  });

  test('a worker that finds a run its predecessor left running resumes it once, through its flow', async () => {
    const platform = memoryPlatform();
    const deps = memoryDeps(platform);
    let resumed = 0;
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    // A test-only flow: its resume appends a step, waits, and ends the run.
    const flows: Record<'authorization_code' | 'client_credentials', FlowDef> = {
      ...FLOWS,
      client_credentials: {
        start: FLOWS.client_credentials.start,
        resume: async (w) => {
          resumed++;
          w.append({ kind: 'jwks', status: 'ok', at: deps.now(), exchanges: [], checks: [] });
          await gate;
          await w.finish();
        },
      },
    };
    const left = newRun('left-running', profileAt(idp.issuer), deps.now());
    const login = {
      ...newRun('left-in-login', { ...profileAt(idp.issuer), flow: 'authorization_code' }, deps.now()),
      loginWindow: { tabId: 7, windowId: 70 },
    };
    await platform.storage.write('session', { [runKey(left.id)]: left, [runKey(login.id)]: login });
    // The worker's start and the inspector's check arrive together: one resume between them.
    const both = Promise.all([settleOrphans(deps, flows), settleOrphans(deps, flows)]);
    await expect.poll(() => resumed).toBe(1);
    release();
    await both;
    expect(resumed).toBe(1);
    expect(stored(platform, left.id)).toMatchObject({ status: 'done', steps: [{ kind: 'jwks' }] });
    // A login defines no resume: its answer went to the stopped worker. Ended as such, its window closed.
    expect(stored(platform, login.id)?.status).toBe('interrupted');
    expect(platform.closed).toEqual([70]);
    // Settled, neither is an orphan any more.
    await settleOrphans(deps, flows);
    expect(resumed).toBe(1);
  });

  test('an action whose performer throws is settled as failed, saying why: never left running', async () => {
    const platform = memoryPlatform();
    const deps = memoryDeps(platform);
    const profile = {
      ...profileAt(idp.issuer),
      endpoints: { ...profileAt(idp.issuer).endpoints, userinfo: `${idp.issuer}/me` },
    };
    const fields = { access_token: 'at-1', token_type: 'Bearer' };
    const run = finishRun(
      appendStep(addSecrets(newRun('acted', profile, 1), { access_token: 'at-1' }), {
        kind: 'token',
        status: 'ok',
        at: 1,
        exchanges: [],
        fields,
      }),
      2,
    );
    await platform.storage.write('session', { [runKey(run.id)]: run });
    const throwing = { ...PERFORMERS, userinfo: () => Promise.reject(new Error('the performer broke')) };
    const answer = await runAction(run.id, { action: 'userinfo' }, deps, throwing);
    expect(answer.ok && answer.value.status).toBe('failed');
    const after = stored(platform, run.id)!;
    const last = after.steps.at(-1)!;
    expect(last).toMatchObject({ kind: 'userinfo', status: 'failed' });
    expect(inEnglish(last.error)).toMatch(/the performer broke/);
  });
});
