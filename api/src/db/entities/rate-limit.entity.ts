import { Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, IntColumn } from '../columns';

/**
 * One counter per (scope, subject), e.g. ("login:account", "ann@example.com"): how many failures
 * since `windowStart`. Kept in the database so every API process counts together.
 */
@Entity('rate_limits')
export class RateLimitEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 }) scope!: string;
  @PrimaryColumn({ type: 'varchar', length: 320 }) subject!: string;
  @InstantColumn() windowStart!: string;
  @IntColumn() count!: number;
}
