/** A URL's parameters in order, duplicates kept (they are themselves a finding). */
export type Params = [name: string, value: string][];

/** The query's parameters of `url`, in order. */
export function callbackParams(callbackUrl: string): Params {
  return [...new URL(callbackUrl).searchParams.entries()];
}
