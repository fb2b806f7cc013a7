/**
 * The one module that reads DevTools' network log (only available in DevTools pages): the entries so
 * far (`getHAR`) and each one as it finishes (`onRequestFinished`), every body fetched with
 * `getContent`, as HAR 1.2 entries.
 */
type DevtoolsEntry = chrome.devtools.network.Request;

function withBody(entry: DevtoolsEntry): Promise<unknown> {
  return new Promise((resolve) => {
    const har: Record<string, unknown> & { response: chrome.devtools.network.Request['response'] } = {
      ...entry,
    };
    delete har.getContent;
    // Chromium answers (text, encoding); Firefox answers (text, MIME type): only base64 is an encoding.
    entry.getContent((text: string, encoding: string) =>
      resolve({
        ...har,
        response: {
          ...har.response,
          content: { ...har.response.content, text, ...(encoding === 'base64' ? { encoding } : {}) },
        },
      }),
    );
  });
}

/** Calls `listener` with the inspected tab's log so far, then with each entry as it finishes. */
export function watchNetworkLog(listener: (entries: unknown[]) => void): () => void {
  let stopped = false;
  const add = async (found: DevtoolsEntry[]) => {
    const entries = await Promise.all(found.map(withBody));
    if (!stopped) listener(entries);
  };
  chrome.devtools.network.getHAR((log) => void add((log.entries ?? []) as DevtoolsEntry[]));
  const onFinished = (entry: DevtoolsEntry) => void add([entry]);
  chrome.devtools.network.onRequestFinished.addListener(onFinished);
  return () => {
    stopped = true;
    chrome.devtools.network.onRequestFinished.removeListener(onFinished);
  };
}

/**
 * The panel in DevTools (from the devtools page). `page` is a path from the extension's root: written
 * absolute, since Firefox resolves a relative one against the devtools page (an empty panel there).
 */
export function createPanel(title: string, page: string): void {
  void chrome.devtools.panels.create(title, '', page.startsWith('/') ? page : `/${page}`);
}
