import { describe, expect, test } from 'vitest';
import { routeFilter } from '../../../../src/core/protocol/redirect-route.ts';

const STATE = 'Xy_-9aB';
const matches = (registered: string, url: string) =>
  new RegExp(routeFilter(registered, STATE)).exec(url)?.[1];

describe('the redirect capture matches this run’s callback only', () => {
  test.each([
    ['http://127.0.0.1:5555/callback', `http://127.0.0.1:5555/callback?code=c&state=${STATE}`],
    ['http://127.0.0.1:5555/callback', `http://127.0.0.1:5555/callback?state=${STATE}&code=c&iss=x`],
    ['http://127.0.0.1:5555/callback', `http://127.0.0.1:5555/callback?code=c&state=${STATE}#frag`],
    ['HTTP://LOCALHOST:80', `http://localhost/?code=c&state=${STATE}`],
    ['https://App.Example:443/cb', `https://app.example/cb?code=c&state=${STATE}`],
    ['https://app.example/cb?tenant=a.b', `https://app.example/cb?tenant=a.b&code=c&state=${STATE}`],
  ])('%s routes %s', (registered, url) => {
    expect(matches(registered, url)).toBe(url.slice(url.indexOf('?')));
  });

  test.each([
    ['another state', `http://127.0.0.1:5555/callback?code=c&state=other`],
    ['a state that only starts alike', `http://127.0.0.1:5555/callback?code=c&state=${STATE}x`],
    ['the state in another parameter', `http://127.0.0.1:5555/callback?code=c&xstate=${STATE}`],
    ['the state in the fragment', `http://127.0.0.1:5555/callback?code=c#state=${STATE}`],
    ['another path', `http://127.0.0.1:5555/callbackx?code=c&state=${STATE}`],
    ['another port', `http://127.0.0.1:5556/callback?code=c&state=${STATE}`],
    ['a different case of the state', `http://127.0.0.1:5555/callback?code=c&state=${STATE.toLowerCase()}`],
  ])('%s is not routed', (_name, url) => {
    expect(matches('http://127.0.0.1:5555/callback', url)).toBeUndefined();
  });

  test('the app’s own query must come first, as the provider appends to it', () => {
    expect(
      matches('https://app.example/cb?tenant=a', `https://app.example/cb?code=c&state=${STATE}`),
    ).toBeUndefined();
    expect(
      matches('https://app.example/cb?tenant=a.b', `https://app.example/cb?tenant=aXb&state=${STATE}`),
    ).toBeUndefined();
  });
});
