import { useId, useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import type { Run } from '../core/run.ts';
import { unavailableBecause, type ActionRequest } from '../core/view/actions.ts';
import { send } from '../messages.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';

const ACTIONS: [label: string, request: ActionRequest][] = [
  ['Refresh tokens', { action: 'refresh' }],
  ['Call UserInfo', { action: 'userinfo' }],
  ['Introspect access token', { action: 'introspect', token: 'access_token' }],
  ['Introspect refresh token', { action: 'introspect', token: 'refresh_token' }],
  ['Revoke access token', { action: 'revoke', token: 'access_token' }],
  ['Revoke refresh token', { action: 'revoke', token: 'refresh_token' }],
];

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
          {reason}
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
          <ActionButton key={label} run={run} label={label} request={request} onError={setError} />
        ))}
      </ul>
      {error && <ErrorAlert error={error} />}
    </>
  );
}
