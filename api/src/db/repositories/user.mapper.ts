import type { User } from '@handover/shared';
import type { UserEntity } from '../entities/user.entity';

export const toUser = (u: UserEntity): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  isAdmin: Boolean(u.isAdmin),
  active: Boolean(u.active),
  createdAt: u.createdAt,
});
