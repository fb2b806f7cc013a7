import { say } from '../core/i18n/say.ts';
import { curlCommand } from '../core/report/curl.ts';
import { invalid } from '../core/flow-error.ts';
import type { Req, Res } from '../messages.ts';
import { loadRun, missingRun } from './run-store.ts';
import { browserPlatform } from './worker-platform.ts';

/** A command repeating one recorded exchange, with every secret as a shell variable. */
export async function curl(request: Req<'curl'>): Promise<Res<'curl'>> {
  const run = await loadRun(browserPlatform, request.runId);
  if (!run) return missingRun(request.runId);
  const step = run.steps[request.exchange.step];
  const exchange = step?.exchanges[request.exchange.exchange];
  if (!exchange) return invalid(say('noSuchExchange'));
  return {
    ok: true,
    value: {
      text: curlCommand(exchange, run.secrets, run.profile.clientId, run.profile.encodeBasic !== false),
    },
  };
}
