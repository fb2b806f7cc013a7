import { useEffect, useState } from 'preact/hooks';
import type { Run } from '../core/run/run.ts';
import { currentTokens, revocationAccepted } from '../core/view/steps.ts';
import { headline } from '../core/view/headline.ts';
import { loginChecks, runChecks, verdict } from '../core/view/verdict.ts';
import { send } from '../messages.ts';
import { unboundUnderDpop } from '../core/view/dpop-unbound.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { Expiry } from '../ui/expiry.tsx';
import { expiresAt } from '../core/view/expiry.ts';
import { ChecksSection } from '../ui/checks-section.tsx';
import { KeepRetrySetting, RetryOffer } from './retry-offer.tsx';
import { LoginRefusal } from './login-refusal.tsx';
import { ScopeClaims } from './scope-claims.tsx';
import { RunActions } from './run-actions.tsx';
import { stepTitle } from './run-text.ts';
import { StepView } from './steps/step-view.tsx';
import { TokenActions } from './token-actions.tsx';
import { ApiCallForm } from './api-call.tsx';
import { TokenResponse, TokenView } from './token-sections.tsx';
import type { MessageId } from '../core/view/words.ts';
import { t, words } from '../ui/words.ts';
import { SequenceDiagram } from './sequence-diagram.tsx';
import { memo } from '../ui/memo.ts';
import { CopyButton } from '../ui/copy-button.tsx';

/**
 * The banner above everything: where the run stands and the verdict of its stored checks.
 * `role="status"`; errors that stopped the run have their own `role="alert"` below it.
 */
function Verdict({ run }: { run: Run }) {
  const v = verdict(loginChecks(run));
  const tone =
    run.status === 'running' ? 'running' : v.failed.length || run.status !== 'done' ? 'fail' : 'pass';
  const { outcome, checks } = headline(run, words);
  return (
    <div role="status" class={`verdict ${tone}`}>
      <strong>{outcome}</strong>
      {checks && <span> · {checks}</span>}
    </div>
  );
}

const STEP_STATUS: Record<Run['steps'][number]['status'], MessageId> = {
  running: 'stepRunning',
  ok: 'stepOk',
  failed: 'stepFailed',
};

const WATCHDOG_MS = 3_000;

/** The page's sections, for the navigation that stays visible while the page scrolls. */
const SECTIONS: [title: MessageId, anchor: string][] = [
  ['sequence', 'sequence'],
  ['tokenResponse', 'token-response'],
  ['idToken', 'id-token'],
  ['accessToken', 'access-token'],
  ['actionsHeading', 'actions'],
  ['checks', 'checks'],
  ['exchange', 'exchange'],
];

/** Scrolls to a section without changing the hash, which names the run. */
function jumpTo(e: Event, anchor: string) {
  e.preventDefault();
  document.getElementById(anchor)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

/** While a run shows as running, ask the worker now and then whether it still owns it. */
function useRunWatchdog(run: Run) {
  const running = run.status === 'running';
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => void send('checkRuns', {}, { quiet: true }), WATCHDOG_MS);
    return () => clearInterval(timer);
  }, [run.id, running]);
}

/**
 * `value` a frame late: the page's lower sections (the sequence, every check, each exchange) follow the
 * run once the verdict and tokens above them have painted. Immediate while the tab is hidden.
 */
