import type { ClientCredentials } from '../core/protocol/client-auth.ts';
import {
  carriesCredential,
  notGranted,
  performExchange,
  type Exchange,
  type ExchangeRole,
  type HttpRequest,
} from '../core/protocol/http.ts';
import { withClientAuth } from '../core/protocol/token.ts';
import { granted, type WorkerDeps } from './deps.ts';
import { signingKey } from './client-keys.ts';

/**
 * A proof of possession the transport adds to a request (a DPoP proof, RFC 9449): applied before
 * sending, and once more with the nonce the provider asks for in its answer (§8, §9).
 */
export interface Proof {
  apply(request: HttpRequest, nonce?: string): Promise<HttpRequest>;
  /** The nonce the provider answered it wants in a new proof, when it refused for that reason. */
  nonceAsked(exchange: Exchange): string | undefined;
}

export interface SendOptions {
  /** What the request is for, recorded with its exchange. */
  role: ExchangeRole;
  /** The client, when the endpoint authenticates it: its strategy is applied here, at the moment of sending. */
  client?: ClientCredentials;
  /** The issuer the endpoint belongs to (an assertion's audience); required with `client`. */
  issuer?: string;
  proof?: Proof;
  /** Shorter than the default for optional requests (discovery). */
  timeoutMs?: number;
}

export interface Sent {
  /** The answer that counts: the retry's, when the provider asked for one. */
  exchange: Exchange;
  /** Every exchange made, in order, each with its role: what the step records. */
  exchanges: Exchange[];
}

/**
 * The one way the worker talks to a provider (design.md "One transport"): client authentication and
 * proofs applied, host access checked at the moment of sending for any request that carries a
 * credential, the one-time retry a proof's nonce asks for made here, and each exchange's role recorded.
 */
export async function send(deps: WorkerDeps, request: HttpRequest, options: SendOptions): Promise<Sent> {
  const http = options.timeoutMs ? { ...deps.http, timeoutMs: options.timeoutMs } : deps.http;
  const prepared = async (nonce?: string) => {
    const authenticated = options.client
      ? await withClientAuth(request, options.client, options.issuer ?? '', {
          now: deps.now,
          random: deps.random,
          signingKey: (key) => signingKey(deps.platform, key),
        })
      : request;
    return options.proof ? options.proof.apply(authenticated, nonce) : authenticated;
  };
  const once = async (outgoing: HttpRequest, role: ExchangeRole) =>
    carriesCredential(outgoing) && !(await granted(deps, outgoing.url))
      ? notGranted(outgoing, role, deps.now())
      : performExchange(outgoing, http, role);
  const first = await once(await prepared(), options.role);
  const nonce = options.proof?.nonceAsked(first);
  if (nonce === undefined) return { exchange: first, exchanges: [first] };
  const retried = await once(await prepared(nonce), 'nonce-retry');
  return { exchange: retried, exchanges: [first, retried] };
}
