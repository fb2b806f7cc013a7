/**
 * A HAR of `count` entries and about `bytes` in all, for the bench: filler requests with padded
 * bodies around one login (authorize, callback, token), as a busy app's DevTools export looks.
 */
export function bigHar(count: number, bytes: number): string {
  const at = (i: number) => new Date(Date.UTC(2026, 10, 29, 12, 0, 0, i)).toISOString();
  const padding = 'x'.repeat(Math.max(0, Math.floor(bytes / count) - 400));
  const entry = (i: number, method: string, url: string, body = padding, postData?: string) => ({
    startedDateTime: at(i),
    request: {
      method,
      url,
      headers: [],
      ...(postData ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: postData } } : {}),
    },
    response: { status: 200, headers: [], content: { mimeType: 'text/plain', text: body } },
  });
  const app = 'https://app.example/cb';
  const login = [
    entry(
      count / 2,
      'GET',
      `https://op.example/authorize?response_type=code&client_id=bench&redirect_uri=${encodeURIComponent(app)}&state=s1&code_challenge=c&code_challenge_method=S256`,
      '',
    ),
    entry(count / 2 + 1, 'GET', `${app}?code=c1&state=s1`, ''),
    entry(
      count / 2 + 2,
      'POST',
      'https://op.example/token',
      '{"access_token":"at","token_type":"Bearer"}',
      `grant_type=authorization_code&code=c1&redirect_uri=${encodeURIComponent(app)}&code_verifier=v`,
    ),
  ];
  const filler = Array.from({ length: count - login.length }, (_, i) =>
    entry(i, 'GET', `https://cdn.example/asset-${i}.js`),
  );
  return JSON.stringify({
    log: { version: '1.2', creator: { name: 'bench', version: '1' }, entries: [...filler, ...login] },
  });
}

/**
 * A HAR of `count` entries and about `bytes` in all, each entry carrying a distinct secret where real
 * exports carry them (an access token in the query, a refresh token in a JSON answer, a session
 * cookie), with JSON bodies padded to size: what the shared copy must clean.
 */
export function secretsHar(count: number, bytes: number): string {
  const at = (i: number) => new Date(Date.UTC(2026, 10, 29, 12, 0, 0, i)).toISOString();
  const padding = 'x'.repeat(Math.max(0, Math.floor(bytes / count) - 600));
  const secret = (kind: string, i: number) =>
    `${kind}-${i.toString(36).padStart(6, '0')}-${(i * 7919).toString(16)}`;
  const entries = Array.from({ length: count }, (_, i) => ({
    startedDateTime: at(i),
    request: {
      method: 'GET',
      url: `https://api.example/items/${i}?access_token=${secret('access', i)}`,
      headers: [{ name: 'Cookie', value: `sid=${secret('session', i)}` }],
      cookies: [{ name: 'sid', value: secret('session', i) }],
    },
    response: {
      status: 200,
      headers: [{ name: 'content-type', value: 'application/json' }],
      content: {
        mimeType: 'application/json',
        text: JSON.stringify({ item: i, refreshToken: secret('refresh', i), note: padding }),
      },
    },
  }));
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'bench', version: '1' }, entries } });
}

/**
 * `count` authorization requests of one app and `count` callbacks at its redirect URI that answer none
 * of them (each another state): what a pairwise matcher takes count² steps for.
 */
export function manyLogins(count: number): string {
  const at = (i: number) => new Date(Date.UTC(2026, 10, 29, 12, 0, 0, i)).toISOString();
  const app = 'https://app.example/cb';
  const entries = Array.from({ length: count * 2 }, (_, i) => {
    const n = i >> 1;
    const url =
      i % 2 === 0
        ? `https://op.example/authorize?response_type=code&client_id=bench&redirect_uri=${encodeURIComponent(app)}&state=a${n}&code_challenge=c&code_challenge_method=S256`
        : `${app}?code=c${n}&state=other${n}`;
    return {
      startedDateTime: at(i),
      request: { method: 'GET', url, headers: [] },
      response: { status: i % 2 === 0 ? 302 : 200, headers: [], content: { size: 0, mimeType: 'text/html' } },
    };
  });
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'bench', version: '1' }, entries } });
}
