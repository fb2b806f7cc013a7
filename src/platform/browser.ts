import polyfill from 'webextension-polyfill';

/**
 * The one import of `webextension-polyfill`, a CommonJS module: every other file takes `browser` from
 * here, so the bundler wraps it once, in the chunk the popup and the worker share, and no page loads a
 * separate chunk of interop helpers for it.
 */
export const browser = polyfill;
