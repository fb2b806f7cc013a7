import type { Exchange } from '../protocol/http.ts';
import { cell, fenced, plain } from './markdown.ts';
import { redactionNotes, redactRun } from './redact.ts';
import { LOGIN_STEPS, type Run, type Step } from '../run/run.ts';
import { checkTitle, loginChecks, runChecks, verdict, verdictText } from '../view/verdict.ts';
import type { Words } from '../view/words.ts';

export interface ReportContext {
  extensionVersion: string;
  browser: string;
  generatedAt: number;
  /** The interface language: a report reads like the pages, and keeps the check ids. */
  words: Words;
}

export interface Report {
  format: 'auth-code-inspector/report';
  version: 1;
  generatedAt: string;
  extensionVersion: string;
  browser: string;
  verdict: string;
  /** What the redaction could not promise (a secret too short to search free text for). */
  notes: string[];
  /** Each check's title in the report's language, by check id (the run's checks carry ids only). */
  checkTitles: Record<string, string>;
  run: Run;
}

/** The JSON report: everything about the run, with secrets and token signatures redacted. */
export function buildReport(run: Run, ctx: ReportContext): Report {
  const safe = redactRun(run);
  return {
    format: 'auth-code-inspector/report',
    version: 1,
    generatedAt: new Date(ctx.generatedAt).toISOString(),
    extensionVersion: ctx.extensionVersion,
    browser: ctx.browser,
    verdict: verdictText(verdict(loginChecks(safe)), ctx.words),
    notes: redactionNotes(run.secrets),
    checkTitles: Object.fromEntries(runChecks(safe).map((c) => [c.id, checkTitle(c, ctx.words)])),
    run: safe,
  };
}

function exchangeMarkdown(title: string, ex: Exchange, w: Words): string[] {
  const { request, response, failure } = ex;
  const head = [
    `${request.method} ${request.url}`,
    ...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`),
  ];
  const out = [
    `### ${title}`,
    fenced([...head, ...(request.body !== undefined ? ['', request.body] : [])].join('\n'), 'http'),
  ];
  if (response) {
    const lines = [
      `HTTP ${response.status} ${response.statusText}`,
      ...Object.entries(response.headers).map(([k, v]) => `${k}: ${v}`),
    ];
    out.push(
      response.finalUrl
        ? w.t('reportAnsweredBy', cell(response.finalUrl), ex.durationMs)
        : w.t('reportAnswered', ex.durationMs),
      fenced([...lines, '', response.body].join('\n'), 'http'),
    );
  }
  if (failure) out.push(w.t('reportNoResponse', cell(failure.message)));
  return out;
}

/** An action on the run's tokens (refresh, UserInfo, introspection, revocation): its exchanges and outcome. */
function actionMarkdown(step: Step, w: Words): string[] {
  const title =
    step.kind === 'refresh'
      ? w.t('stepRefresh')
      : step.kind === 'userinfo'
        ? w.t('stepUserinfo')
        : step.kind === 'introspection'
          ? w.t(step.token === 'access_token' ? 'introspectionOfAccessToken' : 'introspectionOfRefreshToken')
          : step.kind === 'revocation'
            ? `${w.t('stepRevocation')} (${step.token})`
            : step.kind;
  const exchange = 'exchange' in step ? step.exchange : undefined;
  const out = exchange ? exchangeMarkdown(title, exchange, w) : [`### ${title}`];
  if (step.kind === 'refresh')
    for (const ex of step.exchanges ?? []) out.push(...exchangeMarkdown(w.t('exchangeJwks'), ex, w));
  const outcome = w.t(
    step.status === 'failed' ? 'stepFailed' : step.status === 'ok' ? 'stepOk' : 'stepRunning',
  );
  out.push(
    step.error
      ? `**${plain(outcome)}**: ${cell(w.spoken(step.error.say, step.error.message))}`
      : `**${plain(outcome)}**`,
  );
  return out;
}

