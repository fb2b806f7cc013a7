import { traceLogins, type Trace } from './attempts.ts';
import { readHar } from './har.ts';
import { redactHar } from './redact-har.ts';
import { withEvidence } from './token-evidence.ts';
import { traceMarkdown } from './trace-report.ts';
import type { Said } from '../../core/say.ts';

/** What to share: the redacted HAR (a Blob, handed over without a copy) and the Markdown report. */
export interface Shareable {
  redacted: Blob;
  report: string;
}

/** What the page hears, in order: the trace as soon as it is read, then the shareable copies. */
export type TraceUpdate =
  { kind: 'trace'; trace: Trace } | ({ kind: 'shareable' } & Shareable) | ({ kind: 'error' } & Said);

const post = (update: TraceUpdate) => self.postMessage(update);

async function analyseHar(text: string, fileName: string): Promise<void> {
  const read = readHar(text);
  if ('error' in read) return post({ kind: 'error', ...read.error });
  post({ kind: 'trace', trace: await withEvidence(traceLogins(read.entries), read.entries) });
  // The redacted copy and the report come second: the person reads the logins meanwhile.
  const redacted = redactHar(text, read.entries);
  const safe = readHar(redacted);
  const report = 'error' in safe ? '' : traceMarkdown(traceLogins(safe.entries), fileName);
  post({ kind: 'shareable', redacted: new Blob([redacted], { type: 'application/json' }), report });
}

// The page posts the file (or the log's text) and its name; reading, parsing and analysis stay here.
self.onmessage = (event: MessageEvent<{ har: string | Blob; fileName: string }>) => {
  const { har, fileName } = event.data;
  void (typeof har === 'string' ? Promise.resolve(har) : har.text()).then((text) =>
    analyseHar(text, fileName),
  );
};
