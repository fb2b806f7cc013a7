import type { ActionKind } from '../../core/run/steps/index.ts';
import { introspection } from './introspection.ts';
import { jwks } from './jwks.ts';
import type { Performer } from './performer.ts';
import { refresh } from './refresh.ts';
import { revocation } from './revocation.ts';
import { userinfo } from './userinfo.ts';
import { api } from './api.ts';

/** Each action kind's performer: a kind with an `action` entry in `STEPS` and none here does not compile. */
export const PERFORMERS: { [K in ActionKind]: Performer<K> } = {
  refresh,
  userinfo,
  introspection,
  revocation,
  api,
  jwks,
};
