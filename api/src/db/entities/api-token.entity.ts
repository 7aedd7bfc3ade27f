import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../columns';
import { UserEntity } from './user.entity';

/** A long-lived token for scripts; shown once at creation, stored as its SHA-256. */
@Entity('api_tokens')
export class ApiTokenEntity {
  @IdColumn() id!: string;
  @Index('idx_api_tokens_user')
  @RefColumn()
  userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @TextColumn(100) name!: string;
  @Index('uq_api_tokens_token_hash', { unique: true })
  @TextColumn(64)
  tokenHash!: string;
  @InstantColumn() createdAt!: string;
  /** docs/domain.md#access-lifecycle: the token answers as unknown from this instant on. */
  @InstantColumn() expiresAt!: string;
  /** A scoped token's plan (no foreign key: a token of a plan that is gone finds nothing). */
  @RefColumn({ nullable: true }) planId!: string | null;
  /** Scopes joined by spaces; '' for an unscoped token. */
  @TextColumn(200, { default: '' }) scopes!: string;
  @InstantColumn({ nullable: true }) lastUsedAt!: string | null;
  @InstantColumn({ nullable: true }) revokedAt!: string | null;
}
