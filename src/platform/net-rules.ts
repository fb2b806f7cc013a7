const NO_ORIGIN_RULE_ID = 1;

/**
 * A confidential client's token request comes from a server, which sends no `Origin`; many providers
 * refuse one that names a browser extension. This session rule strips `Origin` from our own
 * requests (those whose initiator is this extension), so the request reaches the provider as a
 * server-side client's would.
 */
export async function stripOriginFromOwnRequests(): Promise<void> {
  // The host of the extension's own URLs: its id in Chromium, its internal UUID in Firefox (which
  // refuses the id here), so the rule names the initiator the way each browser sees it.
  const ownHost = new URL(chrome.runtime.getURL('/')).host;
  await chrome.declarativeNetRequest.updateSessionRules({
    removeRuleIds: [NO_ORIGIN_RULE_ID],
    addRules: [
      {
        id: NO_ORIGIN_RULE_ID,
        priority: 1,
        condition: {
          initiatorDomains: [ownHost],
          resourceTypes: ['xmlhttprequest'],
        },
        action: {
          type: 'modifyHeaders',
          requestHeaders: [{ header: 'origin', operation: 'remove' }],
        },
      },
    ],
  });
}

/** Routing rules take ids from here up, one per run, so two runs never remove each other's. */
const ROUTE_RULE_BASE = 1000;
/** Counted in memory too: two logins starting at once must not read the same free id. */
let nextRouteId = ROUTE_RULE_BASE;

/**
 * launchWebAuthFlow only finishes at `https://<id>.chromiumapp.org/`. When the user keeps the app's
 * own registered redirect URI instead, this session rule sends one login's callback (`regexFilter`,
 * which names its state) on to the extension's URL, query and all. Other navigations to the app,
 * in any tab, go where they were going. Answers the rule's id, for `stopRouting`.
 */
export async function routeToExtension(regexFilter: string, extensionRedirect: string): Promise<number> {
  const taken = new Set((await chrome.declarativeNetRequest.getSessionRules()).map((r) => r.id));
  while (taken.has(nextRouteId)) nextRouteId++;
  const id = nextRouteId++;
  await chrome.declarativeNetRequest.updateSessionRules({
    addRules: [
      {
        id,
        priority: 2,
        condition: { regexFilter, isUrlFilterCaseSensitive: true, resourceTypes: ['main_frame'] },
        action: { type: 'redirect', redirect: { regexSubstitution: `${extensionRedirect}\\1` } },
      },
    ],
  });
  return id;
}

export async function stopRouting(ruleId: number): Promise<void> {
  await chrome.declarativeNetRequest.updateSessionRules({ removeRuleIds: [ruleId] });
}

/** Removes every routing rule: a fresh worker owns no login, so any left is an orphan. */
export async function sweepRoutingRules(): Promise<void> {
  const ids = (await chrome.declarativeNetRequest.getSessionRules())
    .map((r) => r.id)
    .filter((id) => id >= ROUTE_RULE_BASE);
  if (ids.length) await chrome.declarativeNetRequest.updateSessionRules({ removeRuleIds: ids });
}
