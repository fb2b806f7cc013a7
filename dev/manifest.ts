import type { ManifestV3Export } from '@crxjs/vite-plugin';
import chromium from '../manifest.json' with { type: 'json' };

export type Target = 'chromium' | 'firefox';

/**
 * The add-on id Firefox knows the extension by. Fixed for good: Firefox derives the extension's
 * redirect URL from it (`https://<sha1 of the id>.extensions.allizom.org/`), so changing it would
 * void every client registration that names that URL.
 */
export const GECKO_ID = 'auth-code-inspector@auth-code-inspector.dev';

/**
 * `manifest.json` is Chromium's manifest; Firefox's is derived from it: a background script (Firefox
 * runs no extension service worker), its add-on id and minimum version, and its data-collection
 * declaration, without the Chromium-only keys.
 */
export function manifestFor(target: Target): ManifestV3Export {
  if (target === 'chromium') return chromium;
  const { minimum_chrome_version: _chromeOnly, background, ...shared } = chromium;
  return {
    ...shared,
    background: { scripts: [background.service_worker], type: 'module' as const },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        // Nothing is sent to us or to anyone but the provider the user points the extension at, at
        // their request: the same as the requests a page makes at the user's direction.
        data_collection_permissions: { required: ['none' as const] },
      },
    },
  };
}
