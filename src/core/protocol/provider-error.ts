import { parsedObject } from './discovery.ts';
import { inlineText, pageLines } from './html-text.ts';

import type { ProviderError, RefusalCause } from '../flow-error.ts';

export type { ProviderError, RefusalCause };

/** An answer as far as the reader needs it (an exchange's response, or a HAR entry's). */
export interface ProviderAnswer {
  url: string;
  status: number;
  body: string;
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** JSON strings inside a page (Entra's `$Config`), read without throwing. */
const jsonString = (escaped: string): string => {
  try {
    const text: unknown = JSON.parse(`"${escaped}"`);
    return typeof text === 'string' ? text : escaped;
  } catch {
    return escaped;
  }
};

const queryOf = (url: string): URLSearchParams => {
  try {
    return new URL(url).searchParams;
  } catch {
    return new URLSearchParams();
  }
};

/** Microsoft Entra: `AADSTS50011` in the page (its `$Config.sErrorCode`, `strServiceExceptionMessage`) or the URL. */
function entra(body: string, query: URLSearchParams): ProviderError | undefined {
  const code =
    /AADSTS(\d{5,})/.exec(body)?.[1] ??
    /"sErrorCode"\s*:\s*"(\d{5,})"/.exec(body)?.[1] ??
    /AADSTS(\d{5,})/.exec(query.toString())?.[1];
  if (!code) return undefined;
  const config = /"strServiceExceptionMessage"\s*:\s*"((?:[^"\\]|\\.){1,2000})"/.exec(body)?.[1];
  const words = config
    ? jsonString(config)
    : (new RegExp(`AADSTS${code}:?\\s*([^"<\\r\\n]{1,400})`).exec(body)?.[1] ??
      query.get('error_description') ??
      '');
  return {
    error: `AADSTS${code}`,
    description: words.replace(/^AADSTS\d+:\s*/, '').trim(),
    reference: `https://login.microsoftonline.com/error?code=${code}`,
  };
}

/** A JSON answer: Okta's `errorCode`, RFC 6749's `error`, Auth0's `code`/`description`, ForgeRock's `reason`/`message`. */
function json(body: Record<string, unknown>, refused: boolean): ProviderError | undefined {
  const okta = str(body.errorCode);
  if (okta)
    return {
      error: okta,
      description: str(body.errorSummary) ?? '',
      reference: 'https://developer.okta.com/docs/reference/error-codes/',
    };
  const error = str(body.error);
  if (error && refused) return { error, description: str(body.error_description) ?? str(body.message) ?? '' };
  // Auth0's embedded login: {"name": "ValidationError", "code": "invalid_user_password", "description": "…"}.
  const code = str(body.code);
  if (code && refused && str(body.description)) return { error: code, description: str(body.description)! };
  // ForgeRock AM: {"code": 400, "reason": "Bad Request", "message": "…"}.
  if (typeof body.code === 'number' && str(body.reason) && str(body.message))
    return { error: str(body.reason)!, description: str(body.message)! };
  return undefined;
}

/** `error: invalid_redirect_uri` and `error_description: …` on lines of their own (oidc-provider's page, plain-text answers). */
function lines(body: string): ProviderError | undefined {
  const all = pageLines(body);
  const value = (name: string) =>
    all
      .map((l) => new RegExp(`^${name}\\s*[:=]\\s*(.+)$`, 'i').exec(l)?.[1]?.trim())
      .find((v) => v !== undefined);
  const error = value('error');
  if (!error || !/^[\w.:-]{1,100}$/.test(error)) return undefined;
  return { error, description: value('error_description') ?? '' };
}

/** Keycloak's error page: `<span id="kc-error-message"><p class="instruction">…</p></span>`, in the realm's language. */
function keycloak(body: string): ProviderError | undefined {
  const kc = /id="kc-error-message"[^>]*>([\s\S]{0,2000}?)<\/(?:span|div)>/i.exec(body)?.[1];
  return kc ? { error: 'Keycloak', description: inlineText(kc) } : undefined;
}

/** A page with no code of its own, by its title (or heading) and first paragraph: Auth0's "Callback URL mismatch". */
export function titledPage(body: string): ProviderError | undefined {
  const title = /<title[^>]*>([\s\S]{1,300}?)<\/title>/i.exec(body)?.[1];
  const heading = /<h1[^>]*>([\s\S]{1,300}?)<\/h1>/i.exec(body)?.[1];
  const name = inlineText(title ?? heading ?? '');
  if (!name) return undefined;
  const paragraph = /<p[^>]*>([\s\S]{1,1000}?)<\/p>/i.exec(body)?.[1];
  return { error: name, description: paragraph ? inlineText(paragraph) : '' };
}

/**
 * The error a provider names in its answer, in its words: Microsoft Entra's AADSTS codes (in its
 * sign-in page's `$Config` too), Okta's `errorCode`/`errorSummary`, RFC 6749's `error`/`error_description`
 * as JSON, as `error: …` lines (oidc-provider's page) or in an error page's URL, ForgeRock's
 * `reason`/`message`, Keycloak's error page. A JSON `error` counts in an answer of 400 or more, or
 * beside an `error` in the URL (an API's `"error"` field in a 200 is no refusal).
 */
export function readProviderError(answer: ProviderAnswer): ProviderError | undefined {
  const { body, status } = answer;
  const query = queryOf(answer.url);
  const fromEntra = entra(body, query);
  if (fromEntra) return fromEntra;
  const object = body.trimStart().startsWith('{') ? parsedObject(body) : undefined;
  if (object) return json(object, status >= 400 || query.has('error'));
  const queryError = str(query.get('error'));
  if (queryError) return { error: queryError, description: query.get('error_description') ?? '' };
  return keycloak(body) ?? lines(body);
}

const REDIRECT_CODES = new Set([
  'invalid_redirect_uri',
  'redirect_uri_mismatch',
  'AADSTS50011',
  'AADSTS500113',
]);
const CLIENT_CODES = new Set(['invalid_client', 'AADSTS700016', 'AADSTS7000215']);

/**
 * The registration mistake a refusal names, from its code first, else its words (providers translate
 * them: Keycloak's "Invalid parameter: redirect_uri", Auth0's "Callback URL mismatch", "client not found").
 */
export function refusalCause({ error, description }: ProviderError): RefusalCause | undefined {
  if (REDIRECT_CODES.has(error)) return 'redirect_uri';
  if (CLIENT_CODES.has(error)) return 'client';
  const words = `${error} ${description}`;
  if (/redirect[_ ]?ur[il]|callback url|reply url|reply address/i.test(words)) return 'redirect_uri';
  if (
    /\bclient(?:_id| id)?\b.{0,40}\b(not found|unknown|does not exist|is invalid|invalid)|\b(unknown|invalid) client(?:_id| id)?\b/i.test(
      words,
    )
  )
    return 'client';
  return undefined;
}
