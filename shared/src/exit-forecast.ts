import { z } from 'zod';
import { IsoDateSchema } from './common';
import { GateKeySchema } from './summary';

/**
 * When the agency can go, judged on every gate (docs/domain.md, "Exit forecast"): one date per gate,
 * the latest of them when every open gate has one. The summary gains it as `exitForecast`; until
 * then readers treat it as optional.
 */
export const ExitForecastSchema = z.object({
  projectedExitDate: IsoDateSchema.nullable(),
  onTrack: z.boolean().nullable(),
  limitedBy: GateKeySchema.nullable(),
  components: z.partialRecord(GateKeySchema, IsoDateSchema.nullable()),
  undatedGates: z.array(GateKeySchema),
});
export type ExitForecast = z.infer<typeof ExitForecastSchema>;
