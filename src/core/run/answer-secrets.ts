import type { Exchange } from '../protocol/http.ts';
import { isJwtShaped, isSecretName } from './secret-names.ts';
import { isPublicHeader, isPublicTokenField } from '../report/public-names.ts';

/** A header value this long, under a name no list calls public, is kept off the disk as a secret. */
const HEADER_SECRET_MIN = 16;

/** Deeper than any real answer: a hostile one cannot make the walk run away. */
const MAX_DEPTH = 64;

export interface AnswerSecrets {
  /** Every value that could be a credential: under a token or secret name, or JWT-shaped. */
  values: string[];
  /** False when the body is neither JSON nor a form, or was cut at the size cap: its secrets cannot be found. */
  readable: boolean;
}

/** Which strings of an answer are secrets: every one but a public field's in a token-shaped answer. */
type IsSecret = (name: string, value: string) => boolean;

const namedOrShaped: IsSecret = (name, value) => isSecretName(name) || isJwtShaped(value);
/** A token-shaped answer: any string not under a public field (a bare string's name is ''). */
const unlessPublic: IsSecret = (name) => !isPublicTokenField(name);

/**
 * JSON at any depth: strings that `isSecret` picks (by default under secret names, any casing, and
 * anything JWT-shaped); undefined when it nests deeper than MAX_DEPTH (what lies below was not looked at).
 */
function fromJson(root: unknown, isSecret: IsSecret): string[] | undefined {
  const found: string[] = [];
  const stack: { value: unknown; name: string; depth: number }[] = [{ value: root, name: '', depth: 0 }];
  while (stack.length) {
    const { value, name, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value && isSecret(name, value)) found.push(value);
    } else if (value && typeof value === 'object') {
      if (depth >= MAX_DEPTH) return undefined;
      for (const [k, v] of Object.entries(value))
        stack.push({ value: v, name: Array.isArray(value) ? name : k, depth: depth + 1 });
    }
  }
  return found;
}

const FORM = /^[^=&\s{}[\]<>"]+=[^&\s]*(?:&[^=&\s]+=[^&\s]*)*$/;

function fromForm(body: string, isSecret: IsSecret): string[] | undefined {
  if (!FORM.test(body.trim())) return undefined;
  try {
    return [...new URLSearchParams(body.trim())]
      .filter(([name, value]) => value && isSecret(name, value))
      .map(([, value]) => value);
  } catch {
    return undefined;
  }
}

/**
 * The credentials an answer may carry, found before anything is saved: a token, refresh or action
 * answer in JSON (camelCase or nested names too), form-encoded (a legacy gateway's
 * `access_token=…&refresh_token=…`), or a bare JWT. An empty body carries none. In a token-shaped
 * answer (`tokens`: the token and refresh answers) every string but a public field's is one, and so is
 * every response header value but a public header's (a token in a header).
 */
export function answerSecrets(ex: Exchange | undefined, tokens = false): AnswerSecrets {
  const response = ex?.response;
  if (!response) return { values: [], readable: true };
  const isSecret = tokens ? unlessPublic : namedOrShaped;
  const inHeaders = tokens
    ? Object.entries(response.headers)
        .filter(([name, value]) => value.length >= HEADER_SECRET_MIN && !isPublicHeader(name))
        .map(([, value]) => value)
    : [];
  const found = bodySecrets(response.body.trim(), response.bodyTruncated === true, isSecret);
  return { ...found, values: [...inHeaders, ...found.values] };
}

function bodySecrets(body: string, truncated: boolean, isSecret: IsSecret): AnswerSecrets {
  if (truncated) return { values: [], readable: false };
  if (body === '') return { values: [], readable: true };
  if (isJwtShaped(body)) return { values: [body], readable: true };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const form = fromForm(body, isSecret);
    return form ? { values: form, readable: true } : { values: [], readable: false };
  }
  const values = fromJson(json, isSecret);
  return values ? { values, readable: true } : { values: [], readable: false };
}

/** What the disk copy and every report carry in place of an answer whose secrets could not be found. */
export const BODY_WITHHELD = '(body withheld: it could not be read, so its secrets could not be found)';

/** The client assertions the requests carried (RFC 7523 §2.2): made at sending, so the run holds them as secrets only now. */
export const sentAssertions = (exchanges: Exchange[]): string[] =>
  exchanges.flatMap((ex) => new URLSearchParams(ex.request.body ?? '').getAll('client_assertion'));
