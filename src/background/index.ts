import { extensionId, onMessage, onStartup } from '../platform/runtime.ts';
import { stripOriginFromOwnRequests } from '../platform/net-rules.ts';
import { workerDeps } from './deps.ts';
import { handlers } from './handlers.ts';
import { receiver } from './receive.ts';
import { interruptOrphanedRuns } from './run-store.ts';

// Only our own pages may drive the worker, and only with well-formed requests.
onMessage(receiver(handlers, extensionId()));

onStartup(() => void stripOriginFromOwnRequests(extensionId()));
void interruptOrphanedRuns(workerDeps.now());
