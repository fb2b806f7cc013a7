import { useEffect, useRef, useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { FileInput } from '../ui/file-input.tsx';
import type { Trace } from './analysis/attempts.ts';
import type { Shareable } from './analysis/worker.ts';
import type { CleanOptions } from './analysis/clean-har.ts';
import { analyse, warmUp } from './analyse.ts';
import { TraceView } from './trace-view.tsx';
import { t } from '../ui/words.ts';

/** A file is read whole into the analysis worker: beyond this, the page says so instead of running out of memory. */
const MAX_HAR_BYTES = 200 * 1024 * 1024;

/** The trace page: a HAR file's OAuth/OIDC logins, found, grouped and checked. */
export function TracePage() {
  const [file, setFile] = useState<File>();
  const [trace, setTrace] = useState<Trace>();
  const [shareable, setShareable] = useState<Shareable>();
  const [error, setError] = useState<FlowErrorInfo>();
  const [options, setOptions] = useState<CleanOptions>({ keepOtherBodies: false, removePersonalData: false });
  const [dragging, setDragging] = useState(false);
  const stop = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    warmUp();
    return () => stop.current?.();
  }, []);
  const open = (chosen: File | undefined, chosenOptions = options) => {
    if (!chosen) return;
    stop.current?.();
    setFile(chosen);
    setError(undefined);
    setTrace(undefined);
    setShareable(undefined);
    if (chosen.size > MAX_HAR_BYTES) {
      const mb = (n: number) => String(Math.ceil(n / 1024 / 1024));
      return setError({
        code: 'invalid_input',
        message: `${chosen.name}: harTooLarge`,
        say: {
          id: 'namedProblem',
          subs: [chosen.name, { id: 'harTooLarge', subs: [mb(chosen.size), mb(MAX_HAR_BYTES)] }],
        },
      });
    }
    stop.current = analyse(
      chosen,
      (update) => {
        if (update.kind === 'trace') setTrace(update.trace);
        else if (update.kind === 'shareable') setShareable(update);
        else
          setError({
            code: 'invalid_input',
            say: { id: 'namedProblem', subs: [chosen.name, update.say] },
          });
      },
      chosenOptions,
    );
  };
  return (
    // A HAR dropped anywhere on the page is read like one chosen in the file input.
    <main
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        open(e.dataTransfer?.files[0]);
      }}
    >
      <h1>{t('trace')}</h1>
      <p>{t('traceIntro')}</p>
      <details>
        <summary>{t('harHowTitle')}</summary>
        <ul>
          <li>{t('harHowChrome')}</li>
          <li>{t('harHowFirefox')}</li>
          <li>{t('harHowSafari')}</li>
        </ul>
      </details>
      {/* The whole page takes a dropped file; this zone shows where, and lights up while one is held over it. */}
      <div class={`drop-zone${dragging ? ' dragging' : ''}`}>
        <p>{t('harDropZone')}</p>
        <FileInput label={t('harFile')} accept=".har,application/json" onFile={open} />
      </div>
      {file && !trace && !error && <p role="status">{t('traceReading')}</p>}
      {error && <ErrorAlert error={error} />}
      {trace && file && (
        <TraceView
          trace={trace}
          shareable={shareable}
          fileName={file.name.replace(/(\.har)?$/, '.redacted.har')}
          options={options}
          onOptions={(next) => {
            setOptions(next);
            open(file, next);
          }}
        />
      )}
    </main>
  );
}
