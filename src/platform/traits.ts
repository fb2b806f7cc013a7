import { traits } from '#browser';

/** This build's browser (`platform/browsers/`): what differs between Chromium and Firefox. */
export const browserTraits = traits;
