import { memo } from '../ui/memo.ts';
import type { Run } from '../core/run/run.ts';
import { LANES, sequence, type Lane } from '../core/view/sequence.ts';
import type { MessageId } from '../core/view/words.ts';
import { t, words } from '../ui/words.ts';

const WIDTH = 720;
const LANE_X: Record<Lane, number> = { browser: 110, extension: 360, provider: 610 };
const LANE_NAMES: Record<Lane, MessageId> = {
  browser: 'laneBrowser',
  extension: 'laneExtension',
  provider: 'laneProvider',
};
const TOP = 40;
const ROW = 34;

/**
 * The run as a sequence diagram drawn from its steps: each request an arrow with its status and
 * duration, failures in red. Each arrow is a link to its step in the Exchange section.
 */
interface Props {
  run: Run;
  onJump: (e: Event, anchor: string) => void;
}

/** What the picture is drawn from: it is drawn again only when a step comes or settles. */
const shape = (run: Run) => run.steps.map((s) => `${s.kind}:${s.status}:${s.at}`).join();

export const SequenceDiagram = memo(
  function SequenceDiagram({ run, onJump }: Props) {
    const arrows = sequence(run, words);
    const height = TOP + arrows.length * ROW + 16;
    return (
      <svg
        class="sequence"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={`max-width:${WIDTH}px`}
        role="group"
        aria-label={t('sequence')}
      >
        {LANES.map((lane) => (
          <g key={lane}>
            <text x={LANE_X[lane]} y={20} text-anchor="middle" class="lane">
              {t(LANE_NAMES[lane])}
            </text>
            <line x1={LANE_X[lane]} x2={LANE_X[lane]} y1={28} y2={height - 4} class="lifeline" />
          </g>
        ))}
        {arrows.map((a, i) => {
          const y = TOP + i * ROW + 20;
          const [x1, x2] = [LANE_X[a.from], LANE_X[a.to]];
          const mid = (x1 + x2) / 2;
          const dir = x2 > x1 ? 1 : -1;
          const anchor = `step-${a.step}`;
          // One line, read as drawn: the link's name is what a person sees (WCAG 2.5.3, label in name).
          const name = [a.label, a.detail].filter(Boolean).join(' · ');
          return (
            <a
              key={i}
              href={`#run=${run.id}&section=${anchor}`}
              onClick={(e) => onJump(e, anchor)}
              class={a.failed ? 'arrow failed' : 'arrow'}
              aria-label={name}
            >
              <text x={mid} y={y - 6} text-anchor="middle">
                {name}
              </text>
              <line x1={x1} x2={x2} y1={y} y2={y} />
              <polygon points={`${x2},${y} ${x2 - dir * 9},${y - 4.5} ${x2 - dir * 9},${y + 4.5}`} />
            </a>
          );
        })}
      </svg>
    );
  },
  (a, b) => a.run.id === b.run.id && shape(a.run) === shape(b.run),
);
