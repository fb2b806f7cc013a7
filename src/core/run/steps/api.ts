import { actionMarkdown } from '../../report/exchange-markdown.ts';
import type { ApiCall } from '../../protocol/api-call.ts';
import { exchangesArrows } from './arrows.ts';
import type { StepBase, StepDef } from './step.ts';

/**
 * A call to the API the token is for (RFC 6750 §2.1, RFC 9449 §7): what the person asked, the exchange
 * (with its DPoP nonce retry), the checks, and the interaction id sent.
 */
export interface ApiStep extends StepBase {
  kind: 'api';
  /** What was asked (absent while the call is running). */
  call?: Omit<ApiCall, 'body'> & { bodyLength?: number };
  /** The `x-fapi-interaction-id` sent, when asked for. */
  interactionId?: string;
}

/** An API is not the provider: its arrows name the host as well as the path. */
const hostPath = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url;
  }
};

export const api = {
  title: 'stepApi',
  checkGroups: [['api', 'checksApi']],
  own: { role: 'api', name: 'stepApi' },
  arrows: (step, index, run, w) =>
    exchangesArrows(step, index, run, w).map((a, i) =>
      a.from === 'extension'
        ? {
            ...a,
            label: `${step.exchanges[i / 2]?.request.method ?? ''} ${hostPath(step.exchanges[i / 2]?.request.url ?? '')}`,
          }
        : a,
    ),
  report: (step, w) => actionMarkdown(w.t('stepApi'), step, w, 'api'),
  answersCredentials: true,
  // The target is the URL the person typed (`ActionRequest.call`), not an endpoint of the profile.
  action: { sends: 'access_token', buttons: [] },
} satisfies StepDef<ApiStep>;
