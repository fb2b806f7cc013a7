import { originOf, type HarEntry } from './har.ts';
import type { TraceEvent } from './trace-types.ts';

/**
 * Where a login stands among the others at its provider: the start of the one before, its own, the
 * next one's. A provider call belongs to the last login started at or before it, except discovery,
 * which is read to start the next one.
 */
export interface LoginWindow {
  prev?: string;
  start: string;
  next?: string;
}

export const inWindow = (e: TraceEvent, w: LoginWindow): boolean =>
  e.kind === 'discovery'
    ? (w.prev === undefined || e.at > w.prev) && (w.next === undefined || e.at <= w.start)
    : (w.prev === undefined || e.at >= w.start) && (w.next === undefined || e.at < w.next);

/** Each login's place among the others started at its provider's origin (`LoginWindow`). */
export function windows(starts: HarEntry[]): LoginWindow[] {
  const byOrigin = new Map<string, number[]>();
  starts.forEach((e, i) => {
    const origin = originOf(e.request.url);
    const list = byOrigin.get(origin);
    if (list) list.push(i);
    else byOrigin.set(origin, [i]);
  });
  const out: LoginWindow[] = [];
  for (const list of byOrigin.values()) {
    const at = (k: number | undefined) => (k === undefined ? undefined : starts[k]!.startedDateTime);
    list.sort((x, y) => at(x)!.localeCompare(at(y)!));
    list.forEach((k, j) => (out[k] = { start: at(k)!, prev: at(list[j - 1]), next: at(list[j + 1]) }));
  }
  return out;
}
