/**
 * Points on the worker's timeline (`aci:callback`, `aci:token-answered`…), read by `npm run bench`
 * to say where the time between the callback and the verdict goes. Cheap, and never read by the flow.
 * Each carries the wall clock the pages' times are read on: a long-lived worker's high-resolution
 * clock drifts from it.
 */
export const mark = (name: string): void => void performance.mark(`aci:${name}`, { detail: Date.now() });
