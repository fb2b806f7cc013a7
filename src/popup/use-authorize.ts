import { useEffect, useState } from 'preact/hooks';
import type { Result } from '../core/flow-error.ts';
import type { StoredProfile } from '../core/profile/profile-book.ts';
import { originNames } from '../core/view/origins.ts';
import { profileSnapshot } from '../core/view/profile-snapshot.ts';
import { progressText } from '../core/view/progress.ts';
import { readRun, runKey } from '../core/view/stored-records.ts';
import { send } from '../messages.ts';
import { requestOrigins } from '../platform/permissions.ts';
import { useStoredValue } from '../ui/use-stored-value.ts';
import type { ReportError } from './use-alert.ts';
import { t, words } from '../ui/words.ts';

export interface Authorizing {
  busy: boolean;
  /** Origins the worker found missing after discovery moved an endpoint: asked for on the next click. */
  pendingOrigins: string[];
  /** What is happening, for the status line; empty once the run has failed. */
  progress: string;
  authorize: () => Promise<void>;
}

/**
 * Authorize: asks for host access inside the click (only a click may), then has the worker start the
 * run. Its outcome, and the error of the run it started, go to `report`.
 */
export function useAuthorize(
  profile: StoredProfile,
  secret: string,
  origins: string[],
  report: ReportError,
): Authorizing {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const [runId, setRunId] = useState<string>();
  const [pendingOrigins, setPendingOrigins] = useState<string[]>([]);
  const stored = useStoredValue('session', runId && runKey(runId));
  const run = stored.loaded ? readRun(stored.value) : undefined;
  const runError = run?.error;
  useEffect(() => {
    if (runError) report(runError);
  }, [runError?.code, run?.finishedAt]);

  const start = async (): Promise<Result<{ runId: string }>> => {
    const wanted = [...new Set([...origins, ...pendingOrigins])];
    if (wanted.length && !(await requestOrigins(wanted))) {
      const message = t('accessRefusedFlow', originNames(wanted));
      return { ok: false, error: { code: 'permission_refused', message } };
    }
    return send('startRun', {
      profile: profileSnapshot(profile),
      profileName: profile.name,
      // A public client proves nothing; an empty secret is none (the worker refuses it where a method needs one).
      ...(profile.clientAuth === 'none' || secret === ''
        ? {}
        : { credential: { kind: 'secret', secret } as const }),
    });
  };

  const authorize = async () => {
    report(undefined);
    setRunId(undefined);
    setProgress(t('progressStarting'));
    setBusy(true);
    const outcome = await start().catch((e: Error): Result<never> => ({
      ok: false,
      error: { code: 'internal', message: t('couldNotStart', e.message) },
    }));
    setBusy(false);
    setPendingOrigins(!outcome.ok && outcome.error.origins ? outcome.error.origins : []);
    if (outcome.ok) {
      setRunId(outcome.value.runId);
      setProgress(t('progressLoginOpen'));
    } else {
      setProgress('');
      report(outcome.error);
    }
  };
  // Once the run exists, the status line follows it to its outcome.
  return { busy, pendingOrigins, progress: run ? progressText(run, words) : progress, authorize };
}
