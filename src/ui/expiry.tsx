import { useEffect, useState } from 'preact/hooks';
import { countdown } from './time.ts';
import { t, words } from './words.ts';

/** When a token expires, with a live countdown (or how long ago it did). */
export function Expiry({
  at,
  token,
}: {
  at: number | undefined;
  token: 'IdToken' | 'AccessToken' | 'RefreshToken';
}) {
  // The clock is read at each render; the interval only asks for one a second.
  const [, tick] = useState(0);
  useEffect(() => {
    if (at === undefined) return undefined;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [at]);
  if (at === undefined) return null;
  const left = at - Date.now();
  return (
    <p class={left > 0 ? 'muted' : 'status-failed'}>
      {left > 0
        ? t(`expires${token}`, words.date(at), countdown(left))
        : t(`expired${token}`, words.date(at), countdown(-left))}
    </p>
  );
}
