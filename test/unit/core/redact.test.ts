import { beforeAll, describe, expect, test } from 'vitest';
import { redactRun } from '../../../src/core/redact.ts';
import { buildSampleRun, expectNoSecret, idToken, run } from '../../support/sample-run.ts';

beforeAll(buildSampleRun);

describe('redaction: what leaves the browser session holds no secret', () => {
  test('the redacted run keeps structure, JWT headers and claims, and drops every secret form', () => {
    const safe = redactRun(run);
    const text = JSON.stringify(safe);
    expectNoSecret(text);
    expect(safe.redacted).toBe(true);
    expect(safe.flight).toBeUndefined();
    expect(text).toContain(idToken.split('.').slice(0, 2).join('.')); // header.payload stay readable
    expect(text).toContain('"sub":"ana"');
    const token = safe.steps.find((s) => s.kind === 'token');
    expect(token?.kind === 'token' && token.exchange?.request.headers.authorization).toBe('Basic [redacted]');
  });

  test('state and nonce may stay once the run is over', () => {
    expect(JSON.stringify(redactRun(run))).toContain('st4te');
  });
});
