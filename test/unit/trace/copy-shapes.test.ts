import { generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, test } from 'vitest';
import { cleanHar } from '../../../src/trace/analysis/clean-har.ts';
import { readHar } from '../../../src/trace/analysis/har.ts';
import { traceLogins } from '../../../src/trace/analysis/attempts.ts';

/**
 * The shared copy on the shapes real recordings show (Chrome's HTTP/2 pseudo-headers, Google's xsrf
 * header `1`, secrets whose names nobody listed, multipart and SOAP bodies, escaped JSON, relative
 * Locations, GraphQL arguments, one-time codes) and on personal data. Values invented here.
 */
const RAPT = 'AEjHL4Nq7vXk2mP9sR3tW8yB1cD5fG6hJ0kL4mN7pQ2rS'; // a reauthentication proof in a URL
const SAPISID = `1765000000_${'a3f9'.repeat(10)}`;
const LATER_BEARER = 'ya29Xk3L9mQ2pR7sT1vW4yZ8bC6dF0gH5jK';
const CTX_SHAPED = 'Zm9vYmFyMTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1u';
const MULTIPART_PW = 'multipart-Pa55-word';
const ESCAPED_TOKEN = 'esc+aped/tok=en-7Hk2Lm9Qp3Rs';
const LOCATION_CODE = 'rel-code-9f8e7d6c5b4a';
const FRAGMENT_TOKEN = 'frag-at-1a2b3c4d5e6f7g8h';
const GRAPHQL_PW = 'gql-Pa55-word-00';
const SOAP_PW = 'soap-Pa55-word-11';
const OTP = '482913';
const SMS_OTP = '771204';
const FORM_POST_CODE = 'form-post-code-5c4b3a29';
const OCTET_TOKEN = 'octet-stream-refresh-88aa77bb';
const CLIENT_ID = 'k3J9xQ2mL7pR4sT8vW1yZ5bC0dF6gH'; // random-looking, and public by its name
const UUID = '0b7e4c1a-9d2f-4e3b-8a6c-5f1e2d3c4b5a';
let idToken = '';

const entry = (request: object, response: object = {}) => ({
  startedDateTime: '2026-11-29T12:00:00.000Z',
  time: 1,
  request: { method: 'GET', headers: [], cookies: [], queryString: [], bodySize: 1, ...request },
  response: { status: 200, statusText: 'OK', headers: [], cookies: [], content: { size: 1 }, ...response },
});
const h = (name: string, value: string) => ({ name, value });

let har: string;
beforeAll(async () => {
  const { privateKey } = await generateKeyPair('ES256');
  idToken = await new SignJWT({ sub: 'u1', aud: 'app', name: 'Ana Souza', email: 'ana.souza@example.test' })
    .setProtectedHeader({ alg: 'ES256' })
    .sign(privateKey);
  const boundary = '----WebKitFormBoundary7MA4YWxkTrZu0gW';
  har = JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      entries: [
        entry(
          {
            url: `https://op.example/authorize?client_id=${CLIENT_ID}&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&response_type=code&state=s1&rapt=${RAPT}`,
            headers: [
              h(':authority', 'op.example'),
              h(':method', 'GET'),
              h(':path', `/authorize?client_id=${CLIENT_ID}&rapt=${RAPT}`),
              h(':scheme', 'https'),
              h('google-accounts-xsrf', '1'),
              h('include-referred-token-binding-id', 'true'),
              h('x-ms-request-id', UUID),
              h('Authorization', `SAPISIDHASH ${SAPISID}`),
            ],
            cookies: [{ name: '__Secure-1PSIDTS', value: '1' }],
          },
          {
            status: 302,
            headers: [h('Location', `/cb?code=${LOCATION_CODE}&state=s1#access_token=${FRAGMENT_TOKEN}`)],
          },
        ),
        entry({
          url: `https://app.example/cb?code=${LOCATION_CODE}&state=s1`,
          headers: [
            h('Referer', `https://op.example/consent?code=${LOCATION_CODE}&state=s1&ctx=${CTX_SHAPED}`),
          ],
        }),
        entry({ url: `https://app.example/api/stream?t=${LATER_BEARER}` }),
        entry({
          method: 'POST',
          url: 'https://app.example/upload',
          postData: {
            mimeType: `multipart/form-data; boundary=${boundary}`,
            text: `--${boundary}\r\nContent-Disposition: form-data; name="username"\r\n\r\nana.souza@example.test\r\n--${boundary}\r\nContent-Disposition: form-data; name="password"\r\n\r\n${MULTIPART_PW}\r\n--${boundary}--\r\n`,
          },
        }),
        entry(
          {
            method: 'POST',
            url: 'https://app.example/graphql',
            postData: {
              mimeType: 'application/json',
              text: JSON.stringify({
                query: `mutation { login(user: "ana", password: "${GRAPHQL_PW}") { ok } }`,
              }),
            },
          },
          // ASP.NET Core escapes `+` and `/`: the value stands as `\u002B` in the text.
          {
            content: {
              mimeType: 'application/json',
              text: `{"access_token":"${ESCAPED_TOKEN.replace('+', '\\u002B').replace('/', '\\u002F')}","expires_in":3600,"count":1}`,
            },
          },
        ),
        entry({
          method: 'POST',
          url: 'https://idp.example/ws',
          postData: {
            mimeType: 'text/xml; charset=utf-8',
            text: `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><wsse:Security><wsse:UsernameToken><wsse:Username>ana</wsse:Username><wsse:Password Type="PasswordText">${SOAP_PW}</wsse:Password></wsse:UsernameToken></wsse:Security></soap:Header></soap:Envelope>`,
          },
        }),
        entry({
          method: 'POST',
          url: 'https://app.example/mfa',
          postData: { mimeType: 'application/json', text: `{"otp":"${OTP}","remember":true}` },
        }),
        entry({
          method: 'POST',
          url: 'https://app.example/mfa/sms',
          postData: {
            mimeType: 'application/x-www-form-urlencoded',
            text: `verification_code=${SMS_OTP}&phone=%2B55%2011%2098765-4321`,
          },
        }),
        entry(
          { url: 'https://op.example/authorize/resume' },
          {
            content: {
              mimeType: 'text/html',
              text: `<form method="post" action="https://app.example/cb"><input type="hidden" name="code" value="${FORM_POST_CODE}"/><input type="hidden" name="state" value="s1"/><input type="hidden" name="id_token" value="${idToken}"/></form>`,
            },
          },
        ),
        entry(
          { url: 'https://app.example/blob' },
          {
            content: {
              mimeType: 'application/octet-stream',
              encoding: 'base64',
              text: btoa(`{"refresh_token":"${OCTET_TOKEN}"}`),
            },
          },
        ),
      ],
    },
  });
});

