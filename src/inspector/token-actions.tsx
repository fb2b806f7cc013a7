import { useId, useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import type { Run } from '../core/run/run.ts';
import { unavailableBecause, type ActionRequest } from '../core/view/actions.ts';
import { actionButtons } from '../core/view/step-kinds.ts';
import { send } from '../messages.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { spoken, t } from '../ui/words.ts';

const ACTIONS = actionButtons();

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
  const [busy, setBusy] = useState(false);
  const reason = unavailableBecause(run, request);
  const act = async () => {
    onError(undefined);
    setBusy(true);
    const answer = await send('runAction', { runId: run.id, ...request });
    setBusy(false);
    if (!answer.ok) onError(answer.error);
  };
  return (
    <li>
      <button
        type="button"
        disabled={!!reason || busy}
        aria-describedby={reason ? reasonId : undefined}
        onClick={() => void act()}
      >
        {label}
      </button>
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
