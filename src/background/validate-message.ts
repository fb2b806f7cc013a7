import { PAYLOADS } from '../core/message-payloads.ts';
import type { Req, RequestName } from '../messages.ts';

/** Each request's validator, read off its one definition (`core/message-payloads.ts`). */
type Validators = { [K in RequestName]: (p: unknown) => p is Req<K> };

export const validators: Validators = Object.fromEntries(
  Object.entries(PAYLOADS).map(([name, schema]) => [name, schema.is]),
) as Validators;

/** A request's name, when `type` is one of ours: `toString`, `__proto__` and friends are not. */
export const isRequestName = (type: unknown): type is RequestName =>
  typeof type === 'string' && Object.hasOwn(PAYLOADS, type);
