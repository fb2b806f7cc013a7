import { cell, plain } from '../../core/report/markdown.ts';
import { checkTitle, STATUS_TEXT } from '../../core/view/verdict.ts';
import type { Words } from '../../core/view/words.ts';
import type { Trace } from './attempts.ts';
import type { Say } from '../../core/flow-error.ts';
import type { Said } from '../../core/i18n/say.ts';

/**
 * The trace as Markdown for a ticket, in the interface language: built from the redacted HAR's
 * analysis, so it holds no code, token or secret; provider text stays inside code.
 */
export function traceMarkdown(trace: Trace, fileName: string, w: Words): string {
  const md = [`# ${w.t('traceReportTitle', cell(fileName))}`, ''];
  if (trace.attempts.length === 0)
    md.push(w.t('traceNoLogin', trace.hosts.map(cell).join(', ') || w.t('traceNoHosts')));
  for (const problem of trace.problems ?? []) md.push(`- ${plain(w.spoken(problem.say))}`);
  if (trace.problems?.length) md.push('');
  for (const note of trace.notes) md.push(`> ${plain(w.spoken(note.say))}`, '');
  trace.attempts.forEach((a, i) => {
    const title =
      a.grant === undefined
        ? w.t('traceReportLogin', i + 1, cell(a.clientId), cell(a.issuer))
        : w.t('traceReportToken', i + 1, cell(a.clientId), cell(a.issuer), cell(a.grant));
    md.push(`## ${title}`, '');
    if (a.succeeded) md.push(`- ✓ ${plain(w.spoken(a.succeeded.say))}`);
    for (const d of a.diagnosis) md.push(`- ${plain(w.spoken(d.say))}`);
    const events = ['traceWhen', 'traceWhat', 'traceRequest', 'colStatus'] as const;
    md.push('', `| ${events.map((h) => w.t(h)).join(' | ')} |`, '|---|---|---|---|');
    for (const e of a.events)
      md.push(
        `| ${cell(e.at)} | ${plain(w.t(`traceKind_${e.kind}`))} | ${cell(`${e.method} ${e.url}`)} | ${cell(String(e.status))} |`,
      );
    const checks = ['colStatus', 'colCheck', 'colExpected', 'colActual', 'colRule'] as const;
    md.push('', `| ${checks.map((h) => w.t(h)).join(' | ')} | id |`, '|---|---|---|---|---|---|');
    for (const c of a.checks)
      md.push(
        `| ${plain(w.t(STATUS_TEXT[c.status]))} | ${plain(checkTitle(c, w))} | ${cell(w.spoken(c.expectedSay, c.expected))} | ${cell(w.spoken(c.actualSay, c.actual))} | [${plain(c.spec)}](${c.specUrl}) | ${cell(c.id)} |`,
      );
    md.push('');
  });
  return md.join('\n') + '\n';
}

/** Stored words with the copy's secrets removed from every value in them. */
function cleanSaid(said: Said, clean: (text: string) => string): Said {
  const words = (s: Say): Say => ({
    id: s.id,
    subs: s.subs.map((p) => (typeof p === 'string' ? clean(p) : words(p))),
  });
  return { say: words(said.say) };
}

/**
 * The report is written from the copy's analysis (it holds no secret), with each login's causes from
 * the original file's: a provider's error page that the copy leaves out still names its error there.
 */
export function withCauses(copy: Trace, original: Trace, clean: (text: string) => string): Trace {
  if (copy.attempts.length !== original.attempts.length) return copy;
  return {
    ...copy,
    attempts: copy.attempts.map((a, i) => ({
      ...a,
      diagnosis: original.attempts[i]!.diagnosis.map((d) => cleanSaid(d, clean)),
    })),
  };
}
