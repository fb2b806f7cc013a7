import { secretCredential, type ClientCredentials } from '../../src/core/protocol/client-auth.ts';
import type { HttpRequest } from '../../src/core/protocol/http.ts';
import { withClientAuth } from '../../src/core/protocol/token.ts';

/** A client that proves itself with `secret` ('' is a public client), as a profile sets it up. */
export const secretClient = (
  clientId: string,
  secret: string,
  more: Pick<ClientCredentials, 'method' | 'encodeBasic'> = {},
): ClientCredentials => {
  const credential = secretCredential(secret);
  return { clientId, ...(credential ? { credential } : {}), ...more };
};

/** A frozen clock and a fixed random source: what a strategy may use, as the worker passes them. */
export const fixedTools = { now: () => 1_700_000_000_000, random: (n: number) => new Uint8Array(n).fill(7) };

/** `request` as the transport sends it for `client`: the client's authentication applied. */
export const authed = (request: HttpRequest, client: ClientCredentials): Promise<HttpRequest> =>
  withClientAuth(request, client, 'https://id.example', fixedTools);
