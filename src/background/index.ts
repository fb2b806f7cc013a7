import { parseEnvelope, type Envelope } from '../messages.ts';
import { extensionId, onMessage, onStartup } from '../platform/runtime.ts';
import { stripOriginFromOwnRequests } from '../platform/net-rules.ts';
import { workerDeps } from './deps.ts';
import { discover } from './discover.ts';
import { interruptOrphanedRuns } from './run-store.ts';
import { startRun } from './start-run.ts';

function handle(envelope: Envelope): Promise<unknown> {
  switch (envelope.type) {
    case 'startRun': {
      const { profile, clientSecret } = envelope.payload as Envelope<'startRun'>['payload'];
      return startRun(profile, clientSecret, workerDeps);
    }
    case 'discover':
      return discover((envelope.payload as Envelope<'discover'>['payload']).issuer, workerDeps);
    case 'checkRun':
      return interruptOrphanedRuns(workerDeps.now());
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
