import type { Run } from '../core/run.ts';
import { send } from '../messages.ts';
import { CopyButton } from '../ui/copy-button.tsx';
import { download } from '../ui/download.ts';

/** "Chromium 156.0.8078.108", for the report. */
const browserName = () =>
  /(Chrome|Chromium|Edg)\/[\d.]+/.exec(navigator.userAgent)?.[0].replace('/', ' ') ?? navigator.userAgent;

/** Report and delete: what a support person does with a run. Reports are redacted by the worker. */
export function RunActions({ run }: { run: Run }) {
  const report = async (format: 'markdown' | 'json') => {
    const answer = await send('report', { runId: run.id, format, browser: browserName() });
    return answer.ok ? answer.value : undefined;
  };
  return (
    <div class="actions">
      <CopyButton text={async () => (await report('markdown'))?.text} what="report" />
      <button
        type="button"
        onClick={() => void report('json').then((r) => r && download(r.text, r.fileName, 'application/json'))}
      >
        Download report
      </button>
      <button type="button" onClick={() => void send('deleteRun', { runId: run.id })}>
        Delete run
      </button>
    </div>
  );
}
