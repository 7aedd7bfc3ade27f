import { v7 } from 'uuid';

/**
 * The id of every new row: a UUIDv7 (RFC 9562), 48-bit Unix milliseconds then randomness, with a
 * counter so ids made in one millisecond still sort in creation order. Time-ordered ids keep inserts
 * appending to the primary-key index instead of splitting pages all over it.
 */
export const newId = (): string => v7();
