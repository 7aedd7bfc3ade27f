import { startTransition, useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/** How far ahead of the viewport something starts to render: it is ready before it scrolls in. */
const AHEAD = '300px 0px';

type Waiting = { show: (now: boolean) => void; before?: () => Promise<unknown> };

/** Everything observed and not yet shown. */
const waiting = new Set<Waiting>();
/** What has come into view, shown one at a time (see `next`). */
const queue: Waiting[] = [];
let running = false;

/** Resolves when the browser has nothing else to do (or after a second at most). */
const idle = () =>
  new Promise<void>((done) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => done(), { timeout: 1000 }) : setTimeout(done, 16)));

/**
 * Shows what came into view one item per idle period: each heavy render (a chart drawing) is a
 * task of its own instead of one long task for every chart on the screen.
 */
async function next(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let item = queue.shift(); item; item = queue.shift()) {
      if (!waiting.has(item)) continue;
      await item.before?.().catch(() => undefined);
      if (!waiting.has(item)) continue;
      item.show(false);
      await idle();
    }
  } finally {
    running = false;
  }
}

/**
 * Shows everything on the page that still waits for the viewport. `now` (printing from the
 * browser's menu) commits in this task; otherwise it renders in the background like a scroll does.
 * See docs/architecture.md#deferred-rendering.
 */
export function revealAll(now = false): void {
  for (const item of [...waiting]) item.show(now);
}

if (typeof window !== 'undefined') {
  // The browser takes its snapshot right after this event: commit before it does.
  window.addEventListener('beforeprint', () => flushSync(() => revealAll(true)));
}

/**
 * Whether an element has come near the viewport; once true it stays true. What comes into view is
 * shown one item per idle period (after `before`, e.g. loading its code, has finished), as a
 * transition that React renders in slices. Without IntersectionObserver (old browsers, jsdom)
 * everything counts as in view at once. See docs/architecture.md#deferred-rendering.
 */
export function useInView<T extends Element>(before?: () => Promise<unknown>): [(node: T | null) => void, boolean] {
  const [node, setNode] = useState<T | null>(null);
  const [inView, setInView] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (inView || !node) return;
    const item: Waiting = {
      show: (now) => {
        waiting.delete(item);
        if (now) setInView(true);
        else startTransition(() => setInView(true));
      },
      before,
    };
    waiting.add(item);
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        queue.push(item);
        void next();
      },
      { rootMargin: AHEAD },
    );
    observer.observe(node);
    return () => {
      waiting.delete(item);
      observer.disconnect();
    };
  }, [inView, node, before]);
  return [useCallback((el: T | null) => setNode(el), []), inView];
}
