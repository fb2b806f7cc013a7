import { exportJWK, importJWK } from 'jose';
import { KEY_ALGS, type KeyAlg } from '../core/profile/profile.ts';
import { dpopJkt, nonceAsked, proofClaims, signedProof, type DpopKey } from '../core/protocol/dpop.ts';
import { newKeyPair, privateHalf, publicHalf } from '../core/protocol/key-import.ts';
import { object, oneOf, textRecord } from '../core/schema.ts';
import type { Run } from '../core/run/run.ts';
import type { WorkerDeps } from './deps.ts';
import type { Proof } from './transport.ts';

/*
 * A run's DPoP key (RFC 9449): made when the run starts, its private JWK a run secret (storage.session
 * only, redacted, gone with "Forget secrets and tokens"), imported non-extractable for each proof, so a
 * worker that restarts still proves for Refresh tokens and Call UserInfo.
 */

/** What a run's `dpop_key` secret holds, as this version reads it. */
const DPOP_KEY = object({ alg: oneOf(KEY_ALGS), jwk: textRecord() });

/** The nonces servers last gave, by origin (§8, §9): a new proof carries the one its origin asked for. */
const nonces = new Map<string, string>();

/** A new DPoP key for a run, as its secret's value (JSON of `DpopKey`). */
export async function newDpopSecret(alg: KeyAlg): Promise<string> {
  const { privateKey } = await newKeyPair(alg, true);
  const key: DpopKey = { alg, jwk: privateHalf(await exportJWK(privateKey)) };
  return JSON.stringify(key);
}

/** The run's DPoP key, when it has one this version can read. */
export function dpopKeyOf(run: Pick<Run, 'secrets'>): DpopKey | undefined {
  const value = run.secrets.find((s) => s.kind === 'dpop_key')?.value;
  if (!value) return undefined;
  try {
    const key: unknown = JSON.parse(value);
    return DPOP_KEY.is(key) ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The `jkt` of the run's DPoP key (its public half's thumbprint), for `dpop_jkt` and the binding check. */
export async function runJkt(run: Pick<Run, 'secrets'>): Promise<string | undefined> {
  const key = dpopKeyOf(run);
  return key ? dpopJkt(publicHalf(key.jwk)) : undefined;
}

const originOf = (url: string) => new URL(url).origin;

/** The transport's proof for a run with a DPoP key (undefined without one): a fresh proof per request. */
export function dpopProof(deps: WorkerDeps, run: Pick<Run, 'secrets'>): Proof | undefined {
  const key = dpopKeyOf(run);
  if (!key) return undefined;
  const publicJwk = publicHalf(key.jwk);
  return {
    async apply(request, nonce) {
      const given = nonce ?? nonces.get(originOf(request.url));
      const privateKey = await importJWK(key.jwk, key.alg);
      if (!(privateKey instanceof CryptoKey)) throw new TypeError('not a private key');
      const claims = await proofClaims(request, deps, given);
      return {
        ...request,
        headers: {
          ...request.headers,
          dpop: await signedProof(claims, { alg: key.alg, publicJwk }, privateKey),
        },
      };
    },
    nonceAsked(exchange) {
      // A server may hand out its next nonce on any answer (§8.2): kept for this origin's next proof.
      const next = Object.entries(exchange.response?.headers ?? {}).find(
        ([n]) => n.toLowerCase() === 'dpop-nonce',
      )?.[1];
      if (next) nonces.set(originOf(exchange.request.url), next);
      return nonceAsked(exchange);
    },
  };
}
