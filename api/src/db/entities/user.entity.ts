import { Entity, Index } from 'typeorm';
import { BoolColumn, IdColumn, InstantColumn, TextColumn } from '../columns';

@Entity('users')
export class UserEntity {
  @IdColumn() id!: string;
  @Index('uq_users_email', { unique: true })
  @TextColumn(254)
  email!: string;
  @TextColumn(200) name!: string;
  @TextColumn(200) passwordHash!: string;
  @BoolColumn({ default: false }) isAdmin!: boolean;
  /** docs/domain.md#access-lifecycle: false once deactivated. */
  @BoolColumn({ default: true }) active!: boolean;
  @InstantColumn() createdAt!: string;
  @InstantColumn() updatedAt!: string;
}
