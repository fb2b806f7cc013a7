import type { ClientMetadata } from 'oidc-provider';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, redirectUrlFor, type LaunchedExtension } from '../../dev/browser.ts';
import { startProvider, type RunningProvider, type Tamper } from '../../dev/provider.ts';
import { logIn, openPopup, waitForPage } from '../../dev/pages.ts';

/**
 * One browser with the built extension and one provider for a test file (each file its own browser);
 * `tamper` makes the provider misbehave.
 */
export interface FlowFixture {
  ext: LaunchedExtension;
  idp: RunningProvider;
  /** The providers on `otherHosts`, in that order, with the same clients. */
  others: RunningProvider[];
  tamper: Tamper | undefined;
  /** Closes the browser and starts it again on the same profile directory (a browser restart). */
  restart: () => Promise<void>;
}

export interface FixtureOptions {
  /** Loopback hosts for more providers, e.g. 127.0.0.2 (outside the granted host permissions). */
  otherHosts?: string[];
  /** A profile directory that outlives the browser, for restarts. */
  profileDir?: string;
  /** The browser's language (`--lang`), e.g. `pt-BR`. */
  lang?: string;
  /** The provider as a FAPI 2.0 server (PAR required; see `dev/provider.ts`). */
  fapi?: boolean;
}

export function flowFixture(
  clients: (redirectUri: string) => ClientMetadata[],
  options: FixtureOptions = {},
): FlowFixture {
  const launch = () =>
    launchWithExtension({
      headless: true,
      ...(options.profileDir ? { profileDir: options.profileDir } : {}),
      ...(options.lang ? { lang: options.lang } : {}),
    });
  const f = {
    tamper: undefined,
    others: [],
    restart: async () => {
      await f.ext.context.close();
      f.ext = await launch();
    },
  } as unknown as FlowFixture;
  beforeAll(async () => {
    f.ext = await launch();
    const registered = clients(redirectUrlFor(f.ext.extensionId));
    f.idp = await startProvider({
      clients: registered,
      tamper: () => f.tamper,
      ...(options.fapi ? { fapi: true } : {}),
    });
    f.others = await Promise.all(
      (options.otherHosts ?? []).map((host) => startProvider({ clients: registered, host })),
    );
  });
  afterAll(async () => {
    await f.ext?.context.close();
    await Promise.all([f.idp, ...f.others].map((p) => p?.close()));
  });
  return f;
}

/**
 * The inspector's verdict line once the whole page has caught up with it (its lower sections follow the
 * run a frame late and say `aria-busy` meanwhile); poll it.
 */
export async function verdict(page: Page): Promise<string | null> {
  if ((await page.locator('[aria-busy="true"]').count()) > 0) return '(the page is still catching up)';
  return page.getByRole('status').first().textContent();
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

/**
 * From a filled popup: closes earlier inspectors, presses the main button, logs in at the provider
 * (unless the flow has no login window) and answers the inspector of the new run.
 */
export async function submit(f: FlowFixture, popup: Page, button = 'Authorize', login = true): Promise<Page> {
  for (const page of f.ext.context.pages().filter((p) => isInspector(p.url()))) await page.close();
  await popup.getByRole('button', { name: button }).click();
  if (login) await logIn(await loginPage(f));
  return waitForPage(f.ext.context, isInspector);
}
