/** One key of a legend: a bar's colour as a filled square, a line's as a (dashed) stroke. */
export type LegendKey = { key: string; label: string; color: string; kind: 'bar' | 'line'; dashed?: boolean };

/**
 * The legend in HTML, each key drawn as a small SVG shape: SVG fills and strokes print even when the
 * browser drops background colours (its default), so the keys keep their colours on paper.
 */
export function Legend({ keys }: { keys: LegendKey[] }) {
  return (
    <ul className="legend" aria-label="Legend">
      {keys.map((k) => (
        <li key={k.key}>
          <svg className="legend__swatch" width="16" height="12" viewBox="0 0 16 12" aria-hidden="true" focusable="false">
            {k.kind === 'bar' ? (
              <rect x="1" y="1" width="14" height="10" rx="2" fill={k.color} stroke={k.color} />
            ) : (
              <line x1="0" y1="6" x2="16" y2="6" stroke={k.color} strokeWidth="3" strokeDasharray={k.dashed ? '4 3' : undefined} />
            )}
          </svg>
          {k.label}
        </li>
      ))}
    </ul>
  );
}
