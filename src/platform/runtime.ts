import browser from 'webextension-polyfill';

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
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
    listener(message, sender.id),
  );
}

export function onStartup(listener: () => void): void {
  browser.runtime.onStartup.addListener(listener);
  browser.runtime.onInstalled.addListener(listener);
}
