import { describe, expect, test } from 'vitest';
import { receiver, type Handlers } from '../../../src/background/receive.ts';
import { validators } from '../../../src/background/validate-message.ts';
import { defaultProfile } from '../../../src/core/profile/profile.ts';
import type { RequestName } from '../../../src/messages.ts';

const OWN_ID = 'abcdefghijklmnopabcdefghijklmnop';
const profile = { ...defaultProfile('https://abc.chromiumapp.org/'), clientId: 'app' };

/** Handlers that record what reached them: the table under test is the receiving side, not the work. */
function recording() {
  const calls: [RequestName, unknown][] = [];
  const handler = (name: RequestName) => (req: unknown) => {
    calls.push([name, req]);
    return Promise.resolve(undefined as never);
  };
  const names = Object.keys(validators) as RequestName[];
  const handlers = Object.fromEntries(names.map((n) => [n, handler(n)])) as unknown as Handlers;
  return { calls, receive: receiver(handlers, OWN_ID) };
}

const inherited = (type: string) => Object.create({ type, payload: {} }) as unknown;

describe('the worker receives only well-formed messages from its own pages', () => {
  test.each<[string, unknown, string | undefined]>([
    ['an unknown type', { type: 'stealSecrets', payload: {} }, OWN_ID],
    ['toString', { type: 'toString', payload: {} }, OWN_ID],
    ['constructor', { type: 'constructor', payload: {} }, OWN_ID],
    ['__proto__', JSON.parse('{"type":"__proto__","payload":{}}'), OWN_ID],
    ['hasOwnProperty', { type: 'hasOwnProperty', payload: {} }, OWN_ID],
    ['a type that is not a string', { type: ['deleteRun'], payload: { runId: 'r' } }, OWN_ID],
    ['no envelope at all', 'deleteRun', OWN_ID],
    ['null', null, OWN_ID],
    ['a type only inherited', inherited('clearHistory'), OWN_ID],
    ['a payload that is not an object', { type: 'clearHistory', payload: 'x' }, OWN_ID],
    ['a payload that is an array', { type: 'clearHistory', payload: [] }, OWN_ID],
    ['a missing payload', { type: 'deleteRun' }, OWN_ID],
    ['a runId of the wrong type', { type: 'deleteRun', payload: { runId: 42 } }, OWN_ID],
    [
      'a runId only inherited',
      { type: 'deleteRun', payload: Object.create({ runId: 'r' }) as unknown },
      OWN_ID,
    ],
    [
      'a profile with a numeric issuer',
      {
        type: 'startRun',
        payload: { profile: { ...profile, issuer: 42 }, profileName: 'x' },
      },
      OWN_ID,
    ],
    [
      'an unknown prompt',
      {
        type: 'startRun',
        payload: { profile: { ...profile, prompt: 'always' }, profileName: 'x' },
      },
      OWN_ID,
    ],
    [
      'an unknown edit action',
      { type: 'editProfiles', payload: { edit: { action: 'wipe', id: 'p' } } },
      OWN_ID,
    ],
    [
      'an update without rememberSecret',
      {
        type: 'editProfiles',
        payload: { edit: { action: 'update', profile: { ...profile, id: 'p', name: 'n' } } },
      },
      OWN_ID,
    ],
    [
      'a report in an unknown format',
      { type: 'report', payload: { runId: 'r', format: 'html', browser: 'b' } },
      OWN_ID,
    ],
    [
      'a curl ref with a negative index',
      { type: 'curl', payload: { runId: 'r', exchange: { step: -1, exchange: 0 } } },
      OWN_ID,
    ],
    ['an unknown action', { type: 'runAction', payload: { runId: 'r', action: 'delete' } }, OWN_ID],
    [
      'an action on an unknown token',
      { type: 'runAction', payload: { runId: 'r', action: 'revocation', token: 'id_token' } },
      OWN_ID,
    ],
    [
      'a curl ref with a fractional index',
      { type: 'curl', payload: { runId: 'r', exchange: { step: 1.5, exchange: 0 } } },
      OWN_ID,
    ],
    ['a foreign extension', { type: 'clearHistory', payload: {} }, 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'],
    ['a web page (no sender id)', { type: 'clearHistory', payload: {} }, undefined],
  ])('%s is refused and nothing throws', (_name, message, sender) => {
    const { calls, receive } = recording();
    expect(() => receive(message, sender)).not.toThrow();
    expect(receive(message, sender)).toBeUndefined();
    expect(calls).toEqual([]);
  });

  test.each<[RequestName, unknown]>([
    ['startRun', { profile, profileName: 'BTG Id', credential: { kind: 'secret', secret: 's' } }],
    ['clearHistory', {}],
    ['deleteRun', { runId: 'r1' }],
    [
      'editProfiles',
      { edit: { action: 'update', profile: { ...profile, id: 'p', name: 'n', rememberSecret: false } } },
    ],
    ['curl', { runId: 'r1', exchange: { step: 4, exchange: 1 } }],
    ['runAction', { runId: 'r1', action: 'revocation', token: 'refresh_token' }],
  ])('a well-formed %s reaches its handler with its payload', async (type, payload) => {
    const { calls, receive } = recording();
    await receive({ type, payload }, OWN_ID);
    expect(calls).toEqual([[type, payload]]);
  });
});
