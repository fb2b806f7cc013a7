import { useEffect, useState } from 'preact/hooks';
import { send } from '../messages.ts';
import type { Check } from '../core/checks/check.ts';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import type { Said } from '../core/i18n/say.ts';
import { claimMeaning, headerMeaning } from '../core/view/claim-meanings.ts';
import { originOf } from '../core/view/origins.ts';
import type { TokenSection } from './analysis/token-read.ts';
import type { Verified } from './analysis/token-answers.ts';
import { requestOrigins } from '../platform/permissions.ts';
import { ChecksSection } from '../ui/checks-section.tsx';
import { ClaimsTable } from '../ui/claims-table.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PresentationMode, Secretish } from '../ui/presentation.tsx';
import { usePresentation } from '../ui/use-presentation.ts';
import { t } from '../ui/words.ts';
import { ask } from './read-token.ts';

const alertOf = (said: Said): FlowErrorInfo => ({ code: 'invalid_input', say: said.say });

type With = 'issuer' | 'keys' | 'secret';

/** A secret typed for one request: never echoed, never offered for autofill, kept by the page alone. */
function SecretInput({
  label,
  value,
  onInput,
}: {
  label: string;
  value: string;
  onInput: (v: string) => void;
}) {
  return (
    <label class="block">
      {label}{' '}
      <input
        type="password"
        autocomplete="off"
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </label>
  );
}

/** Verify one token's signature: the issuer's keys (host access asked, loopback confirmed), a JWKS or PEM, or a secret. */
function Verify({ section }: { section: TokenSection }) {
  const iss = typeof section.claims?.iss === 'string' ? section.claims.iss : '';
  const alg = typeof section.header?.alg === 'string' ? section.header.alg : '';
  const [using, setUsing] = useState<With>(alg.startsWith('HS') ? 'secret' : 'issuer');
  const [issuer, setIssuer] = useState(iss);
  const [keys, setKeys] = useState('');
  const [secret, setSecret] = useState('');
  const [checks, setChecks] = useState<Check[]>();
  const [error, setError] = useState<FlowErrorInfo>();
  const [asking, setAsking] = useState<string>();
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const shown = (v: Verified) => {
    if ('confirm' in v) return setAsking(v.confirm);
    if ('error' in v) return setError(alertOf(v.error));
    setChecks(v.checks);
  };
  const verify = async (agreed: string[]) => {
    setAsking(undefined);
    if (using === 'issuer') {
      const origin = originOf(issuer);
      if (!origin || !/^https?:/.test(origin))
        return setError(alertOf({ say: { id: 'readIssuerUrl', subs: [issuer] } }));
      // First in the click: Firefox grants host access only in the gesture.
      if (!(await requestOrigins([`${origin}/*`])))
        return setError({ code: 'permission_refused', message: t('accessRefused', origin) });
    }
    setError(undefined);
    setBusy(true);
    const answer = await ask(
      using === 'issuer'
        ? { verify: section.token, issuer, confirmed: agreed }
        : {
            verify: section.token,
            key:
              using === 'keys'
                ? keys.trim().startsWith('-----')
                  ? { pem: keys }
                  : { jwks: keys }
                : { secret },
          },
    );
    setBusy(false);
    setConfirmed(agreed);
    if ('verified' in answer) shown(answer.verified);
  };
  return (
    <fieldset class="verify">
      <legend>{t('readVerify')}</legend>
      <div role="radiogroup" aria-label={t('readVerifyWith')}>
        {(
          [
            ['issuer', 'readWithIssuer'],
            ['keys', 'readWithKeys'],
            ['secret', 'readWithSecret'],
          ] as const
        ).map(([value, label]) => (
          <label class="check" key={value}>
            <input
              type="radio"
              name={`with-${section.token.slice(-12)}`}
              checked={using === value}
              onChange={() => setUsing(value)}
            />
            {t(label)}
          </label>
        ))}
      </div>
      {using === 'issuer' && (
        <label class="block">
          {t('readIssuer')}{' '}
          <input value={issuer} spellcheck={false} onInput={(e) => setIssuer(e.currentTarget.value)} />
        </label>
      )}
      {using === 'keys' && (
        <label class="block">
          {t('readKeys')}
          <textarea
            rows={5}
            spellcheck={false}
            value={keys}
            onInput={(e) => setKeys(e.currentTarget.value)}
          />
        </label>
      )}
      {using === 'secret' && <SecretInput label={t('readSecret')} value={secret} onInput={setSecret} />}
      <p>
        <button type="button" disabled={busy} onClick={() => void verify(confirmed)}>
          {busy ? '…' : t('readVerifyButton')}
        </button>
      </p>
      {asking && (
        <p role="status">
          {t('traceLoopbackAsk')} <code>{asking}</code>{' '}
          <button type="button" disabled={busy} onClick={() => void verify([...confirmed, asking])}>
            {t('traceFetchFrom', asking)}
          </button>
        </p>
      )}
      {error && <ErrorAlert error={error} />}
      {checks && <ChecksSection checks={checks} checkedAt={undefined} />}
    </fieldset>
  );
}

type ProfileChoice = { id: string; name: string; introspection: string };

