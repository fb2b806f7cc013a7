import type { Said } from '../../src/core/i18n/say.ts';
import { readHar, type HarEntry } from '../../src/trace/analysis/har.ts';
import { inEnglish } from './words.ts';

/** HAR entries as an export writes them, one second apart, for the trace's unit tests (values invented). */
export const OP = 'https://op.example';
export const APP = 'https://app.example/cb';
let clock = 0;
export const entry = (
  method: string,
  url: string,
  status: number,
  extra: Partial<HarEntry['request']> = {},
  response: Partial<HarEntry['response']> = {},
): HarEntry => ({
  startedDateTime: new Date(Date.UTC(2026, 10, 29, 12, 0, clock++)).toISOString(),
  request: { method, url, headers: [], ...extra },
  response: { status, headers: [], ...response },
});
export const json = (body: unknown) => ({
  content: { mimeType: 'application/json', text: JSON.stringify(body) },
});
export const authorize = (state: string, client = 'spa') =>
  entry(
    'GET',
    `${OP}/authorize?response_type=code&client_id=${client}&redirect_uri=${encodeURIComponent(APP)}&state=${state}&nonce=n1&code_challenge=c&code_challenge_method=S256`,
    302,
  );
export const token = (form: string, status: number, body: unknown) =>
  entry(
    'POST',
    `${OP}/token`,
    status,
    { postData: { mimeType: 'application/x-www-form-urlencoded', text: form } },
    json(body),
  );
export const har = (entries: HarEntry[]) => JSON.stringify({ log: { version: '1.2', entries } });
export const statuses = (checks: { id: string; status: string }[]) =>
  Object.fromEntries(checks.map((c) => [c.id, c.status]));

/** Entries as the trace reads them, through the real reader. */
export const read = (entries: HarEntry[]) => (readHar(har(entries)) as { entries: HarEntry[] }).entries;
/** A login's diagnosis in English, one line each. */
export const said = (attempt: { diagnosis: Said[] } | undefined) =>
  attempt!.diagnosis.map((d) => inEnglish(d)).join('\n');
