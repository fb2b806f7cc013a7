import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientMetadata } from 'oidc-provider';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findBrowser } from '../../dev/browser.ts';

/**
 * The apps whose logins the Trace tests record: a server-side app (its callback page only: it would
 * redeem the code on its server) and a browser app that uses PKCE and redeems the code in the page.
 * `variant` makes the browser app misbehave: send another redirect_uri, or redeem the code twice;
 * or leave the provider's keys out of the HAR (no JWKS fetch).
 */
export type SpaVariant = 'ok' | 'other-redirect' | 'twice' | 'no-jwks';

const SPA_START = `<script type="module">
const p = new URLSearchParams(location.search);
const b64 = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
const verifier = b64(crypto.getRandomValues(new Uint8Array(32)));
const challenge = b64(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
const meta = await (await fetch(p.get('issuer') + '/.well-known/openid-configuration')).json();
sessionStorage.setItem('app', JSON.stringify({ verifier, variant: p.get('variant'), meta }));
const login = new URL(meta.authorization_endpoint);
login.search = new URLSearchParams({ client_id: 'spa-app', response_type: 'code', scope: 'openid',
  redirect_uri: location.origin + '/spa/cb', state: 'spa-state-1', nonce: 'spa-nonce-1',
  code_challenge: challenge, code_challenge_method: 'S256' });
location.assign(login);
</script>`;

// Like oidc-client-ts, the callback page loads the provider's metadata again (the start page's copy
// of that answer is lost from a HAR when the page navigates away).
const SPA_CALLBACK = `<script type="module">
const { verifier, variant, meta: known } = JSON.parse(sessionStorage.getItem('app'));
const meta = await (await fetch(known.issuer + '/.well-known/openid-configuration')).json();
const code = new URLSearchParams(location.search).get('code');
const redeem = () => fetch(meta.token_endpoint, { method: 'POST', body: new URLSearchParams({
  grant_type: 'authorization_code', code, code_verifier: verifier, client_id: 'spa-app',
  redirect_uri: location.origin + (variant === 'other-redirect' ? '/spa/elsewhere' : '/spa/cb') }) });
// A real app reads each answer (and a HAR holds the bodies of answers that were read).
await (await redeem()).text();
if (variant === 'twice') await (await redeem()).text();
if (variant !== 'no-jwks') await (await fetch(meta.jwks_uri)).text();
document.title = 'done';
</script>`;

export interface HarApps {
  serverCallback: string;
  spaCallback: string;
  clients: (secret: string) => ClientMetadata[];
  spaStart: (issuer: string, variant: SpaVariant) => string;
  close: () => Promise<void>;
}

export async function startHarApps(): Promise<HarApps> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = path === '/spa' ? SPA_START : path === '/spa/cb' ? SPA_CALLBACK : '<title>App</title>';
    res.writeHead(200, { 'content-type': 'text/html' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    serverCallback: `${origin}/callback`,
    spaCallback: `${origin}/spa/cb`,
    clients: (secret) => [
      {
        client_id: 'har-app',
        client_secret: secret,
        redirect_uris: [`${origin}/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      {
        client_id: 'spa-app',
        token_endpoint_auth_method: 'none',
        redirect_uris: [`${origin}/spa/cb`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    spaStart: (issuer, variant) => `${origin}/spa?${new URLSearchParams({ issuer, variant })}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let recorder: Promise<Browser> | undefined;

/** One plain browser for every recording of a test file (a fresh context each): closed by `closeRecorder`. */
const plainBrowser = () =>
  (recorder ??= chromium.launch({
    executablePath: findBrowser()!,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-quic',
    ],
  }));

export async function closeRecorder(): Promise<void> {
  const browser = recorder;
  recorder = undefined;
  await (await browser)?.close();
}

/** Records a HAR with playwright-core's `recordHar` in a plain browser while `drive` runs the login. */
export async function recordHar(drive: (page: Page) => Promise<void>): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'aci-har-')), 'login.har');
  const context = await (await plainBrowser()).newContext({ recordHar: { path, content: 'embed' } });
  await drive(await context.newPage());
  await context.close();
  return path;
}
