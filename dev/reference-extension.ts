import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The bench's floor (issue 22): an extension doing the unavoidable steps of the same job and nothing
 * else. Its popup has one labelled field and a button; pressing it opens the result tab, runs
 * `launchWebAuthFlow` (with PKCE, as the product logs in), sends one `fetch` to the token endpoint (no browser `Origin`, as the product
 * sends it), brings the tab to the front, and the tab prints the raw answer and the ID token's claims.
 * No checks, no storage beyond handing the answer to the tab, no framework. Written to a temporary
 * folder and loaded beside the product.
 */
export function writeReferenceExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aci-reference-'));
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name: 'Reference login',
      version: '1.0',
      permissions: ['identity', 'storage', 'declarativeNetRequest'],
      host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
      background: { service_worker: 'background.js' },
      action: { default_popup: 'popup.html' },
    }),
    'background.js': `
chrome.declarativeNetRequest.updateSessionRules({
  removeRuleIds: [1],
  addRules: [{ id: 1, priority: 1, action: { type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'remove' }] },
    condition: { initiatorDomains: [chrome.runtime.id], resourceTypes: ['xmlhttprequest'] } }],
});
chrome.runtime.onMessage.addListener((m) => { void login(m); });
async function login({ issuer, clientId, secret }) {
  const tab = await chrome.tabs.create({ url: 'result.html', active: false });
  const redirectUri = chrome.identity.getRedirectURL();
  const b64 = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  const verifier = b64(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = b64(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const url = issuer + '/oauth2/authorize?' + new URLSearchParams({ response_type: 'code', client_id: clientId,
    redirect_uri: redirectUri, scope: 'openid', prompt: 'login', state: crypto.randomUUID(), nonce: crypto.randomUUID(),
    code_challenge: challenge, code_challenge_method: 'S256' });
  const back = await chrome.identity.launchWebAuthFlow({ url, interactive: true });
  const callbackAt = Date.now();
  const code = new URL(back).searchParams.get('code');
  const sentAt = Date.now();
  const response = await fetch(issuer + '/oauth2/token', { method: 'POST', credentials: 'omit',
    headers: { authorization: 'Basic ' + btoa(clientId + ':' + secret), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier }) });
  const text = await response.text();
  const tokenMs = Date.now() - sentAt;
  await chrome.storage.session.set({ answer: { text, callbackAt, tokenMs } });
  await chrome.tabs.update(tab.id, { active: true });
}
`,
    'popup.html': `<!doctype html><meta charset="utf-8"><title>Reference</title>
<label>Client ID <input id="client"></label> <button id="go" hidden>Authorize</button>
<script src="popup.js"></script>`,
    'popup.js': `
chrome.storage.local.get('client').then(({ client }) => {
  document.getElementById('client').value = client ?? '';
  document.getElementById('go').hidden = false;
  performance.mark('popup-ready');
});
document.getElementById('go').onclick = () => chrome.runtime.sendMessage(JSON.parse(document.getElementById('client').value));
`,
    'result.html': `<!doctype html><meta charset="utf-8"><title>Result</title><pre id="raw"></pre><table id="claims"></table>
<script src="result.js"></script>`,
    'result.js': `
const show = ({ text }) => {
  document.getElementById('raw').textContent = text;
  const jwt = JSON.parse(text).id_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const claims = JSON.parse(atob(jwt));
  const table = document.getElementById('claims');
  table.createCaption().textContent = 'id_token claims';
  for (const [k, v] of Object.entries(claims)) {
    const row = table.insertRow();
    row.insertCell().textContent = k;
    row.insertCell().textContent = JSON.stringify(v);
  }
};
chrome.storage.session.get('answer').then(({ answer }) => answer && show(answer));
chrome.storage.onChanged.addListener((changes) => changes.answer?.newValue && show(changes.answer.newValue));
`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
