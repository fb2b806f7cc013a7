import type { Result } from '../core/flow-error.ts';
import type { Exchange } from '../core/protocol/http.ts';
import { shownHeader } from '../core/view/mask.ts';
import { sentAssertion, sentDpopProof } from '../core/view/assertion.ts';
import { ClaimsTable } from '../ui/claims-table.tsx';
import { CopyButton } from '../ui/copy-button.tsx';
import { KeyValueTable } from '../ui/key-value-table.tsx';
import { LongText } from '../ui/long-text.tsx';
import { Secretish } from '../ui/presentation.tsx';
import { spoken, t } from '../ui/words.ts';

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
  /** In the reader's language ("Token", "JWKS"): names the controls ("Token request headers") and the curl button. */
  name: string;
  /** Asks the worker for the command: secrets become shell variables there. */
  curl: () => Promise<Result<string>>;
}) {
  const { request, response, failure } = exchange;
  const assertion = sentAssertion(request);
  const proof = sentDpopProof(request);
  return (
    <div>
      <pre>
        {request.method} {request.url}
      </pre>
      <CopyButton text={curl} label={t('copyAsCurl', name)} />
      <Headers headers={request.headers} caption={t('requestHeaders', name)} />
      {request.body !== undefined && (
        <pre aria-label={t('requestBody', name)}>
          <Secretish>{request.body}</Secretish>
        </pre>
      )}
      {assertion && (
        <>
          <ClaimsTable values={assertion.header} caption={t('assertionHeader', name)} />
          <ClaimsTable values={assertion.claims} caption={t('assertionClaims', name)} />
        </>
      )}
      {proof && (
        <>
          <ClaimsTable values={proof.header} caption={t('dpopProofHeader', name)} />
          <ClaimsTable values={proof.claims} caption={t('dpopProofClaims', name)} />
        </>
      )}
      {response && (
        <>
          <p>
            <strong>
              HTTP {response.status} {response.statusText}
            </strong>{' '}
            <span class="muted">{t('inMs', exchange.durationMs)}</span>
          </p>
          {response.finalUrl && (
            <p>
              {t('redirectedFrom')} <code>{response.finalUrl}</code>
            </p>
          )}
          <Headers headers={response.headers} caption={t('responseHeaders', name)} />
          <LongText length={response.body.length} showLabel={t('showResponseBody', response.body.length)}>
            <pre aria-label={t('responseBody', name)}>
              <Secretish>{response.body || t('emptyBody')}</Secretish>
            </pre>
          </LongText>
          {response.bodyTruncated && <p class="muted">{t('bodyTruncated')}</p>}
          {response.bodyCutFrom !== undefined && (
            <p class="muted">{t('bodyCutForHistory', response.bodyCutFrom)}</p>
          )}
          <CopyButton text={response.body} label={t('copyResponseBody', name)} />
        </>
      )}
      {failure && <p class="status-failed">{spoken(failure.say, failure.message)}</p>}
    </div>
  );
}
