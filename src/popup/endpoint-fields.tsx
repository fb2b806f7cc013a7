import type { Endpoints } from '../core/profile/profile.ts';
import { ENDPOINT_LABELS, ENDPOINT_NAMES } from '../core/view/endpoint-labels.ts';
import { TextField } from './text-field.tsx';
import type { Profiles } from './use-profiles.ts';
import { t } from '../ui/words.ts';

/** The Endpoints disclosure: filled from discovery (or BTG Id's paths), all editable. */
export function EndpointFields({
  profiles,
  note,
  onRediscover,
}: {
  profiles: Profiles;
  note: string;
  onRediscover: () => void;
}) {
  const { endpoints } = profiles.profile;
  const set = (patch: Partial<Endpoints>) =>
    profiles.change((p) => ({ endpoints: { ...p.endpoints, ...patch } }));
  return (
    <details>
      <summary>{t('endpoints')}</summary>
      {note && <p class="hint">{note}</p>}
      <button type="button" onClick={onRediscover}>
        {t('rediscover')}
      </button>
      {ENDPOINT_NAMES.map((name) => (
        <TextField
          key={name}
          label={t(ENDPOINT_LABELS[name])}
          value={endpoints[name] ?? ''}
          onInput={(value) => set({ [name]: value })}
        />
      ))}
    </details>
  );
}
