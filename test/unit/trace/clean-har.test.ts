import { generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, test } from 'vitest';
import { cleanHar } from '../../../src/trace/analysis/clean-har.ts';
import { readHar } from '../../../src/trace/analysis/har.ts';

/**
 * A HAR with a secret planted in every place a browser export can carry one (rules 1–5 of the shared
 * copy): each must be gone from the copy, in every spelling, and the copy must still be a HAR.
 */
const S = {
  passwdForm: 'form-passwd-Hx81!',
  passwordJson: 'json-password-Qw93',
  nestedRefresh: 'nested-refreshToken-7d1e9c2b',
  authToken: 'app-authToken-5a0f3c9e11',
  customHeader: 'x-session-jwt-header-value-0011',
  apiKeyQuery: 'query-api-key-9b8c7d6e',
  flowToken: 'html-flowToken-4e3d2c1b0a99',
  cookie: 'cookie-sid-value-31f5a8',
  setCookie: 'set-cookie-value-8c2d91',
  cookieList: 'cookie-list-value-71aa',
  pin: '4821',
  code: 'oauth-code-b7e4a1f09c',
  fragmentToken: 'fragment-access-token-6f2c0d',
  locationCode: 'location-code-2c9e7f41ab',
  wsToken: 'websocket-token-1b2c3d4e5f',
  comment: 'comment-secret-token-0a1b2c3d',
  jsession: 'JSESSIONID0123456789ABCDEF',
  samlResponse: 'PHNhbWxwOlJlc3BvbnNlIHNhbWwtcmVzcG9uc2U+',
  pageTitleToken: 'page-title-token-99e8d7',
  initiatorToken: 'initiator-token-5544aa',
};
let sessionJwt: string;
let idToken: string;

const entry = (request: object, response: object, extra: object = {}) => ({
  startedDateTime: '2026-11-29T12:00:00.000Z',
  time: 1,
  request: { method: 'GET', headers: [], cookies: [], ...request },
  response: { status: 200, statusText: 'OK', headers: [], cookies: [], content: { size: 0 }, ...response },
  ...extra,
});

// A 1×1 PNG: kept byte for byte when bodies are kept, never decoded to text.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let text: string;
beforeAll(async () => {
  const { privateKey } = await generateKeyPair('ES256');
  sessionJwt = await new SignJWT({ sub: 'ana', sid: 'session-sid' })
    .setProtectedHeader({ alg: 'ES256' })
    .sign(privateKey);
  idToken = await new SignJWT({ sub: 'ana', aud: 'spa', nonce: 'n' })
    .setProtectedHeader({ alg: 'ES256' })
    .sign(privateKey);
  text = JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'test', version: '1' },
      comment: `recorded after the login; refresh_token=${S.comment}`,
      pages: [
        {
          id: 'p1',
          title: `https://app.example/home?access_token=${S.pageTitleToken}`,
          startedDateTime: '2026-11-29T12:00:00.000Z',
        },
      ],
      entries: [
        entry(
          {
            method: 'POST',
            url: 'https://app.example/login',
            postData: {
              mimeType: 'application/x-www-form-urlencoded',
              text: `user=ana&passwd=${encodeURIComponent(S.passwdForm)}&pin=${S.pin}`,
              params: [{ name: 'passwd', value: encodeURIComponent(S.passwdForm) }],
            },
          },
          {
            headers: [{ name: 'Set-Cookie', value: `sid=${S.setCookie}; HttpOnly` }],
            cookies: [{ name: 'sid', value: S.setCookie }],
            content: {
              mimeType: 'application/json',
              text: JSON.stringify({
                data: { session: { refreshToken: S.nestedRefresh, authToken: S.authToken } },
                token: sessionJwt,
              }),
            },
          },
        ),
        entry(
          {
            method: 'POST',
            url: 'https://app.example/api/login',
            headers: [
              { name: 'X-Session-Token', value: S.customHeader },
              { name: 'Cookie', value: `sid=${S.cookie}; theme=dark` },
            ],
            cookies: [{ name: 'sid', value: S.cookieList }],
            postData: {
              mimeType: 'application/json',
              text: JSON.stringify({ user: 'ana', credentials: { Password: S.passwordJson } }),
            },
          },
          {
            status: 401,
            content: {
              mimeType: 'application/json',
              text: JSON.stringify({ code: 'invalid_user_password', message: 'wrong password' }),
            },
          },
        ),
        entry(
          {
            url: `https://app.example/api/items;jsessionid=${S.jsession}?api_key=${S.apiKeyQuery}`,
            headers: [
              { name: 'Authorization', value: `Bearer ${sessionJwt}` },
              { name: 'WWW-Authenticate-Hint', value: 'none' },
            ],
          },
          {
            headers: [
              { name: 'WWW-Authenticate', value: 'Bearer realm="api"' },
              { name: 'Access-Control-Allow-Origin', value: 'https://app.example' },
            ],
            content: {
              mimeType: 'text/html',
              text: `<form><input type="hidden" name="flowToken" value="${S.flowToken}"><input name="SAMLResponse" type="hidden" value="${S.samlResponse}"></form>`,
            },
          },
        ),
        entry(
          { url: 'https://op.example/authorize?client_id=spa&state=st' },
          {
            status: 302,
            headers: [{ name: 'Location', value: `https://app.example/cb?code=${S.locationCode}&state=st` }],
            redirectURL: `https://app.example/cb?code=${S.locationCode}&state=st`,
          },
          { _initiator: { type: 'script', url: `https://app.example/app.js?token=${S.initiatorToken}` } },
        ),
        entry(
          { url: `https://app.example/cb?code=${S.code}&state=st` },
          { content: { mimeType: 'image/png', encoding: 'base64', text: PNG } },
        ),
        entry(
          { url: `https://app.example/cb#access_token=${S.fragmentToken}&id_token=${idToken}&state=st` },
          { content: { mimeType: 'text/plain', text: 'ok' } },
          {
            comment: 'after the callback',
            _webSocketMessages: [
              {
                type: 'send',
                time: 1,
                opcode: 1,
                data: JSON.stringify({ type: 'auth', accessToken: S.wsToken }),
              },
            ],
          },
        ),
        { request: { method: 'GET' }, response: {} },
      ],
    },
  });
});

