import type { Clock } from '../core/clock';

/**
 * The demo's clock: while the story is seeded it is set to each simulated moment, so every
 * createdAt, completedAt, transition and activity entry carries its own day; released, it is the
 * system clock and the server lives in real time.
 */
export type SettableClock = Clock & {
  /** Move to this moment (never backwards: time keeps running from the latest moment set). */
  set(at: Date): void;
  /** Back to the system clock for good. */
  release(): void;
};

export function settableClock(start: Date): SettableClock {
  // While set: the simulated moment plus the real time spent since, so consecutive writes still
  // happen one after the other.
  let anchor: { at: number; real: number } | null = { at: start.getTime(), real: Date.now() };
  const now = () => (anchor ? new Date(anchor.at + (Date.now() - anchor.real)) : new Date());
  return {
    now,
    set(at) {
      if (anchor && at.getTime() > now().getTime()) anchor = { at: at.getTime(), real: Date.now() };
    },
    release() {
      anchor = null;
    },
  };
}
