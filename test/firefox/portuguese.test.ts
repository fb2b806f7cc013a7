import { describe, expect, test } from 'vitest';
import { fillPopup, logInAt } from '../../dev/pages.ts';
import { confidentialClient } from '../../dev/provider.ts';
import { firefoxFixture, firefoxPage, openFreshPopup } from '../support/firefox-fixture.ts';

const SECRET = 'segredo-firefox-0123456789abcdef';
const f = firefoxFixture((redirect) => [confidentialClient('app-pt', SECRET, [redirect])], { lang: 'pt-BR' });

describe('Firefox ESR in Portuguese (pt-BR)', () => {
  test('the popup speaks Portuguese, and the login ends in a Portuguese verdict', async () => {
    const { ui: popup, page } = await openFreshPopup(f);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('pt-BR');
    const hash = (await popup.value('Redirect URI')).split('//')[1]?.split('.')[0];
    await expect(page.evaluate(() => document.body.textContent)).resolves.toContain(
      `O Firefox também aceita http://127.0.0.1/mozoauth2/${hash}`,
    );
    await fillPopup(
      popup,
      { issuer: f.idp.issuer, clientId: 'app-pt', secret: SECRET, scopes: 'openid' },
      'pt-BR',
    );
    await popup.click('button', 'Autorizar');
    const { ui: login } = await firefoxPage(f, (u) => u.startsWith(`${f.idp.issuer}/interaction/`));
    await logInAt(login);
    const { ui: inspector } = await firefoxPage(f, (u) => u.includes('/src/inspector/index.html#run='));
    await expect
      .poll(async () => (await inspector.texts('status'))[0])
      .toMatch(/^Tokens recebidos · Todas as \d+ verificações passaram/);
    await expect(inspector.texts('heading', 'Resposta do token')).resolves.toHaveLength(1);
  });
});
