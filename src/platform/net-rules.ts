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
