import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/** How far ahead of the viewport something starts to render: it is ready before it scrolls in. */
const AHEAD = '300px 0px';

/** Everything waiting to be seen, told to show itself before the page is printed. */
const waiting = new Set<() => void>();

/** Shows everything on the page that still waits for the viewport (printing, see docs/architecture.md#deferred-rendering). */
export function revealAll(): void {
  for (const show of [...waiting]) show();
}

if (typeof window !== 'undefined') {
  // Ctrl+P as well as the Print button: commit before the browser takes its snapshot of the page.
  window.addEventListener('beforeprint', () => flushSync(revealAll));
}

/**
 * Whether an element has come near the viewport; once true it stays true. Without
 * IntersectionObserver (old browsers, jsdom) everything counts as in view at once. See
 * docs/architecture.md#deferred-rendering.
 */
export function useInView<T extends Element>(): [(node: T | null) => void, boolean] {
  const [node, setNode] = useState<T | null>(null);
  const [inView, setInView] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (inView || !node) return;
    const show = () => setInView(true);
    waiting.add(show);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) show();
    }, { rootMargin: AHEAD });
    observer.observe(node);
    return () => {
      waiting.delete(show);
      observer.disconnect();
    };
  }, [inView, node]);
  return [useCallback((el: T | null) => setNode(el), []), inView];
}
