import { describe, expect, test } from 'vitest';
import { defaultProfile } from '../../../../src/core/profile/profile.ts';
import { appendStep, finishRun, newRun } from '../../../../src/core/run/run.ts';
import { progressText } from '../../../../src/core/view/progress.ts';
import { wordsOf } from '../../../support/words.ts';

const en = wordsOf('en');

const run = newRun('r', defaultProfile('https://abc.chromiumapp.org/'), 0);

describe('the popup’s status line follows the run', () => {
  test('from the login window to the outcome', () => {
    const waiting = appendStep(run, {
      kind: 'callback',
      status: 'running',
      at: 1,
      params: [],
      exchanges: [],
    });
    expect(progressText(waiting, en)).toMatch(/^The login window is open/);
    const redeeming = appendStep(waiting, { kind: 'token', status: 'running', at: 2, exchanges: [] });
    expect(progressText(redeeming, en)).toMatch(/redeeming the code/);
    const checked = {
      ...redeeming,
      steps: [
        ...redeeming.steps,
        {
          kind: 'validation' as const,
          status: 'ok' as const,
          at: 3,
          exchanges: [],
          checks: [
            { id: 'a', title: 'A', spec: '', specUrl: '', status: 'pass' as const, expected: '', actual: '' },
            { id: 'b', title: 'B', spec: '', specUrl: '', status: 'warn' as const, expected: '', actual: '' },
          ],
        },
      ],
    };
    expect(progressText(finishRun(checked, 4), en)).toBe(
      'Tokens received · All 2 checks passed, 1 warning: B. The inspector tab shows them.',
    );
    expect(progressText(finishRun(waiting, 4, { code: 'login_cancelled', message: 'x' }), en)).toBe('');
  });
});
