/** Lists kept in time order, and maps of them: the HAR index's building blocks. */

export const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * The first index of a time-ordered list at or after `at` (ISO times compare as strings); with
 * `after`, the first strictly after it.
 */
export function firstFrom<T extends { startedDateTime: string }>(
  list: T[],
  at: string,
  after = false,
): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = list[mid]!.startedDateTime;
    if (t < at || (after && t === at)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
