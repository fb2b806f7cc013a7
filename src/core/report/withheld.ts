import { answerSecrets, BODY_WITHHELD } from '../run/answer-secrets.ts';
import type { Exchange } from '../protocol/http.ts';
import type { Run, Step } from '../run/run.ts';
import { stepDef } from '../run/steps/index.ts';
import { HEADER_WITHHELD, isPublicHeader } from './public-names.ts';

/** What a copy leaving the session withholds beyond the run's secrets: unreadable answers and private headers. */

/** A request's Authorization keeps its scheme (masked by `scrub`); any other header not public, its name only. */
const headerValues = (headers: Record<string, string>, keep: (name: string) => boolean) =>
  Object.fromEntries(Object.entries(headers).map(([n, v]) => [n, keep(n) ? v : HEADER_WITHHELD]));

/**
 * On disk and in reports each exchange keeps the values of the headers a reader needs (`isPublicHeader`)
 * and the names of the others: a token in a response header, a session cookie, stays in the session.
 */
export function withPublicHeaders(step: Step): Step {
  const exchanges = step.exchanges.map((ex) => ({
    ...ex,
    request: {
      ...ex.request,
      headers: headerValues(
        ex.request.headers,
        (n) => n.toLowerCase() === 'authorization' || isPublicHeader(n),
      ),
    },
    ...(ex.response
      ? { response: { ...ex.response, headers: headerValues(ex.response.headers, isPublicHeader) } }
      : {}),
  }));
  return { ...step, exchanges };
}

function withheld(ex: Exchange): Exchange {
  if (!ex.response || answerSecrets(ex).readable) return ex;
  const { bodyTruncated: _cut, ...response } = ex.response;
  return { ...ex, response: { ...response, body: BODY_WITHHELD } };
}

/**
 * An answer we could not read may hold secrets we could not find: it never leaves the session copy
 * (for the kinds whose answers may hand out credentials: the token response and the actions).
 */
export function withholdUnreadable(step: Step): Step {
  if (!stepDef(step.kind)?.answersCredentials) return step;
  const exchanges = step.exchanges.map(withheld);
  return exchanges.every((ex, i) => ex === step.exchanges[i]) ? step : { ...step, exchanges };
}

/** A body longer than this is cut on the disk copy (the session copy keeps it whole while it lasts). */
export const DISK_BODY_MAX = 65_536;

/**
 * The copy history keeps on disk: each body over DISK_BODY_MAX cut to its start, its length noted. A
 * provider padding its answers must not fill the disk in a few runs (then no history could be kept).
 */
export function cappedForDisk(run: Run): Run {
  const cut = (ex: Exchange): Exchange =>
    ex.response && ex.response.body.length > DISK_BODY_MAX
      ? {
          ...ex,
          response: {
            ...ex.response,
            body: ex.response.body.slice(0, DISK_BODY_MAX),
            bodyCutFrom: ex.response.body.length,
          },
        }
      : ex;
  return { ...run, steps: run.steps.map((s) => ({ ...s, exchanges: s.exchanges.map(cut) })) };
}
