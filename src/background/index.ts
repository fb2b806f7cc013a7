import { extensionId, onMessage, onPageConnect, onStartup } from '../platform/runtime.ts';
import { stripOriginFromOwnRequests, sweepRoutingRules } from '../platform/net-rules.ts';
import { workerDeps } from './deps.ts';
import { handlers } from './handlers.ts';
import { receiver } from './receive.ts';
import { interruptOrphanedRuns } from './run-store.ts';
import { listen } from './run-push.ts';

// Only our own pages may drive the worker, and only with well-formed requests.
onMessage(receiver(handlers, extensionId()));
// An inspector hears its run's saves as they happen.
onPageConnect(extensionId(), listen);

onStartup(() => void stripOriginFromOwnRequests());
// A fresh worker owns no login: runs still marked running lost theirs, and so did any routing rule.
void interruptOrphanedRuns(workerDeps.now());
void sweepRoutingRules();
