import { browser } from './browser.ts';
import type { Runtime } from 'webextension-polyfill';

export const extensionId = (): string => browser.runtime.id;
export const extensionUrl = (path: string): string => browser.runtime.getURL(path);
export const extensionVersion = (): string => browser.runtime.getManifest().version;

export async function sendToWorker(message: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

export type MessageListener = (
  message: unknown,
  senderId: string | undefined,
) => Promise<unknown> | undefined;

export function onMessage(listener: MessageListener): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    listener(message, sender.id),
  );
}

export function onStartup(listener: () => void): void {
  browser.runtime.onStartup.addListener(listener);
  browser.runtime.onInstalled.addListener(listener);
}

/** A page's long-lived channel to the worker: it hears what the worker pushes until either side ends it. */
export function connectToWorker(
  name: string,
  onPush: (message: unknown) => void,
  onEnd: () => void,
): () => void {
  const port = browser.runtime.connect({ name });
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
  browser.runtime.onConnect.addListener((port) => {
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
