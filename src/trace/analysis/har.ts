import { say, type Said } from '../../core/say.ts';
/** The parts of HAR 1.2 (as Chrome, Edge, Firefox and Playwright write it) the trace reads. */
export interface HarHeader {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  request: {
    method: string;
    url: string;
    headers: HarHeader[];
    postData?: { mimeType?: string; text?: string; params?: { name: string; value?: string }[] };
  };
  response: {
    status: number;
    statusText?: string;
    headers: HarHeader[];
    redirectURL?: string;
    content?: { mimeType?: string; text?: string; encoding?: string };
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The entries of a HAR file, or why the text is not one. */
export function readHar(text: string): { entries: HarEntry[] } | { error: Said } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { error: say('fileNotJson', (e as Error).message) };
  }
  const log = isObject(data) ? data.log : undefined;
  if (!isObject(log) || !Array.isArray(log.entries)) return { error: say('notHar') };
  const entries = log.entries.filter(
    (e): e is HarEntry =>
      isObject(e) && isObject(e.request) && typeof e.request.url === 'string' && isObject(e.response),
  );
  return {
    entries: entries.map((e) => ({
      ...e,
      request: { ...e.request, headers: Array.isArray(e.request.headers) ? e.request.headers : [] },
      response: { ...e.response, headers: Array.isArray(e.response.headers) ? e.response.headers : [] },
    })),
  };
}

export const header = (headers: HarHeader[], name: string): string | undefined =>
  headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;

/** A response body as text: base64 bodies (`content.encoding`) decoded; a missing body is undefined. */
export function bodyText(entry: HarEntry): string | undefined {
  const content = entry.response.content;
  if (typeof content?.text !== 'string') return undefined;
  if (content.encoding !== 'base64') return content.text;
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(content.text), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** A request's form body as parameters (from `params` or the urlencoded `text`). */
export function formParams(entry: HarEntry): URLSearchParams | undefined {
  const post = entry.request.postData;
  if (!post) return undefined;
  if (typeof post.text === 'string') return new URLSearchParams(post.text);
  if (Array.isArray(post.params))
    return new URLSearchParams(
      post.params.map((p) => [p.name, decodeURIComponent(p.value ?? '')] as [string, string]),
    );
  return undefined;
}
