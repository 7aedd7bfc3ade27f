import { useEffect, useRef, useState, type ReactNode } from 'react';

/** Which sides of a scroll box hide content: where to draw the cue. */
function useScrollCue() {
  const ref = useRef<HTMLDivElement>(null);
  const [cue, setCue] = useState({ left: false, right: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const left = el.scrollLeft > 1;
      const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setCue((c) => (c.left === left && c.right === right ? c : { left, right }));
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
    observer?.observe(el);
    if (el.firstElementChild) observer?.observe(el.firstElementChild);
    return () => {
      el.removeEventListener('scroll', update);
      observer?.disconnect();
    };
  }, []);
  return { ref, cue };
}

/**
 * A wide table in a region that scrolls sideways inside its card (focusable, so the keyboard can
 * scroll it), never past the card's edge. When columns are hidden, a fade marks the side they are
 * on and a line says the table scrolls; the first column stays in place while it scrolls.
 */
export function ScrollRegion({ label, className, children, ...rest }: { label: string; className?: string; children: ReactNode; 'data-chart'?: string }) {
  const { ref, cue } = useScrollCue();
  return (
    <div className={`scroll-region${cue.left ? ' scroll-region--left' : ''}${cue.right ? ' scroll-region--right' : ''}`}>
      {cue.left || cue.right ? (
        <p className="scroll-region__hint no-print" aria-hidden="true">
          {cue.right ? 'Scroll sideways for more columns →' : '← Scroll back for the first columns'}
        </p>
      ) : null}
      <div className="scroll-region__box">
        <div ref={ref} className={`table-wrap ${className ?? ''}`} tabIndex={0} role="region" aria-label={label} {...rest}>
          {children}
        </div>
      </div>
    </div>
  );
}
