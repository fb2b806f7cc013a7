import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runAction } from '../../../src/background/actions.ts';
import { newDpopSecret } from '../../../src/background/dpop.ts';
import {
  API_RECENT_KEY,
  moveApiCalls,
  rememberApiCall,
  recentApiCalls,
} from '../../../src/background/api-recent.ts';
import { athOf } from '../../../src/core/protocol/dpop.ts';
import { defaultProfile } from '../../../src/core/profile/profile.ts';
import { addSecrets, appendStep, finishRun, newRun, type Run } from '../../../src/core/run/run.ts';
import { readRun, runKey } from '../../../src/core/view/stored-records.ts';
import { memoryDeps, memoryPlatform, type MemoryPlatform } from '../../support/memory-platform.ts';
import { hintInEnglish } from '../../support/words.ts';

/*
 * Call an API through the worker (runAction → the api performer → the transport), against a resource
 * server on loopback: its DPoP nonce asked for in a 401 (RFC 9449 §9), host access, the recent requests.
 */
const seen: IncomingHttpHeaders[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    const proof = typeof req.headers.dpop === 'string' ? decodeJwt(req.headers.dpop) : undefined;
    if (req.url?.startsWith('/dpop') && proof?.nonce !== 'rs-n')
      return res
        .writeHead(401, { 'www-authenticate': 'DPoP error="use_dpop_nonce"', 'dpop-nonce': 'rs-n' })
        .end();
    if (req.url === '/expired')
      return res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A finished login holding `fields`, saved in the platform's session area. */
async function finished(
  platform: MemoryPlatform,
  fields: Record<string, unknown>,
  secrets = {},
): Promise<Run> {
  const profile = { ...defaultProfile('https://memory-extension.chromiumapp.org/'), issuer: base };
  const run = finishRun(
    appendStep(
      addSecrets(newRun(`api-${seen.length}`, profile, 1_000), { access_token: 'at-1', ...secrets }),
      {
        kind: 'token',
        status: 'ok',
        at: 1_000,
        exchanges: [],
        fields: { access_token: 'at-1', ...fields },
      },
    ),
    2_000,
  );
  await platform.storage.write('session', { [runKey(run.id)]: { ...run, profileName: 'Bank' } });
  return run;
}
const lastStep = (platform: MemoryPlatform, id: string) =>
  readRun(platform.areas.session.get(runKey(id)))!.steps.at(-1)!;

describe('an API call through the worker', () => {
  test('DPoP: the resource server’s nonce asked for in a 401 and carried by the one retry; htu the API’s URL, ath the token’s hash', async () => {
    const platform = memoryPlatform();
    const deps = memoryDeps(platform);
    const run = await finished(platform, { token_type: 'DPoP' }, { dpop_key: await newDpopSecret('ES256') });
    const url = `${base}/dpop?page=2`;
    const answer = await runAction(
      run.id,
      { action: 'api', call: { method: 'GET', url, headers: [] } },
      deps,
    );
    expect(answer.ok && answer.value.status).toBe('ok');
    const step = lastStep(platform, run.id);
    expect(step.exchanges.map((ex) => [ex.role, ex.response?.status])).toEqual([
      ['api', 401],
      ['nonce-retry', 200],
    ]);
    const retried = step.exchanges[1]!.request;
    expect(retried.headers.authorization).toBe('DPoP at-1');
    const claims = decodeJwt(retried.headers.dpop!);
    expect(claims).toMatchObject({
      htm: 'GET',
      htu: `${base}/dpop`,
      nonce: 'rs-n',
      ath: await athOf('at-1'),
    });
  });

  test('a 401 after the token expired says so; an origin not granted gets nothing', async () => {
    const platform = memoryPlatform({ granted: () => false });
    const deps = memoryDeps(platform, () => 1_000 + 10 * 60_000);
    const run = await finished(platform, { token_type: 'Bearer', expires_in: 60 });
    const before = seen.length;
    const refused = await runAction(
      run.id,
      { action: 'api', call: { method: 'GET', url: `${base}/expired`, headers: [] } },
      deps,
    );
    expect(refused.ok && refused.value.status).toBe('failed');
    expect(seen.length).toBe(before);
    expect(lastStep(platform, run.id).exchanges[0]?.failure?.code).toBe('not_granted');

    const open = memoryPlatform();
    const openRun = await finished(open, { token_type: 'Bearer', expires_in: 60 });
    const expired = await runAction(
      openRun.id,
      { action: 'api', call: { method: 'GET', url: `${base}/expired`, headers: [] } },
      memoryDeps(open, () => 1_000 + 10 * 60_000),
    );
    expect(hintInEnglish(expired.ok ? expired.value.error : undefined)).toMatch(
      /had expired \d+ min before this call/,
    );
  });

  test('a request the rules refuse is not sent, even when a page sends it', async () => {
    const platform = memoryPlatform();
    const run = await finished(platform, { token_type: 'Bearer' });
    const before = seen.length;
    const answer = await runAction(
      run.id,
      {
        action: 'api',
        call: { method: 'GET', url: `${base}/x`, headers: [['Authorization', 'Bearer mine']] },
      },
      memoryDeps(platform),
    );
    expect(answer.ok).toBe(false);
    expect(seen.length).toBe(before);
  });

  test('recent requests: newest first, the same once, ten at most, no credential-like header value, no long body', async () => {
    const platform = memoryPlatform();
    for (let i = 0; i < 12; i++)
      await rememberApiCall(platform, 'Bank', { method: 'GET', url: `${base}/n${i}`, headers: [] });
    await rememberApiCall(platform, 'Bank', { method: 'GET', url: `${base}/n11`, headers: [] });
    await rememberApiCall(platform, 'Bank', {
      method: 'POST',
      url: `${base}/p`,
      headers: [
        ['X-Api-Key', 'k-1'],
        ['Accept', 'application/json'],
        ['X-Trace', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln'],
      ],
      body: 'x'.repeat(20_000),
    });
    const recent = await recentApiCalls(platform, 'Bank');
    expect(recent).toHaveLength(10);
    expect(recent.map((c) => c.url.slice(base.length)).slice(0, 3)).toEqual(['/p', '/n11', '/n10']);
    expect(recent[0]).toEqual({
      method: 'POST',
      url: `${base}/p`,
      headers: [
        ['X-Api-Key', ''],
        ['Accept', 'application/json'],
        ['X-Trace', ''],
      ],
    });
    expect(await recentApiCalls(platform, 'Other')).toEqual([]);
    // Kept beside the profile book in storage.local, under its own key.
    expect(platform.areas.local.has(API_RECENT_KEY)).toBe(true);
    // A renamed profile keeps them; a deleted one takes them along.
    await moveApiCalls(platform, 'Bank', 'Bank (prod)');
    expect(await recentApiCalls(platform, 'Bank')).toEqual([]);
    expect(await recentApiCalls(platform, 'Bank (prod)')).toHaveLength(10);
    await moveApiCalls(platform, 'Bank (prod)');
    expect(await recentApiCalls(platform, 'Bank (prod)')).toEqual([]);
  });
});
