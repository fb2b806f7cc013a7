import { describe, expect, test } from 'vitest';
import type { Check } from '../../../../src/core/checks/check.ts';
import { checkTitle, verdict, verdictText } from '../../../../src/core/view/verdict.ts';
import { wordsOf } from '../../../support/words.ts';

const en = wordsOf('en');
const pt = wordsOf('pt_BR');
const c = (status: Check['status'], title: string = status, id = title): Check => ({
  id,
  title,
  spec: '',
  specUrl: '',
  status,
  expected: '',
  actual: '',
});

describe('the verdict', () => {
  test('counts the checks that ran, and warnings', () => {
    expect(verdictText(verdict([c('pass'), c('pass'), c('skip'), c('warn')]), en)).toBe(
      'All 3 checks passed, 1 warning: warn',
    );
    expect(verdictText(verdict([c('pass')]), en)).toBe('All 1 check passed');
  });

  test('no check ran: said as such, never "All 0 checks passed" (pt-BR puts 0 in the one category)', () => {
    expect(verdictText(verdict([c('skip')]), en)).toBe('No checks ran');
    expect(verdictText(verdict([]), pt)).toBe('Nenhuma verificação foi feita');
    expect(verdictText(verdict([c('skip'), c('warn')]), pt)).toBe('1 verificação passou, 1 aviso: warn');
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
      'Todas as 4 verificações passaram, 2 avisos: warn; warn',
    );
    expect(verdictText(verdict(Array.from({ length: 1200 }, () => c('pass'))), pt)).toBe(
      'Todas as 1.200 verificações passaram',
    );
  });
});

describe('headlines that never contradict themselves', () => {
  const said = (status: Check['status'], id: string, expected: string, actual: string): Check => ({
    id,
    spec: '',
    specUrl: '',
    status,
    expected,
    actual,
  });

  test('a failed check reads as what was expected against what came', () => {
    const http = said('fail', 'token.http', 'HTTP 200, a JSON object', 'HTTP 401 invalid_client');
    expect(verdictText(verdict([http]), en)).toBe(
      '1 check failed: Token endpoint answer: expected HTTP 200, a JSON object, got HTTP 401 invalid_client',
    );
    expect(verdictText(verdict([http]), pt)).toBe(
      '1 verificação falhou: Resposta do endpoint de token: esperado HTTP 200, a JSON object, veio HTTP 401 invalid_client',
    );
  });

  test('warnings are named with their rule; a long value is cut', () => {
    const https = said('warn', 'discovery.https', 'https URLs (http is tolerated on loopback only)', '');
    expect(verdictText(verdict([c('pass'), https]), en)).toBe(
      'All 2 checks passed, 1 warning: Endpoints use HTTPS: https URLs (http is tolerated on loopback only)',
    );
    const long = said('fail', 'id_token.iss', 'x'.repeat(200), 'y');
    expect(verdictText(verdict([long]), en)).toContain(`expected ${'x'.repeat(79)}…, got y`);
  });

  test('a run that stopped never says its checks all passed: only failures and warnings', () => {
    expect(verdictText(verdict([c('pass'), c('pass')]), en, true)).toBe('');
    expect(verdictText(verdict([c('pass'), c('warn')]), en, true)).toBe('1 warning: warn');
    expect(verdictText(verdict([c('pass'), c('fail', 'Nonce matches the one sent')]), en, true)).toBe(
      '1 check failed: Nonce matches the one sent',
    );
  });
});

describe('check titles', () => {
  test('come from the message files by id; a check repeated under a step prefix has its own title', () => {
    expect(checkTitle({ id: 'token.http' }, en)).toBe('Token endpoint answer');
    expect(checkTitle({ id: 'refresh.token.http' }, en)).toBe('Token endpoint answer');
    // Refreshes stored before this version prefixed OIDC Core §12.2's rules twice.
    expect(checkTitle({ id: 'refresh.refresh.id_token.same_sub' }, en)).toBe(
      'New ID token has the same subject (sub)',
    );
    // A run stored by an older version keeps the English title of an id this version no longer knows.
    expect(checkTitle({ id: 'gone.check', title: 'An old check' }, en)).toBe('An old check');
    expect(checkTitle({ id: 'gone.check' }, en)).toBe('gone.check');
  });
});
