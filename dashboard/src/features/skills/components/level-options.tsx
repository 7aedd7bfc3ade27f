import { LEVEL_NAMES } from '@handover/shared';

/** The levels a skill may require (1–4), each with its name. */
export function RequiredLevelOptions() {
  return (
    <>
      {[1, 2, 3, 4].map((l) => (
        <option key={l} value={l}>
          {l} – {LEVEL_NAMES[l]}
        </option>
      ))}
    </>
  );
}
