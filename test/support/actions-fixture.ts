import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { logIn, waitForPage } from '../../dev/pages.ts';
import { confidentialClient } from '../../dev/provider.ts';
import { authorize, flowFixture, isInspector, loginPage, verdict, type FlowFixture } from './flow-fixture.ts';

/** The clients the action tests log in with: confidential (Basic, post, a JWT), client credentials, public. */
export const SECRET = 'actions-secret-0123456789abcdef';

export function actionsFixture(): { f: FlowFixture; loggedIn: () => Promise<Page> } {
  const f = flowFixture((redirect) => [
    confidentialClient('actions-app', SECRET, [redirect]),
    {
      ...confidentialClient('post-app', SECRET, [redirect]),
      token_endpoint_auth_method: 'client_secret_post',
    },
    {
      ...confidentialClient('jwt-app', SECRET, [redirect]),
      token_endpoint_auth_method: 'client_secret_jwt',
    },
    { ...confidentialClient('cc-app', SECRET, []), grant_types: ['client_credentials'], response_types: [] },
    {
      client_id: 'public-app',
      redirect_uris: [redirect],
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ]);
  /** A finished login of the confidential app, its inspector in front. */
  const loggedIn = async (): Promise<Page> => {
    await authorize(f, 'actions-app', SECRET);
    await logIn(await loginPage(f));
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received · All/);
    return page;
  };
  return { f, loggedIn };
}
