import { parseEnvelope, type Envelope } from '../messages.ts';
import { extensionId, onMessage, onStartup } from '../platform/runtime.ts';
import { stripOriginFromOwnRequests } from '../platform/net-rules.ts';
import { workerDeps } from './deps.ts';
import { discover } from './discover.ts';
import { curl, report } from './exports.ts';
import {
  editProfiles,
  exportProfiles,
  forgetSecrets,
  importProfiles,
  loadProfiles,
  serial,
  setSecret,
} from './profiles.ts';
import { clearHistory, deleteRun, interruptOrphanedRuns } from './run-store.ts';
import { startRun } from './start-run.ts';

function handle(envelope: Envelope): Promise<unknown> {
  switch (envelope.type) {
    case 'startRun': {
      const { profile, profileName, clientSecret } = envelope.payload as Envelope<'startRun'>['payload'];
      return startRun(profile, profileName, clientSecret, workerDeps);
    }
    case 'loadProfiles':
      return serial(loadProfiles);
    case 'editProfiles':
      return serial(() =>
        editProfiles((envelope.payload as Envelope<'editProfiles'>['payload']).edit, workerDeps),
      );
    case 'setSecret': {
      const { profileId, secret } = envelope.payload as Envelope<'setSecret'>['payload'];
      return serial(() => setSecret(profileId, secret));
    }
    case 'importProfiles':
      return serial(() =>
        importProfiles((envelope.payload as Envelope<'importProfiles'>['payload']).text, workerDeps),
      );
    case 'exportProfiles':
      return exportProfiles();
    case 'discover':
      return discover((envelope.payload as Envelope<'discover'>['payload']).issuer, workerDeps);
    case 'checkRun':
      return interruptOrphanedRuns(workerDeps.now());
    case 'deleteRun':
      return deleteRun((envelope.payload as Envelope<'deleteRun'>['payload']).runId);
    case 'clearHistory':
      return clearHistory();
    case 'forgetSecrets':
      return serial(forgetSecrets);
    case 'report':
      return report(envelope.payload as Envelope<'report'>['payload'], workerDeps.now());
    case 'curl':
      return curl(envelope.payload as Envelope<'curl'>['payload']);
  }
}

// Only our own pages may drive the worker, and only with well-formed requests.
onMessage((message, senderId) => {
  if (senderId !== extensionId()) return undefined;
  const envelope = parseEnvelope(message);
  return envelope ? handle(envelope) : undefined;
});

onStartup(() => void stripOriginFromOwnRequests(extensionId()));
void interruptOrphanedRuns(workerDeps.now());
