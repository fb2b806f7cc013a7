import { buildReport, reportMarkdown } from '../core/report/report.ts';
import type { Req, Res } from '../messages.ts';
import { extensionVersion } from '../platform/runtime.ts';
import { loadRun, missingRun } from './run-store.ts';
import { browserPlatform } from './worker-platform.ts';
import { workerWords } from './words.ts';

/** A redacted report of a stored run: Markdown to copy, or JSON to download. */
export async function report(request: Req<'report'>, now: number): Promise<Res<'report'>> {
  const run = await loadRun(browserPlatform, request.runId);
  if (!run) return missingRun(request.runId);
  const built = buildReport(run, {
    extensionVersion: extensionVersion(),
    browser: request.browser,
    generatedAt: now,
    words: workerWords,
  });
  const stamp = new Date(run.createdAt).toISOString().replace(/[:.]/g, '-');
  return request.format === 'json'
    ? {
        ok: true,
        value: { text: JSON.stringify(built, null, 2), fileName: `auth-code-inspector-${stamp}.json` },
      }
    : {
        ok: true,
        value: { text: reportMarkdown(built, workerWords), fileName: `auth-code-inspector-${stamp}.md` },
      };
}
