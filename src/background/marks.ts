/**
 * Points on the worker's timeline (`aci:callback`, `aci:token-answered`…), read by `npm run bench`
 * to say where the time between the callback and the verdict goes. Cheap, and never read by the flow.
 */
export const mark = (name: string): void => void performance.mark(`aci:${name}`);
