import { say } from '../i18n/say.ts';
import { parsedObject } from '../protocol/discovery.ts';
import type { Exchange } from '../protocol/http.ts';
import { passIf, rfc, shown, type Check } from './check.ts';

/** RFC 9126 §2.2: the pushed authorization response, as the specification describes it. */
export function parChecks(exchange: Exchange): Check[] {
  const res = exchange.response;
  const body = parsedObject(res?.body);
  return [
    passIf(
      { id: 'par.http', ...rfc(9126, '2.2') },
      res?.status === 201 && body !== undefined,
      say('exHttpJson', 201),
      res ? say(body ? 'exHttpJson' : 'exHttpNotJson', res.status) : say('exNoResponse'),
    ),
    passIf(
      { id: 'par.request_uri', ...rfc(9126, '2.2') },
      typeof body?.request_uri === 'string' && body.request_uri !== '',
      say('exNonEmptyString'),
      shown(body?.request_uri),
    ),
    passIf(
      { id: 'par.expires_in', ...rfc(9126, '2.2') },
      typeof body?.expires_in === 'number' && body.expires_in > 0,
      say('exPositiveNumber'),
      shown(body?.expires_in),
    ),
  ];
}
