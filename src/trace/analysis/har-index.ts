import { parsedObject } from '../../core/protocol/discovery.ts';
import { originAndPath } from '../../core/protocol/params.ts';
import type { Said } from '../../core/i18n/say.ts';
import { blockedCall } from './blocked.ts';
import { providerCall } from './classify.ts';
import { providerPageError } from './diagnosis.ts';
import {
  bodyText,
  formParams,
  header,
  locationOf,
  originOf,
  paramsOf,
  readFormPost,
  tokenParams,
  type HarEntry,
} from './har.ts';
import { event, type Metadata, type TraceEvent } from './trace-types.ts';
import { inWindow, type LoginWindow } from './login-windows.ts';
import { firstFrom, push } from './sorted.ts';

export interface TokenCall {
  entry: HarEntry;
  params: URLSearchParams;
}

/**
 * The HAR indexed once (by path, origin, where redirects led, codes redeemed): each login is then
 * matched by lookups, so 10,000 logins and 10,000 unrelated callbacks take one pass, not a pass each.
 */
export class HarIndex {
  readonly sorted: HarEntry[];
  readonly tokenCalls: TokenCall[] = [];
  readonly discoveries: Metadata[] = [];
  private readonly byPath = new Map<string, HarEntry[]>();
  private readonly byOrigin = new Map<string, HarEntry[]>();
  private readonly ledTo = new Map<string, { entry: HarEntry; startedDateTime: string; to: string }[]>();
  /** The same, only those whose Location carries a fragment (the parameters a callback never sends). */
  private readonly fragmentTo = new Map<string, { startedDateTime: string; to: string }[]>();
  /** Callbacks at a path by the `state` they carry, read once per path. */
  private readonly states = new Map<string, Map<string, HarEntry[]>>();
  private readonly answers = new Map<HarEntry, URLSearchParams>();
  private readonly byCode = new Map<string, TokenCall[]>();
  private readonly pushed = new Map<string, HarEntry>();
  private readonly calls = new Map<
    string,
    { events: TraceEvent[]; blocked: { event: TraceEvent; why: Said }[] }
  >();
  /** The export kept cookies (Chrome's default export leaves them out): their absence then means something. */
  readonly keptCookies: boolean;

  constructor(entries: HarEntry[]) {
    this.sorted = [...entries].sort((a, b) => a.startedDateTime.localeCompare(b.startedDateTime));
    this.keptCookies = this.sorted.some((e) => header(e.request.headers, 'cookie') !== undefined);
    for (const e of this.sorted) {
      const path = originAndPath(e.request.url);
      push(this.byPath, path, e);
      push(this.byOrigin, originOf(e.request.url), e);
      const to = locationOf(e);
      if (to) push(this.ledTo, originAndPath(to), { entry: e, startedDateTime: e.startedDateTime, to });
      if (to?.includes('#'))
        push(this.fragmentTo, originAndPath(to), { startedDateTime: e.startedDateTime, to });
      if (e.request.method === 'POST') this.readPost(e);
      if (path.endsWith('/.well-known/openid-configuration')) {
        const metadata = parsedObject(bodyText(e));
        if (metadata) this.discoveries.push(metadata);
      }
    }
  }

  private readPost(e: HarEntry) {
    const params = tokenParams(e);
    if (params?.has('grant_type')) {
      const call = { entry: e, params };
      this.tokenCalls.push(call);
      const code = params.get('code');
      if (params.get('grant_type') === 'authorization_code' && code) push(this.byCode, code, call);
      return;
    }
    // A pushed authorization request (RFC 9126) answers the `request_uri` the authorize request carries.
    const answer = bodyText(e);
    if (answer?.includes('request_uri')) {
      const uri = parsedObject(answer)?.request_uri;
      if (typeof uri === 'string') this.pushed.set(uri, e);
    }
  }

  /**
   * The callback of a login at `path` from `at` on: the first carrying its `state`, else the first
   * back there (a forged or stale one). Callbacks are indexed by state once per path.
   */
  callback(path: string, state: string | undefined, at: string): HarEntry | undefined {
    const list = this.byPath.get(path) ?? [];
    let byState = this.states.get(path);
    if (!byState) {
      byState = new Map();
      for (const e of list) {
        const sent = this.callbackParams(e).get('state');
        if (sent !== null) push(byState, sent, e);
      }
      this.states.set(path, byState);
    }
    const same = state === undefined ? undefined : byState.get(state);
    return same?.[firstFrom(same, at)] ?? list[firstFrom(list, at)];
  }

  /** Entries on an origin from `at` on, at most `limit` of them. */
  onOrigin(origin: string, at: string, limit: number): HarEntry[] {
    const list = this.byOrigin.get(origin) ?? [];
    const from = firstFrom(list, at);
    return list.slice(from, from + limit);
  }

  /** Entries on an origin before `at`. */
  beforeOn(origin: string, at: string): HarEntry[] {
    const list = this.byOrigin.get(origin) ?? [];
    return list.slice(0, firstFrom(list, at));
  }

