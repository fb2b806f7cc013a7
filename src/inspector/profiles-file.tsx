import { useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import type { Elsewhere } from '../core/profile/profile-file.ts';
import { ENDPOINT_LABELS } from '../core/view/endpoint-labels.ts';
import { send } from '../messages.ts';
import { CopyButton } from '../ui/copy-button.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { download } from '../ui/download.ts';
import { FileInput } from '../ui/file-input.tsx';
import { count, t } from '../ui/words.ts';

/** A file held back: which credential-carrying endpoints sit on another origin, and **Import anyway**. */
function HeldImport({ held, onAnyway }: { held: Elsewhere[]; onAnyway: () => void }) {
  return (
    <div class="alert" role="alert">
      <p>
        <strong>{t('importHeld')}</strong>
      </p>
      <ul>
        {held.map((h) => (
          <li key={`${h.profile} ${h.endpoint}`}>
            {t('importHeldLine', h.profile, t(ENDPOINT_LABELS[h.endpoint]), h.origin)}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onAnyway}>
        {t('importAnyway')}
      </button>
    </div>
  );
}

/** Profiles to and from a JSON file (never with secrets); a bad file changes nothing and says why. */
export function ProfilesFile() {
  const [error, setError] = useState<FlowErrorInfo>();
  const [done, setDone] = useState('');
  const [ownRedirect, setOwnRedirect] = useState<string>();
  const [held, setHeld] = useState<{ file: File; held: Elsewhere[] }>();
  const exportFile = async () => {
    const answer = await send('exportProfiles', {});
    if (answer.ok) download(answer.value.text, 'auth-code-inspector-profiles.json', 'application/json');
    else setError(answer.error);
  };
  const importFile = async (file: File | undefined, anyway = false) => {
    setError(undefined);
    setDone('');
    setOwnRedirect(undefined);
    setHeld(undefined);
    if (!file) return;
    const answer = await send('importProfiles', { text: await file.text(), ...(anyway ? { anyway } : {}) });
    if (answer.ok && answer.value.held) setHeld({ file, held: answer.value.held });
    else if (answer.ok) {
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
      {held && <HeldImport held={held.held} onAnyway={() => void importFile(held.file, true)} />}
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
