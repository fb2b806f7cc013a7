export const REDACTED = '[redacted]';

/** An Authorization header shown or kept without its credentials: the scheme stays, the rest goes. */
export const maskCredentials = (value: string): string => `${value.split(' ')[0] ?? ''} ${REDACTED}`;

/** A header as it may be shown: credentials never appear on screen. */
export const shownHeader = (name: string, value: string): string =>
  name.toLowerCase() === 'authorization' ? maskCredentials(value) : value;
