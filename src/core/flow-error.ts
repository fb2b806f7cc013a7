/** Stable codes for everything that can stop a run; pages show `message`, tests match `code`. */
export type FlowErrorCode =
  | 'invalid_input'
  | 'permission_missing'
  | 'discovery_issuer_mismatch'
  | 'login_cancelled'
  | 'login_failed'
  | 'provider_error'
  | 'duplicate_parameter'
  | 'state_mismatch'
  | 'iss_mismatch'
  | 'missing_code'
  | 'tokens_in_callback'
  | 'token_http_error'
  | 'token_not_json'
  | 'token_invalid'
  | 'network'
  | 'timeout'
  | 'interrupted'
  | 'internal';

/** A plain record (it is stored in the Run), not an Error: storage keeps only plain data. */
export interface FlowErrorInfo {
  code: FlowErrorCode;
  message: string;
  expected?: string;
  actual?: string;
  hint?: string;
}

export class FlowError extends Error {
  readonly info: FlowErrorInfo;
  constructor(info: FlowErrorInfo) {
    super(info.message);
    this.name = 'FlowError';
    this.info = info;
  }
}
