export const extensionId = (): string => chrome.runtime.id;
export const extensionUrl = (path: string): string => chrome.runtime.getURL(path);
export const extensionVersion = (): string => chrome.runtime.getManifest().version;

/** How a listener's failure crosses to the sender, which then rejects with its message. */
const FAILED = 'listenerFailed';

export async function sendToWorker(message: unknown): Promise<unknown> {
  const answer: unknown = await chrome.runtime.sendMessage(message);
  if (typeof answer === 'object' && answer !== null && FAILED in answer)
    throw new Error(String((answer as Record<typeof FAILED, unknown>)[FAILED]));
  return answer;
}

export type MessageListener = (
  message: unknown,
  senderId: string | undefined,
) => Promise<unknown> | undefined;

/**
 * Answers through `sendResponse`, which both browsers honour (a listener returning a promise is
 * Firefox's alone): returning `true` keeps the channel open until the answer is sent. No answer at all
 * (a refused message) leaves the sender with `undefined`.
 */
export function onMessage(listener: MessageListener): void {
  chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const answer = listener(message, sender.id);
    if (!answer) return false;
    answer.then(sendResponse, (e: unknown) => sendResponse({ [FAILED]: (e as Error)?.message ?? String(e) }));
    return true;
  });
}

/** A page's long-lived channel to the worker: it hears what the worker pushes until either side ends it. */
export function connectToWorker(
  name: string,
  onPush: (message: unknown) => void,
  onEnd: () => void,
): () => void {
  const port = chrome.runtime.connect({ name });
  port.onMessage.addListener((message: unknown) => onPush(message));
  port.onDisconnect.addListener(() => onEnd());
  return () => port.disconnect();
}

/** The worker's side: a page (of this extension only) connected under `name`. */
export interface PageChannel {
  name: string;
  push: (message: unknown) => void;
  onEnd: (listener: () => void) => void;
}

export function onPageConnect(ownId: string, listener: (channel: PageChannel) => void): void {
  chrome.runtime.onConnect.addListener((port) => {
    if (port.sender?.id !== ownId) return port.disconnect();
    listener({
      name: port.name,
      push: (message) => {
        try {
          port.postMessage(message);
        } catch {
          // The page went away between its last message and this one: it reads storage when it comes back.
        }
      },
      onEnd: (end) => port.onDisconnect.addListener(() => end()),
    });
  });
}
