import type { Exchange } from './http.ts';
import { cell, fenced, plain } from './markdown.ts';
import { redactionNotes, redactRun } from './redact.ts';
import type { Run } from './run.ts';
import { loginChecks, runChecks, verdict, verdictText } from './view/verdict.ts';

export interface ReportContext {
  extensionVersion: string;
  browser: string;
  generatedAt: number;
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
    verdict: verdictText(verdict(loginChecks(safe))),
    notes: redactionNotes(run.secrets),
    run: safe,
  };
}

function exchangeMarkdown(title: string, ex: Exchange): string[] {
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
    const from = response.finalUrl ? ` by ${cell(response.finalUrl)} (redirected)` : '';
    out.push(
      `Answered${from} in ${ex.durationMs} ms:`,
      fenced([...lines, '', response.body].join('\n'), 'http'),
    );
  }
  if (failure) out.push(`No response: ${cell(failure.message)}`);
  return out;
}

/** The Markdown report for a ticket or a chat: redacted, provider data always inside code. */
export function reportMarkdown(report: Report): string {
  const { run } = report;
  const p = run.profile;
  const md: string[] = [
    `# Auth Code Inspector report`,
    '',
    `**${plain(run.status)}** · ${plain(report.verdict)}`,
    '',
    ...report.notes.map((note) => `> ${plain(note)}`),
    ...(report.notes.length ? [''] : []),
    `| | |`,
    `|---|---|`,
    `| Run | ${cell(run.id)} started ${new Date(run.createdAt).toISOString()} |`,
    `| Profile | ${cell(run.profileName ?? '')} |`,
    `| Issuer | ${cell(p.issuer)} |`,
    `| Client ID | ${cell(p.clientId)} |`,
    `| Redirect URI | ${cell(p.redirectUri)} |`,
    `| Scopes | ${cell(p.scopes)} |`,
    `| PKCE, prompt | ${cell(p.usePkce ? 'S256' : 'off')} ${cell(p.prompt || '(not sent)')} |`,
    `| Extension, browser | ${cell(report.extensionVersion)} ${cell(report.browser)} |`,
    '',
  ];
  if (run.error) md.push(`**Stopped:** ${cell(run.error.message)}`, '');
  md.push('## Steps');
  for (const step of run.steps) {
    if (step.kind === 'discovery') md.push(...exchangeMarkdown('Discovery', step.exchange));
    if (step.kind === 'authorize') md.push('### Authorize request', fenced(step.url));
    if (step.kind === 'callback') md.push('### Callback', fenced(step.url ?? '(no callback)'));
    if (step.kind === 'token' && step.exchange) md.push(...exchangeMarkdown('Token request', step.exchange));
    if (step.kind === 'validation') step.exchanges.forEach((ex) => md.push(...exchangeMarkdown('JWKS', ex)));
  }
  const token = run.steps.findLast((s) => s.kind === 'token');
  for (const [title, decoded] of [
    ['ID token', token?.idToken],
    ['Access token', token?.accessToken],
  ] as const) {
    if (!decoded) continue;
    md.push(`## ${title}`);
    if (decoded.kind === 'jwt' || decoded.kind === 'jwe')
      md.push(fenced(JSON.stringify(decoded.header, null, 2), 'json'));
    if (decoded.kind === 'jwt') md.push(fenced(JSON.stringify(decoded.claims, null, 2), 'json'));
    if (decoded.kind === 'opaque') md.push('Opaque (not a JWT).');
  }
  const checks = runChecks(run);
  if (checks.length) {
    md.push('## Checks', '', '| Status | Check | Expected | Actual | Rule |', '|---|---|---|---|---|');
    for (const c of checks)
      md.push(
        `| ${plain(c.status)} | ${plain(c.title)} | ${cell(c.expected)} | ${cell(c.actual)} | [${plain(c.spec)}](${c.specUrl}) |`,
      );
  }
  return md.join('\n') + '\n';
}
