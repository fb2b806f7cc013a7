import { curlCommand } from '../core/curl.ts';
import type { Exchange } from '../core/http.ts';
import { buildReport, reportMarkdown } from '../core/report.ts';
import type { Run } from '../core/run.ts';
import type { ExchangeRef, Requests } from '../messages.ts';
import { extensionVersion } from '../platform/runtime.ts';
import { loadRun } from './run-store.ts';

const missing = (runId: string) =>
  ({ ok: false, error: { code: 'invalid_input', message: `Run ${runId} is no longer stored.` } }) as const;

export async function report(
  request: Requests['report']['request'],
  now: number,
): Promise<Requests['report']['response']> {
  const run = await loadRun(request.runId);
  if (!run) return missing(request.runId);
  const built = buildReport(run, {
    extensionVersion: extensionVersion(),
    browser: request.browser,
    generatedAt: now,
  });
  const stamp = new Date(run.createdAt).toISOString().replace(/[:.]/g, '-');
  return request.format === 'json'
    ? {
        ok: true,
        value: { text: JSON.stringify(built, null, 2), fileName: `auth-code-inspector-${stamp}.json` },
      }
    : { ok: true, value: { text: reportMarkdown(built), fileName: `auth-code-inspector-${stamp}.md` } };
}

function findExchange(run: Run, ref: ExchangeRef): Exchange | undefined {
  if (ref.step === 'jwks') return run.steps.findLast((s) => s.kind === 'validation')?.exchanges[ref.index];
  const step = run.steps.findLast((s) => s.kind === ref.step);
  return step && 'exchange' in step ? step.exchange : undefined;
}

export async function curl(request: Requests['curl']['request']): Promise<Requests['curl']['response']> {
  const run = await loadRun(request.runId);
  if (!run) return missing(request.runId);
  const exchange = findExchange(run, request.exchange);
  if (!exchange)
    return { ok: false, error: { code: 'invalid_input', message: 'That exchange is not in the run.' } };
  return { ok: true, value: { text: curlCommand(exchange, run.secrets, run.profile.clientId) } };
}
