const UNITS: [limitSeconds: number, unitSeconds: number, name: string][] = [
  [90, 1, 's'],
  [90 * 60, 60, 'min'],
  [48 * 3600, 3600, 'h'],
  [Infinity, 86400, 'd'],
];

/** "in 23 h" / "5 min ago": coarse on purpose, the exact instant is shown beside it. */
export function relativeTime(epochSeconds: number, nowMs: number): string {
  const delta = epochSeconds - Math.floor(nowMs / 1000);
  const abs = Math.abs(delta);
  const [, unit, name] = UNITS.find(([limit]) => abs < limit) ?? UNITS[UNITS.length - 1]!;
  const n = Math.round(abs / unit);
  if (n === 0) return 'now';
  return delta > 0 ? `in ${n} ${name}` : `${n} ${name} ago`;
}

export const TIME_CLAIMS = new Set(['exp', 'iat', 'auth_time', 'nbf', 'updated_at']);

export function describeTime(epochSeconds: number, nowMs: number): string {
  const local = new Date(epochSeconds * 1000).toLocaleString();
  return `${local} (${relativeTime(epochSeconds, nowMs)})`;
}
