import { isRecord, type StoredRecord } from './stored-record.ts';

/** Each kind's own request's role, in runs stored before roles: it was the first of the step's exchanges. */
const OWN_ROLE: Readonly<Record<string, string>> = {
  discovery: 'discovery',
  callback: 'authorize-reread',
  token: 'token',
  refresh: 'token',
  userinfo: 'userinfo',
  introspection: 'introspection',
  revocation: 'revocation',
  jwks: 'jwks',
};

/**
 * Schema 3 → 4: every exchange says what it was for (`role`). Before, a step's own request came first
 * and JWKS fetches after it ("JWKS", then "JWKS again"); the validation step held only JWKS fetches.
 */
export function exchangeRoles(run: StoredRecord): StoredRecord {
  if (!Array.isArray(run.steps)) return { ...run, schema: 4 };
  const steps = run.steps.map((step: unknown) => {
    if (!isRecord(step)) return step;
    const { kind, exchanges } = step;
    if (!Array.isArray(exchanges)) return step;
    const own = typeof kind === 'string' && Object.hasOwn(OWN_ROLE, kind) ? OWN_ROLE[kind] : undefined;
    let fetches = 0;
    const roled = exchanges.map((ex: unknown, i) => {
      if (typeof ex !== 'object' || ex === null || 'role' in ex) return ex;
      const role = i === 0 && own ? own : fetches++ === 0 ? 'jwks' : 'jwks-again';
      return { ...ex, role };
    });
    return { ...step, exchanges: roled };
  });
  return { ...run, schema: 4, steps };
}
