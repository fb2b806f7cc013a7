import { extensionId, onMessage, onPageConnect } from '../platform/runtime.ts';
import { stripOriginFromOwnRequests, sweepRoutingRules } from '../platform/net-rules.ts';
import { workerDeps } from './deps.ts';
import { handlers } from './handlers.ts';
import { receiver } from './receive.ts';
import { settleOrphans } from './orphans.ts';
import { listen } from './run-push.ts';

// Only our own pages may drive the worker, and only with well-formed requests.
onMessage(receiver(handlers, extensionId()));
// An inspector hears its run's saves as they happen.
onPageConnect(extensionId(), listen);

// Every request of ours leaves without a browser Origin, the popup's first discovery included (the
// session rule is gone after a browser restart, and not there yet after an install).
void stripOriginFromOwnRequests();
// A fresh worker owns no run: those still marked running are resumed by their flow, or ended as
// interrupted (a login lost its answer); any routing rule is swept.
void settleOrphans(workerDeps);
void sweepRoutingRules();
