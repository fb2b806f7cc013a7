import type { ClientMetadata } from 'oidc-provider';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, redirectUrlFor, type LaunchedExtension } from '../../dev/browser.ts';
import { startProvider, type RunningProvider, type Tamper } from '../../dev/provider.ts';
import { openPopup, waitForPage } from '../../dev/pages.ts';

/** One browser with the built extension and one provider for a test file; `tamper` makes it misbehave. */
export interface FlowFixture {
  ext: LaunchedExtension;
  idp: RunningProvider;
  tamper: Tamper | undefined;
}

export function flowFixture(clients: (redirectUri: string) => ClientMetadata[]): FlowFixture {
  const f = { tamper: undefined } as FlowFixture;
  beforeAll(async () => {
    f.ext = await launchWithExtension({ headless: true });
    f.idp = await startProvider({
      clients: clients(redirectUrlFor(f.ext.extensionId)),
      tamper: () => f.tamper,
    });
  });
  afterAll(async () => {
    await f.ext?.context.close();
    await f.idp?.close();
  });
  return f;
}

export const isInspector = (url: string): boolean => url.includes('/src/inspector/index.html#run=');

/** The provider's login window; when it does not come, the popups and the runs say why. */
export async function loginPage(f: FlowFixture): Promise<Page> {
  try {
    return await waitForPage(f.ext.context, (url) => url.startsWith(`${f.idp.issuer}/interaction/`));
  } catch (e) {
    const runs = await f.ext.worker
      .evaluate(async () =>
        Object.values(await chrome.storage.session.get(null)).map((v) => {
          const r = v as { status?: string; steps?: { kind: string; status: string }[]; error?: unknown };
          return { status: r.status, steps: r.steps?.map((s) => `${s.kind}:${s.status}`), error: r.error };
        }),
      )
      .catch((err: Error) => err.message);
    const popups = await Promise.all(
      f.ext.context
        .pages()
        .filter((p) => p.url().includes('/src/popup/'))
        .map((p) => p.locator('[role=alert], [role=status]').allTextContents()),
    );
    console.error('no login window; popups say:', JSON.stringify(popups), 'runs:', JSON.stringify(runs));
    throw e;
  }
}

/** Closes earlier inspectors, fills the popup by its labels and presses Authorize. */
export async function authorize(f: FlowFixture, clientId: string, secret: string): Promise<Page> {
  for (const page of f.ext.context.pages().filter((p) => isInspector(p.url()))) await page.close();
  const popup = await openPopup(f.ext.context, f.ext.extensionId, {
    issuer: f.idp.issuer,
    clientId,
    secret,
    scopes: 'openid profile email',
  });
  await popup.getByRole('button', { name: 'Authorize' }).click();
  return popup;
}
