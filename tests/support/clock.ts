import type { Clock } from '../../api/src/core/clock';

/** A clock tests can set and move; starts at the real now unless told otherwise. */
export class TestClock implements Clock {
  private offsetMs = 0;
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed.getTime() + this.offsetMs) : new Date(Date.now() + this.offsetMs);
  }

  set(iso: string): void {
    this.fixed = new Date(iso);
    this.offsetMs = 0;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Back to the real time. */
  reset(): void {
    this.fixed = null;
    this.offsetMs = 0;
  }
}
