import type { MessageId, Words } from './words.ts';

/** Scopes with a one-line description: OpenID Connect's (OIDC Core §5.4) and BTG Id's documented ones. */
export const KNOWN_SCOPES: Record<string, MessageId> = {
  openid: 'scopeOpenid',
  profile: 'scopeProfile',
  email: 'scopeEmail',
  address: 'scopeAddress',
  phone: 'scopePhone',
  offline_access: 'scopeOffline',
  apps: 'scopeApps',
  webhooks: 'scopeWebhooks',
  'empresas.btgpactual.com/accounts.readonly': 'scopeEmpresasAccounts',
  'brn:btg:empresas:openfinance:accounts:info.readonly': 'scopeOpenFinanceInfo',
  'brn:btg:empresas:openfinance:accounts:balances.readonly': 'scopeOpenFinanceBalances',
  'brn:btg:empresas:banking:payments': 'scopePayments',
  'brn:btg:empresas:banking:collections': 'scopeCollections',
};

/** OIDC Core §5.4: the claims each standard scope asks for. */
export const SCOPE_CLAIMS: Record<string, string[]> = {
  openid: ['sub'],
  profile: [
    'name',
    'family_name',
    'given_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'profile',
    'picture',
    'website',
    'gender',
    'birthdate',
    'zoneinfo',
    'locale',
    'updated_at',
  ],
  email: ['email', 'email_verified'],
  address: ['address'],
  phone: ['phone_number', 'phone_number_verified'],
};

/**
 * Suggestions for the Scopes field: each scope the provider publishes or the tool knows, not yet in
 * the field, as the field's value with it added (a datalist replaces the whole value).
 */
export function scopeSuggestions(
  current: string,
  published: readonly string[],
  w: Words,
): { value: string; label: string }[] {
  const present = new Set(current.split(/\s+/).filter(Boolean));
  const all = [...new Set([...published, ...Object.keys(KNOWN_SCOPES)])].filter((s) => !present.has(s));
  return all.map((scope) => ({
    value: [...present, scope].join(' '),
    label: Object.hasOwn(KNOWN_SCOPES, scope) ? `${scope}: ${w.t(KNOWN_SCOPES[scope]!)}` : scope,
  }));
}

/** Which of `claims` each granted scope brought (OIDC Core §5.4), for the scopes that name claims. */
export function claimsByScope(
  scopes: string,
  claims: Record<string, unknown>,
): [scope: string, claims: string[]][] {
  return scopes
    .split(/\s+/)
    .filter((s) => SCOPE_CLAIMS[s])
    .map((s) => [s, SCOPE_CLAIMS[s]!.filter((c) => c in claims)]);
}
