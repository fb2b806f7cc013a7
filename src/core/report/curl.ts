import type { Exchange } from '../protocol/http.ts';
import type { Secret, SecretKind } from '../run/run.ts';
import { formEncode } from '../protocol/client-auth.ts';

const VARIABLE: Record<SecretKind, string> = {
  client_secret: 'CLIENT_SECRET',
  code: 'CODE',
  code_verifier: 'CODE_VERIFIER',
  access_token: 'ACCESS_TOKEN',
  refresh_token: 'REFRESH_TOKEN',
  id_token: 'ID_TOKEN',
  state: 'STATE',
  nonce: 'NONCE',
  client_assertion: 'CLIENT_ASSERTION',
  request_object: 'REQUEST_OBJECT',
  dpop_key: 'DPOP_KEY',
  credential: 'CREDENTIAL',
};

/** How a secret was spelled where it stands: as is, encodeURIComponent'd, or form-urlencoded. */
type Spelling = 'raw' | 'uri' | 'form';
type Segment = { text: string } | { variable: string; spelling: Spelling };

/**
 * Shell functions that spell a value the way the extension did, so the command sends the same bytes:
 * `form` is WHATWG URLSearchParams' encoding (`*` kept, `~` encoded, space as `+`), `uri` is
 * encodeURIComponent's. Python's quote_plus differs from URLSearchParams for `*` and `~`, hence the fixes.
 */
const FORM_PY = `u.quote_plus(s, safe="*").replace("~", "%7E")`;
const HELPERS: Record<Exclude<Spelling, 'raw'>, string> = {
  form: `form() { python3 -c 'import sys, urllib.parse as u; s = sys.argv[1]; print(${FORM_PY}, end="")' "$1"; }`,
  uri: `uri() { python3 -c 'import sys, urllib.parse as u; print(u.quote(sys.argv[1], safe="!~*()'"'"'"), end="")' "$1"; }`,
};

/** Splits `text` around every recorded secret in each spelling it may have, longest first. */
function segments(text: string, secrets: Secret[]): Segment[] {
  const finds = secrets
    .flatMap((s) => {
      // Where two spellings coincide the first is used: the plainest helper that gives those bytes.
      const spellings = new Map<string, Spelling>();
      for (const [f, spelling] of [
        [s.value, 'raw'],
        [formEncode(s.value), 'form'],
        [encodeURIComponent(s.value), 'uri'],
      ] as const)
        if (!spellings.has(f)) spellings.set(f, spelling);
      return [...spellings].map(([f, spelling]) => ({ f, variable: VARIABLE[s.kind], spelling }));
    })
    .filter(({ f }) => f)
    .sort((a, b) => b.f.length - a.f.length);
  let parts: Segment[] = [{ text }];
  for (const { f, variable, spelling } of finds) {
    parts = parts.flatMap((p) =>
      'text' in p && p.text.includes(f)
        ? p.text
            .split(f)
            .flatMap((t, i): Segment[] => (i === 0 ? [{ text: t }] : [{ variable, spelling }, { text: t }]))
        : [p],
    );
  }
  return parts.filter((p) => !('text' in p) || p.text !== '');
}

/** C0, DEL and C1: a terminal acts on them (ESC ends a bracketed paste, ^U kills the line). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A control character as an ANSI-C piece of its UTF-8 bytes (`$'\x1b'`): never raw in a copied command. */
const ansiC = (ch: string) =>
  `$'${[...new TextEncoder().encode(ch)].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('')}'`;

/**
 * A literal as one shell word: single-quoted, so nothing inside expands (not even `!` in bash or zsh),
 * with every control character written as `$'\xHH'` beside the quoted pieces.
 */
