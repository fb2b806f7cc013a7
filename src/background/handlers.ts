import { PRESENTATION_KEY } from '../core/view/stored-records.ts';
import { writeKeys } from '../platform/storage-write.ts';
import { runAction } from './actions.ts';
import type { Handlers } from './receive.ts';
import { workerDeps } from './deps.ts';
import { discover } from './discover.ts';
import { curl } from './curl.ts';
import { report } from './report.ts';
import {
  editProfiles,
  keepRetrySetting,
  exportProfiles,
  forgetSecrets,
  importProfiles,
  loadProfiles,
  setSecret,
} from './profiles.ts';
import { serial } from './serial.ts';
import { clearHistory, deleteRun } from './run-store.ts';
import { settleOrphans } from './orphans.ts';
import { retryRun, startRun } from './start-run.ts';
import { publicKeyPem } from './client-keys.ts';
import { recentApiCalls } from './api-recent.ts';
import { introspectPasted } from './introspect-pasted.ts';
import { ok } from '../core/flow-error.ts';

/** What the worker does for each message; writes to the profile book and secrets run one at a time. */
export const handlers: Handlers = {
  startRun: (r) => startRun(r.profile, r.profileName, r.credential, workerDeps),
  checkRuns: () => settleOrphans(workerDeps),
  loadProfiles: () => serial(loadProfiles),
  editProfiles: (r) => serial(() => editProfiles(r.edit, workerDeps)),
  setSecret: (r) => serial(() => setSecret(r.profileId, r.secret)),
  importProfiles: (r) => serial(() => importProfiles(r.text, r.anyway === true, workerDeps)),
  exportProfiles: () => exportProfiles(),
  deleteRun: (r) => deleteRun(workerDeps.platform, r.runId),
  clearHistory: () => clearHistory(workerDeps.platform),
  forgetSecrets: () => serial(forgetSecrets),
  report: (r) => report(r, workerDeps.now()),
  runAction: (r) => runAction(r.runId, r, workerDeps),
  retryRun: ({ runId, ...setting }) => retryRun(runId, setting, workerDeps),
  keepRetrySetting: (r) => serial(() => keepRetrySetting(r.runId)),
  setPresentation: (r) => writeKeys('local', { [PRESENTATION_KEY]: r.on }),
  curl: (r) => curl(r),
  discover: (r) => discover(r.issuer, workerDeps),
  publicKeyPem: async (r) => ok(await publicKeyPem(r.jwk, r.alg)),
  recentApiCalls: async (r) => ok(await recentApiCalls(workerDeps.platform, r.profileName)),
  introspectToken: (r) => introspectPasted(r.profileId, r.token, r.hint, r.secret, workerDeps),
};
