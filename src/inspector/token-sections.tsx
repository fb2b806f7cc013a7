import type { DecodedToken } from '../core/protocol/jwt.ts';
import { memo } from '../ui/memo.ts';
import { ownExchange } from '../core/view/step-kinds.ts';
import type { TokensStep } from '../core/view/steps.ts';
import { ClaimsTable } from '../ui/claims-table.tsx';
import { CopyButton } from '../ui/copy-button.tsx';
import { KeyValueTable } from '../ui/key-value-table.tsx';
import { LongText } from '../ui/long-text.tsx';
import { Secretish } from '../ui/presentation.tsx';
import { t } from '../ui/words.ts';

type TokenStep = TokensStep;

const fieldText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

const sameTokens = (a: { step: TokenStep | undefined }, b: { step: TokenStep | undefined }) =>
  a.step?.at === b.step?.at && a.step?.status === b.step?.status;

export const TokenResponse = memo(function TokenResponse({ step }: { step: TokenStep | undefined }) {
  const body = step && ownExchange(step)?.response?.body;
  if (!step) return <p class="muted">{t('notReached')}</p>;
  if (step.status === 'running') return <p class="muted">{t('waitingToken')}</p>;
  return (
    <>
      {step.fields && (
        <KeyValueTable
          caption={t('tokenResponseFields')}
          rows={Object.entries(step.fields).map(([name, value]) => [name, fieldText(value)])}
        />
      )}
      {body !== undefined && (
        <>
          <h3>{t('rawBody')}</h3>
          <LongText length={body.length} showLabel={t('showRawBody', body.length)}>
            <pre aria-label={t('rawTokenBody')}>
              <Secretish>{body || t('emptyBody')}</Secretish>
            </pre>
          </LongText>
          <CopyButton text={body} label={t('copyRawBody')} />
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
  }: {
    decoded: DecodedToken | undefined;
    raw: unknown;
    name: string;
  }) {
    if (!decoded || typeof raw !== 'string') return <p class="muted">{t('noSuchToken', name)}</p>;
    return (
      <>
        {decoded.kind === 'jwt' && (
          <>
            <ClaimsTable values={decoded.header} caption={t('tokenHeader', name)} />
            <ClaimsTable values={decoded.claims} caption={t('tokenClaims', name)} />
          </>
        )}
        {decoded.kind === 'jwe' && (
          <>
            <p>{t('tokenJwe')}</p>
            <ClaimsTable values={decoded.header} caption={t('tokenHeader', name)} />
          </>
        )}
        {decoded.kind === 'opaque' && <p>{t('tokenOpaque')}</p>}
        {decoded.kind === 'malformed' && <p role="alert">{t('tokenMalformed', decoded.error)}</p>}
        <pre aria-label={t('tokenEncoded', name)}>
          <Secretish>{raw}</Secretish>
        </pre>
        <CopyButton text={raw} label={t('copyNamed', name)} />
      </>
    );
  },
  (a, b) => a.raw === b.raw && a.name === b.name,
);
