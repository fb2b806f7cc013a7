import { cell, fenced, plain } from './markdown.ts';
import { redactionNotes, redactRun } from './redact.ts';
import type { Run } from '../run/run.ts';
import { stepDef } from '../run/steps/index.ts';
import { headlineText } from './headline.ts';
import { checkTitle, runChecks, STATUS_TEXT } from './verdict.ts';
import { errorText, type Words } from '../i18n/words.ts';

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
    verdict: headlineText(safe, ctx.words),
    notes: redactionNotes(run.secrets).map((note) => ctx.words.spoken(note.say)),
    checkTitles: Object.fromEntries(runChecks(safe).map((c) => [c.id, checkTitle(c, ctx.words)])),
    run: safe,
  };
}

/** The Markdown report for a ticket or a chat: redacted, provider data always inside code. */
export function reportMarkdown(report: Report, w: Words): string {
  const { run } = report;
  const p = run.profile;
  const md: string[] = [
    `# ${w.t('reportTitle')}`,
    '',
    `**${plain(report.verdict)}**`,
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
    `| ${w.t('reportPkcePrompt')} | ${cell(p.usePkce ? 'S256' : w.t('pkceOff'))} ${cell(p.prompt || w.t('notSent'))} |`,
    `| ${w.t('reportExtensionBrowser')} | ${cell(report.extensionVersion)} ${cell(report.browser)} |`,
    '',
  ];
  if (run.error) md.push(`**${w.t('reportStopped')}** ${cell(errorText(run.error, w))}`, '');
  md.push(`## ${w.t('reportSteps')}`);
  for (const step of run.steps) {
    const def = stepDef(step.kind);
    md.push(...(def ? def.report(step, w) : [`### ${plain(String(step.kind))}`]));
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
        `| ${plain(w.t(STATUS_TEXT[c.status]))} | ${plain(checkTitle(c, w))} | ${cell(w.spoken(c.expectedSay, c.expected))} | ${cell(w.spoken(c.actualSay, c.actual))} | [${plain(c.spec)}](${c.specUrl}) | ${cell(c.id)} |`,
      );
  }
  return md.join('\n') + '\n';
}
