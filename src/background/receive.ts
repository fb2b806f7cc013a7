import type { Req, RequestName, Res } from '../messages.ts';
import { isRequestName, validators } from './validate-message.ts';

const ownValue = (o: object, key: string): unknown => Object.getOwnPropertyDescriptor(o, key)?.value;

/** One entry per message, whose types the compiler checks against the contract in `messages.ts`. */
export type Handlers = { [K in RequestName]: (req: Req<K>) => Promise<Res<K>> };

function dispatch<K extends RequestName>(
  handlers: Handlers,
  type: K,
  payload: unknown,
): Promise<{ answered: true; value: Res<K> }> | undefined {
  const valid = validators[type];
  // Wrapped, so that a page tells an answer (even an empty one: `undefined` does not cross) from a refusal.
  return valid(payload)
    ? handlers[type](payload).then((value) => ({ answered: true as const, value }))
    : undefined;
}

/**
 * The worker's receiving side: only our own pages (`sender.id` is this extension), only known
 * message names, only well-formed payloads. Anything else gets no answer, and nothing throws.
 */
export function receiver(handlers: Handlers, ownId: string) {
  return (message: unknown, senderId: string | undefined): Promise<unknown> | undefined => {
    if (senderId !== ownId || typeof message !== 'object' || message === null) return undefined;
    const type = ownValue(message, 'type');
    return isRequestName(type) ? dispatch(handlers, type, ownValue(message, 'payload')) : undefined;
  };
}
