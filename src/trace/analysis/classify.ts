import { originAndPath } from '../../core/protocol/params.ts';
import type { HarEntry } from './har.ts';

/** Calls to the provider's other endpoints, recognised by the discovery document's URLs. */
export type ProviderCall = 'discovery' | 'jwks' | 'userinfo' | 'revocation' | 'introspection';
const METADATA_FIELDS: [field: string, kind: ProviderCall][] = [
  ['jwks_uri', 'jwks'],
  ['userinfo_endpoint', 'userinfo'],
  ['revocation_endpoint', 'revocation'],
  ['introspection_endpoint', 'introspection'],
];

/** What a request is, besides the login's own three: discovery, or an endpoint discovery names. */
export function providerCall(
  entry: HarEntry,
  metadata: Record<string, unknown> | undefined,
): ProviderCall | undefined {
  const at = originAndPath(entry.request.url);
  if (at.endsWith('/.well-known/openid-configuration')) return 'discovery';
  return METADATA_FIELDS.find(
    ([field]) => typeof metadata?.[field] === 'string' && originAndPath(metadata[field]) === at,
  )?.[1];
}
