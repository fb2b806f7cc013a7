import type { ComponentChildren } from 'preact';

/** Bodies longer than this start collapsed: the page stays readable with a 1 MB response on it. */
export const COLLAPSE_OVER = 4000;

/** `children` (a long raw body) behind a disclosure saying how long it is; short ones as they are. */
export function LongText({
  length,
  what,
  children,
}: {
  length: number;
  what: string;
  children: ComponentChildren;
}) {
  if (length <= COLLAPSE_OVER) return <>{children}</>;
  return (
    <details>
      <summary>
        Show the {what} ({length.toLocaleString()} characters)
      </summary>
      {children}
    </details>
  );
}
