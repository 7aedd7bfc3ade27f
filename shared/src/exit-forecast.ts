import { z } from 'zod';
import { IsoDateSchema } from './common';
import { GateKeySchema } from './gates';

/**
 * When the agency can go, judged on every gate (docs/domain.md#exit-forecast): one date per gate,
 * the latest of them when every open gate has one.
 */
export const ExitForecastSchema = z.object({
  projectedExitDate: IsoDateSchema.nullable(),
  onTrack: z.boolean().nullable(),
  /** The gate whose date is latest: the one holding the exit back. */
  limitedBy: GateKeySchema.nullable(),
  /** The date each gate can be met by (asOf when met; null when none can be derived). */
  components: z.partialRecord(GateKeySchema, IsoDateSchema.nullable()),
  /** Unmet gates without a date: while any is listed there is no projection. */
  undatedGates: z.array(GateKeySchema),
});
export type ExitForecast = z.infer<typeof ExitForecastSchema>;
