import type { Result } from '../core/flow-error.ts';
import type { Exchange } from '../core/http.ts';
import { shownHeader } from '../core/view/mask.ts';
import { CopyButton } from '../ui/copy-button.tsx';
import { KeyValueTable } from '../ui/key-value-table.tsx';
import { LongText } from '../ui/long-text.tsx';
import { Secretish } from '../ui/presentation.tsx';

function Headers({ headers, caption }: { headers: Record<string, string>; caption: string }) {
  return (
    <KeyValueTable caption={caption} rows={Object.entries(headers).map(([n, v]) => [n, shownHeader(n, v)])} />
  );
}

/** One HTTP exchange as sent and received: request line, headers, body; status, headers, body. */
export function ExchangeView({
  exchange,
  name,
  curl,
}: {
  exchange: Exchange;
  name: string;
  /** Asks the worker for the command: secrets become shell variables there. */
  curl: () => Promise<Result<string>>;
}) {
  const { request, response, failure } = exchange;
  return (
    <div>
      <pre>
        {request.method} {request.url}
      </pre>
      <CopyButton text={curl} what={`as curl: ${name.toLowerCase()} request`} />
      <Headers headers={request.headers} caption={`${name} request headers`} />
      {request.body !== undefined && (
        <pre aria-label={`${name} request body`}>
          <Secretish>{request.body}</Secretish>
        </pre>
      )}
      {response && (
        <>
          <p>
            <strong>
              HTTP {response.status} {response.statusText}
            </strong>{' '}
            <span class="muted">in {exchange.durationMs} ms</span>
          </p>
          {response.finalUrl && (
            <p>
              Redirected: the answer came from <code>{response.finalUrl}</code>
            </p>
          )}
          <Headers headers={response.headers} caption={`${name} response headers`} />
          <LongText length={response.body.length} what="response body">
            <pre aria-label={`${name} response body`}>
              <Secretish>{response.body || '(empty body)'}</Secretish>
            </pre>
          </LongText>
          {response.bodyTruncated && (
            <p class="muted">Only the first million characters of the body were kept.</p>
          )}
          <CopyButton text={response.body} what={`${name.toLowerCase()} response body`} />
        </>
      )}
      {failure && <p class="status-failed">{failure.message}</p>}
    </div>
  );
}
