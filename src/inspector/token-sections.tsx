import type { DecodedToken } from '../core/jwt.ts';
import { memo } from 'preact/compat';
import type { TokensStep } from '../core/view/steps.ts';
import { ClaimsTable } from '../ui/claims-table.tsx';
import { CopyButton } from '../ui/copy-button.tsx';
import { KeyValueTable } from '../ui/key-value-table.tsx';
import { LongText } from '../ui/long-text.tsx';
import { Secretish } from '../ui/presentation.tsx';

type TokenStep = TokensStep;

const fieldText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

const sameTokens = (a: { step: TokenStep | undefined }, b: { step: TokenStep | undefined }) =>
  a.step?.at === b.step?.at && a.step?.status === b.step?.status;

export const TokenResponse = memo(function TokenResponse({ step }: { step: TokenStep | undefined }) {
  const body = step?.exchange?.response?.body;
  if (!step) return <p class="muted">Not reached yet.</p>;
  if (step.status === 'running') return <p class="muted">Waiting for the token endpoint…</p>;
  return (
    <>
      {step.fields && (
        <KeyValueTable
          caption="Token response fields"
          rows={Object.entries(step.fields).map(([name, value]) => [name, fieldText(value)])}
        />
      )}
      {body !== undefined && (
        <>
          <h3>Raw body</h3>
          <LongText length={body.length} what="raw body">
            <pre aria-label="Raw token response body">
              <Secretish>{body || '(empty body)'}</Secretish>
            </pre>
          </LongText>
          <CopyButton text={body} what="raw body" />
        </>
      )}
    </>
  );
}, sameTokens);

/**
 * A decoded token: a JWT's header and claims, or what it is instead (encrypted, opaque, broken).
 * Rendered again only when the token itself changes (a refresh), not each time the run grows.
 */
export const TokenView = memo(
  function TokenView({
    decoded,
    raw,
    name,
    now,
  }: {
    decoded: DecodedToken | undefined;
    raw: unknown;
    name: string;
    now: number;
  }) {
    if (!decoded || typeof raw !== 'string') return <p class="muted">The token response has no {name}.</p>;
    return (
      <>
        {decoded.kind === 'jwt' && (
          <>
            <ClaimsTable values={decoded.header} now={now} caption={`${name} header`} />
            <ClaimsTable values={decoded.claims} now={now} caption={`${name} claims`} />
          </>
        )}
        {decoded.kind === 'jwe' && (
          <>
            <p>Encrypted (JWE): its claims cannot be read without the client's decryption key.</p>
            <ClaimsTable values={decoded.header} now={now} caption={`${name} header`} />
          </>
        )}
        {decoded.kind === 'opaque' && <p>Opaque: not a JWT, so there is nothing to decode.</p>}
        {decoded.kind === 'malformed' && (
          <p role="alert">Looks like a JWT but cannot be decoded: {decoded.error}</p>
        )}
        <pre aria-label={`Encoded ${name}`}>
          <Secretish>{raw}</Secretish>
        </pre>
        <CopyButton text={raw} what={name} />
      </>
    );
  },
  (a, b) => a.raw === b.raw && a.name === b.name,
);
