import type { Run } from '../core/run/run.ts';
import { claimsByScope } from '../core/view/scopes.ts';
import { lastStep, type TokensStep } from '../core/view/steps.ts';
import { KeyValueTable } from '../ui/key-value-table.tsx';
import { t } from '../ui/words.ts';

/** For a demo: which claims each granted scope brought, in the ID token or from UserInfo. */
export function ScopeClaims({ run, tokens }: { run: Run; tokens: TokensStep | undefined }) {
  const granted = typeof tokens?.fields?.scope === 'string' ? tokens.fields.scope : run.profile.scopes;
  const idClaims = tokens?.idToken?.kind === 'jwt' ? tokens.idToken.claims : {};
  const claims = { ...idClaims, ...(lastStep(run, 'userinfo')?.claims ?? {}) };
  const rows = claimsByScope(granted, claims);
  if (!tokens || rows.length === 0) return null;
  return (
    <KeyValueTable
      caption={t('claimsByScope')}
      rows={rows.map(([scope, found]) => [scope, found.length ? found.join(', ') : t('noneCame')])}
    />
  );
}
