import type { Endpoints } from '../core/profile/profile.ts';
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
      <TextField
        label={t('endpointAuthorization')}
        value={endpoints.authorization}
        onInput={(authorization) => set({ authorization })}
      />
      <TextField label={t('endpointToken')} value={endpoints.token} onInput={(token) => set({ token })} />
      <TextField label={t('endpointJwks')} value={endpoints.jwks} onInput={(jwks) => set({ jwks })} />
      <TextField
        label={t('endpointUserinfo')}
        value={endpoints.userinfo ?? ''}
        onInput={(userinfo) => set({ userinfo })}
      />
      <TextField
        label={t('endpointRevocation')}
        value={endpoints.revocation ?? ''}
        onInput={(revocation) => set({ revocation })}
      />
      <TextField
        label={t('endpointIntrospection')}
        value={endpoints.introspection ?? ''}
        onInput={(introspection) => set({ introspection })}
      />
    </details>
  );
}
