import { memo } from 'react';
import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { WrappedTick } from './axis-tick';
import type { ChartProps, Reference } from './chart';

export type DrawingProps = Omit<ChartProps<object>, 'label' | 'emptyTitle' | 'categoryKey'> & { categoryKey: string };

const axisStyle = { fill: 'var(--muted)', fontSize: 12 };
const tooltipStyle = { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' };
const tooltipLabelStyle = { color: 'var(--text)' };
const NO_REFERENCES: Reference[] = [];

/**
 * The Recharts drawing inside a chart's frame: series configs mapped to bars and lines, coloured
 * through CSS variables, nothing animated. Loaded with its own chunk only when a chart comes into
 * view (docs/architecture.md#deferred-rendering); memoised, so a parent's re-render with the same
 * shaped data does not redraw it.
 */
function ChartDrawing({
  data,
  categoryKey,
  series,
  layout = 'columns',
  height,
  formatCategory,
  formatLeft,
  formatRight,
  leftDomain,
  rightDomain,
  references = NO_REFERENCES,
  categoryWidth = 110,
}: DrawingProps) {
  const hasRight = series.some((s) => s.axis === 'right') || references.some((r) => r.axis === 'right');
  const bars = layout === 'bars';
  const fmtCat = (v: unknown) => (formatCategory ? formatCategory(String(v)) : String(v));
  const fmtLeft = formatLeft ? (v: unknown) => formatLeft(Number(v)) : undefined;
  const fmtRight = formatRight ? (v: unknown) => formatRight(Number(v)) : undefined;
  const labels = new Map(series.map((s) => [s.key, s]));
  return (
    <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={{ width: 640, height: height ?? 300 }}>
      <ComposedChart data={data} layout={bars ? 'vertical' : 'horizontal'} margin={{ top: 8, right: hasRight ? 4 : 12, bottom: 4, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" vertical={bars} horizontal={!bars} />
        {bars ? (
          <>
            <YAxis
              type="category"
              dataKey={categoryKey}
              width={categoryWidth}
              tick={(props: object) => <WrappedTick {...props} width={categoryWidth - 8} format={fmtCat} />}
              interval={0}
            />
            <XAxis type="number" tick={axisStyle} tickFormatter={fmtLeft} domain={leftDomain} allowDecimals={false} />
          </>
        ) : (
          <>
            <XAxis dataKey={categoryKey} tick={axisStyle} tickFormatter={fmtCat} minTickGap={16} />
            <YAxis yAxisId="left" tick={axisStyle} tickFormatter={fmtLeft} domain={leftDomain} width={44} allowDecimals={false} />
            {hasRight ? <YAxis yAxisId="right" orientation="right" tick={axisStyle} tickFormatter={fmtRight} domain={rightDomain} width={44} /> : null}
          </>
        )}
        <Tooltip
          isAnimationActive={false}
          contentStyle={tooltipStyle}
          labelStyle={tooltipLabelStyle}
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
              dot={s.dots ? { r: 4, fill: s.color, stroke: s.color } : false}
              connectNulls={false}
              {...(bars ? {} : { yAxisId: s.axis ?? 'left' })}
              isAnimationActive={false}
            />
          ),
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export default memo(ChartDrawing);
