import { say, type Said } from '../i18n/say.ts';
import { oidcCore, oidcDiscovery, outcome, passIf, rfc, shown, type Check, type Rule } from './check.ts';
import { discoveredEndpointProblems, ENDPOINT_FIELDS } from '../protocol/discovery.ts';
import { isLoopbackHost } from '../protocol/url-rules.ts';

/** Discovery document checks; `metadata` is undefined when the provider publishes none. */
export function discoveryChecks(metadata: Record<string, unknown> | undefined, issuer: string): Check[] {
  const issuerRule = {
    id: 'discovery.issuer',
    ...oidcDiscovery('4.3', 'ProviderConfigurationValidation'),
  };
  const httpsRule = { id: 'discovery.https', ...rfc(6749, '3.1') };
  const pkceRule = { id: 'discovery.pkce', ...rfc(7636, '4.2') };
  const plainRule = { id: 'discovery.pkce_plain', ...rfc(9700, '2.1.1') };
  const algsRule = { id: 'discovery.id_token_algs', ...oidcCore('3.1.3.7', 'IDTokenValidation') };
  const urlsRule = {
    id: 'discovery.endpoints',
    ...oidcDiscovery('3', 'ProviderMetadata'),
  };
  if (!metadata) {
    const none = say('exNoDiscovery');
    return [
      outcome(issuerRule, 'skip', issuer, none),
      outcome(httpsRule, 'skip', say('exHttpsUrls'), none),
      outcome(urlsRule, 'skip', say('exUsableUrls'), none),
      outcome(pkceRule, 'skip', 'S256', none),
      outcome(plainRule, 'skip', say('exNoPlain'), none),
      outcome(algsRule, 'skip', say('exSignedWithKeys'), none),
    ];
  }
  const urls = ENDPOINT_FIELDS.map((f) => metadata[f]).filter((u): u is string => typeof u === 'string');
  const insecure = urls.filter((u) => !u.startsWith('https://'));
  const remote = insecure.filter((u) => {
    try {
      return !isLoopbackHost(new URL(u).hostname);
    } catch {
      return true;
    }
  });
  const malformed = discoveredEndpointProblems(metadata, issuer, false);
  const methods = metadata.code_challenge_methods_supported;
  return [
    passIf(issuerRule, metadata.issuer === issuer, issuer, shown(metadata.issuer)),
    remote.length
      ? outcome(httpsRule, 'fail', say('exHttpsUrls'), remote.join(', '))
      : insecure.length
        ? outcome(httpsRule, 'warn', say('exHttpsLoopback'), insecure.join(', '))
        : outcome(httpsRule, 'pass', say('exHttpsUrls'), say('exOnHttps', urls.length)),
    passIf(
      urlsRule,
      malformed.length === 0,
      say('exAbsoluteUrls'),
      !malformed[0]
        ? say('exUsableCount', urls.length)
        : malformed.length === 1
          ? malformed[0]
          : say('exProblemsMore', malformed[0], malformed.length - 1),
    ),
    Array.isArray(methods)
      ? outcome(pkceRule, methods.includes('S256') ? 'pass' : 'warn', say('exS256Listed'), shown(methods))
      : outcome(
          pkceRule,
          'skip',
          say('exS256Listed'),
          say('exNotPublished', 'code_challenge_methods_supported'),
        ),
    listedRisks(
      plainRule,
      say('exNoPlain'),
      methods,
      (m) => m === 'plain',
      'code_challenge_methods_supported',
    ),
    listedRisks(
      algsRule,
      say('exSignedWithKeys'),
      metadata.id_token_signing_alg_values_supported,
      (alg) => alg === 'none' || /^HS\d+$/.test(alg),
      'id_token_signing_alg_values_supported',
    ),
  ];
}

/**
 * A warning for what a published list admits that weakens every login: PKCE's `plain` (the verifier
 * itself travels in the authorization request, RFC 9700 §2.1.1), unsigned ID tokens (`none`) or ones
 * signed with the client secret (`HS*`: anyone holding the secret can mint them; OIDC Core §3.1.3.7).
 */
function listedRisks(
  rule: Rule,
  expected: Said,
  list: unknown,
  risky: (value: string) => boolean,
  field: string,
): Check {
  if (!Array.isArray(list)) return outcome(rule, 'skip', expected, say('exNotPublished', field));
  const found = list.filter((v): v is string => typeof v === 'string' && risky(v));
  return found.length
    ? outcome(rule, 'warn', expected, found.join(', '))
    : outcome(rule, 'pass', expected, shown(list));
}
