import { hintInEnglish } from '../../support/words.ts';
import { describe, expect, test } from 'vitest';
import { loginWindowError } from '../../../src/core/protocol/login-window.ts';
import { traits as chromium } from '../../../src/platform/chromium/traits.ts';
import { traits as firefox } from '../../../src/platform/firefox/traits.ts';
import { asOwnRedirect, withoutPort } from '../../../src/platform/browser-traits.ts';

const CHROMIUM_OWN = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const HASH = 'c1f2f4eb47aaf72e5a9f4d8ce753002d43967a1a';
const FIREFOX_OWN = `https://${HASH}.extensions.allizom.org/`;

describe('login window errors', () => {
  test('each browser’s strings are read into kinds by its traits; nothing else reads them', () => {
    expect(chromium.loginWindowFailure('The user did not approve access.').kind).toBe('closed');
    expect(chromium.loginWindowFailure('Authorization page could not be loaded.').kind).toBe('not_loaded');
    expect(chromium.loginWindowFailure('User interaction required. Is this the right URL?').kind).toBe(
      'wrong_url',
    );
    expect(chromium.loginWindowFailure('Something else').kind).toBe('other');
    expect(firefox.loginWindowFailure('User cancelled or denied access.').kind).toBe('closed');
    expect(firefox.loginWindowFailure('redirect_uri not allowed').kind).toBe('wrong_url');
    expect(firefox.loginWindowFailure('Something else').kind).toBe('other');
    // Each browser's words mean nothing to the other.
    expect(firefox.loginWindowFailure('The user did not approve access.').kind).toBe('other');
    expect(chromium.loginWindowFailure('User cancelled or denied access.').kind).toBe('other');
  });

  test('a closed window is a cancellation, other failures keep the browser’s words and a hint', () => {
    expect(loginWindowError(chromium.loginWindowFailure('The user did not approve access.')).code).toBe(
      'login_cancelled',
    );
    expect(loginWindowError(firefox.loginWindowFailure('User cancelled or denied access.')).code).toBe(
      'login_cancelled',
    );
    const failed = loginWindowError(chromium.loginWindowFailure('Authorization page could not be loaded.'));
    expect(failed.code).toBe('login_failed');
    expect(hintInEnglish(failed)).toMatch(/Authorization endpoint/);
    expect(failed.actual).toBe('Authorization page could not be loaded.');
    expect(hintInEnglish(loginWindowError({ kind: 'other', message: 'x' }))).toBeUndefined();
  });

  test('the extension’s own redirect is the browser’s to recognise, in every spelling it accepts', () => {
    expect(chromium.isOwnRedirect(CHROMIUM_OWN, CHROMIUM_OWN)).toBe(true);
    expect(chromium.isOwnRedirect(`${CHROMIUM_OWN}callback?x=1`, CHROMIUM_OWN)).toBe(true);
    // Another extension's redirect is not ours.
    expect(chromium.isOwnRedirect('https://other.chromiumapp.org/', CHROMIUM_OWN)).toBe(false);
    expect(chromium.isOwnRedirect('https://app.example/cb', CHROMIUM_OWN)).toBe(false);
    expect(chromium.isOwnRedirect('not a url', CHROMIUM_OWN)).toBe(false);
    expect(chromium.otherRedirectForms(CHROMIUM_OWN)).toEqual([]);

    expect(firefox.isOwnRedirect(FIREFOX_OWN, FIREFOX_OWN)).toBe(true);
    expect(firefox.isOwnRedirect(`http://127.0.0.1/mozoauth2/${HASH}`, FIREFOX_OWN)).toBe(true);
    expect(firefox.isOwnRedirect(`http://127.0.0.1/mozoauth2/${HASH}/cb`, FIREFOX_OWN)).toBe(true);
    expect(firefox.isOwnRedirect(`http://127.0.0.1/mozoauth2/${HASH}0`, FIREFOX_OWN)).toBe(false);
    expect(firefox.isOwnRedirect(`http://127.0.0.1:8080/mozoauth2/${HASH}`, FIREFOX_OWN)).toBe(false);
    expect(firefox.isOwnRedirect(`http://${HASH}.extensions.allizom.org/`, FIREFOX_OWN)).toBe(false);
    expect(firefox.isOwnRedirect('http://localhost:3000/callback', FIREFOX_OWN)).toBe(false);
    expect(firefox.otherRedirectForms(FIREFOX_OWN)).toEqual([`http://127.0.0.1/mozoauth2/${HASH}`]);
    expect(firefox.routesAppRedirects).toBe(false);
    expect(chromium.routesAppRedirects).toBe(true);
  });
});

describe('host permission patterns', () => {
  test('are checked and requested without a port (Firefox answers false with one); the rest stays', () => {
    expect(withoutPort('http://127.0.0.1:4010/*')).toBe('http://127.0.0.1/*');
    expect(withoutPort('https://id.btgpactual.com/*')).toBe('https://id.btgpactual.com/*');
    expect(withoutPort('http://localhost:3000/cb/*')).toBe('http://localhost/cb/*');
    expect(withoutPort('http://[::1]:8080/*')).toBe('http://[::1]/*');
  });
});

describe('a shared profile’s redirect URL', () => {
  const mine = (url: string) => chromium.isOwnRedirect(url, CHROMIUM_OWN);
  const theirs = 'https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/';

  test('another installation’s, from either browser, becomes this installation’s own', () => {
    expect(asOwnRedirect(theirs, CHROMIUM_OWN, mine)).toBe(CHROMIUM_OWN);
    expect(asOwnRedirect(`${theirs}callback?x=1`, CHROMIUM_OWN, mine)).toBe(`${CHROMIUM_OWN}callback?x=1`);
    expect(asOwnRedirect(FIREFOX_OWN, CHROMIUM_OWN, mine)).toBe(CHROMIUM_OWN);
    expect(asOwnRedirect(`http://127.0.0.1/mozoauth2/${HASH}`, CHROMIUM_OWN, mine)).toBe(CHROMIUM_OWN);
    const ff = (url: string) => firefox.isOwnRedirect(url, FIREFOX_OWN);
    expect(asOwnRedirect(theirs, FIREFOX_OWN, ff)).toBe(FIREFOX_OWN);
  });

  test('its own, an app’s and look-alikes stay as they are', () => {
    for (const url of [
      CHROMIUM_OWN,
      `${CHROMIUM_OWN}cb`,
      'https://app.example.test/callback',
      'http://127.0.0.1:8080/callback',
      'https://abc.chromiumapp.org/', // not an extension id
      `https://${'a'.repeat(32)}.chromiumapp.org.evil.test/`,
      `http://127.0.0.1/mozoauth2/${HASH}x`,
    ])
      expect(asOwnRedirect(url, CHROMIUM_OWN, mine), url).toBe(url);
  });
});
