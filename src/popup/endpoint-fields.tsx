import type { Endpoints } from '../core/profile.ts';
import { TextField } from './text-field.tsx';
import type { Profiles } from './use-profiles.ts';

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
      <summary>Endpoints</summary>
      {note && <p class="hint">{note}</p>}
      <button type="button" onClick={onRediscover}>
        Read discovery document again
      </button>
      <TextField
        label="Authorization endpoint"
        value={endpoints.authorization}
        onInput={(authorization) => set({ authorization })}
      />
      <TextField label="Token endpoint" value={endpoints.token} onInput={(token) => set({ token })} />
      <TextField label="JWKS URI" value={endpoints.jwks} onInput={(jwks) => set({ jwks })} />
      <TextField
        label="UserInfo endpoint"
        value={endpoints.userinfo ?? ''}
        onInput={(userinfo) => set({ userinfo })}
      />
      <TextField
        label="Revocation endpoint"
        value={endpoints.revocation ?? ''}
        onInput={(revocation) => set({ revocation })}
      />
      <TextField
        label="Introspection endpoint"
        value={endpoints.introspection ?? ''}
        onInput={(introspection) => set({ introspection })}
      />
    </details>
  );
}
