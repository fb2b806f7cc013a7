import { useEffect, useState } from 'preact/hooks';
import { defaultProfile, type Profile } from '../core/profile.ts';
import { isProfile } from '../messages.ts';
import { extensionRedirectUrl } from '../platform/identity.ts';
import { readKey, writeKeys } from '../platform/storage.ts';
import { FORM_KEY, SECRET_KEY } from './form-keys.ts';

export interface FormState {
  profile: Profile;
  secret: string;
}

/** The popup's fields, restored when it opens and saved on every change. */
export interface FormPatch {
  profile?: Partial<Profile>;
  secret?: string;
}

export function useForm(): [FormState | undefined, (patch: FormPatch) => void] {
  const [form, setForm] = useState<FormState>();
  useEffect(() => {
    void (async () => {
      const [saved, secret] = await Promise.all([readKey('local', FORM_KEY), readKey('session', SECRET_KEY)]);
      setForm({
        profile: isProfile(saved) ? saved : defaultProfile(extensionRedirectUrl()),
        secret: typeof secret === 'string' ? secret : '',
      });
    })();
  }, []);
  const update = (patch: FormPatch) => {
    setForm((current) => {
      if (!current) return current;
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
