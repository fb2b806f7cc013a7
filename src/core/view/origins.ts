import type { Profile } from '../profile/profile.ts';

/** Host-permission patterns for the origins of `urls`; unparsable entries are left to input validation. */
export function originPatterns(urls: string[]): string[] {
  const origins = urls.flatMap((u) => {
    try {
      return [`${new URL(u).origin}/*`];
    } catch {
      return [];
    }
  });
  return [...new Set(origins)];
}

/** `https://op.example/*` → `https://op.example`, as people read it. */
export const originNames = (patterns: string[]): string =>
  patterns.map((p) => p.replace(/\/\*$/, '')).join(', ');

/**
 * The origins the extension needs host access to: those the worker fetches from, and an app's own
 * redirect URI, which a network rule routes back to the extension (`isOwnRedirect`, the platform's word:
 * the extension's own redirect needs none). The login page itself needs none.
 */
export function providerOrigins(profile: Profile, isOwnRedirect: (url: string) => boolean): string[] {
  const routedRedirect = isOwnRedirect(profile.redirectUri) ? [] : [profile.redirectUri];
  return originPatterns([profile.issuer, profile.endpoints.token, profile.endpoints.jwks, ...routedRedirect]);
}
