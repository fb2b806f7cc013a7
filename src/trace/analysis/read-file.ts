import { traceLogins, type Trace } from './attempts.ts';
import { readHar, readParsedHar, type HarFile } from './har.ts';
import { cleanHar, type CleanedHar, type CleanOptions } from './clean-har.ts';
import { withEvidence } from './token-evidence.ts';
import { withCauses } from './trace-report.ts';
import { say, type Said } from '../../core/i18n/say.ts';

/**
 * What the Trace does with a file, in the order the page hears it: the logins first, then the shared
 * copy and its own analysis (the report is written from it). The worker runs it, and so does
 * `npm run trace:corpus` on a folder of real recordings: one analysis, whoever asks.
 */
export async function traceFile(
  har: string | HarFile,
): Promise<{ trace: Trace; har: HarFile } | { error: Said }> {
  const read = typeof har === 'string' ? readHar(har) : readParsedHar(har);
  if ('error' in read) return read;
  const trace = await withEvidence(traceLogins(read.entries), read.entries);
  const notes = read.skipped ? [...trace.notes, say('harSkipped', read.skipped)] : trace.notes;
  return { trace: { ...trace, notes }, har: read.har };
}

export interface SharedCopy extends Omit<CleanedHar, 'clean'> {
  /** The analysis of the redacted copy, with the original's causes (their secrets removed). */
  safeTrace: Trace;
}

export function sharedCopy(har: HarFile, trace: Trace, options: CleanOptions): SharedCopy {
  const { clean, ...cleaned } = cleanHar(har, options);
  const safe = readHar(cleaned.text);
  const safeTrace = withCauses(traceLogins('error' in safe ? [] : safe.entries), trace, clean);
  return { ...cleaned, safeTrace };
}

/** Notes about what an export leaves out: the DevTools panel's live log is no export. */
const OF_EXPORTS = new Set(['noteNoCredentials']);

/** A trace of the live network log: without the notes that speak of exported files. */
export const forLiveLog = (trace: Trace): Trace => ({
  ...trace,
  notes: trace.notes.filter((n) => !OF_EXPORTS.has(n.say.id)),
});
