import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

/** A response rewrite for negative tests, keyed on oidc-provider's route name ('token', 'jwks'…). */
export type Tamper = (ctx: KoaContextWithOIDC) => void | Promise<void>;

export interface ProviderOptions {
  clients: ClientMetadata[];
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Consulted on every response, so a test can switch misbehaviour on and off between logins. */
  tamper?: () => Tamper | undefined;
  /**
   * A FAPI 2.0 server (oidc-provider's `fapi` profile 2.0): pushed authorization requests required, an
   * ES256 key beside the RSA one (FAPI 2.0 §5.4.1 takes no RS256; its clients ask for ES256 ID tokens),
   * DPoP with nonces demanded, request objects (RFC 9101) taken.
   */
  fapi?: boolean;
  /** DPoP (RFC 9449) taken, nonces demanded, without the rest of the FAPI profile. */
  dpop?: boolean;
}

export interface RunningProvider {
  issuer: string;
  provider: Provider;
  /** The private signing key (RS256), so negative tests can re-sign what the provider issued. */
  signingKey: JWK;
  /** Milliseconds the provider spent handling each request, by route; for the bench's floors. */
  handlingMs: { route: string; ms: number }[];
  /**
   * Registers one more client while the provider runs (oidc-provider's client adapter, in memory): a
   * client whose JWKS exists only once the extension made its key.
   */
  register: (client: ClientMetadata) => Promise<void>;
  close: () => Promise<void>;
}

interface ClientAdapter {
  upsert: (id: string, payload: ClientMetadata, expiresIn: number) => Promise<void>;
}

async function signingKey(alg: 'RS256' | 'ES256' = 'RS256'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return {
    ...(await exportJWK(privateKey)),
    kid: `demo-${alg.toLowerCase()}-${Date.now().toString(36)}`,
    use: 'sig',
    alg,
  };
}

/**
 * oidc-provider, configured as strictly as a real provider: PKCE required, its default CORS policy
 * (no browser Origin at the token endpoint), BTG Id's documented paths, RFC 9207 `iss` in callbacks.
 * Its development login screens accept any username and password.
 */
export async function startProvider(options: ProviderOptions): Promise<RunningProvider> {
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host}:${port}`;

  const key = await signingKey();
  const fapiKey = options.fapi ? await signingKey('ES256') : undefined;
  const configuration: Configuration = {
    clients: options.clients,
    jwks: { keys: fapiKey ? [key, fapiKey] : [key] },
    cookies: { keys: ['auth-code-inspector-demo-cookie-key'] },
    pkce: { required: () => true },
    routes: { authorization: '/oauth2/authorize', token: '/oauth2/token' },
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name'],
      email: ['email', 'email_verified'],
    },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({
        sub,
        name: `Demo ${sub}`,
        given_name: 'Demo',
        family_name: sub,
        email: `${sub}@example.test`,
        email_verified: true,
      }),
    }),
    // Explicit lifetimes (BTG Id's defaults where documented) also keep oidc-provider's notices quiet.
    ttl: {
      AccessToken: 24 * 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 10 * 24 * 3600,
      Interaction: 3600,
      Session: 24 * 3600,
      Grant: 10 * 24 * 3600,
    },
    // A FAPI 2.0 deployment takes client assertions in §5.4's algorithms only (the default adds HS256, RS256).
    ...(options.fapi ? { enabledJWA: { clientAuthSigningAlgValues: ['PS256', 'ES256', 'EdDSA'] } } : {}),
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Every refresh brings a new refresh token (RFC 6749 §10.4), as the tool must show.
    rotateRefreshToken: true,
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: true },
      clientCredentials: { enabled: true },
      // RFC 9449 with server nonces demanded, as FAPI 2.0 §5.3.1.1 allows (clients must handle them).
      ...(options.fapi || options.dpop
        ? { dPoP: { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true } }
        : {}),
      ...(options.fapi
        ? {
            fapi: { enabled: true, profile: '2.0' },
            pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: true },
            // RFC 9101 request objects, required of a client by its `require_signed_request_object`.
            requestObjects: { enabled: true },
          }
        : {}),
      // An authorize request with `resource=` gets a JWT access token (RFC 9068) for that API;
      // without one, access tokens stay opaque (oidc-provider's UserInfo refuses tokens with an aud).
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => ({
          scope: 'api:read',
          audience: resource,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
  };
  const provider = new Provider(issuer, configuration);
  const handlingMs: RunningProvider['handlingMs'] = [];
  provider.use(async (ctx, next) => {
    const started = performance.now();
    await next();
    const oidcCtx = ctx as KoaContextWithOIDC;
    await options.tamper?.()?.(oidcCtx);
    handlingMs.push({ route: oidcCtx.oidc?.route ?? ctx.path, ms: performance.now() - started });
  });
  const app = provider.callback();
  server.on('request', (req, res) => void app(req, res));
  return {
    issuer,
    provider,
    signingKey: key,
    handlingMs,
    // oidc-provider keeps dynamic clients in its `Client` adapter (its in-memory one here); its types do
    // not declare the static getter, which is public at run time (models/client.js).
    register: (client) =>
      (provider.Client as unknown as { adapter: ClientAdapter }).adapter.upsert(
        client.client_id,
        client,
        3600,
      ),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A confidential client of the kind BTG Id registers: code flow, client_secret_basic. */
export function confidentialClient(clientId: string, secret: string, redirectUris: string[]): ClientMetadata {
  return {
    client_id: clientId,
    client_secret: secret,
    redirect_uris: redirectUris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  };
}
