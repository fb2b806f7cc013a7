import { describe, expect, test } from 'vitest';
import { catalog } from '../../support/words.ts';

/**
 * ../shared/reference/pt-br-glossary.md, held: for each English term, the pt-BR messages use the chosen
 * term and never a rejected one. A new or changed pt-BR string that drifts fails here, naming it.
 */
const en = catalog('en');
const pt = catalog('pt_BR');
const ids = Object.keys(en);
const ptOf = (id: string) => pt[id]?.message ?? '';

interface Term {
  english: string;
  /** The English messages that use the term (as a noun), whose pt-BR must say `chosen`. */
  where?: RegExp;
  chosen?: RegExp;
  /** Never in a pt-BR message. */
  rejected: RegExp;
}

const TERMS: Term[] = [
  {
    english: 'request (HTTP)',
    where: /\b(token|authorization|authorize) request\b/i,
    chosen: /requisiç(ão|ões)/i,
    // The verb stays where a person is asked ("o navegador vai pedir sua permissão").
    rejected: /\bpedidos?\b|\bpedir (um )?token|\bpedindo\b/i,
  },
  { english: 'callback', where: /\bcallback\b/i, chosen: /\bcallback\b/i, rejected: /\bretorno\b/i },
  { english: 'client secret', rejected: /\bsegredo\b/i },
  { english: 'issuer', where: /\bissuer\b/i, chosen: /\bissuer\b/i, rejected: /\bemissor\b/i },
  { english: 'audience', where: /\baudience\b/i, chosen: /\baudience\b/i, rejected: /audiência/i },
  { english: 'subject', where: /\bsubject\b/i, chosen: /\bsubject\b/i, rejected: /\bsujeito\b/i },
  // "trocar o code" is right (redeem); "a troca" as a noun (an exchange) is not.
  { english: 'exchange', rejected: /\b(a|uma|essa|esta|da|na|de) trocas?\b/i },
  { english: 'reach (network)', rejected: /\balcançar\b/i },
  { english: 'forget (stored data)', rejected: /\besquec/i },
  { english: 'advertise (in discovery)', rejected: /\banunci/i },
  { english: 'warning', where: /\bwarnings?\b/i, chosen: /\bavisos?\b/i, rejected: /\balertas?\b/i },
  { english: 'skip', rejected: /\bpulad[ao]\b/i },
  {
    english: 'rotated',
    where: /\brotated\b/i,
    chosen: /\brotacionado\b/i,
    rejected: /\btrocado \(rotação\)/i,
  },
  { english: 'instructions with "você"', rejected: /\bPressione\b/ },
];

describe('pt-BR follows the glossary', () => {
  test.each(TERMS)('$english', ({ where, chosen, rejected }) => {
    const drifted = ids.filter((id) => rejected.test(ptOf(id)));
    expect(drifted.map((id) => `${id}: ${ptOf(id)}`)).toEqual([]);
    if (!where || !chosen) return;
    const users = ids.filter((id) => where.test(en[id]!.message));
    expect(users.length, 'the English term is in use').toBeGreaterThan(0);
    const missing = users.filter((id) => !chosen.test(ptOf(id)));
    expect(missing.map((id) => `${id}: ${ptOf(id)}`)).toEqual([]);
  });

  test('no hedged "termo (term)" pairs', () => {
    const hedged = ids.filter((id) => /\w \((issuer|callback|refresh|audience|subject)\)/i.test(ptOf(id)));
    expect(hedged.map((id) => `${id}: ${ptOf(id)}`)).toEqual([]);
  });

  test('check titles in the present tense, without a leading article', () => {
    const titles = ids.filter((id) => id.startsWith('check_'));
    const bad = titles.filter((id) => /^(O|A|Os|As|Um|Uma) |\brespondeu\b/.test(ptOf(id)));
    expect(bad.map((id) => `${id}: ${ptOf(id)}`)).toEqual([]);
  });

  test('the check statuses: passou / falhou / com aviso / ignorada', () => {
    expect(['checkPass', 'checkFail', 'checkWarn', 'checkSkip'].map(ptOf)).toEqual([
      '✓ passou',
      '✗ falhou',
      '! com aviso',
      '– ignorada',
    ]);
  });
});