const SECRETS = () => [
  RAPT,
  SAPISID,
  LATER_BEARER,
  CTX_SHAPED,
  MULTIPART_PW,
  LOCATION_CODE,
  FRAGMENT_TOKEN,
  GRAPHQL_PW,
  SOAP_PW,
  FORM_POST_CODE,
  OCTET_TOKEN,
  idToken.split('.')[2]!,
];
const escapedForms = (v: string) => [
  v,
  encodeURIComponent(v),
  v.replace('+', '\\u002B').replace('/', '\\u002F'),
  btoa(`{"refresh_token":"${v}"}`),
];

describe('the copy on shapes real recordings show', () => {
  test('offered: short removed values (1, true) are not searched for among the numbers of the file', () => {
    const out = cleanHar(har, { keepOtherBodies: true });
    expect(out.leftover).toBeUndefined();
    const copy = out.text;
    expect(copy).toContain('"bodySize":1');
    expect(copy).toContain('\\"count\\":1');
    // The xsrf header and the cookie went where they stood.
    expect(copy).toContain('{"name":"google-accounts-xsrf","value":"[redacted]"}');
    expect(copy).toContain('{"name":"__Secure-1PSIDTS","value":"[redacted]"}');
  });

  test('pseudo-headers and Token Binding stay; :path is cleaned as the URL is; hosts survive for the copy’s own analysis', () => {
    const out = cleanHar(har, { keepOtherBodies: false });
    for (const kept of [
      '{"name":":authority","value":"op.example"}',
      '{"name":":method","value":"GET"}',
      '{"name":":scheme","value":"https"}',
      '{"name":"include-referred-token-binding-id","value":"true"}',
      UUID,
      CLIENT_ID,
    ])
      expect(out.text).toContain(kept);
    expect(out.text).toContain(`"/authorize?client_id=${CLIENT_ID}&rapt=[redacted]"`);
    const read = readHar(out.text);
    if ('error' in read) throw new Error('the copy is no HAR');
    const [login] = traceLogins(read.entries).attempts;
    expect(login?.issuer).toBe('https://op.example');
    expect(login?.clientId).toBe(CLIENT_ID);
  });

  test('every secret is gone in every spelling, bodies kept or not', () => {
    for (const keepOtherBodies of [false, true]) {
      const { text } = cleanHar(har, { keepOtherBodies });
      for (const secret of SECRETS())
        for (const form of escapedForms(secret)) expect(text).not.toContain(form);
      expect(text).not.toMatch(new RegExp(`"otp":"${OTP}"|verification_code=${SMS_OTP}`));
    }
  });

  test('what was removed counts random-looking values apart; personal data stays unless asked', () => {
    const out = cleanHar(har, { keepOtherBodies: true });
    expect(out.removed.other).toBeGreaterThanOrEqual(3); // rapt, ctx, t
    expect(out.removed.personal).toBe(0);
    expect(out.text).toContain('ana.souza@example.test');
    expect(out.removed.passwords).toBeGreaterThanOrEqual(5); // multipart, GraphQL, SOAP, two one-time codes
    expect(out.removed.codes).toBe(2); // the relative Location's and the form_post page's
  });

  test('personal data removed when asked: e-mail addresses, phone numbers, names in ID token claims', () => {
    const out = cleanHar(har, { keepOtherBodies: true, removePersonalData: true });
    expect(out.leftover).toBeUndefined();
    for (const personal of ['ana.souza@example.test', 'Ana Souza', '98765-4321', '98765'])
      expect(out.text).not.toContain(personal);
    expect(out.removed.personal).toBeGreaterThanOrEqual(3);
    // The ID token keeps its other claims.
    const payload = /name=\\"id_token\\" value=\\"[^.]+\.([^.]+)\./.exec(out.text)?.[1];
    expect(payload && JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')))).toMatchObject({
      sub: 'u1',
      aud: 'app',
      name: '[redacted]',
    });
  });
});
