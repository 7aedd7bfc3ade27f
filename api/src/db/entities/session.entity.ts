import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn, InstantColumn, RefColumn, TextColumn } from '../columns';
import { UserEntity } from './user.entity';

/** A signed-in browser or client. Only the SHA-256 of its token is stored. */
@Entity('sessions')
export class SessionEntity {
  @IdColumn() id!: string;
  @Index('idx_sessions_user')
  @RefColumn()
  userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @Index('uq_sessions_token_hash', { unique: true })
  @TextColumn(64)
  tokenHash!: string;
  @InstantColumn() createdAt!: string;
  @InstantColumn() lastSeenAt!: string;
  @InstantColumn() expiresAt!: string;
  @InstantColumn({ nullable: true }) revokedAt!: string | null;
}
