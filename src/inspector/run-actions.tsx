import { useState } from 'preact/hooks';
import type { Run } from '../core/run.ts';
import { send } from '../messages.ts';
import { CopyButton } from '../ui/copy-button.tsx';
import { download } from '../ui/download.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';

/** "Chromium 156.0.8078.108", for the report. */
const browserName = () =>
  /(Chrome|Chromium|Edg)\/[\d.]+/.exec(navigator.userAgent)?.[0].replace('/', ' ') ?? navigator.userAgent;

/** Report and delete: what a support person does with a run. Reports are redacted by the worker. */
export function RunActions({ run }: { run: Run }) {
  const [error, setError] = useState<string>();
  const report = async (format: 'markdown' | 'json') => {
    const answer = await send('report', { runId: run.id, format, browser: browserName() });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
  const downloadReport = async () => {
    setError(undefined);
    try {
      const { text, fileName } = await report('json');
      download(text, fileName, 'application/json');
    } catch (e) {
      setError(`Could not build the report: ${(e as Error).message}`);
    }
  };
  return (
    <>
      <div class="actions">
        <CopyButton text={async () => (await report('markdown')).text} what="report" />
        <button type="button" onClick={() => void downloadReport()}>
          Download report
        </button>
        <button type="button" onClick={() => void send('deleteRun', { runId: run.id })}>
          Delete run
        </button>
      </div>
      {error && <ErrorAlert error={error} />}
    </>
  );
}
