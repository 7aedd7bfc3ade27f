import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useEffect, useRef } from 'react';
import { EmptyState } from '../ui/states';
import { WrappedTick } from './axis-tick';
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

const axisStyle = { fill: 'var(--muted)', fontSize: 12 };

/**
 * Recharts renders its layers through React portals, and Chromium makes each portal's <g> a tab stop
 * (React listens for focus events on a portal's container): a chart added a handful of unnamed
 * stops. They are taken out of the tab order as they appear.
 */
function useNoInnerTabStops(drawn: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const untab = () => frame.querySelectorAll('svg g:not([tabindex]), svg:not([tabindex])').forEach((el) => el.setAttribute('tabindex', '-1'));
    untab();
    const observer = new MutationObserver(untab);
    observer.observe(frame, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [drawn]);
  return ref;
}

/**
 * The only Recharts wrapper: maps series configs to bars and lines, colours through CSS variables,
 * and draws a legend of its own in HTML. Data arrives already shaped (see features/<x>/utils). The
 * drawing is one tab stop, an image named by `label`; the card's table carries the numbers.
 */
export function Chart<T extends object>({
  data,
  categoryKey,
  series,
  label,
  layout = 'columns',
  height,
  formatCategory,
  formatLeft,
  formatRight,
  leftDomain,
  rightDomain,
  references = [],
  categoryWidth = 110,
  emptyTitle = 'Nothing to show yet',
}: ChartProps<T>) {
  const frameRef = useNoInnerTabStops(data.length > 0);
  if (data.length === 0) return <EmptyState title={emptyTitle} />;
  const hasRight = series.some((s) => s.axis === 'right') || references.some((r) => r.axis === 'right');
  const bars = layout === 'bars';
  const fmtCat = (v: unknown) => (formatCategory ? formatCategory(String(v)) : String(v));
  const fmtLeft = formatLeft ? (v: unknown) => formatLeft(Number(v)) : undefined;
  const fmtRight = formatRight ? (v: unknown) => formatRight(Number(v)) : undefined;
  const labels = new Map(series.map((s) => [s.key, s]));
  return (
    <figure style={{ margin: 0 }}>
      <div ref={frameRef} className="chart-frame" role="img" aria-label={label} tabIndex={0} style={height ? { height } : undefined} data-chart="drawn">
        <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={{ width: 640, height: height ?? 300 }}>
          <ComposedChart
            data={data}
            layout={bars ? 'vertical' : 'horizontal'}
            margin={{ top: 8, right: hasRight ? 4 : 12, bottom: 4, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" vertical={bars} horizontal={!bars} />
            {bars ? (
              <>
                <YAxis
                  type="category"
                  dataKey={categoryKey as never}
                  width={categoryWidth}
                  tick={(props: object) => <WrappedTick {...props} width={categoryWidth - 8} format={fmtCat} />}
                  interval={0}
                />
                <XAxis type="number" tick={axisStyle} tickFormatter={fmtLeft} domain={leftDomain} allowDecimals={false} />
              </>
            ) : (
              <>
                <XAxis dataKey={categoryKey as never} tick={axisStyle} tickFormatter={fmtCat} minTickGap={16} />
                <YAxis yAxisId="left" tick={axisStyle} tickFormatter={fmtLeft} domain={leftDomain} width={44} allowDecimals={false} />
                {hasRight ? (
                  <YAxis yAxisId="right" orientation="right" tick={axisStyle} tickFormatter={fmtRight} domain={rightDomain} width={44} />
                ) : null}
              </>
            )}
            <Tooltip
              contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
              labelStyle={{ color: 'var(--text)' }}
              labelFormatter={formatCategory ? (v) => formatCategory(String(v)) : undefined}
              formatter={(value, name) => {
                const s = labels.get(String(name));
                const fmt = s?.axis === 'right' ? fmtRight : fmtLeft;
                return [fmt ? fmt(value) : String(value), s?.label ?? String(name)];
              }}
            />
            {references.map((r) => (
              <ReferenceLine
                key={r.label}
                {...(bars ? { x: r.y } : { y: r.y, yAxisId: r.axis ?? 'left' })}
                stroke={r.color}
                strokeDasharray="6 4"
                strokeWidth={2}
                ifOverflow="extendDomain"
              />
            ))}
            {series.map((s) =>
              s.kind === 'bar' ? (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.key}
                  stackId={s.stackId}
                  fill={s.color}
                  {...(bars ? {} : { yAxisId: s.axis ?? 'left' })}
                  isAnimationActive={false}
                  maxBarSize={48}
                />
              ) : (
                <Line
                  key={s.key}
                  dataKey={s.key}
                  name={s.key}
                  type="monotone"
                  stroke={s.color}
                  strokeWidth={2.5}
                  strokeDasharray={s.dashed ? '6 4' : undefined}
                  dot={false}
                  connectNulls={false}
                  {...(bars ? {} : { yAxisId: s.axis ?? 'left' })}
                  isAnimationActive={false}
                />
              ),
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <Legend
          keys={[
            ...series.map((x) => ({ key: x.key, label: x.label, color: x.color, kind: x.kind, dashed: x.dashed })),
            ...references.map((r) => ({ key: r.label, label: r.label, color: r.color, kind: 'line' as const, dashed: true })),
          ]}
        />
      </figcaption>
    </figure>
  );
}
