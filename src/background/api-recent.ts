import type { ApiCall } from '../core/protocol/api-call.ts';
import { apiCallSchema } from '../core/protocol/api-call-schema.ts';
import { isSecretName } from '../core/run/secret-names.ts';
import { isJwtShaped } from '../core/run/secret-names.ts';
import type { WorkerPlatform } from './worker-platform.ts';

/*
 * The last API requests per profile (issue: Call an API), in storage.local beside the profile book and
 * never in a profile file: a header's value under a credential's name (or shaped like a JWT) is not kept,
 * nor a body longer than a form would show.
 */

export const API_RECENT_KEY = 'apiRecent';
export const API_RECENT_MAX = 10;
/** A longer body is not kept (the request is, without it). */
export const API_RECENT_BODY_MAX = 10_000;

type Recent = Record<string, ApiCall[]>;

async function readRecent(platform: WorkerPlatform): Promise<Recent> {
  const stored = await platform.storage.readKey('local', API_RECENT_KEY);
  if (!stored || typeof stored !== 'object') return {};
  return Object.fromEntries(
    Object.entries(stored).map(([name, calls]) => [
      name,
      Array.isArray(calls) ? calls.filter((c): c is ApiCall => apiCallSchema.is(c)) : [],
    ]),
  );
}

/** What of `call` may be kept on disk. */
export function keptCall(call: ApiCall): ApiCall {
  const { body, ...rest } = call;
  return {
    ...rest,
    headers: call.headers
      .filter(([n, v]) => n.trim() !== '' || v !== '')
      .map(([n, v]): [string, string] => [n, isSecretName(n) || isJwtShaped(v) ? '' : v]),
    ...(body && body.length <= API_RECENT_BODY_MAX ? { body } : {}),
  };
}

/** The profile's recent requests, newest first. */
export const recentApiCalls = async (platform: WorkerPlatform, profileName: string): Promise<ApiCall[]> =>
  (await readRecent(platform))[profileName] ?? [];

/** `call` first among the profile's recent requests (the same request once), the oldest beyond ten dropped. */
export async function rememberApiCall(platform: WorkerPlatform, profileName: string, call: ApiCall) {
  const recent = await readRecent(platform);
  const kept = keptCall(call);
  const same = JSON.stringify(kept);
  const list = [kept, ...(recent[profileName] ?? []).filter((c) => JSON.stringify(c) !== same)];
  recent[profileName] = list.slice(0, API_RECENT_MAX);
  await platform.storage.write('local', { [API_RECENT_KEY]: recent });
}

/** A profile deleted takes its recent requests with it; one renamed keeps them under its new name. */
export async function moveApiCalls(platform: WorkerPlatform, from: string, to?: string) {
  const recent = await readRecent(platform);
  if (!recent[from]) return;
  if (to !== undefined) recent[to] = recent[from];
  delete recent[from];
  await platform.storage.write('local', { [API_RECENT_KEY]: recent });
}
