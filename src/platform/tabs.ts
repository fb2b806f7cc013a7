/** The tab showing our page `url` (any `#…`), if one does. */
async function tabShowing(url: string): Promise<chrome.runtime.ExtensionContext | undefined> {
  const path = url.split('#')[0] ?? url;
  const contexts = await chrome.runtime.getContexts({ contextTypes: ['TAB'] });
  return contexts.find((c) => c.documentUrl?.split('#')[0] === path && c.tabId >= 0);
}

/** Makes the tab showing `url` the active one of its window, and focuses that window. */
export async function bringPageToFront(url: string): Promise<void> {
  const tab = await tabShowing(url);
  if (!tab) return;
  await Promise.all([
    chrome.tabs.update(tab.tabId, { active: true }),
    chrome.windows.update(tab.windowId, { focused: true }),
  ]);
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
