/*
 * The one error value and what it may carry, in a file that imports nothing: every room uses it, so
 * it stays a leaf (no circle runs through it, type imports included).
 */

/** How a login window ended without a callback, as the browser's traits read its failure. */
export type LoginWindowFailureKind = 'closed' | 'not_loaded' | 'wrong_url' | 'other';

/** An error a provider named in its own answer (a page, a JSON body or an error URL), in its own words. */
export interface ProviderError {
  /** Its code as the provider wrote it: `invalid_redirect_uri`, `AADSTS50011`, Okta's `E0000…`; a page without one, its title. */
  error: string;
  /** Its description, verbatim ("" when it gave none). */
  description: string;
  /** The provider's own page on that code, where it has one. */
  reference?: string;
}

/** What a provider's refusal of an authorization request most likely means for the registration. */
export type RefusalCause = 'redirect_uri' | 'client';

/** Stable codes for everything that can stop a run; pages show `message`, tests match `code`. */
export type FlowErrorCode =
  | 'invalid_input'
  | 'permission_missing'
  | 'permission_refused'
  | 'run_missing'
  | 'run_unreadable'
  | 'discovery_issuer_mismatch'
  | 'discovery_invalid'
  | 'login_cancelled'
  | 'login_failed'
  | 'login_refused'
  | 'provider_error'
  | 'duplicate_parameter'
  | 'state_mismatch'
  | 'iss_mismatch'
  | 'missing_code'
  | 'callback_elsewhere'
  | 'tokens_in_callback'
  | 'token_http_error'
  | 'token_not_json'
  | 'token_invalid'
  | 'par_refused'
  | 'par_invalid'
  | 'network'
  | 'redirect'
  | 'not_granted'
  | 'timeout'
  | 'interrupted'
  | 'internal';

/** A message id of `_locales` and its values: what a page renders in the reader's language. */
export interface Say {
  id: string;
  /** Text as it is, or words of their own (a field's name), said in the same language. */
  subs: (string | Say)[];
}

/** A plain record (it is stored in the Run), not an Error: storage keeps only plain data. */
export interface FlowErrorInfo {
  code: FlowErrorCode;
  /**
   * Text we did not write (a browser's or a provider's words) or a run stored before message ids;
   * words of ours are `say` (or `sayAll`), rendered where a person reads them.
   */
  message?: string;
  say?: Say;
  /** Several problems, each said in turn. */
  sayAll?: Say[];
  sayHint?: Say;
  expected?: string;
  actual?: string;
  /** A run stored before message ids keeps its hint's English here; new ones are `sayHint`. */
  hint?: string;
  /** For a login window's failure: how the browser said it ended (the history tells them apart). */
  loginWindow?: LoginWindowFailureKind;
  /** For `login_refused`: the provider's error in its own words, and the registration mistake it names. */
  refusal?: ProviderError & { cause?: RefusalCause };
  /** For `permission_missing`: the host-permission patterns still to be granted. */
  origins?: string[];
}

/** What a fallible step or request answers: its value, or the one error value (design.md). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: FlowErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A refusal of what the user typed or chose: `invalid_input` with the message a person reads. */
export const invalid = (words: { say: Say }): { ok: false; error: FlowErrorInfo } => ({
  ok: false,
  error: { code: 'invalid_input', ...words },
});

/**
 * An error thrown with its words already said, from deep inside a request (a key that is not on this
 * device at the moment of signing): the run shows it as it is, not as an internal error.
 */
export class FlowFailure extends Error {
  constructor(readonly info: FlowErrorInfo) {
    super(info.code);
  }
}

/** What a thrown value says: an error's message, anything else as text (the engine's words, kept as they came). */
export const messageOf = (thrown: unknown): string =>
  thrown instanceof Error ? thrown.message : String(thrown);
