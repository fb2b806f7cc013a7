import { describe, expect, test } from 'vitest';
import { defaultBook } from '../../../../src/core/profile/profile-book.ts';
import { defaultProfile } from '../../../../src/core/profile/profile.ts';
import { finishRun, newRun, type Run } from '../../../../src/core/run/run.ts';
import {
  HISTORY_LIMIT,
  historyKey,
  historyKeys,
  listRuns,
  pickRun,
  pickCredential,
  pickSecret,
  readCredential,
  storedCredential,
  runKey,
  secretKey,
  secretKeys,
} from '../../../../src/core/view/stored-records.ts';

const profile = defaultProfile('https://abc.chromiumapp.org/');
const run = (id: string, createdAt: number, patch: Partial<Run> = {}): Run => ({
  ...finishRun(newRun(id, profile, createdAt), createdAt + 10),
  ...patch,
});

describe('the storage layout: one home for keys and for which copy wins', () => {
  test('the full session copy wins over the redacted copy on disk; newest first', () => {
    const full = run('a', 2000);
    const redacted = { ...full, redacted: true };
    const older = run('b', 1000, { redacted: true });
    const { runs, unreadable } = listRuns(
      { [runKey('a')]: full, [secretKey('p')]: 'not a run' },
      { [historyKey('a')]: redacted, [historyKey('b')]: older, profiles: defaultBook('x') },
    );
    expect(runs.map((r) => [r.id, r.redacted ?? false])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    expect(unreadable).toBe(0);
    expect(pickRun(full, redacted)).toBe(full);
    expect(pickRun(undefined, redacted)).toBe(redacted);
  });

  test('records of another schema version are counted, not listed; the list is capped', () => {
    const many = Object.fromEntries(
      Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) => [historyKey(`r${i}`), run(`r${i}`, i)]),
    );
    const { runs, unreadable } = listRuns({ [runKey('old')]: { schema: 0, id: 'old', steps: [] } }, many);
    expect(runs).toHaveLength(HISTORY_LIMIT);
    expect(runs[0]!.id).toBe(`r${HISTORY_LIMIT + 4}`);
    expect(unreadable).toBe(1);
  });

  test('Clear history takes finished full copies and every redacted copy, never a run in flight', () => {
    const session = { [runKey('done')]: run('done', 1), [runKey('live')]: newRun('live', profile, 2) };
    const local = { [historyKey('done')]: run('done', 1), [secretKey('p')]: 's' };
    expect(historyKeys(session, local)).toEqual({ session: [runKey('done')], local: [historyKey('done')] });
    expect(secretKeys(local)).toEqual([secretKey('p')]);
  });

  test('a secret is looked up in the session first, on disk only when the profile remembers it', () => {
    const stored = { ...defaultBook('x').profiles[0]!, rememberSecret: false };
    expect(pickSecret(stored, 'in session', 'on disk')).toBe('in session');
    expect(pickSecret(stored, undefined, 'on disk')).toBe('');
    expect(pickSecret({ ...stored, rememberSecret: true }, undefined, 'on disk')).toBe('on disk');
    expect(pickSecret({ ...stored, rememberSecret: true }, '', 'on disk')).toBe('');
  });

  test('a credential record holds the union; a bare secret (written before it) is read as one', () => {
    const stored = { ...defaultBook('x').profiles[0]!, rememberSecret: true };
    const typed = storedCredential('p:ss');
    expect(typed).toEqual({ kind: 'secret', secret: 'p:ss' });
    expect(storedCredential('')).toBeNull();
    expect(pickCredential(stored, typed, undefined)).toEqual({ kind: 'secret', secret: 'p:ss' });
    // Older records: the bare string, '' for none.
    expect(pickCredential(stored, 'legacy', undefined)).toEqual({ kind: 'secret', secret: 'legacy' });
    expect(pickCredential(stored, '', storedCredential('disk'))).toBeUndefined();
    // None in the session is a record too: the disk copy does not come back behind it.
    expect(pickCredential(stored, null, storedCredential('disk'))).toBeUndefined();
    expect(pickCredential(stored, undefined, storedCredential('disk'))).toEqual({
      kind: 'secret',
      secret: 'disk',
    });
    // A key is named by the profile (`clientKey`), never by this record: one here is not read as a credential.
    const key = { kind: 'key', alg: 'PS256', kid: 'k1' };
    expect(readCredential(key)).toBeUndefined();
    expect(pickSecret(stored, key, undefined)).toBe('');
    // What this version cannot read is no record: the lookup goes on.
    expect(readCredential(42)).toBeUndefined();
    expect(pickCredential(stored, { kind: 'password' }, 'disk')).toEqual({ kind: 'secret', secret: 'disk' });
  });
});
