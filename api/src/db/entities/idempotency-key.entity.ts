import { Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, IntColumn, LongTextColumn, TextColumn } from '../columns';

/** The first response to a POST sent with Idempotency-Key, replayed to retries. */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) userId!: string;
  @PrimaryColumn({ type: 'varchar', length: 255 }) key!: string;
  @TextColumn(64) requestHash!: string;
  @IntColumn() status!: number;
  @LongTextColumn() body!: string;
  @InstantColumn() createdAt!: string;
}
