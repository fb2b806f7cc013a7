import type { ComponentChildren } from 'preact';

/** Bodies longer than this start collapsed: the page stays readable with a 1 MB response on it. */
export const COLLAPSE_OVER = 4000;

/** `children` (a long raw body) behind a disclosure saying how long it is; short ones as they are. */
export function LongText({
  length,
  showLabel,
  children,
}: {
  length: number;
  /** "Show the raw body (12,345 characters)". */
  showLabel: string;
  children: ComponentChildren;
}) {
  if (length <= COLLAPSE_OVER) return <>{children}</>;
  return (
    <details>
      <summary>{showLabel}</summary>
      {children}
    </details>
  );
}
