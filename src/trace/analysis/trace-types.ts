import type { Check } from '../../core/checks/check.ts';
import type { DecodedToken } from '../../core/protocol/jwt.ts';
import type { Said } from '../../core/i18n/say.ts';
import type { ProviderCall } from './classify.ts';
import type { HarEntry } from './har.ts';

/** One request of a login, as the timeline lists it. */
export interface TraceEvent {
  at: string;
  kind: 'authorize' | 'par' | 'callback' | 'token' | ProviderCall;
  method: string;
  url: string;
  status: number;
}

/** One login found in the HAR: its requests, what was checked, and what went wrong in plain words. */
export interface LoginAttempt {
  /** Set for a token request with no authorization request before it: the grant it used (`password`…). */
  grant?: string;
  clientId: string;
  issuer: string;
  events: TraceEvent[];
  checks: Check[];
  diagnosis: Said[];
  /** Said in the success colour when the login did what it set out to (tokens issued, a code for the app's server). */
  succeeded?: Said;
  tokens: { name: string; decoded: DecodedToken }[];
  /**
   * The ID token as issued, the token response's `Date` header, the PKCE challenge with the verifier
   * the token request sent, and the `jwks_uri` the issuer's discovery document names (the only keys
   * trusted): for the checks that need keys, clocks or a digest.
   */
  evidence: {
    idToken?: string;
    answeredAt?: string;
    pkce?: { challenge: string; verifier: string };
    jwksUri?: string;
  };
}

export interface Trace {
  attempts: LoginAttempt[];
  /** The hosts the HAR saw, named when it holds no login. */
  hosts: string[];
  notes: Said[];
  /** Failures outside any login (a refused client registration, an API refusing the token's audience). */
  problems?: Said[];
}

export type Metadata = Record<string, unknown>;

export const event = (entry: HarEntry, kind: TraceEvent['kind']): TraceEvent => ({
  at: entry.startedDateTime,
  kind,
  method: entry.request.method,
  url: entry.request.url,
  status: entry.response.status,
});
