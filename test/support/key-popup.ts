import type { ClientMetadata } from 'oidc-provider';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { redirectUrlFor } from '../../dev/browser.ts';
import { openPopup } from '../../dev/pages.ts';
import type { FlowFixture } from './flow-fixture.ts';

/** A fresh popup for `clientId` with private_key_jwt chosen, showing its Client key group. */
export async function keyPopup(f: FlowFixture, clientId: string): Promise<Page> {
  const popup = await openPopup(f.ext.context, f.ext.extensionId, {
    issuer: f.idp.issuer,
    clientId,
    secret: '',
    scopes: 'openid email',
  });
  await popup.locator('summary', { hasText: 'Request options' }).click();
  await popup.getByLabel('Client authentication').selectOption('private_key_jwt');
  await expect.poll(() => popup.getByRole('group', { name: 'Client key' }).count()).toBe(1);
  return popup;
}

/** Registers `clientId` at the provider with the JWKS the popup shows: private_key_jwt, code flow. */
export async function registerShownKey(
  f: FlowFixture,
  clientId: string,
  popup: Page,
  more: Partial<ClientMetadata> = {},
): Promise<void> {
  const jwks = JSON.parse(await popup.getByLabel('Public key (JWKS)').inputValue()) as { keys: object[] };
  await f.idp.register({
    client_id: clientId,
    redirect_uris: [redirectUrlFor(f.ext.extensionId)],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'private_key_jwt',
    jwks,
    ...more,
  });
}

/** The token step's decoded client assertion header, as the inspector shows it. */
export const assertionHeader = (page: Page, name = 'Token'): Promise<string | null> =>
  page.getByRole('table', { name: `${name} client assertion header` }).textContent();
