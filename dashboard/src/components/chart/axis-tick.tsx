/** Words of a label in lines of at most `width` characters; the last line ends with … if more is left. */
export function wrapLabel(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${last.slice(0, Math.max(1, width - 1))}…`;
  return kept;
}

type TickProps = { x?: number | string; y?: number | string; payload?: { value: unknown }; fill?: string; fontSize?: number | string };

/**
 * A category axis label of a bar chart, wrapped onto up to three lines instead of cut, so "Crisis
 * response (critical)" reads whole; a label longer still keeps its full text in a tooltip.
 */
export function WrappedTick({ x = 0, y = 0, payload, width, format }: TickProps & { width: number; format: (v: unknown) => string }) {
  const text = format(payload?.value);
  // About 7 px a character at 12 px: a line never runs past the axis' left edge.
  const lines = wrapLabel(text, Math.max(6, Math.floor(width / 7.2)), 3);
  const lineHeight = 13;
  const top = Number(y) - ((lines.length - 1) * lineHeight) / 2;
  return (
    <text x={Number(x)} y={top} textAnchor="end" dominantBaseline="middle" fill="var(--muted)" fontSize={12}>
      <title>{text}</title>
      {lines.map((line, i) => (
        <tspan key={i} x={Number(x) - 4} y={top + i * lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
