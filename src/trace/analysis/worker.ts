import { traceLogins, type Trace } from './attempts.ts';
import { readHar } from './har.ts';
import { redactHar } from './redact-har.ts';

/** What the page gets back for a HAR text: the logins in it, or why it could not be read. */
export type TraceAnswer = { ok: true; trace: Trace; redacted: string } | { ok: false; message: string };

// The page posts the file's text; parsing and analysis stay off its main thread.
self.onmessage = (event: MessageEvent<string>) => {
  const read = readHar(event.data);
  const answer: TraceAnswer =
    'error' in read
      ? { ok: false, message: read.error }
      : { ok: true, trace: traceLogins(read.entries), redacted: redactHar(event.data, read.entries) };
  self.postMessage(answer);
};
