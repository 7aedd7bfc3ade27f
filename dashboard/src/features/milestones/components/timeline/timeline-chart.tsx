import { PHASE_LABELS } from '@handover/shared';
import { useRef, type KeyboardEvent } from 'react';
import { formatDate, formatShortDate } from '../../../../lib/format';
import { dateScale, monthTicks, type Timeline, type TimelineBar } from '../../utils/timeline';
import { barSummary } from './bar-text';

const LABEL_W = 210;
const CHART_W = 620;
const ROW_H = 30;
const TOP = 30;
const BAR_H = 14;
const WIDTH = LABEL_W + CHART_W + 16;
const MIN_BAR = 6;

const short = (text: string, max = 30) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const MOVES: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/**
 * The timeline drawn: one row per milestone under its phase, the baseline's due date ghosted behind
 * each bar, an arrow from each dependency, and today's line. The bars are one tab stop: arrow keys,
 * Home and End move between them, and the focused bar's details show beside the chart.
 */
export function TimelineChart({
  timeline,
  today,
  active,
  onActive,
  titleId,
}: {
  timeline: Timeline;
  today: string;
  active: number;
  onActive: (index: number) => void;
  titleId: string;
}) {
  const refs = useRef<(SVGGElement | null)[]>([]);
  const x = dateScale(timeline.min, timeline.max, LABEL_W, CHART_W);
  const height = TOP + timeline.rows * ROW_H + 8;
  const yOf = (row: number) => TOP + row * ROW_H;
  const ticks = monthTicks(timeline.min, timeline.max);
  const every = Math.max(1, Math.ceil(ticks.length / 10));
  const indexOf = new Map(timeline.bars.map((b, i) => [b, i]));

  const handleKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const count = timeline.bars.length;
    const step = MOVES[e.key];
    let next: number | null = null;
    if (step !== undefined) next = (active + step + count) % count;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = count - 1;
    if (next === null) return;
    e.preventDefault();
    onActive(next);
    refs.current[next]?.focus();
  };

  const barRect = (b: TimelineBar) => {
    const x1 = x(b.start);
    return { x1, w: Math.max(MIN_BAR, x(b.due) - x1) };
  };

  return (
    <svg
      className="ms-timeline"
      width={WIDTH}
      height={height}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="group"
      aria-labelledby={titleId}
      onKeyDown={handleKeyDown}
    >
      <defs>
        <marker id="timeline-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L8,4 L0,8 z" className="ms-timeline__arrowhead" />
        </marker>
      </defs>
      <g aria-hidden="true">
        {ticks.map((t, i) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={TOP - 6} y2={height} className="ms-timeline__grid" />
            {i % every === 0 ? (
              <text x={x(t) + 3} y={TOP - 12} className="ms-timeline__tick">
                {formatShortDate(t)}
              </text>
            ) : null}
          </g>
        ))}
        {timeline.phases.map((p) => (
          <text key={p.phase} x={4} y={yOf(p.row) + ROW_H / 2 + 5} className="ms-timeline__phase">
            {PHASE_LABELS[p.phase]}
          </text>
        ))}
        {timeline.bars.map((b) => (
          <text key={b.milestone.id} x={14} y={yOf(b.row) + ROW_H / 2 + 4} className="ms-timeline__label">
            {short(b.milestone.title)}
          </text>
        ))}
        {timeline.arrows.map(({ from, to }) => {
          const x1 = barRect(from).x1 + barRect(from).w;
          const y1 = yOf(from.row) + ROW_H / 2;
          const x2 = barRect(to).x1;
          const y2 = yOf(to.row) + ROW_H / 2;
          // Always enter the bar from its left, pointing right: with room, one elbow halfway; without
          // (the start is the dependency's due date), round the corner between the two rows.
          const d =
            x2 >= x1 + 16
              ? `M${x1},${y1} H${(x1 + x2) / 2} V${y2} H${x2}`
              : `M${x1},${y1} H${x1 + 6} V${y2 + (y2 > y1 ? -1 : 1) * (ROW_H / 2)} H${x2 - 10} V${y2} H${x2}`;
          return (
            <path
              key={`${from.milestone.id}-${to.milestone.id}`}
              d={d}
              className="ms-timeline__arrow"
              markerEnd="url(#timeline-arrow)"
            />
          );
        })}
        <line x1={x(today)} x2={x(today)} y1={TOP - 6} y2={height} className="ms-timeline__today" />
        <text x={x(today) + 3} y={height - 4} className="ms-timeline__today-label">
          Today
        </text>
      </g>
      {timeline.bars.map((b) => {
        const i = indexOf.get(b) ?? 0;
        const { x1, w } = barRect(b);
        const y = yOf(b.row) + (ROW_H - BAR_H) / 2;
        const ghost = b.baseline ? { x1, w: Math.max(MIN_BAR, x(b.baseline) - x1) } : null;
        return (
          <g
            key={b.milestone.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            className={`ms-timeline__bar ms-timeline__bar--${b.state}`}
            tabIndex={i === active ? 0 : -1}
            role="img"
            aria-label={barSummary(b)}
            onFocus={() => onActive(i)}
            onClick={() => {
              onActive(i);
              refs.current[i]?.focus();
            }}
          >
            {ghost ? <rect x={ghost.x1} y={y - 4} width={ghost.w} height={BAR_H + 8} rx={3} className="ms-timeline__ghost" /> : null}
            <rect x={x1} y={y} width={w} height={BAR_H} rx={3} className="ms-timeline__fill" />
            {b.state === 'done' ? (
              <text x={x1 + w + 4} y={y + BAR_H - 2} className="ms-timeline__mark">
                ✓
              </text>
            ) : b.state === 'overdue' ? (
              <text x={x1 + w + 4} y={y + BAR_H - 2} className="ms-timeline__mark ms-timeline__mark--overdue">
                !
              </text>
            ) : null}
            <title>{`${b.milestone.title}: due ${formatDate(b.due)}`}</title>
          </g>
        );
      })}
    </svg>
  );
}
