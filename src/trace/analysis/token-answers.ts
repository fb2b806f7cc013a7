import type { Check } from '../../core/checks/check.ts';
import type { Said } from '../../core/i18n/say.ts';
import type { HttpDeps } from '../../core/protocol/http.ts';
import { decodeToken } from '../../core/protocol/jwt.ts';
import { fetchedSignature } from './token-evidence.ts';
import { readPasted, type Pasted } from './token-read.ts';
import { SIGNATURE, validityCheck, verifyPasted, type GivenKey } from './token-verify.ts';

/*
 * The Read a token page's requests, answered in the trace page's analysis worker: decoding and
 * verification off the page's thread. Nothing is kept: a
 * request in, an answer out. The only requests it sends are the issuer's discovery and keys, when asked.
 */

export type ReadRequest =
  | { id: number; read: string }
  | { id: number; verify: string; key: GivenKey }
  /** `confirmed`: the loopback URLs the person agreed to send a request to. */
  | { id: number; verify: string; issuer: string; confirmed: string[] };

export type Verified = { checks: Check[] } | { confirm: string } | { error: Said };
export type ReadAnswer = { id: number } & ({ pasted: Pasted } | { verified: Verified });

async function byIssuer(
  token: string,
  issuer: string,
  confirmed: string[],
  http: HttpDeps,
): Promise<Verified> {
  const decoded = decodeToken(token);
  if (decoded.kind !== 'jwt') return verifyPasted(token, { secret: '' }, Date.now());
  const answer = await fetchedSignature(token, issuer, http, confirmed);
  if ('confirm' in answer) return answer;
  return { checks: [{ ...answer.check, id: SIGNATURE.id }, validityCheck(decoded.claims, Date.now())] };
}

/** A Read a token request answered, the issuer's keys fetched with `http` (the trace worker hands these here: one bundle, one copy of jose). */
export async function answerRead(request: ReadRequest, http: HttpDeps): Promise<ReadAnswer> {
  try {
    if ('read' in request) return { id: request.id, pasted: readPasted(request.read) };
    const verified =
      'key' in request
        ? await verifyPasted(request.verify, request.key, Date.now())
        : await byIssuer(request.verify, request.issuer, request.confirmed, http);
    return { id: request.id, verified };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { id: request.id, verified: { error: { say: { id: 'readVerifyError', subs: [why] } } } };
  }
}