export const singleQuoted = (text: string): string =>
  text
    .split(new RegExp(`(${CONTROL.source})`))
    .map((piece, i) => (i % 2 ? ansiC(piece) : `'${piece.replace(/'/g, `'\\''`)}'`))
    .filter((piece, i, all) => piece !== "''" || all.length === 1)
    .join('');

/** One shell word: literals single-quoted, each secret a `"${VARIABLE}"` piece joined to them. */
function word(text: string, secrets: Secret[]): string {
  const parts = segments(text, secrets);
  if (parts.length === 0) return "''";
  return parts
    .map((p) => {
      if ('text' in p) return singleQuoted(p.text);
      return p.spelling === 'raw' ? `"\${${p.variable}}"` : `"$(${p.spelling} "\${${p.variable}}")"`;
    })
    .join('');
}

/**
 * A curl command for bash or zsh that repeats `exchange` byte for byte, with every secret as a shell
 * variable the user sets, so the command itself can be shared. Every literal is single-quoted, URLs
 * are not curl globs (`--globoff`), the body goes as recorded (`--data-raw`).
 */
export function curlCommand(
  exchange: Exchange,
  secrets: Secret[],
  clientId: string,
  encodeBasic = true,
): string {
  const { request } = exchange;
  const words: string[] = [`curl --globoff -X ${request.method} ${word(request.url, secrets)}`];
  const texts = [request.url, ...(request.body !== undefined ? [request.body] : [])];
  let basic = false;
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() === 'authorization' && value.startsWith('Basic ')) {
      basic = true;
      words.push(`-H ${singleQuoted(`${name}: Basic `)}"\${BASIC_AUTH}"`);
    } else {
      words.push(`-H ${word(`${name}: ${value}`, secrets)}`);
      texts.push(value);
    }
  }
  if (request.body !== undefined) words.push(`--data-raw ${word(request.body, secrets)}`);

  const found = texts.flatMap((t) => segments(t, secrets)).filter((p) => 'variable' in p);
  const used = [...new Set(found.map((p) => p.variable))];
  if (basic && !used.includes('CLIENT_SECRET')) used.unshift('CLIENT_SECRET');
  const helpers = [...new Set(found.map((p) => p.spelling))].filter((s) => s !== 'raw');
  const lines = [
    '# For bash or zsh; python3 spells the Basic credential and encoded values as the extension did.',
  ];
  // Asked for only when unset, without echo, and so never in the shell's history.
  for (const v of used)
    lines.push(`[ -n "\${${v}+x}" ] || { printf '%s: ' ${v} >&2; read -rs ${v}; printf '\\n' >&2; }`);
  for (const helper of helpers) lines.push(HELPERS[helper]);
  if (used.includes('CLIENT_ASSERTION'))
    lines.push(
      '# CLIENT_ASSERTION: a JWT about the client (iss = sub = client ID, aud = the issuer or the token endpoint as the profile chose,',
      '# a fresh jti, exp a minute ahead), signed with the client secret (HS256, client_secret_jwt) or the client key with its kid',
      '# (private_key_jwt; RFC 7523 §2.2, OIDC Core §9). The recorded one has expired and its jti is spent: build a fresh one.',
    );
  if (used.includes('REQUEST_OBJECT'))
    lines.push(
      '# REQUEST_OBJECT: the authorization parameters as a JWT (typ oauth-authz-req+jwt; iss = client ID, aud = the issuer,',
      '# nbf and exp five minutes apart, a fresh jti) signed with the client key under its kid (RFC 9101 §4). The recorded one',
      '# shows its claims in the step; it expires minutes after the login: build and sign a fresh one.',
    );
  if (Object.keys(exchange.request.headers).some((h) => h.toLowerCase() === 'dpop'))
    lines.push(
      '# DPoP: the proof below is the one sent (RFC 9449 §4.2). It is single-use (its jti), names this method and URL and',
      '# the time it was made: sent again, it is refused. A new request needs a fresh proof signed with the run’s key.',
    );
  if (used.includes('CODE'))
    lines.push(
      '# An authorization code is single-use (RFC 6749 §4.1.2): replaying this request must fail (invalid_grant).',
    );
  if (basic) {
    lines.push(
      encodeBasic
        ? '# RFC 6749 §2.3.1: client ID and secret are form-urlencoded, joined by ":", then base64-encoded.'
        : '# Client ID and secret joined by ":" as they are (not form-urlencoded, as this profile asks), then base64-encoded.',
      `BASIC_AUTH=$(python3 -c 'import sys, base64, urllib.parse as u; f = lambda s: ${encodeBasic ? FORM_PY : 's'}; print(base64.b64encode((f(sys.argv[1]) + ":" + f(sys.argv[2])).encode()).decode())' ${singleQuoted(clientId)} "\${CLIENT_SECRET}")`,
    );
  }
  lines.push(words.join(' \\\n  '));
  // One compound command: the shell reads all of it before it runs or prompts for anything.
  return ['{', ...lines, '}'].join('\n');
}
