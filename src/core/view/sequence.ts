import type { Run } from '../run/run.ts';
import { stepDef } from '../run/steps/index.ts';
import type { Arrow } from '../run/steps/arrows.ts';
import type { Words } from './words.ts';

export { LANES, type Arrow, type Lane } from '../run/steps/arrows.ts';

/** The run as arrows between the browser, the extension and the provider, in the order they happened. */
export function sequence(run: Run, w: Words): Arrow[] {
  return run.steps.flatMap((step, i) => {
    const arrows = stepDef(step.kind)?.arrows(step, i, run, w) ?? [];
    // A step that failed without an HTTP error of its own (a check, a refused state) ends in red.
    const last = arrows.at(-1);
    if (last && step.status === 'failed') last.failed = true;
    return arrows;
  });
}
