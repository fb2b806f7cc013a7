import { useState } from 'preact/hooks';
import { defaultProfile, type Profile } from '../core/profile.ts';
import { isProfile } from '../messages.ts';
import { extensionRedirectUrl } from '../platform/identity.ts';
import { readKey, writeKeys } from '../platform/storage.ts';
import { FORM_KEY, SECRET_KEY } from './form-keys.ts';

export interface FormState {
  profile: Profile;
  secret: string;
}

export interface FormPatch {
  profile?: Partial<Profile>;
  secret?: string;
}

/** The saved fields (or BTG Id's defaults); read before the first render so the popup opens filled in. */
export async function loadForm(): Promise<FormState> {
  const [saved, secret] = await Promise.all([readKey('local', FORM_KEY), readKey('session', SECRET_KEY)]);
  return {
    profile: isProfile(saved) ? saved : defaultProfile(extensionRedirectUrl()),
    secret: typeof secret === 'string' ? secret : '',
  };
}

/** The popup's fields, saved on every change: non-secret ones on disk, the secret for the session. */
export function useForm(initial: FormState): [FormState, (patch: FormPatch) => void] {
  const [form, setForm] = useState(initial);
  const update = (patch: FormPatch) => {
    setForm((current) => {
      const merged = {
        profile: { ...current.profile, ...patch.profile },
        secret: patch.secret ?? current.secret,
      };
      if (patch.profile) void writeKeys('local', { [FORM_KEY]: merged.profile });
      if (patch.secret !== undefined) void writeKeys('session', { [SECRET_KEY]: merged.secret });
      return merged;
    });
  };
  return [form, update];
}
