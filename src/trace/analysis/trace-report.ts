import { cell, plain } from '../../core/markdown.ts';
import { checkTitle } from '../../core/view/verdict.ts';
import type { Words } from '../../core/view/words.ts';
import type { Trace } from './attempts.ts';

/**
 * The trace as Markdown for a ticket, in the interface language: built from the redacted HAR's
 * analysis, so it holds no code, token or secret; provider text stays inside code.
 */
export function traceMarkdown(trace: Trace, fileName: string, w: Words): string {
  const md = [`# ${w.t('traceReportTitle', cell(fileName))}`, ''];
  if (trace.attempts.length === 0)
    md.push(w.t('traceNoLogin', trace.hosts.map(cell).join(', ') || w.t('traceNoHosts')));
  for (const note of trace.notes) md.push(`> ${plain(w.spoken(note.say, note.message))}`, '');
  trace.attempts.forEach((a, i) => {
    md.push(`## ${w.t('traceReportLogin', i + 1, cell(a.clientId), cell(a.issuer))}`, '');
    for (const d of a.diagnosis) md.push(`- ${plain(w.spoken(d.say, d.message))}`);
    const events = ['traceWhen', 'traceWhat', 'traceRequest', 'colStatus'] as const;
    md.push('', `| ${events.map((h) => w.t(h)).join(' | ')} |`, '|---|---|---|---|');
    for (const e of a.events)
      md.push(`| ${cell(e.at)} | ${e.kind} | ${cell(`${e.method} ${e.url}`)} | ${cell(String(e.status))} |`);
    const checks = ['colStatus', 'colCheck', 'colExpected', 'colActual', 'colRule'] as const;
    md.push('', `| ${checks.map((h) => w.t(h)).join(' | ')} | id |`, '|---|---|---|---|---|---|');
    for (const c of a.checks)
      md.push(
        `| ${c.status} | ${plain(checkTitle(c, w))} | ${cell(w.spoken(c.expectedSay, c.expected))} | ${cell(w.spoken(c.actualSay, c.actual))} | [${plain(c.spec)}](${c.specUrl}) | ${cell(c.id)} |`,
      );
    md.push('');
  });
  return md.join('\n') + '\n';
}
