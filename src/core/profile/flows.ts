import type { MessageId } from '../i18n/words.ts';
import type { Flow, Profile } from './profile-types.ts';

/**
 * What each flow is, said once (design.md: the flow registry): whether it opens a login window, its
 * main button, its words while the token request is out, and whether it needs a client secret. The
 * worker's side (how it starts, `background/flows/`) is a registry over the same names; nothing else
 * tests a flow by its string. A new flow is an entry here and there, and the compiler names both.
 */
export interface FlowInfo {
  /** Its name in the popup's **Flow** list (listed in this registry's order). */
  label: MessageId;
  /** A login window at the provider, a redirect URI and an authorization endpoint. */
  login: boolean;
  /** The popup's main button. */
  button: MessageId;
  /** The popup's status while the token request is out. */
  redeeming: MessageId;
  /** It cannot run without a client secret (a confidential client, RFC 6749 §4.4). */
  needsSecret: boolean;
}

export const FLOW_INFO: Record<Flow, FlowInfo> = {
  authorization_code: {
    label: 'flowCode',
    login: true,
    button: 'authorize',
    redeeming: 'progressRedeeming',
    needsSecret: false,
  },
  client_credentials: {
    label: 'flowClientCredentials',
    login: false,
    button: 'requestToken',
    redeeming: 'progressClientCredentials',
    needsSecret: true,
  },
};

/** Every flow, in the order the popup lists them. */
export const FLOW_NAMES = Object.keys(FLOW_INFO) as Flow[];

/** A profile's flow (a login, unless it says otherwise). */
export const flowOf = (profile: Pick<Profile, 'flow'>): Flow => profile.flow ?? 'authorization_code';

export const flowInfo = (profile: Pick<Profile, 'flow'>): FlowInfo => FLOW_INFO[flowOf(profile)];
