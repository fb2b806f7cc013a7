import { useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';

/** How an area of the page reports its error, or clears it (`undefined`). */
export type ReportError = (error: FlowErrorInfo | undefined) => void;

/**
 * The page's one alert: each area owns its error, and the newest one is shown. An area clearing its
 * error removes the alert only if the alert is that area's.
 */
export function useNewestAlert(): {
  alert: FlowErrorInfo | undefined;
  reporter: (area: string) => ReportError;
} {
  const [alert, setAlert] = useState<{ area: string; error: FlowErrorInfo }>();
  const reporter =
    (area: string): ReportError =>
    (error) =>
      setAlert((current) => (error ? { area, error } : current?.area === area ? undefined : current));
  return { alert: alert?.error, reporter };
}
