import { useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import { send } from '../messages.ts';
import { CopyButton } from '../ui/copy-button.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { download } from '../ui/download.ts';
import { FileInput } from '../ui/file-input.tsx';
import { count, t } from '../ui/words.ts';

/** Profiles to and from a JSON file (never with secrets); a bad file changes nothing and says why. */
export function ProfilesFile() {
  const [error, setError] = useState<FlowErrorInfo>();
  const [done, setDone] = useState('');
  const [ownRedirect, setOwnRedirect] = useState<string>();
  const exportFile = async () => {
    const answer = await send('exportProfiles', {});
    if (answer.ok) download(answer.value.text, 'auth-code-inspector-profiles.json', 'application/json');
    else setError(answer.error);
  };
  const importFile = async (file: File | undefined) => {
    setError(undefined);
    setDone('');
    setOwnRedirect(undefined);
    if (!file) return;
    const answer = await send('importProfiles', { text: await file.text() });
    if (answer.ok) {
      setDone(count('imported', answer.value.added));
      setOwnRedirect(answer.value.ownRedirect);
    } else
      setError({
        ...answer.error,
        say: { id: 'namedProblem', subs: [file.name, answer.error.say ?? answer.error.message ?? ''] },
      });
  };
  return (
    <section aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">{t('profiles')}</h2>
      <button type="button" onClick={() => void exportFile()}>
        {t('exportProfiles')}
      </button>
      <FileInput
        label={t('importProfiles')}
        accept="application/json,.json"
        onFile={(f) => void importFile(f)}
      />
      {done && <p role="status">{done}</p>}
      {ownRedirect && (
        <p role="note">
          {t('importedOwnRedirect', ownRedirect)}{' '}
          <CopyButton text={ownRedirect} label={t('copyRedirectUri')} />
        </p>
      )}
      {error && <ErrorAlert error={error} />}
    </section>
  );
}
