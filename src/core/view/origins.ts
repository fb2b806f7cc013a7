import { flowInfo } from './flows.ts';
import type { Profile } from '../profile/profile.ts';

/** A URL's origin, or undefined when it is not a URL (an issuer read from a file, a field being typed). */
export const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

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
 * the extension's own redirect needs none).
 */
export function providerOrigins(profile: Profile, isOwnRedirect: (url: string) => boolean): string[] {
  const routedRedirect = isOwnRedirect(profile.redirectUri) ? [] : [profile.redirectUri];
  const { authorization, token, jwks, userinfo, revocation, introspection, par } = profile.endpoints;
  // The authorization endpoint: a login window that fails is read again from the worker, to say why.
  // The actions' endpoints: asked for with the others, so no credential waits on a second prompt.
  return originPatterns([
    profile.issuer,
    ...(flowInfo(profile).login ? [authorization] : []),
    token,
    jwks,
    ...[userinfo, revocation, introspection, par].filter((u): u is string => !!u),
    ...routedRedirect,
  ]);
}
