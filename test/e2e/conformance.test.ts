import { beforeAll, describe, expect, test } from 'vitest';
import type { JWK } from 'jose';
import { confidentialClient, type Tamper } from '../../dev/provider.ts';
import { logIn, openPopup, waitForPage } from '../../dev/pages.ts';
import {
  all,
  badSignature,
  freshRsaKey,
  resignWith,
  rewriteCallback,
  rewriteDiscovery,
  rewriteIdToken,
  rewriteJwks,
} from '../support/tamper.ts';
import { flowFixture } from '../support/flow-fixture.ts';

/**
 * The OpenID Foundation's relying-party tests that prove the wiring, as rows: a misbehaviour of the test
 * provider and the verdict the inspector must show for it, driven through the real UI in Chromium. The
 * rows that are pure checks (a claim tampered with, alg none, a missing iss…) are unit tests
 * (test/unit/core/checks/id-token-checks.test.ts, test/unit/core/callback.test.ts).
 */
const CLIENT = 'conformance-app';
const SECRET = 'conformance-secret-long-enough-for-hs256';

const f = flowFixture((redirect) => [confidentialClient(CLIENT, SECRET, [redirect])]);
let rotated: { privateJwk: JWK; publicJwk: JWK };

beforeAll(async () => {
  rotated = await freshRsaKey('rotated-key');
});

const hs256 = (h: Record<string, unknown>) => ({ alg: 'HS256', ...(h.typ ? { typ: h.typ } : {}) });
/** oidc-provider lists only the algorithms of its own keys; HS256 rows need it advertised. */
const advertiseHs256 = rewriteDiscovery((doc) => ({
  ...doc,
  id_token_signing_alg_values_supported: [
    ...(doc.id_token_signing_alg_values_supported as string[]),
    'HS256',
  ],
}));

type Expected = [table: string, check: string, status: 'pass' | 'fail' | 'warn'][];
interface Row {
  name: string;
  tamper: () => Tamper;
  banner: RegExp;
  checks: Expected;
  /** The callback rows must stop before the code reaches the token endpoint. */
  redeemed?: false;
}

const ALL_PASSED = /^Tokens received · All \d+ checks passed/;
const failed = (title: string) =>
  new RegExp(`^Tokens received · 1 check failed: ${title.replace(/[()]/g, '\\$&')}`);
const SIG = ['ID token checks', 'ID token signature is valid'] as const;

const rows: Row[] = [
  {
    name: 'rp-id_token-sig-rs256 (as issued)',
    tamper: () => () => undefined,
    banner: ALL_PASSED,
    checks: [[...SIG, 'pass']],
  },

  {
    name: 'rp-id_token-bad-sig-rs256',
    tamper: () => rewriteIdToken(badSignature),
    banner: failed('ID token signature is valid'),
    checks: [[...SIG, 'fail']],
  },
  {
    name: 'rp-id_token-sig-hs256 (keyed with the client secret)',
    tamper: () =>
      all(advertiseHs256, rewriteIdToken(resignWith(new TextEncoder().encode(SECRET), { header: hs256 }))),
    banner: ALL_PASSED,
    checks: [[...SIG, 'pass']],
  },

  {
    name: 'rp-nonce-invalid',
    tamper: () =>
      rewriteIdToken(
        resignWith(f.idp.signingKey, { claims: (c) => ({ ...c, nonce: 'not-the-nonce-sent' }) }),
      ),
    banner: failed('Nonce matches the one sent'),
    checks: [['ID token checks', 'Nonce matches the one sent', 'fail']],
  },
  {
    name: 'rp-key-rotation-op-sign-key (passes after one JWKS refetch)',
    tamper: () =>
      all(
        rewriteIdToken(resignWith(rotated.privateJwk, { header: (h) => ({ ...h, kid: 'rotated-key' }) })),
        rewriteJwks((keys, n) => (n === 1 ? keys : [...keys, rotated.publicJwk])),
      ),
    banner: ALL_PASSED,
    checks: [[...SIG, 'pass']],
  },

  {
    name: 'a callback with another issuer’s iss (mix-up)',
    tamper: () => rewriteCallback((p) => p.set('iss', 'https://attacker.example')),
    banner:
      /^Failed at the callback: iss is not the issuer · 1 check failed: Callback came from the expected provider: expected http:\/\/127\.0\.0\.1:\d+, got https:\/\/attacker\.example$/,
    checks: [['Callback checks', 'Callback came from the expected provider', 'fail']],
    redeemed: false,
  },
];

describe('relying-party conformance, end to end', () => {
  test.each(rows)('$name', async (row) => {
    f.tamper = row.tamper();
    try {
      for (const page of f.ext.context.pages().filter((p) => p.url().includes('/src/inspector/')))
        await page.close();
      const tokenCalls = () => f.idp.handlingMs.filter((h) => h.route === 'token').length;
      const before = tokenCalls();
      const popup = await openPopup(f.ext.context, f.ext.extensionId, {
        issuer: f.idp.issuer,
        clientId: CLIENT,
        secret: SECRET,
      });
      await popup.getByRole('button', { name: 'Authorize' }).click();
      await logIn(await waitForPage(f.ext.context, (u) => u.startsWith(`${f.idp.issuer}/interaction/`)));
      const page = await waitForPage(f.ext.context, (u) => u.includes('/src/inspector/index.html#run='));
      const banner = page.getByRole('status');
      await expect.poll(() => banner.textContent()).not.toMatch(/^In progress/);
      expect(await banner.textContent()).toMatch(row.banner);
      for (const [table, check, status] of row.checks) {
        const cell = page
          .getByRole('table', { name: table })
          .getByRole('row', { name: check })
          .getByRole('cell')
          .first();
        expect(await cell.textContent(), `${table} › ${check}`).toContain(status);
      }
      if (row.redeemed === false) expect(tokenCalls()).toBe(before);
      await popup.close();
    } finally {
      f.tamper = undefined;
    }
  });

  test('rp-discovery-issuer-not-matching-config stops before any login window', async () => {
    f.tamper = rewriteDiscovery((doc) => ({ ...doc, issuer: 'https://not-this-issuer.example' }));
    try {
      const popup = await f.ext.context.newPage();
      await popup.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
      await popup.getByLabel('Issuer', { exact: true }).fill(f.idp.issuer);
      // Filled here: in any order of the tests, no earlier one has left a profile behind.
      await popup.getByLabel('Client ID').fill(CLIENT);
      await popup.getByRole('button', { name: 'Authorize' }).click();
      await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/not-this-issuer\.example/);
      expect(f.ext.context.pages().some((p) => p.url().startsWith(`${f.idp.issuer}/interaction/`))).toBe(
        false,
      );
      await popup.close();
    } finally {
      f.tamper = undefined;
    }
  });
});
