import { useEffect } from 'preact/hooks';
import { verdict, verdictText } from '../core/check.ts';
import { runChecks, type Run, type Step } from '../core/run.ts';
import { send, type ExchangeRef } from '../messages.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { ChecksSection } from './checks-section.tsx';
import { ExchangeView, ParamsTable } from './exchange-view.tsx';
import { RUN_STATUS, STEP_TITLES } from './labels.ts';
import { RunActions } from './run-actions.tsx';
import { TokenResponse, TokenView } from './token-sections.tsx';

function lastStep<K extends Step['kind']>(run: Run, kind: K): Extract<Step, { kind: K }> | undefined {
  return run.steps.findLast((s): s is Extract<Step, { kind: K }> => s.kind === kind);
}

/**
 * The banner above everything: where the run stands and the verdict of its stored checks.
 * `role="status"`; errors that stopped the run have their own `role="alert"` below it.
 */
function Verdict({ run }: { run: Run }) {
  const v = verdict(runChecks(run));
  const tone =
    run.status === 'running' ? 'running' : v.failed.length || run.status !== 'done' ? 'fail' : 'pass';
  return (
    <div role="status" class={`verdict ${tone}`}>
      <strong>{RUN_STATUS[run.status]}</strong>
      {run.status !== 'running' && v.ran > 0 && <span> · {verdictText(v)}</span>}
    </div>
  );
}

/** While a run shows as running, ask the worker now and then whether it still owns it. */
function useRunWatchdog(run: Run) {
  const running = run.status === 'running';
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => void send('checkRun', { runId: run.id }), WATCHDOG_MS);
    return () => clearInterval(timer);
  }, [run.id, running]);
}

const WATCHDOG_MS = 3_000;

export function RunPage({ run }: { run: Run }) {
  useRunWatchdog(run);
  const curl = (ref: ExchangeRef) => async () => {
    const answer = await send('curl', { runId: run.id, exchange: ref });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value.text;
  };
  const now = Date.now();
  const discovery = lastStep(run, 'discovery');
  const authorize = lastStep(run, 'authorize');
  const callback = lastStep(run, 'callback');
  const token = lastStep(run, 'token');
  const validation = lastStep(run, 'validation');
  return (
    <>
      <p class="summary">
        <span>
          Issuer: <code>{run.profile.issuer}</code>
        </span>
        <span>
          Client ID: <code>{run.profile.clientId}</code>
        </span>
        <span>Started {new Date(run.createdAt).toLocaleString()}</span>
      </p>
      <Verdict run={run} />
      {run.redacted && (
        <p class="muted" role="note">
          The copy kept on disk: the client secret, the code, opaque tokens and token signatures were removed
          when the run ended.
        </p>
      )}
      <RunActions run={run} />
      {run.error && <ErrorAlert error={run.error} />}
      <ol class="steps" aria-label="Steps">
        {run.steps.map((s, i) => (
          <li key={i} class={`status-${s.status}`}>
            {STEP_TITLES[s.kind]}: {s.status === 'running' ? 'in progress' : s.status}
          </li>
        ))}
      </ol>
      <section>
        <h2>Token response</h2>
        <TokenResponse step={token} />
      </section>
      <section>
        <h2>ID token</h2>
        <TokenView decoded={token?.idToken} raw={token?.fields?.id_token} name="id_token" now={now} />
      </section>
      <section>
        <h2>Access token</h2>
        <TokenView
          decoded={token?.accessToken}
          raw={token?.fields?.access_token}
          name="access_token"
          now={now}
        />
      </section>
      <section>
        <h2>Checks</h2>
        <ChecksSection
          checks={runChecks(run)}
          checkedAt={run.steps.findLast((s) => s.checkedAt)?.checkedAt}
        />
      </section>
      <section>
        <h2>Exchange</h2>
        {discovery && (
          <>
            <h3>Discovery</h3>
            <p>{discovery.note}</p>
            <ExchangeView exchange={discovery.exchange} name="Discovery" curl={curl({ step: 'discovery' })} />
          </>
        )}
        {authorize && (
          <>
            <h3>Authorize request</h3>
            <pre>{authorize.url}</pre>
            <ParamsTable params={authorize.params} caption="Authorize request parameters" />
          </>
        )}
        {callback && callback.status !== 'running' && (
          <>
            <h3>Callback</h3>
            {callback.url ? <pre>{callback.url}</pre> : <p class="muted">No callback arrived.</p>}
            <ParamsTable params={callback.params} caption="Callback parameters" />
          </>
        )}
        {token?.exchange && (
          <>
            <h3>Token request and response</h3>
            <ExchangeView exchange={token.exchange} name="Token" curl={curl({ step: 'token' })} />
          </>
        )}
        {validation?.exchanges.map((exchange, i) => (
          <div key={i}>
            <h3>JWKS{i > 0 ? ' (fetched again)' : ''}</h3>
            <ExchangeView
              exchange={exchange}
              name={i > 0 ? 'JWKS again' : 'JWKS'}
              curl={curl({ step: 'jwks', index: i })}
            />
          </div>
        ))}
      </section>
    </>
  );
}