/** The Markdown report for a ticket or a chat: redacted, provider data always inside code. */
export function reportMarkdown(report: Report, w: Words): string {
  const { run } = report;
  const p = run.profile;
  const md: string[] = [
    `# ${w.t('reportTitle')}`,
    '',
    `**${plain(run.status)}** · ${plain(report.verdict)}`,
    '',
    ...report.notes.map((note) => `> ${plain(note)}`),
    ...(report.notes.length ? [''] : []),
    `| | |`,
    `|---|---|`,
    `| ${w.t('reportRun')} | ${cell(run.id)} ${w.t('reportStarted', new Date(run.createdAt).toISOString())} |`,
    `| ${w.t('profile')} | ${cell(run.profileName ?? '')} |`,
    `| ${w.t('issuer')} | ${cell(p.issuer)} |`,
    `| ${w.t('clientId')} | ${cell(p.clientId)} |`,
    `| ${w.t('redirectUri')} | ${cell(p.redirectUri)} |`,
    `| ${w.t('scopes')} | ${cell(p.scopes)} |`,
    `| ${w.t('reportPkcePrompt')} | ${cell(p.usePkce ? 'S256' : 'off')} ${cell(p.prompt || w.t('notSent'))} |`,
    `| ${w.t('reportExtensionBrowser')} | ${cell(report.extensionVersion)} ${cell(report.browser)} |`,
    '',
  ];
  if (run.error) md.push(`**${w.t('reportStopped')}** ${cell(run.error.message)}`, '');
  md.push(`## ${w.t('reportSteps')}`);
  for (const step of run.steps) {
    if (step.kind === 'discovery') md.push(...exchangeMarkdown(w.t('stepDiscovery'), step.exchange, w));
    if (step.kind === 'authorize') md.push(`### ${w.t('stepAuthorize')}`, fenced(step.url));
    if (step.kind === 'callback')
      md.push(`### ${w.t('reportCallback')}`, fenced(step.url ?? w.t('reportNoCallback')));
    if (step.kind === 'token' && step.exchange)
      md.push(...exchangeMarkdown(w.t('stepToken'), step.exchange, w));
    if (step.kind === 'validation')
      step.exchanges.forEach((ex) => md.push(...exchangeMarkdown(w.t('exchangeJwks'), ex, w)));
    if (!LOGIN_STEPS.has(step.kind)) md.push(...actionMarkdown(step, w));
  }
  const token = run.steps.findLast((s) => s.kind === 'token');
  for (const [title, decoded] of [
    [w.t('idToken'), token?.idToken],
    [w.t('accessToken'), token?.accessToken],
  ] as const) {
    if (!decoded) continue;
    md.push(`## ${title}`);
    if (decoded.kind === 'jwt' || decoded.kind === 'jwe')
      md.push(fenced(JSON.stringify(decoded.header, null, 2), 'json'));
    if (decoded.kind === 'jwt') md.push(fenced(JSON.stringify(decoded.claims, null, 2), 'json'));
    if (decoded.kind === 'opaque') md.push(w.t('reportOpaque'));
  }
  const checks = runChecks(run);
  if (checks.length) {
    const heads = ['colStatus', 'colCheck', 'colExpected', 'colActual', 'colRule'] as const;
    md.push(
      `## ${w.t('checks')}`,
      '',
      `| ${heads.map((h) => w.t(h)).join(' | ')} | id |`,
      '|---|---|---|---|---|---|',
    );
    for (const c of checks)
      md.push(
        `| ${plain(c.status)} | ${plain(checkTitle(c, w))} | ${cell(w.spoken(c.expectedSay, c.expected))} | ${cell(w.spoken(c.actualSay, c.actual))} | [${plain(c.spec)}](${c.specUrl}) | ${cell(c.id)} |`,
      );
  }
  return md.join('\n') + '\n';
}
