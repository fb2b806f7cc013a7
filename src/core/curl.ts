import type { Exchange } from './http.ts';
import type { Secret, SecretKind } from './run.ts';
import { formEncode } from './token.ts';

const VARIABLE: Record<SecretKind, string> = {
  client_secret: 'CLIENT_SECRET',
  code: 'CODE',
  code_verifier: 'CODE_VERIFIER',
  access_token: 'ACCESS_TOKEN',
  refresh_token: 'REFRESH_TOKEN',
  id_token: 'ID_TOKEN',
  state: 'STATE',
  nonce: 'NONCE',
};

type Segment = { text: string } | { variable: string };

/** Splits `text` around every recorded secret (raw or encoded), longest first. */
function segments(text: string, secrets: Secret[]): Segment[] {
  const finds = secrets
    .flatMap((s) =>
      [s.value, encodeURIComponent(s.value), formEncode(s.value)].map((f) => ({ f, v: VARIABLE[s.kind] })),
    )
    .filter(({ f }) => f)
    .sort((a, b) => b.f.length - a.f.length);
  let parts: Segment[] = [{ text }];
  for (const { f, v } of finds) {
    parts = parts.flatMap((p) =>
      'text' in p && p.text.includes(f)
        ? p.text
            .split(f)
            .flatMap((t, i): Segment[] => (i === 0 ? [{ text: t }] : [{ variable: v }, { text: t }]))
        : [p],
    );
  }
  return parts.filter((p) => !('text' in p) || p.text !== '');
}

/** One shell word in double quotes: literals escaped, secrets as "${VARIABLE}". */
function quoted(text: string, secrets: Secret[]): string {
  const inner = segments(text, secrets)
    .map((p) => ('variable' in p ? `\${${p.variable}}` : p.text.replace(/[\\"$`]/g, '\\$&')))
    .join('');
  return `"${inner}"`;
}

const variablesIn = (texts: string[], secrets: Secret[]) => [
  ...new Set(
    texts.flatMap((t) => segments(t, secrets).flatMap((p) => ('variable' in p ? [p.variable] : []))),
  ),
];

/**
 * A curl command that repeats `exchange`, with every secret as a shell variable the user sets, so
 * the command itself can be shared. The form body goes through `--data-urlencode`, one field each.
 */
export function curlCommand(exchange: Exchange, secrets: Secret[], clientId: string): string {
  const { request } = exchange;
  const lines: string[] = [];
  const words: string[] = [`curl -X ${request.method} ${quoted(request.url, secrets)}`];
  let basic = false;
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() === 'authorization' && value.startsWith('Basic ')) {
      basic = true;
      words.push(`-H "${name}: Basic \${BASIC_AUTH}"`);
    } else {
      words.push(`-H ${quoted(`${name}: ${value}`, secrets)}`);
    }
  }
  const fields = request.body !== undefined ? [...new URLSearchParams(request.body)] : [];
  for (const [name, value] of fields) words.push(`--data-urlencode ${quoted(`${name}=${value}`, secrets)}`);

  const used = variablesIn(
    [request.url, ...Object.values(request.headers), ...fields.map(([, v]) => v)],
    secrets,
  );
  if (basic && !used.includes('CLIENT_SECRET')) used.unshift('CLIENT_SECRET');
  if (used.length) lines.push(`# Set first: ${used.map((v) => `${v}='…'`).join(' ')}`);
  if (basic) {
    lines.push(
      '# RFC 6749 §2.3.1: client ID and secret are form-urlencoded, joined by ":", then base64-encoded.',
      `BASIC_AUTH=$(python3 -c 'import sys, base64, urllib.parse as u; print(base64.b64encode((u.quote_plus(sys.argv[1]) + ":" + u.quote_plus(sys.argv[2])).encode()).decode())' ${quoted(clientId, [])} "\${CLIENT_SECRET}")`,
    );
  }
  lines.push(words.join(' \\\n  '));
  return lines.join('\n');
}