describe('the copy that is safe to share', () => {
  test('every planted secret is gone in every spelling; the copy is still a HAR with every readable entry', () => {
    const { text: copy, skipped, leftover } = cleanHar(text, { keepOtherBodies: true });
    for (const [where, value] of Object.entries(S))
      for (const spelling of new Set([value, encodeURIComponent(value)]))
        expect(copy, where).not.toContain(spelling);
    expect(copy).not.toContain(sessionJwt.split('.')[2]);
    expect(copy).not.toContain(idToken.split('.')[2]);
    expect(leftover).toBeUndefined();
    expect(skipped).toBe(1);
    const again = readHar(copy);
    expect('entries' in again && again.entries).toHaveLength(6);
    expect((JSON.parse(copy) as { log: { pages: unknown[] } }).log.pages).toHaveLength(1);
  });

  test('an ID token keeps its header and claims; WWW-Authenticate and Access-Control-* stay; an error field named code stays', () => {
    const { text: copy } = cleanHar(text, { keepOtherBodies: true });
    expect(copy).toContain(idToken.split('.').slice(0, 2).join('.'));
    expect(copy).toContain('Bearer realm=\\"api\\"');
    expect(copy).toContain('"Access-Control-Allow-Origin"');
    expect(copy).toContain('invalid_user_password');
    expect(copy).toContain('session_state' in S ? '' : 'state=st');
  });

  test('bodies other than JSON and forms are left out unless kept; a kept image stays byte for byte', () => {
    const out = cleanHar(text, { keepOtherBodies: false });
    expect(out.text).not.toContain(PNG);
    expect(out.text).not.toContain('<form>');
    expect(out.removed.bodies).toBe(3);
    const kept = cleanHar(text, { keepOtherBodies: true });
    expect(kept.text).toContain(PNG);
    expect(kept.removed.bodies).toBe(0);
  });

  test('what was removed is counted per kind, never listed by value', () => {
    const { removed } = cleanHar(text, { keepOtherBodies: true });
    expect(removed.passwords).toBeGreaterThanOrEqual(3);
    expect(removed.codes).toBe(2);
    expect(removed.cookies).toBeGreaterThanOrEqual(4);
    expect(removed.headers).toBeGreaterThanOrEqual(2);
    expect(removed.tokens).toBeGreaterThan(5);
  });

  test('a short secret (a PIN) goes where it stands whole, not from every number in the file', () => {
    const withNumber = text.replace('"time":1', '"time":48210');
    const { text: copy } = cleanHar(withNumber, { keepOtherBodies: true });
    expect(copy).not.toMatch(/pin=4821\b/);
    expect(copy).toContain('48210');
  });
});

describe('the copy is searched again before it is offered', () => {
  const har = (extra: object, log: object = {}) => ({
    log: {
      version: '1.2',
      creator: { name: 'test', version: '1' },
      ...log,
      entries: [
        entry({ url: 'https://app.example/a' }, {}),
        entry(
          {
            method: 'POST',
            url: 'https://app.example/login',
            postData: {
              mimeType: 'application/x-www-form-urlencoded',
              text: 'user=ana&password=Secr3t-Pass-991',
            },
          },
          {},
          extra,
        ),
      ],
    },
  });

  test('a secret left where no rule cleans (a key of a custom field) is named by kind and entry, never by value', () => {
    const out = cleanHar(JSON.stringify(har({ _custom: { 'Secr3t-Pass-991': true } })), {
      keepOtherBodies: false,
    });
    expect(out.leftover).toEqual({ kind: 'passwords', entry: 2 });
  });

  test('outside the entries (a key in the log) it is entry 0; a parsed HAR is cleaned like its text', () => {
    const parsed = har({}, { _notes: { 'Secr3t-Pass-991': 1 } });
    expect(cleanHar(parsed, { keepOtherBodies: false }).leftover).toEqual({
      kind: 'passwords',
      entry: 0,
    });
    const clean = har({});
    const { clean: _a, ...fromParsed } = cleanHar(clean, { keepOtherBodies: false });
    const { clean: _b, ...fromText } = cleanHar(JSON.stringify(clean), { keepOtherBodies: false });
    expect(fromParsed).toEqual(fromText);
    expect(cleanHar(clean, { keepOtherBodies: false }).text).not.toContain('Secr3t');
  });
});
