import { useId, useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import type { Run } from '../core/run/run.ts';
import { actionTarget, unavailableBecause, type ActionRequest } from '../core/view/actions.ts';
import { originNames, originPatterns } from '../core/view/origins.ts';
import { requestOrigins } from '../platform/permissions.ts';
import { actionButtons } from '../core/view/step-kinds.ts';
import { send } from '../messages.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { spoken, t } from '../ui/words.ts';

const ACTIONS = actionButtons();

/**
 * Brings an action's result to the eye: its step in the Exchange section (drawn a frame or two after the
 * run, so looked for a moment) scrolled into view, and the keyboard focus on its heading.
 */
export function revealStep(index: number, tries = 60) {
  const heading = document.getElementById(`step-${index}`)?.querySelector('h3');
  if (!heading) {
    if (tries > 0) requestAnimationFrame(() => revealStep(index, tries - 1));
    return;
  }
  heading.tabIndex = -1;
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

function ActionButton({
  run,
  label,
  request,
  onError,
}: {
  run: Run;
  label: string;
  request: ActionRequest;
  onError: (e?: FlowErrorInfo) => void;
}) {
  const reasonId = useId();
  const hostId = useId();
  const [busy, setBusy] = useState(false);
  const reason = unavailableBecause(run, request);
  const endpoint = reason ? undefined : actionTarget(run, request);
  const origins = endpoint ? originPatterns([endpoint]) : [];
  const act = async () => {
    // The action's step comes after those the run has now.
    const stepIndex = run.steps.length;
    // First thing in the click, before any await: Firefox grants host access only in the gesture.
    const asked = origins.length ? requestOrigins(origins) : Promise.resolve(true);
    onError(undefined);
    setBusy(true);
    const allowed = await asked.catch(() => false);
    const answer = allowed
      ? await send('runAction', { runId: run.id, ...request })
      : ({
          ok: false,
          error: { code: 'permission_refused', message: t('accessRefusedAction', originNames(origins)) },
        } as const);
    setBusy(false);
    if (!answer.ok) onError(answer.error);
    else revealStep(stepIndex);
  };
  const described = [reason ? reasonId : '', endpoint ? hostId : ''].filter(Boolean).join(' ');
  return (
    <li>
      <button
        type="button"
        disabled={!!reason || busy}
        aria-busy={busy || undefined}
        aria-label={label}
        aria-describedby={described || undefined}
        onClick={() => void act()}
      >
        {busy ? '…' : label}
      </button>
      {endpoint && (
        <span id={hostId} class="muted action-host">
          {' '}
          {t('actionHost', originNames(origins))}
        </span>
      )}
      {reason && (
        <span id={reasonId} class="muted">
          {' '}
          {spoken(reason.say, reason.message)}
        </span>
      )}
    </li>
  );
}

/**
 * What a developer does after the login: refresh, call UserInfo, introspect, revoke. Never automatic
 * (BTG Id limits refreshes per hour); each result is a step in the Exchange section below.
 */
export function TokenActions({ run }: { run: Run }) {
  const [error, setError] = useState<FlowErrorInfo>();
  return (
    <>
      <ul class="token-actions">
        {ACTIONS.map(([label, request]) => (
          <ActionButton key={label} run={run} label={t(label)} request={request} onError={setError} />
        ))}
      </ul>
      {error && <ErrorAlert error={error} />}
    </>
  );
}
