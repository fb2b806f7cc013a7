import { cell, plain } from '../../core/markdown.ts';
import type { Trace } from './attempts.ts';

/**
 * The trace as Markdown for a ticket: built from the redacted HAR's analysis, so it holds no code,
 * token or secret; provider text stays inside code.
 */
export function traceMarkdown(trace: Trace, fileName: string): string {
  const md = [`# Auth Code Inspector trace of ${cell(fileName)}`, ''];
  if (trace.attempts.length === 0)
    md.push(`No OAuth or OpenID Connect login. Hosts seen: ${trace.hosts.map(cell).join(', ') || 'none'}.`);
  for (const note of trace.notes) md.push(`> ${plain(note.message)}`, '');
  trace.attempts.forEach((a, i) => {
    md.push(`## Login ${i + 1}: ${cell(a.clientId)} at ${cell(a.issuer)}`, '');
    for (const d of a.diagnosis) md.push(`- ${plain(d.message)}`);
    md.push('', '| When | What | Request | Status |', '|---|---|---|---|');
    for (const e of a.events)
      md.push(`| ${cell(e.at)} | ${e.kind} | ${cell(`${e.method} ${e.url}`)} | ${e.status} |`);
    md.push('', '| Status | Check | Expected | Actual | Rule |', '|---|---|---|---|---|');
    for (const c of a.checks)
      md.push(
        `| ${c.status} | ${plain(c.title)} | ${cell(c.expected)} | ${cell(c.actual)} | [${plain(c.spec)}](${c.specUrl}) |`,
      );
    md.push('');
  });
  return md.join('\n') + '\n';
}
