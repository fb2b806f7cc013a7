import { useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import type { Run } from '../core/run/run.ts';
import { send } from '../messages.ts';
import { CopyButton } from '../ui/copy-button.tsx';
import { download } from '../ui/download.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { t } from '../ui/words.ts';

/** "Chrome 156.0.8078.108" or "Firefox 153.0", for the report. */
const browserName = () =>
  /(Firefox|Edg|Chrome|Chromium)\/[\d.]+/.exec(navigator.userAgent)?.[0].replace('/', ' ') ??
  navigator.userAgent;

/** Report and delete: what a support person does with a run. Reports are redacted by the worker. */
export function RunActions({ run }: { run: Run }) {
  const [error, setError] = useState<FlowErrorInfo>();
  const report = (format: 'markdown' | 'json') =>
    send('report', { runId: run.id, format, browser: browserName() });
  const copyReport = async () => {
    const answer = await report('markdown');
    return answer.ok ? { ok: true as const, value: answer.value.text } : answer;
  };
  const downloadReport = async () => {
    setError(undefined);
    const answer = await report('json');
    if (answer.ok) download(answer.value.text, answer.value.fileName, 'application/json');
    else
      setError({
        ...answer.error,
        say: { id: 'reportFailed', subs: [answer.error.say ?? answer.error.message ?? ''] },
      });
  };
  return (
    <>
      <div class="actions">
        <CopyButton text={copyReport} label={t('copyReport')} />
        <button type="button" onClick={() => void downloadReport()}>
          {t('downloadReport')}
        </button>
        <button type="button" onClick={() => void send('deleteRun', { runId: run.id })}>
          {t('deleteRun')}
        </button>
      </div>
      {error && <ErrorAlert error={error} />}
    </>
  );
}
