import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { revealAll, useInView } from '../../lib/use-in-view';
import { EmptyState } from '../ui/states';
import { Legend } from './legend';

/** One series: which field, how it is drawn, and its colour as a CSS variable (works in both themes). */
export type Series = {
  key: string;
  label: string;
  color: string;
  kind: 'bar' | 'line';
  stackId?: string;
  axis?: 'left' | 'right';
  dashed?: boolean;
  /** Mark each point (a line with gaps, such as weeks without a value, still shows lone points). */
  dots?: boolean;
};

export type Reference = { y: number; label: string; color: string; axis?: 'left' | 'right' };

export type ChartProps<T extends object> = {
  data: T[];
  /** The category field (x in a column chart, y in a bar chart). */
  categoryKey: keyof T & string;
  series: Series[];
  /** Text alternative for the drawing (its accessible name); the table beside it carries the numbers. */
  label: string;
  layout?: 'columns' | 'bars';
  height?: number;
  formatCategory?: (value: string) => string;
  formatLeft?: (value: number) => string;
  formatRight?: (value: number) => string;
  leftDomain?: [number | 'auto', number | 'auto'];
  rightDomain?: [number, number];
  references?: Reference[];
  categoryWidth?: number;
  /** Shown instead of the drawing when there is no data. */
  emptyTitle?: string;
};

/** Recharts and the drawing, in a chunk of their own: fetched when the first chart comes near the viewport. */
let drawing: Promise<typeof import('./chart-drawing')> | undefined;
const loadDrawing = () => (drawing ??= import('./chart-drawing'));
const ChartDrawing = lazy(loadDrawing);

/**
 * Draws every chart on the page, waits for the drawings, then opens the print dialog: a chart the
 * reader never scrolled to is on paper too (docs/architecture.md#deferred-rendering).
 */
export async function printWithCharts(): Promise<void> {
  revealAll();
  await loadDrawing();
  // Two frames: React commits the drawings, then Recharts sizes them to their frames.
  for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  window.print();
}

/**
 * Recharts renders its layers through React portals, and Chromium makes each portal's <g> a tab stop
 * (React listens for focus events on a portal's container): a chart added a handful of unnamed
 * stops. They are taken out of the tab order as they appear.
 */
function useNoInnerTabStops(frame: HTMLDivElement | null) {
  useEffect(() => {
    if (!frame) return;
    const untab = () => frame.querySelectorAll('svg g:not([tabindex]), svg:not([tabindex])').forEach((el) => el.setAttribute('tabindex', '-1'));
    untab();
    const observer = new MutationObserver(untab);
    observer.observe(frame, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [frame]);
}

/**
 * The only chart wrapper. The frame (an image named by `label`, one tab stop, its height fixed) and
 * the HTML legend render at once; the Recharts drawing fills the frame when it comes near the
 * viewport, so nothing moves when it appears and a chart below the fold costs nothing at first
 * paint (docs/architecture.md#deferred-rendering). Data arrives already shaped (see
 * features/<x>/utils); the card's table carries the numbers.
 */
export function Chart<T extends object>({ data, label, emptyTitle = 'Nothing to show yet', ...drawing }: ChartProps<T>) {
  const [observe, inView] = useInView<HTMLDivElement>(loadDrawing);
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const frameRef = useCallback(
    (el: HTMLDivElement | null) => {
      setFrame(el);
      observe(el);
    },
    [observe],
  );
  useNoInnerTabStops(frame);
  if (data.length === 0) return <EmptyState title={emptyTitle} />;
  return (
    <figure style={{ margin: 0 }}>
      <div
        ref={frameRef}
        className="chart-frame"
        role="img"
        aria-label={label}
        tabIndex={0}
        style={drawing.height ? { height: drawing.height } : undefined}
        data-chart={inView ? 'drawn' : 'waiting'}
      >
        {inView ? (
          <Suspense fallback={null}>
            <ChartDrawing data={data} {...drawing} />
          </Suspense>
        ) : null}
      </div>
      <figcaption>
        <Legend
          keys={[
            ...drawing.series.map((x) => ({ key: x.key, label: x.label, color: x.color, kind: x.kind, dashed: x.dashed })),
            ...(drawing.references ?? []).map((r) => ({ key: r.label, label: r.label, color: r.color, kind: 'line' as const, dashed: true })),
          ]}
        />
      </figcaption>
    </figure>
  );
}
