import { useEffect, useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import { onSendFailure } from '../messages.ts';
import { ErrorAlert } from './error-alert.tsx';

/** The newest message the worker refused or never answered, in an alert (fire-and-forget ones too). */
export function SendFailures() {
  const [error, setError] = useState<FlowErrorInfo>();
  useEffect(() => onSendFailure(setError), []);
  return error ? <ErrorAlert error={error} /> : null;
}