  /** Responses that sent the browser to `path`, from `at` on, with the absolute URL they sent it to. */
  led(path: string, at: string) {
    const list = this.ledTo.get(path) ?? [];
    return list.slice(firstFrom(list, at));
  }

  redeeming(code: string, at: string): TokenCall[] {
    const list = this.byCode.get(code) ?? [];
    return list.filter((c) => c.entry.startedDateTime >= at);
  }

  pushedRequest(requestUri: string): HarEntry | undefined {
    return this.pushed.get(requestUri);
  }

  isPushed(entry: HarEntry): boolean {
    const uri = parsedObject(bodyText(entry))?.request_uri;
    return typeof uri === 'string' && this.pushed.get(uri) === entry;
  }

  /**
   * A form_post callback that reached the app without cookies, where the app had set some that a
   * cross-site POST does not carry (SameSite=Lax, Chrome's default, or Strict).
   */
  lostCookies(callback: HarEntry): boolean {
    if (!this.keptCookies || callback.request.method !== 'POST') return false;
    if (header(callback.request.headers, 'cookie') !== undefined) return false;
    const origin = originOf(callback.request.url);
    return (this.byOrigin.get(origin) ?? []).some(
      (e) =>
        e.startedDateTime < callback.startedDateTime &&
        e.response.headers.some(
          (h) => h.name.toLowerCase() === 'set-cookie' && !/;\s*samesite\s*=\s*none/i.test(h.value),
        ),
    );
  }

  private readonly forms = new Map<HarEntry, ReturnType<typeof readFormPost>>();
  private readonly pageErrors = new Map<HarEntry, Said[] | undefined>();

  /**
   * response_mode=form_post: the provider's auto-submitting page, whose form posts to the redirect
   * URI, holds what the callback carries (read when the POST itself is not in the HAR). Each page is
   * read once, however many logins look at it.
   */
  formPost(entry: HarEntry, redirectUri: string): URLSearchParams | undefined {
    if (!this.forms.has(entry)) this.forms.set(entry, readFormPost(entry));
    const form = this.forms.get(entry);
    return form?.action === redirectUri ? form.params : undefined;
  }

  /** The provider's own error on a page (`providerPageError`), read once per entry. */
  pageError(entry: HarEntry): Said[] | undefined {
    if (!this.pageErrors.has(entry)) this.pageErrors.set(entry, providerPageError(entry));
    return this.pageErrors.get(entry);
  }

  /** The first `OPTIONS` at a path other than `entry`: a CORS preflight. */
  preflight(entry: HarEntry): HarEntry | undefined {
    return this.byPath
      .get(originAndPath(entry.request.url))
      ?.find((e) => e.request.method === 'OPTIONS' && e !== entry);
  }

  /** The discovery document of the provider at `url`: its endpoint, else its issuer, on that origin. */
  metadataFor(url: string, field: 'authorization_endpoint' | 'token_endpoint'): Metadata | undefined {
    const path = originAndPath(url);
    const origin = originOf(url);
    return (
      this.discoveries.find((m) => typeof m[field] === 'string' && originAndPath(m[field]) === path) ??
      this.discoveries.find((m) => typeof m.issuer === 'string' && originOf(m.issuer) === origin)
    );
  }

  /** The provider's other endpoints called (discovery, JWKS, UserInfo…) and those the browser did not complete. */
  callsAt(origin: string, metadata: Metadata | undefined, window: LoginWindow) {
    const key = `${origin}\n${this.discoveries.indexOf(metadata!)}`;
    let found = this.calls.get(key);
    if (!found) {
      const events: TraceEvent[] = [];
      const blocked: { event: TraceEvent; why: Said }[] = [];
      for (const e of this.byOrigin.get(origin) ?? []) {
        const kind = providerCall(e, metadata);
        if (!kind) continue;
        const at = event(e, kind);
        events.push(at);
        const why = e.request.method !== 'OPTIONS' ? blockedCall(kind, e, this.preflight(e)) : undefined;
        if (why) blocked.push({ event: at, why });
      }
      found = { events, blocked };
      this.calls.set(key, found);
    }
    // Each login's timeline holds only its own calls (a busy tab logs in again and again).
    return {
      events: found.events.filter((e) => inWindow(e, window)),
      blocked: found.blocked.filter((b) => inWindow(b.event, window)).map((b) => b.why),
    };
  }

  /**
   * Parameters of a callback: the query, a form_post body, and the fragment read from the `Location`
   * that led there (the browser never sends a fragment).
   */
  callbackParams(entry: HarEntry): URLSearchParams {
    const known = this.answers.get(entry);
    if (known) return known;
    const params = new URLSearchParams(paramsOf(entry.request.url));
    if (entry.request.method === 'POST') for (const [k, v] of formParams(entry) ?? []) params.append(k, v);
    // The latest redirect with a fragment that led here, at or before this request.
    const led = this.fragmentTo.get(originAndPath(entry.request.url)) ?? [];
    const to = led[firstFrom(led, entry.startedDateTime, true) - 1]?.to;
    if (to) for (const [k, v] of new URLSearchParams(to.split('#')[1] ?? '')) params.append(k, v);
    this.answers.set(entry, params);
    return params;
  }
}
