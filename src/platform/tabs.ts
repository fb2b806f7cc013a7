import browser from 'webextension-polyfill';

/**
 * Shows `url` (one of our pages) in the tab that already shows that page, else in a new tab, without
 * activating it: the login window must keep the focus.
 */
export async function showPageInBackground(url: string): Promise<void> {
  const path = url.split('#')[0] ?? url;
  const contexts = await chrome.runtime.getContexts({ contextTypes: ['TAB'] });
  const existing = contexts.find((c) => c.documentUrl?.split('#')[0] === path && c.tabId >= 0);
  if (existing) {
    await browser.tabs.update(existing.tabId, { url });
    return;
  }
  await browser.tabs.create({ url, active: false });
}

/** Opens one of our pages in a new, active tab (from a click in the popup). */
export async function openExtensionPage(path: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}
