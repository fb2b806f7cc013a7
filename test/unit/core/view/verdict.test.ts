import { describe, expect, test } from 'vitest';
import type { Check } from '../../../../src/core/checks/check.ts';
import { checkTitle, verdict, verdictText } from '../../../../src/core/view/verdict.ts';
import { wordsOf } from '../../../support/words.ts';

const en = wordsOf('en');
const pt = wordsOf('pt_BR');

describe('the verdict', () => {
  const c = (status: Check['status'], title: string = status, id = title): Check => ({
    id,
    title,
    spec: '',
    specUrl: '',
    status,
    expected: '',
    actual: '',
  });

  test('counts the checks that ran, and warnings', () => {
    expect(verdictText(verdict([c('pass'), c('pass'), c('skip'), c('warn')]), en)).toBe(
      'All 3 checks passed, 1 warning',
    );
    expect(verdictText(verdict([c('pass')]), en)).toBe('All 1 check passed');
  });

  test('no check ran: said as such, never "All 0 checks passed" (pt-BR puts 0 in the one category)', () => {
    expect(verdictText(verdict([c('skip')]), en)).toBe('No checks ran');
    expect(verdictText(verdict([]), pt)).toBe('Nenhuma verificação foi feita');
    expect(verdictText(verdict([c('skip'), c('warn')]), pt)).toBe('1 verificação passou, 1 aviso');
  });

  test('names the first failure', () => {
    expect(
      verdictText(verdict([c('pass'), c('fail', 'Nonce matches the one sent'), c('fail', 'b')]), en),
    ).toBe('2 checks failed: Nonce matches the one sent');
  });

  test('speaks Portuguese with its plurals, and names a known check by its id, an unknown one by its stored title', () => {
    const nonce = c('fail', 'Nonce matches the one sent', 'id_token.nonce');
    expect(verdictText(verdict([nonce, c('fail', 'b')]), pt)).toBe(
      '2 verificações falharam: Nonce confere com o enviado',
    );
    expect(verdictText(verdict([c('fail', 'Stored before translations', 'old.rule')]), pt)).toBe(
      '1 verificação falhou: Stored before translations',
    );
    expect(verdictText(verdict([c('pass'), c('pass'), c('warn'), c('warn')]), pt)).toBe(
      'Todas as 4 verificações passaram, 2 avisos',
    );
    expect(verdictText(verdict(Array.from({ length: 1200 }, () => c('pass'))), pt)).toBe(
      'Todas as 1.200 verificações passaram',
    );
  });
});

describe('check titles', () => {
  test('come from the message files by id; a check repeated under a step prefix has its own title', () => {
    expect(checkTitle({ id: 'token.http' }, en)).toBe('Token endpoint answered 200 with JSON');
    expect(checkTitle({ id: 'refresh.token.http' }, en)).toBe('Token endpoint answered 200 with JSON');
    // Refreshes stored before this version prefixed OIDC Core §12.2's rules twice.
    expect(checkTitle({ id: 'refresh.refresh.id_token.same_sub' }, en)).toBe(
      'New ID token has the same subject (sub)',
    );
    // A run stored by an older version keeps the English title of an id this version no longer knows.
    expect(checkTitle({ id: 'gone.check', title: 'An old check' }, en)).toBe('An old check');
    expect(checkTitle({ id: 'gone.check' }, en)).toBe('gone.check');
  });
});
