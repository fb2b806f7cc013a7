import { useNow } from './use-now.ts';
import { countdown } from './time.ts';
import { t, words } from './words.ts';

/**
 * When a token expires, with a live countdown (or how long ago it did); once its revocation was
 * accepted (`revoked`, when), that instead, and the countdown stops.
 */
export function Expiry({
  at,
  token,
  revoked,
}: {
  at: number | undefined;
  token: 'IdToken' | 'AccessToken' | 'RefreshToken';
  revoked?: number | undefined;
}) {
  const now = useNow(at !== undefined && revoked === undefined);
  if (revoked !== undefined && token !== 'IdToken')
    return (
      <p>
        {t(
          `revocationAccepted${token}`,
          words.date(revoked),
          t(token === 'AccessToken' ? 'actionIntrospectAccess' : 'actionIntrospectRefresh'),
        )}
      </p>
    );
  if (at === undefined) return null;
  const left = at - now;
  return (
    <p class={left > 0 ? 'muted' : 'status-failed'}>
      {left > 0
        ? t(`expires${token}`, words.date(at), countdown(left))
        : t(`expired${token}`, words.date(at), countdown(-left))}
    </p>
  );
}
