/** A profile as a colleague's exported file holds it: the provider's documented paths, then `patch`. */
export function sharedProfile(
  issuer: string,
  patch: { name: string; clientId: string; redirectUri: string; endpoints?: Record<string, string> },
) {
  return {
    scopes: 'openid',
    usePkce: true,
    prompt: 'login',
    issuer,
    ...patch,
    endpoints: {
      authorization: `${issuer}/oauth2/authorize`,
      token: `${issuer}/oauth2/token`,
      jwks: `${issuer}/jwks`,
      ...patch.endpoints,
    },
  };
}

/** The text of a profiles file holding `profiles`, as **Export profiles** writes it. */
export const profilesFile = (...profiles: unknown[]): string =>
  JSON.stringify({ format: 'auth-code-inspector/profiles', version: 1, profiles });