function useAfterPaint<T>(value: T): T {
  const [later, setLater] = useState(value);
  useEffect(() => {
    if (later === value) return undefined;
    if (document.hidden) return setLater(value);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setLater(value), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return later;
}

/**
 * The checks, judged from the run they are given (a frame behind the page's) and only when it changes:
 * the render of a new verdict above them does not judge them again with the old one. (Each step view
 * is kept the same way by its own memo.)
 */
const Checks = memo(
  ({ run }: { run: Run }) => (
    <ChecksSection checks={runChecks(run)} checkedAt={run.steps.findLast((s) => s.checkedAt)?.checkedAt} />
  ),
  (a, b) => a.run === b.run,
);

export function RunPage({ run }: { run: Run }) {
  const lower = useAfterPaint(run);
  // Said while the lower sections are a frame behind the run (assistive technology and automation wait).
  const busy = lower !== run ? true : undefined;
  useRunWatchdog(run);
  const curl = (step: number) => (exchange: number) => async () => {
    const answer = await send('curl', { runId: run.id, exchange: { step, exchange } });
    return answer.ok ? { ok: true as const, value: answer.value.text } : answer;
  };
  const tokens = currentTokens(run);
  const revoked = {
    access: revocationAccepted(run, tokens, 'access_token'),
    refresh: revocationAccepted(run, tokens, 'refresh_token'),
  };
  const unbound = unboundUnderDpop(run);
  return (
    <>
      <p class="summary">
        <span>
          {t('issuer')}: <code>{run.profile.issuer}</code>
        </span>
        <span>
          {t('clientId')}: <code>{run.profile.clientId}</code>
        </span>
        <span>{t('startedAt', words.date(run.createdAt))}</span>
      </p>
      <Verdict run={run} />
      {run.redacted && (
        <p class="muted" role="note">
          {t('redactedCopy')}
        </p>
      )}
      {run.keptWithoutBodies && <p class="muted">{t('storageFull')}</p>}
      {run.notInHistory !== undefined && (
        <p class="alert" role="alert">
          {t('notInHistory', run.notInHistory)}
        </p>
      )}
      <RunActions run={run} />
      {run.error && <ErrorAlert error={run.error} />}
      {unbound !== undefined && (
        <p class="alert" role="alert">
          {t('dpopUnbound', unbound)}
        </p>
      )}
      <LoginRefusal run={run} />
      <RetryOffer run={run} />
      <KeepRetrySetting run={run} />
      <nav class="sections" aria-label={t('sections')}>
        {SECTIONS.map(([title, anchor]) => (
          <a key={anchor} href={`#run=${run.id}&section=${anchor}`} onClick={(e) => jumpTo(e, anchor)}>
            {t(title)}
          </a>
        ))}
      </nav>
      <ol class="steps" aria-label={t('reportSteps')}>
        {run.steps.map((s, i) => (
          <li key={i} class={`status-${s.status}`}>
            {stepTitle(s.kind)}: {Object.hasOwn(STEP_STATUS, s.status) ? t(STEP_STATUS[s.status]) : s.status}
          </li>
        ))}
      </ol>
      <section id="sequence" aria-busy={busy}>
        <h2>{t('sequence')}</h2>
        <SequenceDiagram run={lower} onJump={jumpTo} />
      </section>
      <section id="token-response">
        <h2>{t('tokenResponse')}</h2>
        <TokenResponse step={tokens} />
      </section>
      <section id="id-token">
        <h2>{t('idToken')}</h2>
        <Expiry at={expiresAt(tokens, 'id_token')} token="IdToken" />
        <TokenView decoded={tokens?.idToken} raw={tokens?.fields?.id_token} name="id_token" />
        <ScopeClaims run={run} tokens={tokens} />
      </section>
      <section id="access-token">
        <h2>{t('accessToken')}</h2>
        <Expiry at={expiresAt(tokens, 'access_token')} token="AccessToken" revoked={revoked.access} />
        <Expiry at={expiresAt(tokens, 'refresh_token')} token="RefreshToken" revoked={revoked.refresh} />
        {typeof tokens?.fields?.refresh_token === 'string' && tokens.fields.refresh_token && (
          <CopyButton text={tokens.fields.refresh_token} label={t('copyNamed', 'refresh_token')} />
        )}
        <TokenView decoded={tokens?.accessToken} raw={tokens?.fields?.access_token} name="access_token" />
      </section>
      <section id="actions">
        <h2>{t('actionsHeading')}</h2>
        <TokenActions run={run} />
        <ApiCallForm run={run} />
      </section>
      <section id="checks" aria-busy={busy}>
        <h2>{t('checks')}</h2>
        <Checks run={lower} />
      </section>
      <section id="exchange" aria-busy={busy}>
        <h2>{t('exchange')}</h2>
        {lower.steps.map((step, i) => (
          <div key={i} id={`step-${i}`}>
            <StepView step={step} curl={curl(i)} />
          </div>
        ))}
      </section>
    </>
  );
}
