const NO_ORIGIN_RULE_ID = 1;

/**
 * A confidential client's token request comes from a server, which sends no `Origin`; many providers
 * refuse one that names a browser extension. This session rule strips `Origin` from our own
 * requests (those whose initiator is this extension), so the request reaches the provider as a
 * server-side client's would.
 */
export async function stripOriginFromOwnRequests(extensionId: string): Promise<void> {
  await chrome.declarativeNetRequest.updateSessionRules({
    removeRuleIds: [NO_ORIGIN_RULE_ID],
    addRules: [
      {
        id: NO_ORIGIN_RULE_ID,
        priority: 1,
        condition: {
          initiatorDomains: [extensionId],
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

const REDIRECT_RULE_ID = 2;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * launchWebAuthFlow only finishes at `https://<id>.chromiumapp.org/`. When the user keeps the app's
 * own registered redirect URI instead, this session rule sends the login window's navigation to
 * that URI on to the extension's, query and all, so the flow still completes.
 */
export async function routeRedirectToExtension(
  redirectUri: string,
  extensionRedirect: string,
): Promise<void> {
  await chrome.declarativeNetRequest.updateSessionRules({
    removeRuleIds: [REDIRECT_RULE_ID],
    addRules: [
      {
        id: REDIRECT_RULE_ID,
        priority: 2,
        condition: { regexFilter: `^${escapeRegex(redirectUri)}([?#].*)?$`, resourceTypes: ['main_frame'] },
        action: { type: 'redirect', redirect: { regexSubstitution: `${extensionRedirect}\\1` } },
      },
    ],
  });
}

export async function stopRoutingRedirect(): Promise<void> {
  await chrome.declarativeNetRequest.updateSessionRules({ removeRuleIds: [REDIRECT_RULE_ID] });
}
