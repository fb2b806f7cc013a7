import { traceLogins, type Trace } from './attempts.ts';
import { readHar } from './har.ts';
import { redactHar } from './redact-har.ts';
import { withEvidence } from './token-evidence.ts';
import { traceMarkdown } from './trace-report.ts';

/** What the page gets back for a HAR text: the logins in it, or why it could not be read. */
export type TraceAnswer =
  { ok: true; trace: Trace; redacted: string; report: string } | { ok: false; message: string };

/** The analysis of a HAR text; the report comes from the redacted copy, so it holds no secret. */
async function answer(text: string, fileName: string): Promise<TraceAnswer> {
  const read = readHar(text);
  if ('error' in read) return { ok: false, message: read.error };
  const redacted = redactHar(text, read.entries);
  const safe = readHar(redacted);
  const report = 'error' in safe ? '' : traceMarkdown(traceLogins(safe.entries), fileName);
  return { ok: true, trace: await withEvidence(traceLogins(read.entries), read.entries), redacted, report };
}

// The page posts the file's text and name; parsing and analysis stay off its main thread.
self.onmessage = (event: MessageEvent<{ text: string; fileName: string }>) => {
  void answer(event.data.text, event.data.fileName).then((a) => self.postMessage(a));
};
