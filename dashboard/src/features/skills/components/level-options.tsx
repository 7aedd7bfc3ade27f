import { LEVEL_NAMES } from '@handover/shared';
import { Options } from '../../../components/ui/options';

/** The levels a skill may require (1–4), each with its name. */
export const RequiredLevelOptions = () => <Options values={[1, 2, 3, 4]} label={(l) => `${l} – ${LEVEL_NAMES[l]}`} />;

/** Every level a person may have (0–4), for an assessment. */
export const LevelOptions = () => <Options values={LEVEL_NAMES.map((_, l) => l)} label={(l) => `${l} ${LEVEL_NAMES[l]}`} />;
