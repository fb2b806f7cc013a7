import { beforeEach, describe, expect, test, vi } from 'vitest';

// The platform seam only: what the browser's messaging answers (or throws) is the case under test.
const answers: (() => Promise<unknown>)[] = [];
vi.mock('../../../src/platform/runtime.ts', () => ({
  sendToWorker: () => answers.shift()!(),
}));
const { onSendFailure, send } = await import('../../../src/messages.ts');

describe('send() always resolves to a Result, and says when the worker failed', () => {
  const heard: string[] = [];
  beforeEach(() => {
    heard.length = 0;
  });
  onSendFailure((e) => heard.push(e.say!.subs.map(String).join(' / ')));

  test('an answer is passed on: a Result as it is, anything else (even nothing) as a value', async () => {
    answers.push(() =>
      Promise.resolve({
        answered: true,
        value: { ok: false, error: { code: 'invalid_input', message: 'x' } },
      }),
    );
    await expect(send('deleteRun', { runId: 'r' })).resolves.toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'x' },
    });
    // `undefined` does not survive the crossing: an empty answer arrives without `value`.
    answers.push(() => Promise.resolve({ answered: true }));
    await expect(send('clearHistory', {})).resolves.toEqual({ ok: true, value: undefined });
    answers.push(() => Promise.resolve({ answered: true, value: { text: '{}' } }));
    await expect(send('exportProfiles', {})).resolves.toEqual({ ok: true, value: { text: '{}' } });
    expect(heard).toEqual([]);
  });

  test('a refusal (no answer) and a worker that cannot be reached are errors, heard by the page', async () => {
    answers.push(() => Promise.resolve(undefined));
    const refused = await send('clearHistory', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'internal', say: { id: 'messageFailed' } } });
    answers.push(() =>
      Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
    );
    const unreachable = await send('setPresentation', { on: true });
    expect(unreachable.ok).toBe(false);
    expect(heard).toEqual([
      'clearHistory / refused',
      'setPresentation / Could not establish connection. Receiving end does not exist.',
    ]);
  });
});
