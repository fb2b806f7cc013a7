import { traits } from '#browser';

/** This build's browser (`platform/chromium/`, `platform/firefox/`): what differs between Chromium and Firefox. */
export const browserTraits = traits;
