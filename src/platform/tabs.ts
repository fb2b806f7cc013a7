/** The tab showing our page `url` (any `#…`), if one does. */
async function tabShowing(url: string): Promise<chrome.runtime.ExtensionContext | undefined> {
  const path = url.split('#')[0] ?? url;
  const contexts = await chrome.runtime.getContexts({ contextTypes: ['TAB'] });
  return contexts.find((c) => c.documentUrl?.split('#')[0] === path && c.tabId >= 0);
}

/**
 * Makes the tab showing `url` the active one of its window, and focuses that window; opens it in a new
 * tab when none shows it (the person closed it meanwhile). Returns the tab's id.
 */
export async function bringPageToFront(url: string, knownTab?: number): Promise<number | undefined> {
  const shown = await tabShowing(url);
  const tab = shown ?? (knownTab !== undefined ? await existingTab(knownTab) : undefined);
  if (!tab) return (await chrome.tabs.create({ url, active: true })).id;
  await Promise.all([
    chrome.tabs.update(tab.tabId, { active: true }),
    chrome.windows.update(tab.windowId, { focused: true }),
  ]);
  return tab.tabId;
}

/** A tab we opened, while it exists (its page may still be loading, so no context lists it yet). */
async function existingTab(tabId: number): Promise<{ tabId: number; windowId: number } | undefined> {
  try {
    const tab = await chrome.tabs.get(tabId);
    return { tabId, windowId: tab.windowId };
  } catch {
    return undefined;
  }
}

/**
 * Shows `url` (one of our pages) in the tab that already shows that page, else in a new tab, without
 * activating it: the login window must keep the focus.
 */
export async function showPageInBackground(url: string): Promise<void> {
  const existing = await tabShowing(url);
  if (existing) {
    await chrome.tabs.update(existing.tabId, { url });
    return;
  }
  await chrome.tabs.create({ url, active: false });
}

/** Opens one of our pages in a new, active tab (from a click in the popup). */
export async function openExtensionPage(path: string): Promise<void> {
  await chrome.tabs.create({ url: chrome.runtime.getURL(path) });
}

/** Opens `url` (a provider's page the person asked to see) in a new, active tab, with the browser's own cookies. */
export async function openInTab(url: string): Promise<void> {
  await chrome.tabs.create({ url });
}

/** The login window as the extension sees it: its tab and window. */
export interface LoginWindow {
  tabId: number;
  windowId: number;
}

/**
 * The popup window the browser opens for a login at `authorizeUrl` (call it just before the window
 * opens): a popup tab that was not there before, on the provider's origin (its URL is readable where
 * host access was granted; by then the provider may have moved it on to its login page), found within
 * `withinMs`; undefined when the browser does not show it to the extension.
 */
export async function findLoginWindow(
  authorizeUrl: string,
  withinMs = 3_000,
): Promise<LoginWindow | undefined> {
  const popups = () => chrome.tabs.query({ windowType: 'popup' }).catch(() => [] as chrome.tabs.Tab[]);
  const before = new Set((await popups()).map((t) => t.id));
  const origin = new URL(authorizeUrl).origin;
  const onProvider = (t: chrome.tabs.Tab) => {
    try {
      return new URL(t.pendingUrl ?? t.url ?? '').origin === origin;
    } catch {
      return false;
    }
  };
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const tab = (await popups()).find((t) => t.id !== undefined && !before.has(t.id) && onProvider(t));
    if (tab) return { tabId: tab.id!, windowId: tab.windowId };
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

/** Closes a login window left open by a worker the browser stopped (its answer can no longer arrive). */
export async function closeWindow(windowId: number): Promise<void> {
  await chrome.windows.remove(windowId).catch(() => undefined);
}
