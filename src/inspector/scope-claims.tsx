import type { Run } from '../core/run/run.ts';
import { claimsByScope, SCOPE_CLAIMS } from '../core/view/scopes.ts';
import { actionTarget } from '../core/view/actions.ts';
import type { StepOf, TokensStep } from '../core/view/steps.ts';
import { KeyValueTable } from '../ui/key-value-table.tsx';
import { t } from '../ui/words.ts';

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * For a demo: which claims each granted scope brought, with their values and where each came from
 * (the ID token, or UserInfo). The claims of the last UserInfo call that answered stay: a failed
 * call later erases nothing.
 */
export function ScopeClaims({ run, tokens }: { run: Run; tokens: TokensStep | undefined }) {
  const granted = typeof tokens?.fields?.scope === 'string' ? tokens.fields.scope : run.profile.scopes;
  const idClaims = tokens?.idToken?.kind === 'jwt' ? tokens.idToken.claims : {};
  const userinfo = run.steps.findLast(
    (s): s is StepOf<'userinfo'> => s.kind === 'userinfo' && s.status === 'ok' && s.claims !== undefined,
  );
  const fromUserinfo = userinfo?.claims ?? {};
  const claims = { ...idClaims, ...fromUserinfo };
  const rows = claimsByScope(granted, claims);
  if (!tokens || rows.length === 0) return null;
  // Profile claims usually come from UserInfo (OIDC Core §5.4): say so until it has been called.
  const missing = rows.some(
    ([scope, found]) => scope !== 'openid' && found.length < SCOPE_CLAIMS[scope]!.length,
  );
  const hint = missing && !userinfo && !!actionTarget(run, { action: 'userinfo' });
  return (
    <>
      <KeyValueTable
        caption={t('claimsByScope')}
        rows={rows.map(([scope, found]) => [
          scope,
          found.length
            ? found
                .map(
                  (c) =>
                    `${c}: ${show(claims[c])} (${t(c in fromUserinfo ? 'claimFromUserinfo' : 'claimFromIdToken')})`,
                )
                .join('; ')
            : t('noneCame'),
        ])}
      />
      {hint && <p class="muted">{t('claimsByScopeUserinfoHint', t('actionUserinfo'))}</p>}
    </>
  );
}
