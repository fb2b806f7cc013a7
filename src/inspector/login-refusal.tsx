import type { Run } from '../core/run/run.ts';
import { isLoginWindowError } from '../core/view/headline.ts';
import { CopyButton } from '../ui/copy-button.tsx';
import { t } from '../ui/words.ts';
import { openInTab } from '../platform/tabs.ts';

/**
 * After the login window failed: the fix the provider's refusal names (**Copy redirect URI**), the
 * provider's own page on its error, and the request in a tab, to see the provider's page with the
 * person's own cookies (Chromium closed the window on it). Not on a redacted copy: its URL lost its values.
 */
export function LoginRefusal({ run }: { run: Run }) {
  const { error } = run;
  const authorize = run.steps.find((s) => s.kind === 'authorize');
  if (!error || !isLoginWindowError(error.code) || !authorize || run.redacted) return null;
  const reference = error.refusal?.reference;
  return (
    <div class="actions">
      {error.refusal?.cause === 'redirect_uri' && (
        <CopyButton text={run.profile.redirectUri} label={t('copyRedirectUri')} />
      )}
      {/* A pushed request's request_uri is single-use (RFC 9126 §4): opening it again would only be refused. */}
      {!run.steps.some((s) => s.kind === 'par') && (
        <button type="button" onClick={() => void openInTab(authorize.url)}>
          {t('openAuthorizeInTab')}
        </button>
      )}
      {reference && (
        <p>
          {t('providerReference')}
          <a href={reference} target="_blank" rel="noreferrer">
            {reference}
          </a>
        </p>
      )}
    </div>
  );
}
