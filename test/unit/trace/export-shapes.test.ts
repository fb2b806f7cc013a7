import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { traceLogins } from '../../../src/trace/analysis/attempts.ts';
import { forLiveLog } from '../../../src/trace/analysis/read-file.ts';
import { readHar, type HarEntry } from '../../../src/trace/analysis/har.ts';
import { cleanHar } from '../../../src/trace/analysis/clean-har.ts';
import { inEnglish } from '../../support/words.ts';

/**
 * Hand-made HARs in the documented shapes of Chrome's and Firefox's exports (neither browser can be
 * driven to export here): Chrome's sanitized "Save all as HAR" with its `_` fields, pseudo-headers,
 * base64 bodies and redirects as separate entries; Firefox's with form `params` and a blocked call.
 */
const fixture = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '..', '..', 'fixtures', name), 'utf8');
const statuses = (checks: { id: string; status: string }[]) =>
  Object.fromEntries(checks.map((c) => [c.id, c.status]));
const entriesOf = (text: string) => (readHar(text) as { entries: HarEntry[] }).entries;

describe('HARs as browsers export them', () => {
  test('Chrome: a login found and checked through base64 bodies, and the sanitized export said', () => {
    const text = fixture('chrome-export.har');
    const trace = traceLogins(entriesOf(text));
    expect(trace.attempts).toHaveLength(1);
    const [attempt] = trace.attempts;
    expect(attempt).toMatchObject({ clientId: 'portal-web', issuer: 'https://login.example.com' });
    expect(statuses(attempt!.checks)).toMatchObject({
      'trace.state': 'pass',
      'trace.iss': 'pass',
      'trace.pkce': 'pass',
      'trace.redirect_uri': 'pass',
      'trace.no_tokens_in_url': 'pass',
    });
    expect(attempt!.diagnosis).toEqual([]);
    expect(attempt!.tokens.map((t) => t.name)).toEqual(['access_token']);
    expect(trace.notes.map((n) => inEnglish(n))).toEqual([
      expect.stringMatching(
        /^No client credentials appear in the token requests, and this recording holds no cookie and no Authorization header at all: Chrome’s “Export HAR \(sanitized\)”/,
      ),
    ]);

    // The DevTools panel's live log is no export: it says nothing of what an export leaves out.
    expect(forLiveLog(trace).notes).toEqual([]);
    // An export that kept cookies (Firefox's, Chrome's with sensitive data) hides nothing: no such note.
    const kept = JSON.parse(text) as { log: { entries: { request: { headers: object[] } }[] } };
    kept.log.entries[0]!.request.headers.push({ name: 'Cookie', value: 'theme=dark' });
    expect(traceLogins(entriesOf(JSON.stringify(kept))).notes).toEqual([]);

    const redacted = cleanHar(text, { keepOtherBodies: true }).text;
    for (const secret of [
      'SplxlOBeZQQYbYS6WxSbIA',
      'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      'correct-horse-battery',
    ])
      expect(text.includes(secret) && !redacted.includes(secret), secret).toBe(true);
    // The access token only travels base64-encoded in this export: the redacted copy holds it in no spelling.
    const bodies = entriesOf(redacted).map(({ response: { content } }) =>
      content?.encoding === 'base64' ? atob(content.text ?? '') : (content?.text ?? ''),
    );
    expect(bodies.some((b) => /"token_type": ?"Bearer"/.test(b))).toBe(true);
    expect(bodies.some((b) => b.includes('2YotnFZFEjr1zWsfMWWA'))).toBe(false);
    expect(entriesOf(redacted)).toHaveLength(entriesOf(text).length);
  });

  test('Firefox: the token call the browser blocked (status 0) is explained; form params are redacted too', () => {
    const text = fixture('firefox-export.har');
    const [attempt] = traceLogins(entriesOf(text)).attempts;
    expect(attempt).toMatchObject({ clientId: 'portal-spa' });
    expect(statuses(attempt!.checks)['trace.state']).toBe('pass');
    expect(attempt!.diagnosis.map((d) => inEnglish(d))).toEqual([
      'The browser blocked the token request (status 0): a CORS refusal, typical of an app redeeming the code from the page.',
    ]);
    const redacted = cleanHar(text, { keepOtherBodies: true }).text;
    for (const secret of ['Ft7bRq0LkQ2sXw9n', 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'])
      expect(text.includes(secret) && !redacted.includes(secret), secret).toBe(true);
  });
});
