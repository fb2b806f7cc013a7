import { describe, expect, test } from 'vitest';
import { confidentialClient } from '../../dev/provider.ts';
import { logIn, openPopup, waitForPage } from '../../dev/pages.ts';
import { PROFILES_KEY } from '../../src/core/view/stored-records.ts';
import { flowFixture, isInspector, loginPage, submit, verdict } from '../support/flow-fixture.ts';

const SECRET = 'segredo-0123456789abcdef0123456789';
const f = flowFixture((redirect) => [confidentialClient('app-pt', SECRET, [redirect])], { lang: 'pt-BR' });

describe('in a browser set to Portuguese (pt-BR)', () => {
  test('the popup, the login and the inspector speak Portuguese; protocol words stay as they are', async () => {
    const popup = await f.ext.context.newPage();
    await popup.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
    await popup.evaluate((key) => chrome.storage.local.remove(key), PROFILES_KEY);
    await popup.reload();
    const issuer = popup.getByLabel('Issuer', { exact: true });
    await issuer.fill(f.idp.issuer);
    await issuer.press('Tab');
    await popup.getByLabel('Client ID', { exact: true }).fill('app-pt');
    await popup.getByLabel('Client secret', { exact: true }).fill(SECRET);
    await popup.getByLabel('Escopos', { exact: true }).fill('openid profile');
    await expect
      .poll(() => popup.getByLabel('Endpoint de token').inputValue())
      .toBe(`${f.idp.issuer}/oauth2/token`);
    await popup.getByRole('button', { name: 'Autorizar' }).click();
    await logIn(await loginPage(f));
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens recebidos · Todas as \d+ verificações passaram/);
    for (const heading of ['Resposta do token', 'ID token', 'Access token', 'Verificações', 'Histórico'])
      await expect(page.getByRole('heading', { name: heading, exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('table', { name: 'Claims do id_token' }).count()).resolves.toBe(1);
    const checks = page.getByRole('table', { name: 'Verificações do ID token' });
    await expect(checks.getByRole('row', { name: /Assinatura do ID token válida/ }).count()).resolves.toBe(1);
    // What a check expected, when it is words of ours rather than a value, is said in Portuguese too.
    const token = page.getByRole('table', { name: 'Verificações da resposta do token' });
    await expect(token.getByRole('row', { name: /Access token emitido/ }).textContent()).resolves.toContain(
      'uma string não vazia',
    );
    await expect(
      page.getByText(/^O access token expira em .* de 20\d\d.* \(faltam \d/).count(),
    ).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Copiar relatório' }).count()).resolves.toBe(1);
    // The exchanges are named in Portuguese too, never the English name lowercased.
    await expect(
      page.getByRole('button', { name: 'Copiar como curl (Token)', exact: true }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole('table', { name: 'Cabeçalhos da requisição (JWKS)', exact: true }).count(),
    ).resolves.toBe(1);
    await expect(popup.getByRole('status').textContent()).resolves.toMatch(/^Tokens recebidos/);
    await popup.close();
  });

  test('a refusal is said in Portuguese, with the provider’s own words as they came', async () => {
    const popup = await openPopup(
      f.ext.context,
      f.ext.extensionId,
      { issuer: f.idp.issuer, clientId: 'app-pt', secret: 'nao-e-o-segredo-0123456789' },
      'pt-BR',
    );
    const page = await submit(f, popup, 'Autorizar');
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(
      /^O endpoint de token respondeu HTTP 401: invalid_client — client authentication failed/,
    );
    await expect
      .poll(() => verdict(page))
      .toMatch(
        /^Falha no endpoint de token: o provedor recusou a requisição de token \(HTTP 401\) · 1 verificação falhou/,
      );
    await expect(page.getByText('Refresh token: O login não trouxe tokens.').count()).resolves.toBe(0);
    await expect(page.getByText('O login não trouxe tokens.').first().isVisible()).resolves.toBe(true);
    await popup.close();
  });
});
