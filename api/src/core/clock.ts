export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export const isoNow = (clock: Clock) => clock.now().toISOString();

/** Today's calendar date (UTC) as `YYYY-MM-DD`. */
export const today = (clock: Clock) => clock.now().toISOString().slice(0, 10);
