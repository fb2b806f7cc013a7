import { useState } from 'preact/hooks';
import { send } from '../messages.ts';
import type { ReportError } from './use-alert.ts';
import type { Profiles } from './use-profiles.ts';
import { spoken, t } from '../ui/words.ts';

/**
 * Reads the issuer's discovery document into the Endpoints fields. The answer is applied only if
 * the Issuer is still the one asked about: the user may have typed on meanwhile.
 */
export function useDiscovery(profiles: Profiles, report: ReportError) {
  const [note, setNote] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [requirePar, setRequirePar] = useState(false);
  const [requireJar, setRequireJar] = useState(false);
  const discover = async (issuer: string) => {
    report(undefined);
    setNote(t('discoveryReading', `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`));
    const answer = await send('discover', { issuer });
    if (!answer.ok) {
      setNote('');
      return report(answer.error);
    }
    setNote(spoken(answer.value.noteSay));
    setScopes(answer.value.scopes);
    setRequirePar(answer.value.requirePar);
    setRequireJar(answer.value.requireJar);
    profiles.change((p) => (p.issuer === issuer ? { endpoints: answer.value.endpoints } : {}));
  };
  return { note, scopes, requirePar, requireJar, discover };
}
