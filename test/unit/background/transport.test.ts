import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { send, type Proof } from '../../../src/background/transport.ts';
import type { WorkerDeps } from '../../../src/background/deps.ts';
import { basicAuthorization } from '../../../src/core/protocol/client-auth.ts';
import { formPost, readTokenResponse } from '../../../src/core/protocol/token.ts';
import { hintInEnglish, inEnglish } from '../../support/words.ts';
import { dpopProof, newDpopSecret } from '../../../src/background/dpop.ts';
import { fixedTools, secretClient } from '../../support/client.ts';
import { memoryDeps, memoryPlatform } from '../../support/memory-platform.ts';

/** What reached the provider: method, path, and the credential it carried. */
interface Seen {
  line: string;
  authorization?: string | undefined;
  dpop?: string | undefined;
  body: string;
}

describe('the transport: every provider request of the worker, against a real server on loopback', () => {
  let server: Server;
  let base = '';
  const seen: Seen[] = [];
  const body = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => resolve(text));
    });
  beforeAll(async () => {
    server = createServer((req, res) => {
      void body(req).then((text) => {
        const dpop = req.headers.dpop as string | undefined;
        seen.push({
          line: `${req.method} ${req.url}`,
          authorization: req.headers.authorization,
          dpop,
          body: text,
        });
        // A provider whose nonce never satisfies it: a loop the transport must stop.
        if (req.url === '/loop')
          return res
            .writeHead(400, { 'dpop-nonce': `n-${seen.length}`, 'content-type': 'application/json' })
            .end('{"error":"use_dpop_nonce"}');
        // A real proof: its nonce claim must be the one this server hands out.
        if (req.url === '/real') {
          const claims = JSON.parse(
            Buffer.from((dpop ?? '..').split('.')[1]!, 'base64url').toString() || '{}',
          ) as {
            nonce?: string;
          };
          if (claims.nonce !== 'real-n')
            return res
              .writeHead(400, { 'dpop-nonce': 'real-n', 'content-type': 'application/json' })
              .end('{"error":"use_dpop_nonce"}');
        }
        // Like RFC 9449 §8: a proof without the server's nonce is refused once, naming the nonce.
        if (req.url === '/dpop' && dpop !== 'proof-with-n1')
          return res
            .writeHead(400, { 'dpop-nonce': 'n1', 'content-type': 'application/json' })
            .end('{"error":"use_dpop_nonce"}');
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => void (seen.length = 0));

  const deps = (granted: (origin: string) => boolean, asked: string[] = []): WorkerDeps => ({
    ...memoryDeps(
      memoryPlatform({
        granted: (origins) => {
          asked.push(...origins);
          return origins.every(granted);
        },
      }),
    ),
    ...fixedTools,
  });

  test('the client is authenticated at the moment of sending, and the exchange records its role', async () => {
    const client = secretClient('app', 'p:ss');
    const sent = await send(
      deps(() => true),
      formPost(`${base}/token`, [['grant_type', 'x']]),
      {
        role: 'token',
        client,
        issuer: base,
      },
    );
    expect(sent.exchanges).toEqual([sent.exchange]);
    expect(sent.exchange.role).toBe('token');
    expect(sent.exchange.request.headers.authorization).toBe(basicAuthorization('app', 'p:ss'));
    expect(seen).toEqual([
      { line: 'POST /token', authorization: basicAuthorization('app', 'p:ss'), body: 'grant_type=x' },
    ]);
  });

  test('a credential goes only where the person granted, asked at the moment of the request', async () => {
    const asked: string[] = [];
    const refusing = deps(() => false, asked);
    const post = await send(refusing, formPost(`${base}/token`, [['grant_type', 'x']]), {
      role: 'token',
      client: secretClient('app', 's', { method: 'client_secret_post' }),
      issuer: base,
    });
    const bearer = await send(
      refusing,
      { method: 'GET', url: `${base}/userinfo`, headers: { authorization: 'Bearer at' } },
      { role: 'userinfo' },
    );
    expect([post.exchange.failure?.code, bearer.exchange.failure?.code]).toEqual([
      'not_granted',
      'not_granted',
    ]);
    expect(post.exchange.role).toBe('token');
    expect(inEnglish(post.exchange.failure)).toMatch(new RegExp(`^Not sent: .* no access to ${base}`));
    expect(seen).toEqual([]);
    // Keys and discovery carry nothing: they are not asked about, and go.
    const keys = await send(refusing, { method: 'GET', url: `${base}/jwks`, headers: {} }, { role: 'jwks' });
    expect(keys.exchange.response?.status).toBe(200);
    expect(asked).toEqual([`${base}/*`, `${base}/*`]);
  });

  test('a proof is applied before sending, and once more with the nonce the provider asks for: never twice', async () => {
    const nonces: (string | undefined)[] = [];
    const proof = (answerNonce: boolean): Proof => ({
      apply: (request, nonce) => {
        nonces.push(nonce);
        return Promise.resolve({
          ...request,
          headers: { ...request.headers, dpop: nonce ? `proof-with-${nonce}` : 'proof' },
        });
      },
      nonceAsked: (ex) => (answerNonce ? ex.response?.headers['dpop-nonce'] : undefined),
    });
    const sent = await send(
      deps(() => true),
      { method: 'GET', url: `${base}/dpop`, headers: {} },
      {
        role: 'api',
        proof: proof(true),
      },
    );
    expect(sent.exchanges.map((ex) => [ex.role, ex.response?.status])).toEqual([
      ['api', 400],
      ['nonce-retry', 200],
    ]);
    expect(sent.exchange).toBe(sent.exchanges[1]);
    expect(nonces).toEqual([undefined, 'n1']);
    expect(seen.map((s) => s.dpop)).toEqual(['proof', 'proof-with-n1']);
    // A proof that does not read the nonce gets no retry: the refusal stands as the answer.
    seen.length = 0;
    const once = await send(
      deps(() => true),
      { method: 'GET', url: `${base}/dpop`, headers: {} },
      {
        role: 'api',
        proof: proof(false),
      },
    );
    expect(once.exchanges).toHaveLength(1);
    expect(seen).toHaveLength(1);
  });

  test('a run’s DPoP proof: the nonce asked for is carried in the retry and kept for the origin; a loop is stopped after one retry and named', async () => {
    const run = { secrets: [{ kind: 'dpop_key' as const, value: await newDpopSecret('ES256') }] };
    const d = deps(() => true);
    const post = (path: string) => formPost(`${base}${path}`, [['grant_type', 'x']]);
    const first = await send(d, post('/real'), { role: 'token', proof: dpopProof(d, run)! });
    expect(first.exchanges.map((ex) => [ex.role, ex.response?.status])).toEqual([
      ['token', 400],
      ['nonce-retry', 200],
    ]);
    // The next request to this origin carries the nonce from the start: no retry.
    const next = await send(d, post('/real'), { role: 'token', proof: dpopProof(d, run)! });
    expect(next.exchanges.map((ex) => [ex.role, ex.response?.status])).toEqual([['token', 200]]);
    const loop = await send(d, post('/loop'), { role: 'token', proof: dpopProof(d, run)! });
    expect(loop.exchanges.map((ex) => ex.role)).toEqual(['token', 'nonce-retry']);
    const reading = readTokenResponse(loop.exchange, secretClient('app', ''));
    expect(hintInEnglish(reading.error)).toMatch(
      /asked for a DPoP nonce again after the retry .*: a nonce loop, stopped/,
    );
  });
});
