import { afterEach, describe, expect, test, vi } from 'vitest';
import en from '../../../_locales/en/messages.json';
import { lookupMessage } from '../../../src/platform/i18n.ts';

/** chrome.i18n.getMessage as the browser answers it: `$1`… replaced by the substitutions, "" for an unknown id. */
function getMessage(id: string, subs: string[] = []): string {
  const entry = (en as Record<string, { message: string }>)[id];
  return entry ? entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '') : '';
}

afterEach(() => vi.unstubAllGlobals());

describe('message lookups', () => {
  test('each id and substitutions is asked of the browser once, and answered the same after', () => {
    const asked = vi.fn(getMessage);
    vi.stubGlobal('chrome', { i18n: { getMessage: asked } });
    const first = lookupMessage('history', []);
    expect(first).toBe('History');
    expect(lookupMessage('history', [])).toBe(first);
    expect(asked).toHaveBeenCalledTimes(1);
    // Other substitutions are another answer; ids with and without them never collide.
    const a = lookupMessage('startedAt', ['1 Dec']);
    const b = lookupMessage('startedAt', ['2 Dec']);
    expect(a).not.toBe(b);
    expect(lookupMessage('startedAt', ['1 Dec'])).toBe(a);
    expect(asked).toHaveBeenCalledTimes(3);
    expect(lookupMessage('no-such-id-here', [])).toBe('');
    expect(lookupMessage('no-such-id-here', [])).toBe('');
    expect(asked).toHaveBeenCalledTimes(4);
  });
});
