import { describe, expect, test } from 'vitest';
import type { Check } from '../../../../src/core/check.ts';
import { verdict, verdictText } from '../../../../src/core/view/verdict.ts';

describe('the verdict', () => {
  const c = (status: Check['status'], title: string = status): Check => ({
    id: title,
    title,
    spec: '',
    specUrl: '',
    status,
    expected: '',
    actual: '',
  });

  test('counts the checks that ran, and warnings', () => {
    expect(verdictText(verdict([c('pass'), c('pass'), c('skip'), c('warn')]))).toBe(
      'All 3 checks passed, 1 warning',
    );
    expect(verdictText(verdict([c('pass')]))).toBe('All 1 check passed');
  });

  test('names the first failure', () => {
    expect(verdictText(verdict([c('pass'), c('fail', 'Nonce matches the one sent'), c('fail', 'b')]))).toBe(
      '2 checks failed: Nonce matches the one sent',
    );
  });
});