/** RFC 7662 at a chosen profile's introspection endpoint: the answer shown here, stored nowhere. */
function Introspect({ section, profiles }: { section: TokenSection; profiles: ProfileChoice[] }) {
  const [profileId, setProfileId] = useState(profiles[0]?.id ?? '');
  const [secret, setSecret] = useState('');
  const [answer, setAnswer] = useState<{ status: string; fields?: Record<string, unknown>; body: string }>();
  const [error, setError] = useState<FlowErrorInfo>();
  const [busy, setBusy] = useState(false);
  if (!profiles.length) return null;
  const introspect = async () => {
    const endpoint = profiles.find((p) => p.id === profileId)?.introspection ?? '';
    const origin = originOf(endpoint);
    // First in the click: Firefox grants host access only in the gesture.
    if (origin && !(await requestOrigins([`${origin}/*`])))
      return setError({ code: 'permission_refused', message: t('accessRefused', origin) });
    setError(undefined);
    setBusy(true);
    const hint = section.from === 'refresh_token' ? 'refresh_token' : 'access_token';
    const result = await send('introspectToken', {
      profileId,
      token: section.token,
      hint,
      ...(secret ? { secret } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    const { exchange, fields } = result.value;
    if (result.value.error) setError(result.value.error);
    setAnswer({
      status: exchange.response ? `HTTP ${exchange.response.status}` : '',
      ...(fields ? { fields } : {}),
      body: exchange.response?.body ?? '',
    });
  };
  return (
    <fieldset class="verify">
      <legend>{t('readIntrospect')}</legend>
      <p class="muted">{t('readIntrospectHint')}</p>
      <label class="block">
        {t('readProfile')}{' '}
        <select value={profileId} onChange={(e) => setProfileId(e.currentTarget.value)}>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <SecretInput label={t('readClientSecret')} value={secret} onInput={setSecret} />
      <p>
        <button type="button" disabled={busy} onClick={() => void introspect()}>
          {busy ? '…' : t('readIntrospectButton')}
        </button>
      </p>
      {error && <ErrorAlert error={error} />}
      {answer && (
        <>
          <p>
            <strong>{answer.status}</strong>
          </p>
          {answer.fields ? (
            <ClaimsTable values={answer.fields} caption={t('readIntrospectAnswer')} explain={claimMeaning} />
          ) : (
            <pre aria-label={t('readIntrospectAnswer')}>
              <Secretish>{answer.body}</Secretish>
            </pre>
          )}
        </>
      )}
    </fieldset>
  );
}

function Section({ section, profiles }: { section: TokenSection; profiles: ProfileChoice[] }) {
  const title = t(`tokenKind_${section.kind}`);
  return (
    <section aria-label={title}>
      <h2>
        {title}
        {section.from && <span class="muted"> · {t('readFrom', section.from)}</span>}
      </h2>
      {(section.kind === 'opaque' || section.kind === 'jwe') && <p>{t(`tokenKindHint_${section.kind}`)}</p>}
      <pre aria-label={t('readRaw')} class="wrap">
        <Secretish>{section.token}</Secretish>
      </pre>
      {section.header && (
        <ClaimsTable values={section.header} caption={t('readHeader')} explain={headerMeaning} />
      )}
      {section.claims && (
        <ClaimsTable values={section.claims} caption={t('readClaims')} explain={claimMeaning} />
      )}
      {section.claims && <Verify section={section} />}
      <Introspect section={section} profiles={profiles} />
    </section>
  );
}

/** Read a token: pasted, decoded in the page's worker, each token named and explained; nothing stored. */
export function TokenPage() {
  const [text, setText] = useState('');
  const [sections, setSections] = useState<TokenSection[]>([]);
  const [error, setError] = useState<FlowErrorInfo>();
  const [profiles, setProfiles] = useState<ProfileChoice[]>([]);
  // The profiles that can introspect: those with an introspection endpoint.
  useEffect(() => {
    void send('loadProfiles', {}).then((answer) => {
      if (!answer.ok) return;
      setProfiles(
        // The active profile first: the one the person is working with.
        [...answer.value.book.profiles]
          .sort(
            (a, b) =>
              Number(b.id === answer.value.book.activeId) - Number(a.id === answer.value.book.activeId),
          )
          .filter((p) => !!p.endpoints.introspection)
          .map((p) => ({ id: p.id, name: p.name, introspection: p.endpoints.introspection ?? '' })),
      );
    });
  }, []);
  const read = async () => {
    const answer = await ask({ read: text });
    if (!('pasted' in answer)) return;
    // A paste that is not a token is said; what was read before stays on the page.
    if ('error' in answer.pasted) return setError(alertOf(answer.pasted.error));
    setError(undefined);
    setSections(answer.pasted.sections);
  };
  return (
    <PresentationMode.Provider value={usePresentation()}>
      <main class="token-page">
        <h1>{t('readToken')}</h1>
        <p class="muted">{t('readIntro')}</p>
        <label class="block">
          {t('readTokenField')}
          <textarea
            rows={6}
            spellcheck={false}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <p>
          <button type="button" onClick={() => void read()}>
            {t('readButton')}
          </button>
        </p>
        {error && <ErrorAlert error={error} />}
        {sections.map((s, i) => (
          <Section key={`${i}-${s.token.slice(-16)}`} section={s} profiles={profiles} />
        ))}
      </main>
    </PresentationMode.Provider>
  );
}
