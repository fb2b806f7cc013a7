import { describe, expect, test } from 'vitest';
import { profileSchema } from '../../../../src/core/message-payloads.ts';
import { defaultProfile, FLOWS } from '../../../../src/core/profile/profile.ts';
import { exportProfiles, importProfiles } from '../../../../src/core/profile/profile-file.ts';
import { defaultBook } from '../../../../src/core/profile/profile-book.ts';
import { FLOW_INFO, FLOW_NAMES, flowInfo } from '../../../../src/core/view/flows.ts';
import { PROFILE_FIELDS, profileSnapshot } from '../../../../src/core/view/profile-snapshot.ts';

describe('the profile, defined once', () => {
  test('the snapshot’s fields are the payload schema’s: a field cannot be dropped on its way', () => {
    expect(new Set(PROFILE_FIELDS)).toEqual(new Set(Object.keys(profileSchema.shape)));
  });

  test('a snapshot: profile fields only, defaults left out, a copy that shares nothing', () => {
    const stored = {
      ...defaultProfile('https://x.chromiumapp.org/'),
      clientId: 'app',
      id: 'p1',
      name: 'Mine',
      rememberSecret: true,
      flow: 'client_credentials' as const,
      encodeBasic: true,
      extraToken: [['resource', 'https://api.example']] as [string, string][],
      extraAuthorize: [],
    };
    const snapshot = profileSnapshot(stored);
    expect(snapshot).not.toHaveProperty('id');
    expect(snapshot).not.toHaveProperty('name');
    expect(snapshot).not.toHaveProperty('rememberSecret');
    expect(snapshot).not.toHaveProperty('encodeBasic');
    expect(snapshot).not.toHaveProperty('extraAuthorize');
    expect(snapshot).toMatchObject({
      flow: 'client_credentials',
      extraToken: [['resource', 'https://api.example']],
    });
    expect(profileSchema.is(snapshot)).toBe(true);
    snapshot.endpoints.token = 'changed';
    snapshot.extraToken![0]![1] = 'changed';
    expect(stored.endpoints.token).not.toBe('changed');
    expect(stored.extraToken[0]![1]).toBe('https://api.example');
  });

  test('a profile file carries every field through: an exported client-credentials profile comes back the same', () => {
    const book = defaultBook('https://x.chromiumapp.org/');
    const profile = {
      ...book.profiles[0]!,
      flow: 'client_credentials' as const,
      clientAuth: 'client_secret_post' as const,
      extraToken: [['resource', 'r']] as [string, string][],
    };
    const shared = exportProfiles({ ...book, profiles: [profile] });
    let n = 0;
    const read = importProfiles(defaultBook('https://x.chromiumapp.org/'), shared, () => `id-${++n}`);
    if (!read.ok) throw new Error('not read');
    const imported = read.value.book.profiles.at(-1)!;
    expect(profileSnapshot(imported)).toEqual(profileSnapshot(profile));
  });
});

describe('the flow registry', () => {
  test('what each flow opens, shows and needs, said once', () => {
    expect(flowInfo({})).toBe(FLOW_INFO.authorization_code);
    expect(flowInfo({ flow: 'client_credentials' })).toMatchObject({
      login: false,
      needsSecret: true,
      button: 'requestToken',
    });
    expect(FLOW_INFO.authorization_code).toMatchObject({
      login: true,
      needsSecret: false,
      button: 'authorize',
    });
  });

  test('the popup lists every flow a profile can name, from the registry (no list kept by hand)', () => {
    expect(new Set(FLOW_NAMES)).toEqual(new Set(FLOWS));
    expect(FLOW_NAMES.map((f) => FLOW_INFO[f].label)).toEqual(['flowCode', 'flowClientCredentials']);
  });
});
