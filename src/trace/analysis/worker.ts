import type { Trace } from './attempts.ts';
import type { HarFile } from './har.ts';
import type { CleanedHar, CleanOptions } from './clean-har.ts';
import { fetchedSignature, type FetchedSignature } from './token-evidence.ts';
import { forLiveLog, sharedCopy, traceFile } from './read-file.ts';
import type { HttpDeps } from '../../core/protocol/http.ts';
import { answerRead, type ReadRequest } from './token-answers.ts';
import { say, type Said } from '../../core/i18n/say.ts';

/** What to share: the redacted HAR (a Blob, handed over without a copy) and the Markdown report. */
export interface Shareable extends Omit<CleanedHar, 'text' | 'clean'> {
  redacted: Blob;
  /** The analysis of the redacted copy: the page writes the report from it, in the reader's language. */
  safeTrace: Trace;
}

/** What the page hears, in order: the trace as soon as it is read, then the shareable copies. */
export type TraceUpdate =
  { kind: 'trace'; trace: Trace } | ({ kind: 'shareable' } & Shareable) | ({ kind: 'error' } & Said);

/** The answer to an ID token sent alone: its signature checked against the provider's keys. */
export type SignatureAnswer = { kind: 'signature' } & FetchedSignature;

/** What the page asks: a HAR to read, or an ID token to check against its provider's keys, fetched. */
export type TraceRequest =
  | { har: string | Blob; options: CleanOptions }
  /** The DevTools panel's log, live: the entries finished since the last message, never the whole log again. */
  | { append: unknown[] }
  /** `confirmed`: the loopback URLs the person agreed to send a request to. */
  | { idToken: string; issuer: string; confirmed: string[] }
  /** The Read a token page's requests (numbered). */
  | ReadRequest;

/** The provider's keys are fetched as the run fetches them: no cookies, a timeout, capped bodies. */
const http: HttpDeps = {
  fetch: (url, init) => fetch(url, { ...init, credentials: 'omit' }),
  now: () => performance.now(),
  timeoutMs: 10_000,
};

const post = (update: TraceUpdate | SignatureAnswer) => self.postMessage(update);

async function analyseHar(har: string | HarFile, options: CleanOptions, fromLiveLog = false): Promise<void> {
  const read = await traceFile(har);
  if ('error' in read) return post({ kind: 'error', ...read.error });
  const trace = fromLiveLog ? forLiveLog(read.trace) : read.trace;
  post({ kind: 'trace', trace });
  // The redacted copy and the report come second: the person reads the logins meanwhile.
  const { text, safeTrace, ...copy } = sharedCopy(read.har, trace, options);
  post({
    kind: 'shareable',
    redacted: new Blob([text], { type: 'application/json' }),
    safeTrace: fromLiveLog ? forLiveLog(safeTrace) : safeTrace,
    ...copy,
  });
}

/** The live log: entries as they finish, analysed again while more keep coming (never starved by them). */
const live: unknown[] = [];
let analysing = false;
let pending = false;
/** At most this often: a busy tab finishes requests faster than a person reads. */
const LIVE_EVERY_MS = 250;

function appendLive(entries: unknown[]) {
  live.push(...entries);
  pending = true;
  if (analysing) return;
  analysing = true;
  const next = () => {
    if (!pending) {
      analysing = false;
      return;
    }
    pending = false;
    const started = performance.now();
    analyseHar({ log: { entries: [...live] } }, { keepOtherBodies: false }, true)
      .catch((e: unknown) => post({ kind: 'error', ...say('harUnreadable', String(e)) }))
      .finally(() => setTimeout(next, Math.max(0, LIVE_EVERY_MS - (performance.now() - started))));
  };
  next();
}

// The page posts the file (or the log's text); reading, parsing and analysis stay here.
self.onmessage = (event: MessageEvent<TraceRequest>) => {
  const request = event.data;
  if ('id' in request) {
    void answerRead(request, http).then((answer) => self.postMessage(answer));
    return;
  }
  if ('idToken' in request) {
    void fetchedSignature(request.idToken, request.issuer, http, request.confirmed).then((answer) =>
      post({ kind: 'signature', ...answer }),
    );
    return;
  }
  if ('append' in request) return appendLive(request.append);
  const { har, options } = request;
  // Whatever fails in here reaches the page as an alert: no page waits forever.
  (typeof har === 'string' ? Promise.resolve(har) : har.text())
    .then((text) => analyseHar(text, options))
    .catch((e: unknown) => {
      const why = e instanceof Error ? e.message : String(e);
      post({ kind: 'error', ...say('harUnreadable', why) });
    });
};
