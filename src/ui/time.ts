import type { Words } from '../core/view/words.ts';

const UNITS: [limitSeconds: number, unitSeconds: number, name: string][] = [
  [90, 1, 's'],
  [90 * 60, 60, 'min'],
  [48 * 3600, 3600, 'h'],
  [Infinity, 86400, 'd'],
];

/** "in 23 h" / "5 min ago": coarse on purpose, the exact instant is shown beside it. */
export function relativeTime(epochSeconds: number, nowMs: number, w: Words): string {
  const delta = epochSeconds - Math.floor(nowMs / 1000);
  const abs = Math.abs(delta);
  const [, unit, name] = UNITS.find(([limit]) => abs < limit) ?? UNITS[UNITS.length - 1]!;
  const n = Math.round(abs / unit);
  if (n === 0) return w.t('relNow');
  return w.t(delta > 0 ? 'relIn' : 'relAgo', `${w.number(n)} ${name}`);
}

const two = (n: number) => String(n).padStart(2, '0');

/** "23:59:58": a countdown of whole seconds, days in front when there are any. */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(s / 86400);
  const clock = `${two(Math.floor((s % 86400) / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  return days ? `${days} d ${clock}` : clock;
}

export const TIME_CLAIMS = new Set(['exp', 'iat', 'auth_time', 'nbf', 'updated_at']);

export function describeTime(epochSeconds: number, nowMs: number, w: Words): string {
  if (!(Math.abs(epochSeconds * 1000) <= 8.64e15)) return String(epochSeconds);
  return `${w.date(epochSeconds * 1000)} (${relativeTime(epochSeconds, nowMs, w)})`;
}
